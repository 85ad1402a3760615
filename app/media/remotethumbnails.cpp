#include "media/remotethumbnails.h"

#include "backend/backendclient.h"
#include "history/profilepaths.h"
#include "media/imagedownloader.h"
#include "media/thumbnailcache.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <utility>

namespace {

QString profileOf(const QString &indexPath)
{
    return QFileInfo(indexPath).absolutePath();
}

} // namespace

RemoteThumbnails::RemoteThumbnails(BackendClient &client, ImageDownloader &downloader,
                                   ThumbnailCache &thumbnails, int edge, QString indexPath,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_downloader(downloader)
    , m_thumbnails(thumbnails)
    , m_edge(edge)
    , m_indexPath(std::move(indexPath))
{
    // What earlier runs downloaded, where the file is still there. Paths are kept relative to
    // the profile (the index's folder), so a moved profile keeps its pictures; an
    // absolute one an older version wrote is found in the profile's new place too.
    QFile index(m_indexPath);
    if (!m_indexPath.isEmpty() && index.open(QIODevice::ReadOnly)) {
        const ProfilePaths paths(profileOf(m_indexPath));
        const QJsonObject known = QJsonDocument::fromJson(index.read(qint64(1) << 20)).object();
        for (auto it = known.begin(); it != known.end(); ++it) {
            const QString file = paths.resolve(paths.toStored(it.value().toString()));
            if (QFileInfo::exists(file))
                m_localFiles.insert(QUrl(it.key()), file);
        }
    }
    connect(&m_downloader, &ImageDownloader::imageStored, this, &RemoteThumbnails::onStored);
    connect(&m_downloader, &ImageDownloader::imageFailed, this, &RemoteThumbnails::onFailed);
    connect(&m_thumbnails, &ThumbnailCache::thumbnailReady, this, &RemoteThumbnails::onThumbnail);
}

QString RemoteThumbnails::localFile(const QString &url) const
{
    return m_localFiles.value(m_client.resolveImageUrl(url));
}

void RemoteThumbnails::request(const QString &id, const QString &url)
{
    const QUrl resolved = m_client.resolveImageUrl(url);
    if (!resolved.isValid() || id.isEmpty())
        return;
    if (const auto local = m_localFiles.constFind(resolved); local != m_localFiles.cend()) {
        auto &ids = m_keys[*local];
        if (!ids.contains(id))
            ids.append(id);
        const QImage image = m_thumbnails.request(*local, *local, m_edge);
        if (!image.isNull())
            Q_EMIT thumbnailReady(id, image);
        return;
    }
    auto &ids = m_waiting[resolved];
    if (!ids.contains(id))
        ids.append(id);
    if (ids.size() == 1)
        m_downloader.fetch(resolved, ImageDownloader::Priority::JobResult);
}

void RemoteThumbnails::onStored(const QUrl &url, const StoredImage &image)
{
    const QStringList ids = m_waiting.take(url);
    if (ids.isEmpty())
        return;
    m_localFiles.insert(url, image.path);
    saveIndex();
    for (const auto &id : ids)
        request(id, url.toString());
}

void RemoteThumbnails::onFailed(const QUrl &url, const ApiError &)
{
    m_waiting.remove(url); // the placeholder stays; the next request tries again
}

void RemoteThumbnails::onThumbnail(const QString &key, const QImage &image)
{
    const auto it = m_keys.constFind(key);
    if (it == m_keys.cend())
        return;
    for (const auto &id : *it)
        Q_EMIT thumbnailReady(id, image);
}

void RemoteThumbnails::saveIndex() const
{
    if (m_indexPath.isEmpty())
        return;
    const ProfilePaths paths(profileOf(m_indexPath));
    QJsonObject known;
    for (auto it = m_localFiles.cbegin(); it != m_localFiles.cend(); ++it)
        known.insert(it.key().toString(), paths.toStored(it.value()));
    QSaveFile index(m_indexPath);
    if (!index.open(QIODevice::WriteOnly)
        || index.write(QJsonDocument(known).toJson(QJsonDocument::Compact)) < 0 || !index.commit())
        qWarning("could not write %s", qPrintable(m_indexPath));
}
