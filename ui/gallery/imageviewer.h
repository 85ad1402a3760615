#pragma once

#include "common/zoompan.h"

#include <QPixmap>
#include <QWidget>

class ImageFileLoader;
class QPainter;

// One image, large: fit by default, zoom with the wheel or +/-, pan by dragging (ZoomPan). The
// file is decoded off the UI thread (ImageFileLoader); only the finished QImage becomes a
// QPixmap, here.
class ImageViewer final : public QWidget
{
    Q_OBJECT
public:
    explicit ImageViewer(QWidget *parent = nullptr);
    ~ImageViewer() override;

    // Loads `path` in the background; `fallbackText` shows meanwhile and when there is none.
    void showFile(const QString &path, const QString &fallbackText = {});
    void clear(const QString &text = {});

    bool hasImage() const { return !m_pixmap.isNull(); }
    QSize imageSize() const { return m_pixmap.size(); }
    const QPixmap &pixmap() const { return m_pixmap; }
    bool isLoading() const;
    double zoom() const; // 1.0 is one image pixel per device-independent pixel
    bool isFit() const { return m_view.isFit(); }
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    // What the picture shows (its prompt), for the description a screen reader reads with its
    // size and zoom.
    void setSubject(const QString &subject);

Q_SIGNALS:
    void imageLoaded(bool ok);
    // The whole picture is in view and the user drags it: to take it out as a file. (When
    // zoomed in, a drag pans instead.)
    void dragOutRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    // The transform for the widget's size now (a hidden widget's size changes unannounced).
    ZoomPan &view() const;
    void setZoom(double zoom, QPointF anchor);
    void drawFocusRing(QPainter &painter) const;
    // Re-tells a screen reader the picture, its size and zoom; `zoomChanged`: and says so.
    void refreshDescription(bool zoomChanged = false);

    ImageFileLoader *m_loader = nullptr;
    QPixmap m_pixmap;
    QString m_text;
    QString m_subject;
    mutable ZoomPan m_view;
    QPoint m_dragFrom;
    QPoint m_pressAt; // where the button went down, for the drag distance
    bool m_dragging = false;
};
