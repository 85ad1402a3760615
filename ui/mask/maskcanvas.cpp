#include "mask/maskcanvas.h"

#include "mask/masklayer.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTabletEvent>
#include <QWheelEvent>

#include <cmath>

namespace {
constexpr qreal kMinScale = 0.02;
constexpr qreal kMaxScale = 32;
constexpr qreal kStep = 1.25;
} // namespace

MaskCanvas::MaskCanvas(const QImage &image, MaskLayer *layer, QWidget *parent)
    : QWidget(parent)
    , m_image(image.convertToFormat(QImage::Format_ARGB32_Premultiplied))
    , m_layer(layer)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_TabletTracking);
    setAccessibleName(tr("Image to mark"));
    setAccessibleDescription(tr("Paint over the area to change. Wheel or plus and minus zoom, "
                                "space and drag or the arrow keys move the image."));
    connect(layer, &MaskLayer::changed, this, &MaskCanvas::repaintImageRect);
}

void MaskCanvas::setTip(const MaskBrush::Tip &tip)
{
    m_tip = tip;
    updateCursorRing(m_cursor);
}

QPointF MaskCanvas::toWidget(QPointF p) const
{
    return p * m_scale + m_offset;
}

QPointF MaskCanvas::toImage(QPointF p) const
{
    return (p - m_offset) / m_scale;
}

QRect MaskCanvas::widgetRect(const QRect &imageRect) const
{
    const QRectF r(toWidget(imageRect.topLeft()), imageRect.size() * m_scale);
    return r.toAlignedRect().adjusted(-1, -1, 1, 1);
}

void MaskCanvas::fit()
{
    m_fitted = true;
    const QSizeF box = QSizeF(size()).shrunkBy({8, 8, 8, 8});
    if (m_image.isNull() || box.isEmpty())
        return;
    const qreal scale = qMin(box.width() / m_image.width(), box.height() / m_image.height());
    const QSizeF shown = QSizeF(m_image.size()) * scale;
    setView(scale, QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2));
}

void MaskCanvas::zoomIn()
{
    zoomAround(kStep, rect().center());
}

void MaskCanvas::zoomOut()
{
    zoomAround(1 / kStep, rect().center());
}

void MaskCanvas::zoomAround(qreal factor, QPointF widgetPoint)
{
    m_fitted = false;
    const qreal scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
    const QPointF imagePoint = toImage(widgetPoint);
    setView(scale, widgetPoint - imagePoint * scale);
}

void MaskCanvas::setView(qreal scale, QPointF offset)
{
    const bool zoomed = !qFuzzyCompare(scale, m_scale);
    m_scale = scale;
    m_offset = offset;
    update();
    if (zoomed)
        Q_EMIT zoomChanged(m_scale);
}

void MaskCanvas::repaintImageRect(const QRect &imageRect)
{
    m_lastRepaint = widgetRect(imageRect).intersected(rect());
    update(m_lastRepaint);
}

void MaskCanvas::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QRect dirty = event->rect();
    p.fillRect(dirty, palette().color(QPalette::Dark));
    if (m_image.isNull() || !m_layer)
        return;
    // Only the image pixels under the exposed area are drawn: a stroke on a 4096 px image
    // costs its own box.
    const QRectF wanted = QRectF(toImage(dirty.topLeft()), QSizeF(dirty.size()) / m_scale)
                              .adjusted(-1, -1, 1, 1)
                              .intersected(QRectF(m_image.rect()));
    const QRect source = wanted.toAlignedRect().intersected(m_image.rect());
    if (!source.isEmpty()) {
        const QRectF target(toWidget(source.topLeft()), QSizeF(source.size()) * m_scale);
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_scale < 1);
        p.drawImage(target, m_image, source);
        p.drawImage(target, m_layer->overlay(), source);
    }
    if (m_cursor.x() >= 0 && !m_panning && !m_spaceHeld) {
        // The brush: its full reach, and where its soft edge begins.
        const qreal r = m_tip.radius * m_scale;
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(Qt::black, 1));
        p.drawEllipse(m_cursor, r + 1, r + 1);
        p.setPen(QPen(Qt::white, 1));
        p.drawEllipse(m_cursor, r, r);
        if (m_tip.softness > 0.01) {
            p.setPen(QPen(Qt::white, 1, Qt::DotLine));
            const qreal core = r * (1 - m_tip.softness);
            p.drawEllipse(m_cursor, core, core);
        }
    }
}

void MaskCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitted)
        fit();
}

void MaskCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() == Qt::LeftButton && m_layer)
        m_layer->beginStroke(toImage(event->position()), m_tip);
}

void MaskCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_fitted = false;
        setView(m_scale, m_offset + event->position() - m_panFrom);
        m_panFrom = event->position();
        return;
    }
    if (m_layer && m_layer->isStroking())
        m_layer->strokeTo(toImage(event->position()));
    updateCursorRing(event->position());
}

void MaskCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::CrossCursor);
        return;
    }
    if (event->button() == Qt::LeftButton && m_layer)
        m_layer->endStroke();
}

void MaskCanvas::tabletEvent(QTabletEvent *event)
{
    if (!m_layer)
        return;
    const QPointF at = toImage(event->position());
    // A device that reports no pressure says 0 or 1 throughout; both read as full.
    const qreal pressure = event->pressure() > 0 ? event->pressure() : 1.0;
    switch (event->type()) {
    case QEvent::TabletPress:
        m_layer->beginStroke(at, m_tip, pressure);
        break;
    case QEvent::TabletMove:
        if (m_layer->isStroking())
            m_layer->strokeTo(at, pressure);
        updateCursorRing(event->position());
        break;
    case QEvent::TabletRelease:
        m_layer->endStroke();
        break;
    default:
        return;
    }
    event->accept(); // no synthesised mouse event paints the same stroke again
}

void MaskCanvas::wheelEvent(QWheelEvent *event)
{
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomAround(std::pow(kStep, steps), event->position());
    event->accept();
}

void MaskCanvas::keyPressEvent(QKeyEvent *event)
{
    const qreal pan = 40;
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            setCursor(Qt::OpenHandCursor);
            update();
        }
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fit();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        m_fitted = false;
        const QPointF by(event->key() == Qt::Key_Left    ? pan
                         : event->key() == Qt::Key_Right ? -pan
                                                         : 0,
                         event->key() == Qt::Key_Up     ? pan
                         : event->key() == Qt::Key_Down ? -pan
                                                        : 0);
        setView(m_scale, m_offset + by);
        return;
    }
    default:
        QWidget::keyPressEvent(event);
    }
}

void MaskCanvas::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        m_panning = false;
        setCursor(Qt::CrossCursor);
        update();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void MaskCanvas::leaveEvent(QEvent *event)
{
    updateCursorRing({-1, -1});
    QWidget::leaveEvent(event);
}

void MaskCanvas::updateCursorRing(QPointF widgetPoint)
{
    // The old ring's box and the new one's: nothing else is repainted as the pointer moves.
    const qreal r = m_tip.radius * m_scale + 3;
    const auto ring = [r](QPointF c) {
        return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r).toAlignedRect();
    };
    if (m_cursor.x() >= 0)
        update(ring(m_cursor));
    m_cursor = widgetPoint;
    if (m_cursor.x() >= 0)
        update(ring(m_cursor));
}
