#pragma once

#include "backend/backendclient.h"
#include "media/imagestore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QUrl>

#include <functional>

// How the downloader starts one GET. It calls `done` once, on `context`'s thread, unless
// aborted first; the returned function aborts. downloadThrough() (backenddownload.h)
// builds one over BackendClient::download(); tests pass a fake.
using DownloadDone = std::function<void(const Result<DownloadedImage> &)>;
using AbortDownload = std::function<void()>;
using StartDownload =
    std::function<AbortDownload(const QUrl &url, QObject *context, DownloadDone done)>;

// Fetches result and history images: download (no token; the client refuses non-image
// Content-Types and oversized bodies), verify and store off the UI thread, report per URL.
// A few downloads at once; job results go before history backfill, because a job's hosted
// URL may be the only copy. The same URL asked twice is fetched once.
class ImageDownloader final : public QObject
{
    Q_OBJECT
public:
    enum class Priority { JobResult, Backfill };
    // What is kept of a verified download: the file, or only its thumbnail (the mirror in
    // "only images I open"). Asked for both ways, the file is kept.
    enum class Keep { Original, ThumbnailOnly };

    // The thumbnail every verified image gets on disk (ThumbnailFile), made from the decode
    // that verified it, keyed as the gallery keys it: by the stored file's path, or by the key
    // fetch() was given for Keep::ThumbnailOnly. An empty dir makes none.
    struct Thumbnails
    {
        QString dir;
        int edge = 0;
        int jpegQuality = 85;
    };

    ImageDownloader(StartDownload startDownload, ImageStore store, QObject *parent = nullptr);
    ~ImageDownloader() override;

    void setThumbnails(Thumbnails thumbnails) { m_thumbnails = std::move(thumbnails); }
    const Thumbnails &thumbnails() const { return m_thumbnails; }
    bool makesThumbnails() const { return !m_thumbnails.dir.isEmpty() && m_thumbnails.edge > 0; }
    // The thumbnail keyed `key` is on disk already (made in an earlier run).
    bool hasThumbnail(const QString &key) const;

    void setMaxConcurrent(int downloads);
    int maxConcurrent() const { return m_maxConcurrent; }

    // Queues `url` unless it is already queued or in progress (a JobResult request then
    // promotes a queued backfill entry). Exactly one imageStored / imageFailed follows,
    // unless cancelled. Keep::ThumbnailOnly stores no file (StoredImage::path stays empty) and
    // keys the thumbnail by `thumbnailKey` (Keep::Original keys it by the stored file).
    void fetch(const QUrl &url, Priority priority = Priority::Backfill, Keep keep = Keep::Original,
               const QString &thumbnailKey = {});
    // Forgets `url`: a queued entry is dropped, a download aborted. No signal follows.
    void cancel(const QUrl &url);
    void cancelBackfill();
    void cancelAll();

    bool contains(const QUrl &url) const { return m_entries.contains(url); }
    int queuedCount() const { return int(m_jobQueue.size() + m_backfillQueue.size()); }
    int activeCount() const { return m_downloading; }
    bool isIdle() const { return m_entries.isEmpty(); }

Q_SIGNALS:
    void imageStored(const QUrl &url, const StoredImage &image);
    void imageFailed(const QUrl &url, const ApiError &error);
    // Nothing queued, downloading or verifying any more.
    void becameIdle();
    // A download answered and its slot took the next queued URL, if any; its verification may
    // still run. A feeder that keeps one URL waiting queues the next one now, so no slot idles
    // while images verify.
    void downloadEnded();

private:
    enum class Stage { Queued, Downloading, Verifying };
    struct Entry
    {
        quint64 id = 0; // tells a live entry from a cancelled one with the same URL
        Priority priority = Priority::Backfill;
        Stage stage = Stage::Queued;
        AbortDownload abort;
        Keep keep = Keep::Original;
        QString thumbnailKey;
        bool keepAfterVerify = false; // the file was asked for while only a thumbnail verified
    };

    void pump();
    void start(const QUrl &url, Entry &entry);
    void downloaded(const QUrl &url, quint64 id, const Result<DownloadedImage> &result);
    void verified(const QUrl &url, quint64 id, const Result<StoredImage> &result);
    void finish(const QUrl &url);
    void drop(const QUrl &url);
    void afterCancel();

    StartDownload m_startDownload;
    ImageStore m_store;
    Thumbnails m_thumbnails;
    QThreadPool m_verifyPool;
    QHash<QUrl, Entry> m_entries;
    QList<QUrl> m_jobQueue;
    QList<QUrl> m_backfillQueue;
    int m_maxConcurrent = 3;
    int m_downloading = 0;
    quint64 m_nextId = 1;
    bool m_destroying = false;
};
