#pragma once

#include "threading/handoff.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <memory>

// Gallery thumbnails from memory, then disk, then a background decode; the caller's (UI)
// thread never decodes or touches the disk. Only QImage crosses threads; turning it into
// a QPixmap is the UI's job.
//
// request() answers at once from memory; otherwise it queues the work and exactly one of
// thumbnailReady / thumbnailFailed follows. A failed key is remembered: later requests
// return a null image and emit nothing (isFailed() tells the painter to draw a broken-image
// placeholder), so a repaint never triggers another decode or another signal.
class ThumbnailCache final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 memoryBytes = 128ll * 1024 * 1024; // decoded thumbnails kept in memory
        int threads = 0; // worker threads; 0 means QThread::idealThreadCount()
        int jpegQuality = 85; // opaque thumbnails on disk
    };

    ThumbnailCache(QString thumbnailsDir, Options options, QObject *parent = nullptr);
    explicit ThumbnailCache(QString thumbnailsDir, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // The thumbnail of `sourcePath` no larger than edgePx on its long side, keyed by `key`
    // (stable for the source's content, e.g. the image id or content hash). Null when not
    // in memory: a load is queued unless one is pending or the key failed before. With no
    // `sourcePath`, only a file on disk can answer (a thumbnail the mirror keeps without its
    // image, ImageMirror::thumbnailKey): none there is neither ready nor failed, and emits
    // nothing.
    QImage request(const QString &key, const QString &sourcePath, int edgePx);

    bool isFailed(const QString &key, int edgePx) const;
    // Forgets what is known about `key` (memory, failures), e.g. once its original arrived.
    void invalidate(const QString &key);

    // Moves pending work for these keys (the visible cells) to the front, in this order.
    void setPriorityKeys(const QList<QString> &keys);
    // Drops pending work for every key not listed (cells scrolled away); loads already
    // decoding still finish and land in memory.
    void cancelAllExcept(const QList<QString> &keys);
    void dropPending();
    int pendingCount() const { return int(m_pending.size()); }

    // "Clear thumbnails" in the settings: removes every thumbnail file and failure record.
    bool clearDisk();
    QString diskDir() const { return m_dir; }
    int jpegQuality() const;
    void setMemoryLimit(qint64 bytes);
    int threadCount() const;

    // The decode path the workers use, callable directly by benchmarks: a scaled decode
    // (libjpeg's own 1/2, 1/4, 1/8 scaling for JPEG; a fast pre-scale for other formats)
    // then one smooth scale to fit edge×edge. Null plus *error on failure.
    static QImage renderThumbnail(const QString &path, int edge, QString *error = nullptr);
    // Its second half, for an image already decoded (the mirror's verification decodes each
    // download once and makes the thumbnail from that): fit edge×edge, in a paint format.
    static QImage thumbnailOf(QImage image, int edge);
    // The edge of the gallery's cards (ui/gallery), whose thumbnails the mirror makes ahead.
    static constexpr int galleryEdge = 256;

    // Test hooks: how many source decodes and disk hits the workers have made.
    int sourceDecodeCount() const;
    int diskHitCount() const;

Q_SIGNALS:
    void thumbnailReady(const QString &key, const QImage &image);
    void thumbnailFailed(const QString &key, const QString &error);

private:
    struct Shared;
    struct Work;
    struct Outcome;

    static QString cacheKey(const QString &key, int edgePx);
    void scheduleStart();
    void startWorkers();
    void finished(const Outcome &outcome);
    static void drain(const std::shared_ptr<Shared> &shared, ThumbnailCache *cache);

    std::shared_ptr<Shared> m_shared;
    QString m_dir;
    Handoff *m_toCache; // a child: the workers hand their outcomes back through it
    QThreadPool m_pool;
    QCache<QString, QImage> m_memory;
    QHash<QString, QString> m_pending; // cache key -> key, queued or decoding
    QSet<QString> m_failed; // cache keys
    bool m_startScheduled = false;
};
