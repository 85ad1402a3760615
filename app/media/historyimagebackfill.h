#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUrl>

class BackendClient;
class HistoryStore;
class ImageDownloader;
struct ApiError;
struct StoredImage;

// Downloads the images of history records that have none locally (hosted URLs may not live
// forever): the visible cells first, through the shared ImageDownloader in its background
// lane, and records each stored file on its row.
class HistoryImageBackfill final : public QObject
{
    Q_OBJECT
public:
    HistoryImageBackfill(ImageDownloader &downloader, HistoryStore &store, BackendClient &client,
                         QObject *parent = nullptr);

    // Asks for the images of these rows (completed, with a URL, no local file yet). Rows
    // asked for earlier and still waiting keep their place; a failed URL is not asked again
    // in this run.
    void want(const QList<qint64> &rowIds);
    int pending() const { return int(m_waiting.size()); }
    // "Only images I open" (false): a card shown online gets its thumbnail kept, keyed as the
    // mirror keys it (ImageMirror::thumbnailKey), and no image file. Files are kept where the
    // downloader makes no thumbnails.
    void setKeepFiles(bool keep) { m_keepFiles = keep; }

Q_SIGNALS:
    // A row now has its image on disk.
    void imageSaved(qint64 rowId);
    // A row kept as a thumbnail only now has it on disk.
    void thumbnailSaved(qint64 rowId);

private:
    void stored(const QUrl &url, const StoredImage &image);
    void failed(const QUrl &url, const ApiError &error);

    ImageDownloader &m_downloader;
    HistoryStore &m_store;
    BackendClient &m_client;
    QHash<QUrl, qint64> m_waiting; // URL -> row
    QSet<QUrl> m_failed;
    bool m_keepFiles = true;
};
