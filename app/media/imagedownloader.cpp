#include "media/imagedownloader.h"

#include "media/medialog.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailfile.h"
#include "threading/pool.h"

#include <QFutureWatcher>

#include <optional>

namespace {

// QFuture needs a default-constructible value; Result<T> is not.
struct VerifyOutcome
{
    std::optional<StoredImage> image;
    ApiError error;
};

// Runs on a verify thread: one decode verifies the bytes and feeds the thumbnail.
VerifyOutcome verifyAndStore(const ImageStore &store, const ImageDownloader::Thumbnails &thumbs,
                             const DownloadedImage &download, ImageDownloader::Keep keep,
                             const QString &thumbnailKey)
{
    const bool keepFile = keep == ImageDownloader::Keep::Original;
    const bool makeThumbnail = !thumbs.dir.isEmpty() && thumbs.edge > 0;
    QImage decoded;
    const Result<VerifiedImage> verified = ImageVerifier::verify(
        download.data, download.contentType, makeThumbnail ? &decoded : nullptr);
    if (!verified)
        return {std::nullopt, verified.error()};
    StoredImage image{{}, {}, download.data.size(), verified.value().width, verified.value().height,
                      {}};
    if (keepFile) {
        Result<StoredImage> stored = store.store(download.data, verified.value());
        if (!stored)
            return {std::nullopt, stored.error()};
        image = stored.value();
    }
    const QString key = keepFile ? image.path : thumbnailKey;
    if (makeThumbnail && !key.isEmpty()) {
        const QString stem = ThumbnailFile::stem(thumbs.dir, key, thumbs.edge);
        image.thumbnail = ThumbnailFile::existing(stem);
        if (image.thumbnail.isEmpty()) {
            image.thumbnail = ThumbnailFile::write(
                stem, ThumbnailCache::thumbnailOf(std::move(decoded), thumbs.edge),
                thumbs.jpegQuality);
        }
    }
    return {image, {}};
}

} // namespace

ImageDownloader::ImageDownloader(StartDownload startDownload, ImageStore store, QObject *parent)
    : QObject(parent)
    , m_startDownload(std::move(startDownload))
    , m_store(std::move(store))
{
    // Its own pool: the global one has two threads here and other modules use it. Decoding a
    // 4K result for verification is the CPU-heavy part.
    m_verifyPool.setMaxThreadCount(2);
    m_verifyPool.setObjectName(QStringLiteral("image-verify"));
}

ImageDownloader::~ImageDownloader()
{
    m_destroying = true;
    for (Entry &entry : m_entries) {
        if (entry.abort)
            entry.abort();
    }
    waitForPool(m_verifyPool);
}

bool ImageDownloader::hasThumbnail(const QString &key) const
{
    return makesThumbnails()
           && !ThumbnailFile::existing(
                   ThumbnailFile::stem(m_thumbnails.dir, key, m_thumbnails.edge))
                   .isEmpty();
}

void ImageDownloader::setMaxConcurrent(int downloads)
{
    m_maxConcurrent = qMax(1, downloads);
    pump();
}

void ImageDownloader::fetch(const QUrl &url, Priority priority, Keep keep,
                            const QString &thumbnailKey)
{
    if (!url.isValid() || url.isRelative()) {
        const ApiError error =
            ApiError::make(ApiError::Kind::BadResponse,
                           UserMessage::of("core.image.badAddress", {url.toDisplayString()}));
        QMetaObject::invokeMethod(
            this, [this, url, error] { Q_EMIT imageFailed(url, error); }, Qt::QueuedConnection);
        return;
    }
    const auto existing = m_entries.find(url);
    if (existing != m_entries.end()) {
        if (priority == Priority::JobResult && existing->priority == Priority::Backfill
            && existing->stage == Stage::Queued) {
            existing->priority = Priority::JobResult;
            m_backfillQueue.removeOne(url);
            m_jobQueue.append(url);
        }
        if (keep == Keep::Original && existing->keep == Keep::ThumbnailOnly) {
            // Too late for a verification already running: it fetches again once done.
            if (existing->stage == Stage::Verifying)
                existing->keepAfterVerify = true;
            existing->keep = Keep::Original;
        }
        return;
    }
    m_entries.insert(url, Entry{m_nextId++, priority, Stage::Queued, {}, keep, thumbnailKey});
    (priority == Priority::JobResult ? m_jobQueue : m_backfillQueue).append(url);
    pump();
}

void ImageDownloader::pump()
{
    while (m_downloading < m_maxConcurrent
           && (!m_jobQueue.isEmpty() || !m_backfillQueue.isEmpty())) {
        const QUrl url =
            !m_jobQueue.isEmpty() ? m_jobQueue.takeFirst() : m_backfillQueue.takeFirst();
        const auto it = m_entries.find(url);
        if (it == m_entries.end())
            continue;
        start(url, *it);
    }
}

void ImageDownloader::start(const QUrl &url, Entry &entry)
{
    entry.stage = Stage::Downloading;
    ++m_downloading;
    const quint64 id = entry.id;
    qCDebug(lcMedia) << "downloading" << url.toDisplayString();
    AbortDownload abort = m_startDownload(
        url, this, [this, url, id](const Result<DownloadedImage> &r) { downloaded(url, id, r); });
    // The download may have answered synchronously (a fake, a refused URL).
    const auto it = m_entries.find(url);
    if (it != m_entries.end() && it->id == id && it->stage == Stage::Downloading)
        it->abort = std::move(abort);
}

void ImageDownloader::downloaded(const QUrl &url, quint64 id, const Result<DownloadedImage> &result)
{
    if (m_destroying)
        return;
    const auto it = m_entries.find(url);
    if (it == m_entries.end() || it->id != id || it->stage != Stage::Downloading)
        return; // cancelled
    --m_downloading;
    it->abort = {};
    if (!result) {
        qCInfo(lcMedia) << "download failed" << url.toDisplayString() << result.error().userMessage;
        const ApiError &error = result.error();
        finish(url);
        Q_EMIT imageFailed(url, error);
        pump();
        Q_EMIT downloadEnded();
        return;
    }

    it->stage = Stage::Verifying;
    auto *watcher = new QFutureWatcher<VerifyOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, url, id] {
        watcher->deleteLater();
        const VerifyOutcome outcome = watcher->result();
        if (outcome.image)
            verified(url, id, *outcome.image);
        else
            verified(url, id, outcome.error);
    });
    watcher->setFuture(
        runInPool(m_verifyPool, [store = m_store, thumbs = m_thumbnails, download = result.value(),
                                 keep = it->keep, key = it->thumbnailKey] {
            return verifyAndStore(store, thumbs, download, keep, key);
        }));
    pump();
    Q_EMIT downloadEnded();
}

void ImageDownloader::verified(const QUrl &url, quint64 id, const Result<StoredImage> &result)
{
    const auto it = m_entries.find(url);
    if (it == m_entries.end() || it->id != id)
        return; // cancelled while verifying; the file, if stored, is harmless
    if (it->keepAfterVerify) {
        // Someone asked for the file while only its thumbnail was being made: fetch it again.
        it->keepAfterVerify = false;
        it->stage = Stage::Queued;
        (it->priority == Priority::JobResult ? m_jobQueue : m_backfillQueue).prepend(url);
        pump();
        return;
    }
    finish(url);
    if (result) {
        Q_EMIT imageStored(url, result.value());
    } else {
        qCInfo(lcMedia) << "image refused" << url.toDisplayString() << result.error().userMessage;
        Q_EMIT imageFailed(url, result.error());
    }
}

void ImageDownloader::finish(const QUrl &url)
{
    m_entries.remove(url);
    if (m_entries.isEmpty())
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_entries.isEmpty())
                    Q_EMIT becameIdle();
            },
            Qt::QueuedConnection);
}

void ImageDownloader::cancel(const QUrl &url)
{
    drop(url);
    afterCancel();
}

void ImageDownloader::cancelBackfill()
{
    QList<QUrl> urls;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->priority == Priority::Backfill)
            urls.append(it.key());
    }
    for (const QUrl &url : std::as_const(urls))
        drop(url);
    afterCancel();
}

void ImageDownloader::cancelAll()
{
    const QList<QUrl> urls = m_entries.keys();
    for (const QUrl &url : urls)
        drop(url);
    afterCancel();
}

void ImageDownloader::drop(const QUrl &url)
{
    const auto it = m_entries.find(url);
    if (it == m_entries.end())
        return;
    const Entry entry = *it;
    m_entries.erase(it);
    m_jobQueue.removeOne(url);
    m_backfillQueue.removeOne(url);
    if (entry.stage == Stage::Downloading) {
        --m_downloading;
        if (entry.abort)
            entry.abort(); // its callback finds no entry and does nothing
    }
}

// Refills the freed slots only once every cancelled entry is gone, so a cancelled
// neighbour never gets started in between.
void ImageDownloader::afterCancel()
{
    if (m_entries.isEmpty())
        finish({});
    pump();
}

// Compiled here rather than in studio_core's shared mocs_compilation unit (see
// thumbnailcache.cpp).
#include "moc_imagedownloader.cpp"
