#pragma once

#include <QString>

// What a profile's pictures take on disk and what the disk has left, for Settings. Walks the
// folders: call it off the UI thread (a few hundred ms at 100,000 files).
struct DiskUsage
{
    qint64 imageBytes = 0; // originals (images/)
    qint64 imageFiles = 0;
    qint64 thumbnailBytes = 0; // thumbnails on disk
    qint64 freeBytes = -1; // on the profile's disk; -1 when unknown

    static DiskUsage measure(const QString &imagesDir, const QString &thumbnailsDir);
};
