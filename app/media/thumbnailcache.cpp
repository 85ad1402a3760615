#include "media/thumbnailcache.h"

#include "media/medialog.h"
#include "media/thumbnailfile.h"
#include "threading/handoff.h"
#include "threading/pool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <deque>
#include <limits>
#include <mutex>

struct ThumbnailCache::Work
{
    QString key;
    QString cacheKey;
    QString sourcePath;
    QString diskStem; // thumbs/ab/<sha1(key)>-<edge>, without extension
    int edge = 0;
};

struct ThumbnailCache::Outcome
{
    QString key;
    QString cacheKey;
    QImage image;
    QString error;
    bool absent = false; // no source given and no file on disk
};

// What the caller's thread and the workers share, under one mutex. Workers pull the front
// of the queue themselves, so reprioritising takes effect at the very next pick.
struct ThumbnailCache::Shared
{
    std::mutex mutex; // not a QMutex: ThreadSanitizer sees pthread mutexes only
    std::deque<Work> queue;
    int runningWorkers = 0;
    int maxWorkers = 1;
    bool stopping = false;
    int jpegQuality = 85;
    std::atomic<int> sourceDecodes{0};
    std::atomic<int> diskHits{0};
};

ThumbnailCache::ThumbnailCache(QString thumbnailsDir, QObject *parent)
    : ThumbnailCache(std::move(thumbnailsDir), Options{}, parent)
{ }

ThumbnailCache::ThumbnailCache(QString thumbnailsDir, Options options, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
    , m_dir(std::move(thumbnailsDir))
    , m_toCache(new Handoff(this))
{
    const int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    m_shared->maxWorkers = qMax(1, threads);
    m_shared->jpegQuality = options.jpegQuality;
    m_pool.setMaxThreadCount(m_shared->maxWorkers);
    m_pool.setObjectName(QStringLiteral("thumbnails"));
    m_memory.setMaxCost(options.memoryBytes);
}

ThumbnailCache::~ThumbnailCache()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        m_shared->queue.clear();
    }
    waitForPool(m_pool);
}

QString ThumbnailCache::cacheKey(const QString &key, int edgePx)
{
    return key + QLatin1Char('\x1f') + QString::number(edgePx);
}

QImage ThumbnailCache::request(const QString &key, const QString &sourcePath, int edgePx)
{
    const QString ck = cacheKey(key, edgePx);
    if (const QImage *hit = m_memory.object(ck))
        return *hit;
    if (m_pending.contains(ck) || m_failed.contains(ck))
        return {};

    Work work{key, ck, sourcePath, ThumbnailFile::stem(m_dir, key, edgePx), edgePx};
    m_pending.insert(ck, key);
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->queue.push_back(std::move(work));
    }
    scheduleStart();
    return {};
}

bool ThumbnailCache::isFailed(const QString &key, int edgePx) const
{
    return m_failed.contains(cacheKey(key, edgePx));
}

void ThumbnailCache::invalidate(const QString &key)
{
    const QString prefix = key + QLatin1Char('\x1f');
    for (auto it = m_failed.begin(); it != m_failed.end();)
        it = it->startsWith(prefix) ? m_failed.erase(it) : std::next(it);
    const QList<QString> cached = m_memory.keys();
    for (const QString &ck : cached) {
        if (ck.startsWith(prefix))
            m_memory.remove(ck);
    }
}

// Deferred to the event loop so that all requests of one paint pass are queued (and can be
// reprioritised) before the first worker picks.
void ThumbnailCache::scheduleStart()
{
    if (m_startScheduled)
        return;
    m_startScheduled = true;
    QMetaObject::invokeMethod(this, &ThumbnailCache::startWorkers, Qt::QueuedConnection);
}

void ThumbnailCache::startWorkers()
{
    m_startScheduled = false;
    int toStart = 0;
    {
        const std::lock_guard lock(m_shared->mutex);
        toStart =
            qMin(m_shared->maxWorkers - m_shared->runningWorkers, int(m_shared->queue.size()));
        toStart = qMax(0, toStart);
        m_shared->runningWorkers += toStart;
    }
    for (int i = 0; i < toStart; ++i)
        startInPool(m_pool, [shared = m_shared, this] { drain(shared, this); });
}

void ThumbnailCache::drain(const std::shared_ptr<Shared> &shared, ThumbnailCache *cache)
{
    for (;;) {
        Work work;
        {
            const std::lock_guard lock(shared->mutex);
            if (shared->stopping || shared->queue.empty()) {
                --shared->runningWorkers;
                return;
            }
            work = std::move(shared->queue.front());
            shared->queue.pop_front();
        }

        Outcome outcome{work.key, work.cacheKey, ThumbnailFile::read(work.diskStem), {}};
        if (!outcome.image.isNull()) {
            ++shared->diskHits;
        } else if (work.sourcePath.isEmpty()) {
            outcome.absent = true; // only the mirror makes this one: not yet, not failed
        } else {
            ++shared->sourceDecodes;
            outcome.image = renderThumbnail(work.sourcePath, work.edge, &outcome.error);
            if (!outcome.image.isNull())
                ThumbnailFile::write(work.diskStem, outcome.image, shared->jpegQuality);
        }
        // The cache waits for its workers in its destructor, so it is alive here.
        cache->m_toCache->post([cache, outcome] { cache->finished(outcome); });
    }
}

void ThumbnailCache::finished(const Outcome &outcome)
{
    m_pending.remove(outcome.cacheKey);
    if (outcome.absent)
        return; // asked again when the mirror has made it (the gallery refreshes then)
    if (outcome.image.isNull()) {
        m_failed.insert(outcome.cacheKey);
        qCWarning(lcMedia) << "thumbnail failed:" << outcome.error;
        Q_EMIT thumbnailFailed(outcome.key, outcome.error);
        return;
    }
    m_memory.insert(outcome.cacheKey, new QImage(outcome.image), outcome.image.sizeInBytes());
    Q_EMIT thumbnailReady(outcome.key, outcome.image);
}

void ThumbnailCache::setPriorityKeys(const QList<QString> &keys)
{
    QHash<QString, int> rank;
    for (int i = 0; i < keys.size(); ++i)
        rank.insert(keys.at(i), i);
    const std::lock_guard lock(m_shared->mutex);
    std::stable_sort(m_shared->queue.begin(), m_shared->queue.end(),
                     [&rank](const Work &a, const Work &b) {
                         return rank.value(a.key, std::numeric_limits<int>::max())
                                < rank.value(b.key, std::numeric_limits<int>::max());
                     });
}

void ThumbnailCache::cancelAllExcept(const QList<QString> &keys)
{
    const QSet<QString> keep(keys.cbegin(), keys.cend());
    const std::lock_guard lock(m_shared->mutex);
    auto &queue = m_shared->queue;
    const auto dropped = std::stable_partition(
        queue.begin(), queue.end(), [&keep](const Work &w) { return keep.contains(w.key); });
    for (auto it = dropped; it != queue.end(); ++it)
        m_pending.remove(it->cacheKey);
    queue.erase(dropped, queue.end());
}

void ThumbnailCache::dropPending()
{
    cancelAllExcept({});
}

bool ThumbnailCache::clearDisk()
{
    m_failed.clear();
    QDir dir(m_dir);
    if (!dir.exists())
        return true;
    bool ok = true;
    const QStringList entries = dir.entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        const QString path = dir.filePath(entry);
        ok = (QFileInfo(path).isDir() ? QDir(path).removeRecursively() : QFile::remove(path)) && ok;
    }
    if (!ok)
        qCWarning(lcMedia) << "some thumbnails could not be removed from" << m_dir;
    return ok;
}

void ThumbnailCache::setMemoryLimit(qint64 bytes)
{
    m_memory.setMaxCost(bytes);
}

int ThumbnailCache::jpegQuality() const
{
    return m_shared->jpegQuality;
}

int ThumbnailCache::threadCount() const
{
    return m_pool.maxThreadCount();
}

int ThumbnailCache::sourceDecodeCount() const
{
    return m_shared->sourceDecodes.load();
}

int ThumbnailCache::diskHitCount() const
{
    return m_shared->diskHits.load();
}

// Compiled here rather than in studio_core's shared mocs_compilation unit, so a program
// using this class links without every other QObject of the core (see the report).
#include "moc_thumbnailcache.cpp"
