#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QImage>
#include <QString>

// What a verified image is: its real format (as QImageReader names it) and dimensions.
struct VerifiedImage
{
    QByteArray format; // "png", "jpeg", "webp"...
    int width = 0;
    int height = 0;
};

// Decides whether downloaded bytes are an image we keep: an image/* Content-Type, a
// header within ImageLimits (checked before anything is decoded, so a decompression bomb
// costs nothing), and a complete decode. Pure and thread-safe: run it off the UI thread.
class ImageVerifier final
{
public:
    // `decoded`, when given, receives the decoded image, upright (EXIF orientation applied),
    // so a caller that needs its pixels (a thumbnail) does not decode the bytes again.
    static Result<VerifiedImage> verify(const QByteArray &bytes, const QString &contentType,
                                        QImage *decoded = nullptr);

    // The file extension (without dot) for a QImageReader format name: "jpeg" -> "jpg".
    static QString extensionForFormat(const QByteArray &format);
};
