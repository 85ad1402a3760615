#pragma once

#include "media/maskbrush.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

class MaskLayer;

// Shows an image with its mask as a coloured overlay and paints on it: mouse or tablet
// (pressure scales the brush), zoom (wheel, +/−, fit) and pan (space-drag, middle button,
// arrow keys). Repaints only what a stroke changed.
class MaskCanvas final : public QWidget
{
    Q_OBJECT
public:
    MaskCanvas(const QImage &image, MaskLayer *layer, QWidget *parent = nullptr);

    void setTip(const MaskBrush::Tip &tip);
    MaskBrush::Tip tip() const { return m_tip; }
    qreal zoom() const { return m_scale; }
    // Image pixels to widget pixels and back.
    QPointF toWidget(QPointF imagePoint) const;
    QPointF toImage(QPointF widgetPoint) const;
    QRect widgetRect(const QRect &imageRect) const;
    // The widget area the last change asked to repaint (tests: a stroke repaints its box only).
    QRect lastRepaint() const { return m_lastRepaint; }

    QSize sizeHint() const override { return {720, 520}; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fit();

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void tabletEvent(QTabletEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void zoomAround(qreal factor, QPointF widgetPoint);
    void setView(qreal scale, QPointF offset);
    void repaintImageRect(const QRect &imageRect);
    void updateCursorRing(QPointF widgetPoint);

    QImage m_image;
    QPointer<MaskLayer> m_layer;
    MaskBrush::Tip m_tip;
    qreal m_scale = 1;
    QPointF m_offset; // widget position of the image's top-left corner
    bool m_fitted = true; // follows the widget's size until the user zooms
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPointF m_panFrom;
    QPointF m_cursor{-1, -1};
    QRect m_lastRepaint;
};
