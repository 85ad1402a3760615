#include "jobs/resultdownloads.h"

#include "jobs/rearm.h"

ResultDownloads::ResultDownloads(ImageDownloader &downloader, ResolveUrl resolve, QObject *parent)
    : QObject(parent)
    , m_downloader(downloader)
    , m_resolve(std::move(resolve))
{
    connect(&m_downloader, &ImageDownloader::imageStored, this, &ResultDownloads::onStored);
    connect(&m_downloader, &ImageDownloader::imageFailed, this, &ResultDownloads::onFailed);
}

void ResultDownloads::fetch(qint64 jobId, const QString &imageUrl)
{
    if (imageUrl.isEmpty())
        return;
    auto &tries = m_tries[jobId];
    if (!tries)
        tries = std::make_unique<Tries>();
    tries->imageUrl = imageUrl;
    const auto url = m_resolve(imageUrl);
    auto &waiters = m_waiters[url];
    if (!waiters.contains(jobId))
        waiters.append(jobId);
    m_downloader.fetch(url, ImageDownloader::Priority::JobResult);
}

void ResultDownloads::forget(qint64 jobId)
{
    m_tries.erase(jobId);
}

void ResultDownloads::clear()
{
    m_tries.clear();
}

void ResultDownloads::onStored(const QUrl &url, const StoredImage &image)
{
    for (const auto jobId : m_waiters.take(url)) {
        m_tries.erase(jobId);
        Q_EMIT stored(jobId, image);
    }
}

void ResultDownloads::onFailed(const QUrl &url, const ApiError &error)
{
    for (const auto jobId : m_waiters.take(url)) {
        const auto it = m_tries.find(jobId);
        if (it == m_tries.end())
            continue;
        auto &tries = *it->second;
        tries.attempts += 1;
        const bool retrying = tries.attempts < 4 && error.isTransient();
        if (retrying)
            rearm(tries.timer, 2000 * tries.attempts, this,
                  [this, jobId, imageUrl = tries.imageUrl] { fetch(jobId, imageUrl); });
        else
            m_tries.erase(it);
        Q_EMIT failed(jobId, error, retrying);
    }
}
