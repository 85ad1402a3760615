#include "media/diskusage.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QStorageInfo>

namespace {

std::pair<qint64, qint64> folderSize(const QString &dir)
{
    qint64 bytes = 0;
    qint64 files = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
        ++files;
    }
    return {bytes, files};
}

} // namespace

DiskUsage DiskUsage::measure(const QString &imagesDir, const QString &thumbnailsDir)
{
    DiskUsage usage;
    std::tie(usage.imageBytes, usage.imageFiles) = folderSize(imagesDir);
    usage.thumbnailBytes = folderSize(thumbnailsDir).first;
    const QStorageInfo storage(imagesDir);
    if (storage.isValid())
        usage.freeBytes = storage.bytesAvailable();
    return usage;
}
