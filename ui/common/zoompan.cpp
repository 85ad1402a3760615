#include "common/zoompan.h"

#include <algorithm>

void ZoomPan::setContentSize(QSizeF size)
{
    m_content = size;
    clampPan();
}

void ZoomPan::setViewSize(QSizeF size)
{
    m_view = size;
    clampPan();
}

double ZoomPan::fitScale() const
{
    if (m_content.isEmpty() || m_view.isEmpty())
        return 1.0;
    const double sx = m_view.width() / m_content.width();
    const double sy = m_view.height() / m_content.height();
    return std::min({sx, sy, 1.0}); // small pictures are not blown up to fit
}

void ZoomPan::zoomAt(double zoom, QPointF anchor)
{
    if (m_content.isEmpty())
        return;
    const double before = this->zoom();
    const double after = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (m_fit)
        m_pan = {};
    // The content point under the anchor stays there: its offset from the content's centre
    // grows by after/before.
    const QPointF centre = viewCentre() + m_pan;
    m_pan += (anchor - centre) * (1 - after / before);
    m_zoom = after;
    m_fit = false;
    clampPan();
}

void ZoomPan::fit()
{
    m_fit = true;
    m_pan = {};
}

void ZoomPan::panBy(QPointF delta)
{
    if (m_fit)
        return;
    m_pan += delta;
    clampPan();
}

QRectF ZoomPan::target() const
{
    QRectF rect(QPointF(), m_content * zoom());
    rect.moveCenter(viewCentre() + (m_fit ? QPointF() : m_pan));
    return rect;
}

QPointF ZoomPan::toContent(QPointF viewPoint) const
{
    return (viewPoint - target().topLeft()) / zoom();
}

QPointF ZoomPan::toView(QPointF contentPoint) const
{
    return target().topLeft() + contentPoint * zoom();
}

void ZoomPan::clampPan()
{
    if (m_fit)
        return;
    const QSizeF shown = m_content * m_zoom;
    const double maxX = std::max(0.0, (shown.width() - m_view.width()) / 2);
    const double maxY = std::max(0.0, (shown.height() - m_view.height()) / 2);
    m_pan.setX(std::clamp(m_pan.x(), -maxX, maxX));
    m_pan.setY(std::clamp(m_pan.y(), -maxY, maxY));
}
