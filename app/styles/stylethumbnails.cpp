#include "styles/stylethumbnails.h"

#include "backend/backendclient.h"
#include "media/imagedownloader.h"
#include "media/thumbnailcache.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <utility>

StyleThumbnails::StyleThumbnails(BackendClient &client, ImageDownloader &downloader,
                                 ThumbnailCache &thumbnails, QString indexPath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_downloader(downloader)
    , m_thumbnails(thumbnails)
    , m_indexPath(std::move(indexPath))
{
    QFile index(m_indexPath);
    if (!m_indexPath.isEmpty() && index.open(QIODevice::ReadOnly)) {
        const QJsonObject known = QJsonDocument::fromJson(index.read(qint64(1) << 20)).object();
        for (auto it = known.begin(); it != known.end(); ++it)
            if (const QString file = it.value().toString(); QFileInfo::exists(file))
                m_localFiles.insert(QUrl(it.key()), file);
    }
    connect(&m_downloader, &ImageDownloader::imageStored, this, &StyleThumbnails::onStored);
    connect(&m_downloader, &ImageDownloader::imageFailed, this, &StyleThumbnails::onFailed);
    connect(&m_thumbnails, &ThumbnailCache::thumbnailReady, this, &StyleThumbnails::onThumbnail);
}

QString StyleThumbnails::localFile(const QString &url) const
{
    return m_localFiles.value(m_client.resolveImageUrl(url));
}

void StyleThumbnails::request(const QString &styleId, const QString &url)
{
    const QUrl resolved = m_client.resolveImageUrl(url);
    if (!resolved.isValid() || styleId.isEmpty())
        return;
    if (const auto local = m_localFiles.constFind(resolved); local != m_localFiles.cend()) {
        auto &ids = m_keys[*local];
        if (!ids.contains(styleId))
            ids.append(styleId);
        const QImage image = m_thumbnails.request(*local, *local, edge);
        if (!image.isNull())
            Q_EMIT thumbnailReady(styleId, image);
        return;
    }
    auto &ids = m_waiting[resolved];
    if (!ids.contains(styleId))
        ids.append(styleId);
    if (ids.size() == 1)
        m_downloader.fetch(resolved, ImageDownloader::Priority::JobResult);
}

void StyleThumbnails::onStored(const QUrl &url, const StoredImage &image)
{
    const QStringList ids = m_waiting.take(url);
    if (ids.isEmpty())
        return;
    m_localFiles.insert(url, image.path);
    saveIndex();
    for (const auto &id : ids)
        request(id, url.toString());
}

void StyleThumbnails::onFailed(const QUrl &url, const ApiError &)
{
    m_waiting.remove(url); // the placeholder stays; the next opening of the picker tries again
}

void StyleThumbnails::onThumbnail(const QString &key, const QImage &image)
{
    const auto it = m_keys.constFind(key);
    if (it == m_keys.cend())
        return;
    for (const auto &id : *it)
        Q_EMIT thumbnailReady(id, image);
}

void StyleThumbnails::saveIndex() const
{
    if (m_indexPath.isEmpty())
        return;
    QJsonObject known;
    for (auto it = m_localFiles.cbegin(); it != m_localFiles.cend(); ++it)
        known.insert(it.key().toString(), it.value());
    QSaveFile index(m_indexPath);
    if (!index.open(QIODevice::WriteOnly)
        || index.write(QJsonDocument(known).toJson(QJsonDocument::Compact)) < 0 || !index.commit())
        qWarning("could not write %s", qPrintable(m_indexPath));
}
