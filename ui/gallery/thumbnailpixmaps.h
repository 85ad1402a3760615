#pragma once

#include <QCache>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>

class ThumbnailCache;

// The grid's pixmaps, keyed by history row id: asks the core's ThumbnailCache (which decodes
// off the UI thread) and turns each QImage into a QPixmap here, on the GUI thread.
class ThumbnailPixmaps final : public QObject
{
    Q_OBJECT
public:
    struct Wanted
    {
        qint64 rowId = 0;
        QString localFile;
        // Without a local file: the key of a thumbnail kept without its image (the mirror's,
        // ImageMirror::thumbnailKey), read from disk only.
        QString thumbnailKey;
        // The file is content-addressed, so its path is a stable thumbnail key.
        const QString &key() const { return localFile.isEmpty() ? thumbnailKey : localFile; }
    };

    ThumbnailPixmaps(ThumbnailCache &cache, int edgePx, QObject *parent = nullptr);

    // What the painter has for a row: a pixmap, or null (placeholder meanwhile).
    const QPixmap *find(qint64 rowId) const { return m_pixmaps.object(rowId); }
    bool isFailed(qint64 rowId) const { return m_failed.contains(rowId); }

    // The visible cells, in paint order: loads what is missing, visible first; pending work
    // for anything not in `visible` or `keep` (a margin around them) is dropped.
    void request(const QList<Wanted> &visible, const QList<Wanted> &keep);
    // Forgets a row (its file changed).
    void forget(qint64 rowId);
    int edge() const { return m_edge; }

Q_SIGNALS:
    // A pixmap (or a failure) arrived for this row: repaint just that cell.
    void pixmapChanged(qint64 rowId);

private:
    void onReady(const QString &key, const QImage &image);
    void onFailed(const QString &key);
    void store(qint64 rowId, const QImage &image);

    ThumbnailCache &m_cache;
    int m_edge;
    QCache<qint64, QPixmap> m_pixmaps;
    QHash<QString, QSet<qint64>> m_waiting; // thumbnail key -> rows showing it
    QHash<qint64, QString> m_keyOfRow;
    QSet<qint64> m_failed;
};
