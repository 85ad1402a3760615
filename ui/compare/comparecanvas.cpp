#include "compare/comparecanvas.h"

#include "common/runtext.h"
#include "compare/compareaccessible.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QTextOption>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kGap = 8; // between the panes side by side
constexpr int kGrip = 8; // how near the divider a press takes hold of it
constexpr double kWipeStep = 0.05; // Left/Right; with Shift a finer step
constexpr int kCachedLevels = 3;
} // namespace

CompareCanvas::CompareCanvas(QWidget *parent)
    : QWidget(parent)
{
    installCompareAccessible();
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(240, 160);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true); // the cursor shows where the divider can be taken
}

void CompareCanvas::setPixmap(Side side, const QPixmap &pixmap)
{
    part(side).pixmap = pixmap;
    part(side).cache.clear();
    contentChanged();
}

void CompareCanvas::setText(Side side, const QString &text)
{
    part(side).text = text;
    update();
}

void CompareCanvas::setTitle(Side side, const QString &title)
{
    part(side).title = title;
    update();
}

void CompareCanvas::swap()
{
    std::swap(m_a, m_b);
    changed();
}

void CompareCanvas::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    syncViewSize();
    changed();
}

void CompareCanvas::setWipe(double wipe)
{
    wipe = std::clamp(wipe, 0.0, 1.0);
    if (qFuzzyCompare(wipe + 1, m_wipe + 1))
        return;
    m_wipe = wipe;
    changed();
}

double CompareCanvas::dividerX() const
{
    return width() * (aOnLeft() ? m_wipe : 1 - m_wipe);
}

void CompareCanvas::setWipeAtX(double x)
{
    const double share = width() > 0 ? x / width() : 0.5;
    setWipe(aOnLeft() ? share : 1 - share);
}

void CompareCanvas::zoomIn()
{
    m_view.zoomIn();
    changed();
}

void CompareCanvas::zoomOut()
{
    m_view.zoomOut();
    changed();
}

void CompareCanvas::fitToWindow()
{
    m_view.fit();
    changed();
}

void CompareCanvas::actualSize()
{
    m_view.zoomAt(1.0, QPointF(m_view.viewSize().width(), m_view.viewSize().height()) / 2);
    changed();
}

QSize CompareCanvas::commonSize() const
{
    const QSize a = m_a.pixmap.size();
    const QSize b = m_b.pixmap.size();
    if (m_b.pixmap.isNull())
        return m_a.pixmap.isNull() ? QSize() : a;
    if (m_a.pixmap.isNull())
        return b;
    return qint64(a.width()) * a.height() >= qint64(b.width()) * b.height() ? a : b;
}

QRectF CompareCanvas::placement(Side side) const
{
    const QSize common = commonSize();
    const QSize own = part(side).pixmap.size();
    if (own.isEmpty() || own == common)
        return QRectF(QPointF(), QSizeF(common));
    QSizeF fitted = QSizeF(own).scaled(QSizeF(common), Qt::KeepAspectRatio);
    QRectF rect(QPointF(), fitted);
    rect.moveCenter(QRectF(QPointF(), QSizeF(common)).center());
    return rect;
}

QSize CompareCanvas::scaledSize(Side side) const
{
    // A narrower picture of the same height is placed, not scaled: nothing to say then.
    const QSize own = part(side).pixmap.size();
    const QSize shown = placement(side).size().toSize();
    return own.isEmpty() || shown == own ? QSize() : shown;
}

QRect CompareCanvas::paneRect(Side side) const
{
    if (m_mode == Mode::Wipe)
        return rect();
    const int paneWidth = std::max(1, (width() - kGap) / 2);
    const bool left = (side == Side::A) == aOnLeft();
    return QRect(left ? 0 : width() - paneWidth, 0, paneWidth, height());
}

QPointF CompareCanvas::imagePointAt(Side side, QPointF pos) const
{
    const QPointF content = m_view.toContent(pos - paneRect(side).topLeft());
    const QRectF placed = placement(side);
    const QSize own = part(side).pixmap.size();
    if (own.isEmpty() || placed.isEmpty())
        return content;
    return (content - placed.topLeft()) * (own.width() / placed.width());
}

void CompareCanvas::contentChanged()
{
    m_view.setContentSize(QSizeF(commonSize()));
    changed();
}

void CompareCanvas::syncViewSize()
{
    m_view.setViewSize(QSizeF(paneRect(Side::A).size()));
}

void CompareCanvas::changed()
{
    compareAccessibleChanged(this);
    update();
    Q_EMIT viewChanged();
}

void CompareCanvas::resizeEvent(QResizeEvent *)
{
    syncViewSize();
}

QPointF CompareCanvas::inPane(QPointF pos) const
{
    if (m_mode == Mode::Wipe)
        return pos;
    const QRect a = paneRect(Side::A);
    const QRect b = paneRect(Side::B);
    const double toA = std::abs(pos.x() - a.center().x());
    const double toB = std::abs(pos.x() - b.center().x());
    return pos - QPointF((toA <= toB ? a : b).topLeft());
}

void CompareCanvas::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QRect dirty = event->rect();
    painter.fillRect(dirty, palette().color(QPalette::Window).darker(115));
    if (m_mode == Mode::SideBySide) {
        for (const Side side : {Side::A, Side::B}) {
            const QRect pane = paneRect(side);
            drawSide(painter, side, pane, pane & dirty);
            drawTitle(painter, side, pane);
        }
    } else {
        const int x = qRound(dividerX());
        const QRect left(0, 0, x, height());
        const QRect right(x, 0, width() - x, height());
        const QRect aArea = aOnLeft() ? left : right;
        const QRect bArea = aOnLeft() ? right : left;
        drawSide(painter, Side::A, rect(), aArea & dirty);
        drawSide(painter, Side::B, rect(), bArea & dirty);
        drawTitle(painter, Side::A, aArea);
        drawTitle(painter, Side::B, bArea);
        drawDivider(painter);
    }
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = rect().adjusted(2, 2, -2, -2);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

void CompareCanvas::drawSide(QPainter &painter, Side side, const QRect &pane, const QRect &clip)
{
    if (clip.isEmpty())
        return;
    const Part &p = part(side);
    if (p.pixmap.isNull()) {
        drawMissing(painter, side, m_mode == Mode::Wipe ? clip : pane);
        return;
    }
    const QRectF placed = placement(side);
    const QRectF target(QPointF(pane.topLeft()) + m_view.toView(placed.topLeft()),
                        placed.size() * m_view.zoom());
    const QRectF visible = target & QRectF(clip);
    if (visible.isEmpty())
        return;
    // Shrunk: a copy at this zoom level, made once and drawn 1:1 (panning costs a blit).
    // Enlarged: the visible part of the original, drawn scaled.
    const qreal dpr = devicePixelRatioF();
    const QSize device = (target.size() * dpr).toSize();
    const bool shrunk = device.width() < p.pixmap.width();
    const QPixmap &source = shrunk ? scaledFor(side, device) : p.pixmap;
    const double perViewPixel = source.width() / target.width();
    const QRectF from((visible.topLeft() - target.topLeft()) * perViewPixel,
                      visible.size() * perViewPixel);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !shrunk && m_view.zoom() < 2.0);
    painter.drawPixmap(visible, source, from);
}

const QPixmap &CompareCanvas::scaledFor(Side side, QSize size)
{
    QList<Scaled> &cache = part(side).cache;
    for (qsizetype i = 0; i < cache.size(); ++i)
        if (cache.at(i).size == size) {
            cache.move(i, 0);
            return cache.first().pixmap;
        }
    const QPixmap &original = part(side).pixmap;
    cache.prepend({size, original.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)});
    while (cache.size() > kCachedLevels)
        cache.removeLast();
    return cache.first().pixmap;
}

void CompareCanvas::drawMissing(QPainter &painter, Side side, const QRect &area)
{
    const QString &text = part(side).text;
    painter.save();
    painter.setClipRect(area);
    painter.setPen(palette().color(QPalette::WindowText));
    QTextOption option(Qt::AlignCenter);
    option.setWrapMode(QTextOption::WordWrap);
    option.setTextDirection(RunText::directionOf(text, layoutDirection()));
    painter.drawText(QRectF(area.adjusted(16, 16, -16, -16)), text, option);
    painter.restore();
}

void CompareCanvas::drawTitle(QPainter &painter, Side side, const QRect &area)
{
    const QString &title = part(side).title;
    if (title.isEmpty() || area.width() < 40)
        return;
    const QFontMetrics metrics(font());
    const int w = metrics.horizontalAdvance(title) + 12;
    const int h = metrics.height() + 4;
    // In the pane's outer top corner: A's on A's edge, B's on B's.
    const bool onLeft = (side == Side::A) == aOnLeft();
    const QRect badge(onLeft ? area.left() + 8 : area.right() - 8 - w, area.top() + 8, w, h);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 150));
    painter.drawRoundedRect(badge, 4, 4);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, title);
    painter.restore();
}

void CompareCanvas::drawDivider(QPainter &painter)
{
    const double x = dividerX();
    const QColor colour = palette().color(QPalette::Highlight);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 4));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    painter.setPen(QPen(colour, 2));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    // A grip in the middle, with arrows both ways: it can be dragged.
    const QPointF centre(x, height() / 2.0);
    painter.setBrush(colour);
    painter.setPen(QPen(Qt::white, 2));
    painter.drawEllipse(centre, 14, 14);
    painter.setBrush(Qt::white);
    painter.setPen(Qt::NoPen);
    for (const int dir : {-1, 1}) {
        const QPointF tip = centre + QPointF(dir * 9, 0);
        painter.drawPolygon(
            QPolygonF{tip, tip + QPointF(-dir * 5, -5), tip + QPointF(-dir * 5, 5)});
    }
    painter.restore();
}

void CompareCanvas::wheelEvent(QWheelEvent *event)
{
    // Wheel and Ctrl+wheel both zoom: there is nothing to scroll.
    const int delta = event->angleDelta().y();
    if (delta == 0 || commonSize().isEmpty())
        return QWidget::wheelEvent(event);
    m_view.zoomAt(m_view.zoom() * std::pow(ZoomPan::kStep, delta / 120.0),
                  inPane(event->position()));
    changed();
    event->accept();
}

void CompareCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const QPointF pos = event->position();
    m_dragFrom = pos;
    // In the wipe, the divider is taken near it, or anywhere while there is nothing to pan.
    if (m_mode == Mode::Wipe && (std::abs(pos.x() - dividerX()) <= kGrip || m_view.isFit())) {
        m_drag = Drag::Divider;
        setWipeAtX(pos.x());
        setCursor(Qt::SplitHCursor);
    } else if (!m_view.isFit()) {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void CompareCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::Divider) {
        setWipeAtX(pos.x());
    } else if (m_drag == Drag::Pan) {
        m_view.panBy(pos - m_dragFrom);
        m_dragFrom = pos;
        changed();
    } else if (m_mode == Mode::Wipe && std::abs(pos.x() - dividerX()) <= kGrip) {
        setCursor(Qt::SplitHCursor);
    } else {
        unsetCursor();
    }
}

void CompareCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    m_drag = Drag::None;
    unsetCursor();
    QWidget::mouseReleaseEvent(event);
}

void CompareCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Fit and actual size, like the image viewer.
    if (m_view.isFit())
        m_view.zoomAt(1.0, inPane(event->position()));
    else
        m_view.fit();
    changed();
}

void CompareCanvas::keyPressEvent(QKeyEvent *event)
{
    const bool fine = event->modifiers() & Qt::ShiftModifier;
    const double panStep = 0.1 * std::min(width(), height());
    const bool wipe = m_mode == Mode::Wipe;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        // The divider moves the way the arrow points, in either direction of writing.
        const int towardRight = event->key() == Qt::Key_Right ? 1 : -1;
        if (wipe) {
            const double step = (fine ? kWipeStep / 5 : kWipeStep) * towardRight;
            setWipe(m_wipe + (aOnLeft() ? step : -step));
        } else {
            m_view.panBy(QPointF(-towardRight * panStep, 0));
            changed();
        }
        return;
    }
    case Qt::Key_Up:
    case Qt::Key_Down:
        m_view.panBy(QPointF(0, event->key() == Qt::Key_Down ? -panStep : panStep));
        changed();
        return;
    case Qt::Key_Home:
    case Qt::Key_End:
        if (wipe) { // all of B, all of A
            setWipe(event->key() == Qt::Key_Home ? 0.0 : 1.0);
            return;
        }
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        fitToWindow();
        return;
    case Qt::Key_1:
        actualSize();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}
