#include "media/imagestore.h"

#include "media/medialog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {

ApiError diskError(const QString &path, const UserMessage &detail)
{
    return ApiError::make(ApiError::Kind::Local,
                          UserMessage::of("core.image.saveFailed",
                                          {QDir::toNativeSeparators(path), detail.toStorage()}));
}

ApiError diskError(const QString &path, const QString &systemWords)
{
    return diskError(path, UserMessage::plain(systemWords));
}

} // namespace

ImageStore::ImageStore(QString imagesDir)
    : m_dir(std::move(imagesDir))
{ }

QString ImageStore::pathFor(const QByteArray &sha256Hex, const QByteArray &format) const
{
    const QString hex = QString::fromLatin1(sha256Hex);
    return m_dir + QLatin1Char('/') + hex.left(2) + QLatin1Char('/') + hex + QLatin1Char('.')
           + ImageVerifier::extensionForFormat(format);
}

Result<StoredImage> ImageStore::store(const QByteArray &bytes, const VerifiedImage &image) const
{
    const QByteArray hex = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    const QString path = pathFor(hex, image.format);
    StoredImage stored{path, QString::fromLatin1(hex), bytes.size(), image.width, image.height};

    // Content-addressed: an existing file of the right size already holds these bytes
    // (QSaveFile never leaves a partial file under the final name).
    const QFileInfo existing(path);
    if (existing.exists() && existing.size() == bytes.size())
        return stored;

    if (!QDir().mkpath(existing.absolutePath()))
        return diskError(path, UserMessage::of("core.image.why.cannotCreateFolder"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return diskError(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return diskError(path, why);
    }
    if (!file.commit())
        return diskError(path, file.errorString());
    qCDebug(lcMedia) << "stored" << path << bytes.size() << "bytes";
    return stored;
}
