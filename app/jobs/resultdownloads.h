#pragma once

#include "media/imagedownloader.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

// Downloads finished jobs' images through the ImageDownloader (before any history backfill),
// a few tries each for transient failures, and says which job each image or failure is for.
class ResultDownloads final : public QObject
{
    Q_OBJECT
public:
    // Turns a result URL as the server gave it into one to download.
    using ResolveUrl = std::function<QUrl(const QString &url)>;

    ResultDownloads(ImageDownloader &downloader, ResolveUrl resolve, QObject *parent = nullptr);

    void fetch(qint64 jobId, const QString &imageUrl);
    // Drops the job's tries (a download already asked for still reports).
    void forget(qint64 jobId);
    void clear();

Q_SIGNALS:
    void stored(qint64 jobId, const StoredImage &image);
    // Not downloaded; `retrying`: another try is scheduled.
    void failed(qint64 jobId, const ApiError &error, bool retrying);

private:
    struct Tries
    {
        QString imageUrl;
        int attempts = 0;
        QTimer timer;
    };

    void onStored(const QUrl &url, const StoredImage &image);
    void onFailed(const QUrl &url, const ApiError &error);

    ImageDownloader &m_downloader;
    ResolveUrl m_resolve;
    QHash<QUrl, QList<qint64>> m_waiters; // result URL -> jobs waiting for it
    std::map<qint64, std::unique_ptr<Tries>> m_tries;
};
