#pragma once

#include <QFrame>
#include <QFutureWatcher>
#include <QImage>

struct ReferenceFile;
class QLabel;
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

Q_SIGNALS:
    void removeRequested(ReferenceThumb *thumb);
    void thumbnailLoaded();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showThumbnail(const QImage &image);

    QString m_path;
    bool m_downscaled = false;
    bool m_loaded = false;
    QLabel *m_image;
    QLabel *m_badge;
    QToolButton *m_remove;
    QFutureWatcher<QImage> m_watcher;
};
