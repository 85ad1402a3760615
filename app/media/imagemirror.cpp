#include "media/imagemirror.h"

#include "domain/apierror.h"
#include "history/historystore.h"
#include "media/imagedownloader.h"
#include "media/medialog.h"

#include <QStorageInfo>

#include <algorithm>

namespace {

// The server had no image at that address: a 404/410, or the web app's page (200 text/html)
// that the real server sends for a missing upload (BackendClient::download says so).
bool isMiss(const ApiError &error)
{
    return error.kind == ApiError::Kind::NotFound || error.message.code == u"api.imageMissing";
}

// Worth waiting for: the server is busy, failing for a while, or out of reach.
bool isPassing(const ApiError &error)
{
    return error.isTransient() || error.kind == ApiError::Kind::ServerError;
}

} // namespace

ImageMirror::ImageMirror(ImageDownloader &downloader, HistoryStore &store, ImageBacklog &backlog,
                         std::function<QUrl(const QString &)> resolve, QString imagesDir,
                         Options options, QObject *parent)
    : QObject(parent)
    , m_downloader(downloader)
    , m_store(store)
    , m_backlog(backlog)
    , m_resolve(std::move(resolve))
    , m_imagesDir(std::move(imagesDir))
    , m_options(std::move(options))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_state == State::Waiting || m_state == State::Offline) {
            setState(goState());
            scheduleFeed();
        }
    });
    connect(&m_downloader, &ImageDownloader::imageStored, this, &ImageMirror::stored);
    connect(&m_downloader, &ImageDownloader::imageFailed, this, &ImageMirror::failed);
    // Whatever the downloader finished (ours, a visible cell, a job result), its lane may be
    // empty now.
    connect(&m_downloader, &ImageDownloader::becameIdle, this, &ImageMirror::scheduleFeed);
    // A slot took the URL waiting in the lane: queue the next before the finished image has
    // verified, or the slot idles meanwhile.
    connect(&m_downloader, &ImageDownloader::downloadEnded, this, &ImageMirror::scheduleFeed);
}

void ImageMirror::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    m_pending.clear();
    m_inFlight.clear(); // their answers are ignored: they belong to the other account
    m_skip.clear();
    m_attempts.clear();
    m_unverifiedMisses.clear();
    m_servingHosts.clear();
    m_retry.stop();
    m_counts = {};
    setState(State::Idle);
    Q_EMIT progressChanged(done(), total());
}

void ImageMirror::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    m_pending.clear();
    if (!runs()) {
        // Downloads already running finish and are kept; nothing new starts.
        m_retry.stop();
        setState(State::Idle);
    } else {
        start(); // every image again, or (switched off) the thumbnails the records lack
    }
}

bool ImageMirror::runs() const
{
    return !m_accountId.isEmpty() && (m_enabled || makesThumbnails());
}

void ImageMirror::setByteLimit(qint64 bytes)
{
    bytes = std::max<qint64>(0, bytes);
    if (bytes == m_byteLimit)
        return;
    m_byteLimit = bytes;
    if (runs())
        start(); // a larger size goes on; a smaller one stops at the next refill
}

void ImageMirror::start()
{
    if (!runs()) {
        setState(State::Idle);
        return;
    }
    m_cursor.reset();
    m_backlogEnd = false;
    m_pending.clear();
    m_attempts.clear();
    m_downloaded = m_gone = m_failed = m_thumbnailsMade = 0;
    m_limitReached = false;
    recount();
    if (m_paused || m_metered || !m_retry.isActive())
        setState(goState());
    scheduleFeed();
}

void ImageMirror::pause()
{
    m_paused = true;
    setState(State::Paused);
}

void ImageMirror::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (!runs())
        setState(State::Idle);
    else
        setState(m_retry.isActive() && !m_metered ? State::Waiting : goState());
    scheduleFeed();
}

void ImageMirror::backOnline()
{
    if (m_state != State::Offline)
        return;
    m_retry.stop();
    m_backoffStep = 0;
    setState(goState());
    scheduleFeed();
}

void ImageMirror::setMetered(bool metered)
{
    if (metered == m_metered)
        return;
    m_metered = metered;
    if (!runs())
        return;
    if (metered
        && (m_state == State::Running || m_state == State::Waiting || m_state == State::Offline)) {
        setState(State::Metered);
    } else if (!metered && m_state == State::Metered) {
        setState(goState());
        scheduleFeed();
    }
}

ImageMirror::State ImageMirror::goState() const
{
    return m_paused ? State::Paused : m_metered ? State::Metered : State::Running;
}

int ImageMirror::retryInSeconds() const
{
    return m_retry.isActive() ? (m_retry.remainingTime() + 999) / 1000 : 0;
}

void ImageMirror::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ImageMirror::scheduleFeed()
{
    // The downloader reports before it refills its own slots: look once it has.
    if (m_feedQueued)
        return;
    m_feedQueued = true;
    QMetaObject::invokeMethod(this, &ImageMirror::feed, Qt::QueuedConnection);
}

void ImageMirror::feed()
{
    m_feedQueued = false;
    if (m_state != State::Running)
        return;
    // Its downloads and their verification; enough to keep every download slot busy while
    // finished ones verify, never more than one waiting in the shared lane.
    const int limit = 2 * m_downloader.maxConcurrent();
    while (int(m_inFlight.size()) < limit && m_downloader.queuedCount() == 0) {
        // Newest first, so stopping here keeps the newest images up to the chosen size.
        if (m_byteLimit > 0 && m_bytesHere >= m_byteLimit && !m_limitReached) {
            qCInfo(lcMedia) << "image mirror reached its size limit:" << m_bytesHere << "of"
                            << m_byteLimit << "bytes";
            m_limitReached = true;
            if (!makesThumbnails()) {
                setState(State::LimitReached);
                return;
            }
        }
        if (m_pending.isEmpty() && (m_backlogEnd || !refill()))
            break;
        const BacklogItem item = m_pending.takeFirst();
        if (m_skip.contains(item.rowId))
            continue;
        const QUrl url = m_resolve(item.imageUrl);
        if (!url.isValid() || url.isRelative()) {
            m_skip.insert(item.rowId);
            ++m_failed;
            continue;
        }
        if (m_inFlight.contains(url))
            continue;
        const bool keepFile = keepsFiles();
        if (!keepFile && hasThumbnail(item))
            continue; // kept as a thumbnail in an earlier pass
        m_inFlight.insert(url, InFlight{item, url.host()});
        m_downloader.fetch(url, ImageDownloader::Priority::Backfill,
                           keepFile ? ImageDownloader::Keep::Original
                                    : ImageDownloader::Keep::ThumbnailOnly,
                           thumbnailKey(item.imageUrl));
    }
    if (m_state == State::Running && m_backlogEnd && m_pending.isEmpty() && m_inFlight.isEmpty())
        finishPass();
}

bool ImageMirror::refill()
{
    if (freeSpaceLow()) {
        qCInfo(lcMedia) << "image mirror paused: free space under" << m_options.minFreeBytes;
        setState(State::LowSpace);
        return false;
    }
    const auto page = m_backlog.nextMissing(m_accountId, m_cursor, m_options.batch);
    if (!page) {
        qCWarning(lcMedia) << "image mirror cannot read the backlog" << page.error().userMessage;
        m_backlogEnd = true;
        return false;
    }
    if (page.value().isEmpty()) {
        m_backlogEnd = true;
        return false;
    }
    m_pending = page.value();
    m_cursor = BacklogCursor{m_pending.constLast().createdAtMs, m_pending.constLast().rowId};
    return true;
}

bool ImageMirror::freeSpaceLow() const
{
    if (m_options.minFreeBytes <= 0)
        return false;
    const QStorageInfo storage(m_imagesDir);
    return storage.isValid() && storage.bytesAvailable() < m_options.minFreeBytes;
}

bool ImageMirror::makesThumbnails() const
{
    return m_downloader.makesThumbnails();
}

bool ImageMirror::keepsFiles() const
{
    return (m_enabled && !m_limitReached) || !makesThumbnails();
}

bool ImageMirror::hasThumbnail(const BacklogItem &item) const
{
    return m_downloader.hasThumbnail(thumbnailKey(item.imageUrl));
}

void ImageMirror::recount()
{
    const auto counts = m_backlog.counts(m_accountId);
    if (counts)
        m_counts = counts.value();
    if (m_byteLimit > 0) {
        const auto bytes = m_backlog.bytesHere(m_accountId);
        if (bytes)
            m_bytesHere = bytes.value();
    }
    Q_EMIT progressChanged(done(), total());
}

void ImageMirror::finishPass()
{
    recount();
    qCInfo(lcMedia) << "image mirror pass done:" << m_downloaded << "stored," << m_thumbnailsMade
                    << "as thumbnails only," << m_gone << "gone," << m_failed << "failed";
    setState(m_limitReached ? State::LimitReached : State::Done);
    Q_EMIT passFinished();
}

void ImageMirror::stored(const QUrl &url, const StoredImage &image)
{
    if (!m_inFlight.contains(url)) {
        scheduleFeed();
        return;
    }
    const InFlight entry = m_inFlight.take(url);
    m_backoffStep = 0;
    if (image.path.isEmpty()) {
        // Kept as a thumbnail only: the record stays "not kept"; opening it downloads it.
        if (!image.thumbnail.isEmpty()) {
            ++m_thumbnailsMade;
            Q_EMIT thumbnailSaved(entry.item.rowId);
        } else {
            m_skip.insert(entry.item.rowId);
            ++m_failed;
        }
    }
    const auto saved = image.path.isEmpty()
                           ? Result<bool>(false)
                           : m_store.fillLocalFile(entry.item.rowId, image.path, image.size,
                                                   image.width, image.height);
    if (saved && saved.value()) {
        ++m_counts.here;
        ++m_downloaded;
        m_bytesHere += image.size;
        Q_EMIT imageSaved(entry.item.rowId);
        Q_EMIT progressChanged(done(), total());
    } else if (!saved) {
        ++m_failed; // a row that gained a file meanwhile (a job's own result) is not a failure
    }
    m_servingHosts.insert(entry.host);
    const QList<qint64> verified = m_unverifiedMisses.take(entry.host);
    for (const qint64 rowId : verified)
        confirmGone(rowId);
    scheduleFeed();
}

void ImageMirror::failed(const QUrl &url, const ApiError &error)
{
    if (!m_inFlight.contains(url)) {
        scheduleFeed();
        return;
    }
    const InFlight entry = m_inFlight.take(url);
    const qint64 rowId = entry.item.rowId;
    if (error.kind == ApiError::Kind::Cancelled) {
        // Someone else cancelled the URL; the row stays in the backlog for the next pass.
    } else if (ImageStore::isDiskFull(error)) {
        // No room to store it: not a miss. The row stays in the backlog and the mirror stops
        // as its free-space floor stops it.
        m_pending.prepend(entry.item);
        setState(State::LowSpace);
        return;
    } else if (isMiss(error)) {
        missed(entry);
    } else if (isPassing(error)) {
        if (++m_attempts[rowId] < m_options.attemptsPerPass) {
            m_pending.prepend(entry.item);
        } else {
            m_skip.insert(rowId);
            ++m_failed;
        }
        backOff(error);
    } else {
        // Refused (not a picture, too large, cannot be stored): the next run may fare better.
        m_skip.insert(rowId);
        ++m_failed;
    }
    scheduleFeed();
}

void ImageMirror::missed(const InFlight &entry)
{
    const auto misses = m_backlog.recordMiss(entry.item.rowId);
    if ((misses && misses.value() >= 2) || m_servingHosts.contains(entry.host)) {
        confirmGone(entry.item.rowId);
        return;
    }
    m_skip.insert(entry.item.rowId);
    m_unverifiedMisses[entry.host].append(entry.item.rowId);
}

void ImageMirror::confirmGone(qint64 rowId)
{
    m_skip.insert(rowId);
    const auto marked = m_backlog.markGone(rowId);
    if (!marked || !marked.value())
        return;
    ++m_counts.gone;
    ++m_gone;
    Q_EMIT imageGone(rowId);
    Q_EMIT progressChanged(done(), total());
}

void ImageMirror::backOff(const ApiError &error)
{
    if (m_retry.isActive() && m_state != State::Running)
        return; // the downloads that were running when the first failure came
    const int step = std::min(m_backoffStep, int(m_options.backoffMs.size()) - 1);
    int delayMs = step >= 0 ? m_options.backoffMs.at(step) : 1000;
    if (error.retryAfterSeconds > 0)
        delayMs = std::max(delayMs, error.retryAfterSeconds * 1000);
    ++m_backoffStep;
    qCInfo(lcMedia) << "image mirror waits" << delayMs << "ms after" << error.userMessage;
    m_retry.start(delayMs);
    if (!m_paused && !m_metered)
        setState(error.kind == ApiError::Kind::Network ? State::Offline : State::Waiting);
}

// Compiled here rather than in studio_core's shared mocs_compilation unit (see
// thumbnailcache.cpp).
#include "moc_imagemirror.cpp"
