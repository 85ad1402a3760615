#include "media/historyimagebackfill.h"

#include "backend/backendclient.h"
#include "history/historystore.h"
#include "media/imagedownloader.h"
#include "media/imagemirror.h"

HistoryImageBackfill::HistoryImageBackfill(ImageDownloader &downloader, HistoryStore &store,
                                           BackendClient &client, QObject *parent)
    : QObject(parent)
    , m_downloader(downloader)
    , m_store(store)
    , m_client(client)
{
    connect(&m_downloader, &ImageDownloader::imageStored, this, &HistoryImageBackfill::stored);
    connect(&m_downloader, &ImageDownloader::imageFailed, this, &HistoryImageBackfill::failed);
}

void HistoryImageBackfill::want(const QList<qint64> &rowIds)
{
    for (const auto rowId : rowIds) {
        auto record = m_store.recordByRowId(rowId);
        if (!record || !record.value())
            continue;
        const auto &r = *record.value();
        // A record whose image is gone from the server (ImageMirror verified it) is not asked
        // again each time its cell comes into view.
        if (!r.localFile.isEmpty() || r.imageUrl.isEmpty() || r.status != ImageStatus::Completed
            || r.imageGone)
            continue;
        const auto url = m_client.resolveImageUrl(r.imageUrl);
        if (!url.isValid() || m_failed.contains(url) || m_waiting.contains(url))
            continue;
        const bool keepFile = m_keepFiles || !m_downloader.makesThumbnails();
        const QString key = ImageMirror::thumbnailKey(r.imageUrl);
        if (!keepFile && m_downloader.hasThumbnail(key))
            continue; // its card reads the kept thumbnail
        m_waiting.insert(url, rowId);
        m_downloader.fetch(
            url, ImageDownloader::Priority::Backfill,
            keepFile ? ImageDownloader::Keep::Original : ImageDownloader::Keep::ThumbnailOnly, key);
    }
}

void HistoryImageBackfill::stored(const QUrl &url, const StoredImage &image)
{
    const auto it = m_waiting.constFind(url);
    if (it == m_waiting.cend())
        return;
    const qint64 rowId = it.value();
    m_waiting.erase(it);
    if (image.path.isEmpty()) {
        if (!image.thumbnail.isEmpty())
            Q_EMIT thumbnailSaved(rowId);
        return;
    }
    if (m_store.fillLocalFile(rowId, image.path, image.size, image.width, image.height))
        Q_EMIT imageSaved(rowId);
}

void HistoryImageBackfill::failed(const QUrl &url, const ApiError &)
{
    if (m_waiting.remove(url) > 0)
        m_failed.insert(url);
}
