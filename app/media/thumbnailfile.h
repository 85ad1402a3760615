#pragma once

#include <QImage>
#include <QString>

// Where a thumbnail lives on disk and how it is read and written: thumbs/ab/<sha1(key)>-<edge>
// plus .jpg (opaque) or .png. ThumbnailCache's workers and the mirror's verification (which
// makes each thumbnail as it stores the image) share it, so the gallery finds the mirror's file.
// Thread-safe: static functions over the file system only.
class ThumbnailFile final
{
public:
    // The path without its extension.
    static QString stem(const QString &thumbnailsDir, const QString &key, int edge);
    // The file at `stem` (either extension), or an empty string.
    static QString existing(const QString &stem);
    // Null when there is none; a damaged file is removed (it is only a cache miss).
    static QImage read(const QString &stem);
    // JPEG at `jpegQuality` when opaque, else PNG; atomic, not synced. The path written, or an
    // empty string on failure.
    static QString write(const QString &stem, const QImage &image, int jpegQuality);
};
