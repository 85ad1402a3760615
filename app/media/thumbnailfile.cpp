#include "media/thumbnailfile.h"

#include "media/medialog.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QTemporaryFile>

#include <cstdio>

namespace {

const QLatin1StringView kExtensions[] = {QLatin1StringView(".jpg"), QLatin1StringView(".png")};

bool isOpaque(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return true;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) != 255)
                return false;
        }
    }
    return true;
}

} // namespace

QString ThumbnailFile::stem(const QString &thumbnailsDir, const QString &key, int edge)
{
    const QString hex = QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex());
    return thumbnailsDir + QLatin1Char('/') + hex.left(2) + QLatin1Char('/') + hex
           + QLatin1Char('-') + QString::number(edge);
}

QString ThumbnailFile::existing(const QString &stem)
{
    for (const QLatin1StringView ext : kExtensions) {
        QString path = stem + ext;
        if (QFile::exists(path))
            return path;
    }
    return {};
}

QImage ThumbnailFile::read(const QString &stem)
{
    for (const QLatin1StringView ext : kExtensions) {
        const QString path = stem + ext;
        if (!QFile::exists(path))
            continue;
        QImageReader reader(path);
        QImage image = reader.read();
        if (!image.isNull())
            return image;
        // A damaged cache file is only a cache miss; drop it so it gets rewritten.
        qCWarning(lcMedia) << "dropping unreadable thumbnail" << path << reader.errorString();
        QFile::remove(path);
    }
    return {};
}

QString ThumbnailFile::write(const QString &stem, const QImage &image, int jpegQuality)
{
    const bool opaque = isOpaque(image);
    QString path = stem + (opaque ? QStringLiteral(".jpg") : QStringLiteral(".png"));
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        qCWarning(lcMedia) << "cannot create the thumbnail folder for" << path;
        return {};
    }
    QByteArray encoded;
    {
        QBuffer buffer(&encoded);
        buffer.open(QIODevice::WriteOnly);
        const bool encodedOk =
            opaque ? image.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", jpegQuality)
                   : image.save(&buffer, "PNG");
        if (!encodedOk) {
            qCWarning(lcMedia) << "cannot encode thumbnail" << path;
            return {};
        }
    }
    // Atomic (a temporary file renamed into place) but not synced: QSaveFile's fsync per
    // thumbnail halved throughput, and a file damaged by a crash is only a cache miss (read()
    // drops it).
    QTemporaryFile file(path + QStringLiteral(".XXXXXX"));
    if (!file.open() || file.write(encoded) != encoded.size() || !file.flush()) {
        qCWarning(lcMedia) << "cannot write thumbnail" << path << file.errorString();
        return {};
    }
    file.close();
    if (std::rename(QFile::encodeName(file.fileName()).constData(),
                    QFile::encodeName(path).constData())
        != 0)
        return {};
    file.setAutoRemove(false);
    return path;
}
