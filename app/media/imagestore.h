#pragma once

#include "domain/result.h"
#include "media/imageverifier.h"

#include <QString>

#include <functional>

// Where a stored original lives and what it is.
struct StoredImage
{
    QString path; // absolute, under the images folder; empty when only the thumbnail was kept
    QString sha256; // hex digest of the bytes, the file's name
    qint64 size = 0; // bytes
    int width = 0;
    int height = 0;
    QString thumbnail =
        {}; // the gallery's thumbnail on disk, when the downloader made or found one
};

// Keeps original images by content hash (images/ab/abcdef….png): the same bytes always
// land at the same path and are written once, atomically. Thread-safe: two threads storing
// the same bytes both end with the same complete file. A disk too full for the bytes is told
// before writing (core.image.diskFull, isDiskFull()), and so is a write that failed for room.
class ImageStore final
{
public:
    // The bytes free where a folder lives (-1: unknown); tests pass a full disk.
    using FreeBytes = std::function<qint64(const QString &dir)>;

    explicit ImageStore(QString imagesDir, FreeBytes freeBytes = {});

    // The error store() returns when there was no room for the image.
    static bool isDiskFull(const ApiError &error);

    QString imagesDir() const { return m_dir; }

    // Stores bytes already checked by ImageVerifier; `image` gives the extension and size.
    Result<StoredImage> store(const QByteArray &bytes, const VerifiedImage &image) const;

    // The path the bytes would be stored at.
    QString pathFor(const QByteArray &sha256Hex, const QByteArray &format) const;

private:
    bool lacksRoom(qint64 bytes) const;

    QString m_dir;
    FreeBytes m_freeBytes;
};
