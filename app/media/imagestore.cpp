#include "media/imagestore.h"

#include "history/storagefault.h"
#include "media/contenthash.h"
#include "media/medialog.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>

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

ApiError diskFull(const QString &detail)
{
    return ApiError::make(ApiError::Kind::Local, UserMessage::of("core.image.diskFull"), 0, detail);
}

} // namespace

ImageStore::ImageStore(QString imagesDir, FreeBytes freeBytes)
    : m_dir(std::move(imagesDir))
    , m_freeBytes(std::move(freeBytes))
{ }

bool ImageStore::isDiskFull(const ApiError &error)
{
    return error.message.code == u"core.image.diskFull";
}

bool ImageStore::lacksRoom(qint64 bytes) const
{
    if (!m_freeBytes)
        return StorageFault::lacksRoom(m_dir, bytes);
    const qint64 available = m_freeBytes(m_dir);
    return available >= 0 && available < bytes;
}

QString ImageStore::pathFor(const QByteArray &sha256Hex, const QByteArray &format) const
{
    const QString hex = QString::fromLatin1(sha256Hex);
    return m_dir + QLatin1Char('/') + hex.left(2) + QLatin1Char('/') + hex + QLatin1Char('.')
           + ImageVerifier::extensionForFormat(format);
}

Result<StoredImage> ImageStore::store(const QByteArray &bytes, const VerifiedImage &image) const
{
    const QByteArray hex = ContentHash::sha256(bytes).toHex();
    const QString path = pathFor(hex, image.format);
    StoredImage stored{path, QString::fromLatin1(hex), bytes.size(), image.width, image.height, {}};

    // Content-addressed: an existing file of the right size already holds these bytes
    // (QSaveFile never leaves a partial file under the final name).
    const QFileInfo existing(path);
    if (existing.exists() && existing.size() == bytes.size())
        return stored;

    // Checked first: a full disk would leave a half-written temporary file and the database no
    // room to link the image.
    if (lacksRoom(bytes.size()))
        return diskFull(path);
    if (!QDir().mkpath(existing.absolutePath()))
        return diskError(path, UserMessage::of("core.image.why.cannotCreateFolder"));
    QSaveFile file(path);
    // errno of the failed write, before anything else can change it.
    const auto failed = [&](const QString &why) {
        const int error = errno;
        file.cancelWriting();
        if (StorageFault::isNoRoom(error) || lacksRoom(bytes.size()))
            return diskFull(why);
        return diskError(path, why);
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size())
        return failed(file.errorString());
    if (!file.commit())
        return failed(file.errorString());
    qCDebug(lcMedia) << "stored" << path << bytes.size() << "bytes";
    return stored;
}
