#pragma once

#include <QFrame>
#include <QFutureWatcher>
#include <QImage>

struct ReferenceFile;
class QLabel;
class QAction;
class QThreadPool;
class QToolButton;

// One attached image in the ReferenceStrip: a thumbnail decoded off the UI thread (a
// placeholder meanwhile), a remove button, and a badge when the upload will be downscaled.
class ReferenceThumb final : public QFrame
{
    Q_OBJECT
public:
    ReferenceThumb(const ReferenceFile &file, QWidget *parent);

    QString path() const { return m_path; }
    bool willBeDownscaled() const { return m_downscaled; }
    bool isThumbnailLoaded() const { return m_loaded; }
    // Decodes a scaled thumbnail on the pool; the pool must outlive the decode (it waits).
    void startLoading(QThreadPool *pool);

    static QSize tileSize() { return {120, 112}; }
    // Offers "Mark area to change…" (a button on the tile and an action), for an edit's images.
    void setMarkable(bool markable);
    // A mask is set on this image: a "Marked" badge says so.
    void setMarked(bool marked);
    bool isMarked() const { return m_marked; }
    QAction *markAction() const { return m_markAction; }

Q_SIGNALS:
    void removeRequested(ReferenceThumb *thumb);
    void markRequested(ReferenceThumb *thumb);
    void thumbnailLoaded();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showThumbnail(const QImage &image);

    QString m_path;
    bool m_downscaled = false;
    bool m_loaded = false;
    bool m_marked = false;
    QLabel *m_image;
    QLabel *m_badge;
    QToolButton *m_remove;
    QToolButton *m_mark;
    QLabel *m_markedBadge;
    QAction *m_markAction;
    QFutureWatcher<QImage> m_watcher;
};
