#include "gallery/thumbnailpixmaps.h"

#include "media/thumbnailcache.h"

ThumbnailPixmaps::ThumbnailPixmaps(ThumbnailCache &cache, int edgePx, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_edge(edgePx)
{
    // Cost in kB: about 64 MB of pixmaps, a few screens' worth at 256 px.
    m_pixmaps.setMaxCost(qsizetype(64) * 1024);
    connect(&m_cache, &ThumbnailCache::thumbnailReady, this, &ThumbnailPixmaps::onReady);
    connect(&m_cache, &ThumbnailCache::thumbnailFailed, this,
            [this](const QString &key, const QString &) { onFailed(key); });
}

void ThumbnailPixmaps::request(const QList<Wanted> &visible, const QList<Wanted> &keep)
{
    QList<QString> priority;
    for (const auto &w : visible) {
        if (w.key().isEmpty())
            continue;
        // A row whose file (or kept thumbnail) changed starts over.
        const QString &key = w.key();
        const auto previous = m_keyOfRow.value(w.rowId);
        if (previous != key) {
            if (!previous.isEmpty())
                forget(w.rowId);
            m_keyOfRow.insert(w.rowId, key);
        }
        if (m_pixmaps.contains(w.rowId) || m_failed.contains(w.rowId))
            continue;
        const QImage image = m_cache.request(key, w.localFile, m_edge);
        if (!image.isNull()) {
            store(w.rowId, image);
            continue;
        }
        if (m_cache.isFailed(key, m_edge)) {
            m_failed.insert(w.rowId);
            Q_EMIT pixmapChanged(w.rowId);
            continue;
        }
        m_waiting[key].insert(w.rowId);
        priority << key;
    }
    if (!priority.isEmpty())
        m_cache.setPriorityKeys(priority);
    QList<QString> keepKeys = priority;
    for (const auto &w : keep)
        if (!w.key().isEmpty())
            keepKeys << w.key();
    for (const auto &w : visible)
        if (!w.key().isEmpty())
            keepKeys << w.key();
    m_cache.cancelAllExcept(keepKeys);
    // Rows whose work was dropped are asked for again when they become visible.
    const QSet<QString> kept(keepKeys.begin(), keepKeys.end());
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (!kept.contains(it.key()))
            it = m_waiting.erase(it);
        else
            ++it;
    }
}

void ThumbnailPixmaps::forget(qint64 rowId)
{
    m_pixmaps.remove(rowId);
    m_failed.remove(rowId);
    const auto key = m_keyOfRow.take(rowId);
    if (!key.isEmpty())
        m_waiting[key].remove(rowId);
}

void ThumbnailPixmaps::onReady(const QString &key, const QImage &image)
{
    const auto rows = m_waiting.take(key);
    for (const qint64 rowId : rows)
        store(rowId, image);
}

void ThumbnailPixmaps::onFailed(const QString &key)
{
    const auto rows = m_waiting.take(key);
    for (const qint64 rowId : rows) {
        m_failed.insert(rowId);
        Q_EMIT pixmapChanged(rowId);
    }
}

void ThumbnailPixmaps::store(qint64 rowId, const QImage &image)
{
    auto *pixmap = new QPixmap(QPixmap::fromImage(image));
    const int cost = qMax(1, int(qint64(pixmap->width()) * pixmap->height() * 4 / 1024));
    m_pixmaps.insert(rowId, pixmap, cost);
    Q_EMIT pixmapChanged(rowId);
}
