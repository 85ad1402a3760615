#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

// How a picture sits in a view: fitted (never blown up past its own size) or at a zoom, its
// centre moved by a pan that never leaves an empty margin where picture could show. The one
// transform that ImageViewer and the compare view draw, zoom and pan with.
class ZoomPan final
{
public:
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 16.0;
    static constexpr double kStep = 1.25; // one wheel notch, one +/- press

    QSizeF contentSize() const { return m_content; }
    void setContentSize(QSizeF size);
    QSizeF viewSize() const { return m_view; }
    void setViewSize(QSizeF size);

    bool isFit() const { return m_fit; }
    double fitScale() const;
    // View pixels per content pixel.
    double zoom() const { return m_fit ? fitScale() : m_zoom; }
    // Keeps the content point under `anchor` (view coordinates) where it is.
    void zoomAt(double zoom, QPointF anchor);
    void zoomIn() { zoomAt(zoom() * kStep, viewCentre()); }
    void zoomOut() { zoomAt(zoom() / kStep, viewCentre()); }
    void fit();
    // Moves the picture by `delta` view pixels; nothing while fitted.
    void panBy(QPointF delta);

    // Where the whole content is drawn, in view coordinates.
    QRectF target() const;
    QPointF toContent(QPointF viewPoint) const;
    QPointF toView(QPointF contentPoint) const;

private:
    QPointF viewCentre() const { return QPointF(m_view.width(), m_view.height()) / 2; }
    void clampPan();

    QSizeF m_content;
    QSizeF m_view;
    bool m_fit = true;
    double m_zoom = 1.0;
    QPointF m_pan; // offset of the content's centre from the view's centre
};
