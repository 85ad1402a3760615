#include "gallery/imageviewer.h"

#include "common/accessiblerole.h"
#include "common/runtext.h"
#include "gallery/gallerylog.h"
#include "threading/pool.h"

#include <QAccessible>
#include <QApplication>
#include <QImageReader>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QTextOption>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 16.0;
constexpr double kStep = 1.25;
} // namespace

ImageViewer::ImageViewer(QWidget *parent)
    : QWidget(parent)
{
    // Its own pool: a large decode never waits behind (or blocks) the global pool's work.
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("detail-decode"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 160);
    setAccessibleName(tr("Image"));
    setAccessibleRole(this, QAccessible::Graphic);
    connect(&m_watcher, &QFutureWatcher<Decoded>::finished, this, [this] {
        const quint64 generation = m_watcher.property("generation").toULongLong();
        if (generation != m_generation || m_watcher.isCanceled())
            return;
        const Decoded decoded = m_watcher.result();
        if (decoded.image.isNull()) {
            qCWarning(lcGallery) << "cannot decode" << decoded.error;
            m_text = tr("This image cannot be shown: %1").arg(decoded.error);
            Q_EMIT imageLoaded(false);
        } else {
            m_pixmap = QPixmap::fromImage(decoded.image);
            m_text.clear();
            Q_EMIT imageLoaded(true);
        }
        refreshDescription();
        update();
    });
}

ImageViewer::~ImageViewer()
{
    m_watcher.waitForFinished();
    m_pool.waitForDone();
}

void ImageViewer::showFile(const QString &path, const QString &fallbackText)
{
    clear(fallbackText);
    if (path.isEmpty())
        return;
    m_text = tr("Loading…");
    refreshDescription();
    const quint64 generation = ++m_generation;
    m_watcher.setProperty("generation", generation);
    m_watcher.setFuture(runInPool(m_pool, [path] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        Decoded decoded;
        decoded.image = reader.read();
        if (decoded.image.isNull())
            decoded.error = reader.errorString();
        return decoded;
    }));
}

void ImageViewer::clear(const QString &text)
{
    ++m_generation;
    m_pixmap = QPixmap();
    m_text = text;
    m_fit = true;
    m_pan = {};
    refreshDescription();
    update();
}

void ImageViewer::setSubject(const QString &subject)
{
    m_subject = subject.simplified();
    refreshDescription();
}

void ImageViewer::refreshDescription(bool zoomChanged)
{
    QString description;
    QLocale digits; // the language's digits, without a thousands separator ("1024 × 768")
    digits.setNumberOptions(QLocale::OmitGroupSeparator);
    if (!m_pixmap.isNull())
        description =
            tr("%1, %2 × %3 pixels, shown at %4 %", "image: prompt, size, zoom")
                // One pass: a prompt with "%2" in it stays as written.
                .arg(m_subject, digits.toString(m_pixmap.width()),
                     digits.toString(m_pixmap.height()), digits.toString(qRound(zoom() * 100)));
    else if (m_subject.isEmpty() || m_text.isEmpty())
        description = m_subject.isEmpty() ? m_text : m_subject;
    else // what it would show, and why it does not (yet)
        description =
            tr("%1 — %2", "image: prompt — why there is no picture").arg(m_subject, m_text);
    if (description == accessibleDescription())
        return;
    setAccessibleDescription(description); // Qt tells a reader of the change
    if (zoomChanged && QAccessible::isActive()) {
        QAccessibleValueChangeEvent event(this, qRound(zoom() * 100));
        QAccessible::updateAccessibility(&event);
    }
}

double ImageViewer::fitScale() const
{
    if (m_pixmap.isNull())
        return 1.0;
    const double sx = double(width()) / m_pixmap.width();
    const double sy = double(height()) / m_pixmap.height();
    return std::min({sx, sy, 1.0}); // small images are not blown up to fit
}

double ImageViewer::zoom() const
{
    return m_fit ? fitScale() : m_zoom;
}

void ImageViewer::setZoom(double zoom, QPointF anchor)
{
    if (m_pixmap.isNull())
        return;
    const double before = this->zoom();
    const double after = std::clamp(zoom, kMinZoom, kMaxZoom);
    // Keep the point under the cursor where it is.
    const QPointF centre = QPointF(width(), height()) / 2 + m_pan;
    m_pan += (anchor - centre) * (1 - after / before);
    m_zoom = after;
    m_fit = false;
    clampPan();
    refreshDescription(true);
    update();
}

void ImageViewer::zoomIn()
{
    setZoom(zoom() * kStep, rect().center());
}

void ImageViewer::zoomOut()
{
    setZoom(zoom() / kStep, rect().center());
}

void ImageViewer::fitToWindow()
{
    m_fit = true;
    m_pan = {};
    refreshDescription(true);
    update();
}

void ImageViewer::clampPan()
{
    const QSizeF shown = QSizeF(m_pixmap.size()) * zoom();
    const double maxX = std::max(0.0, (shown.width() - width()) / 2);
    const double maxY = std::max(0.0, (shown.height() - height()) / 2);
    m_pan.setX(std::clamp(m_pan.x(), -maxX, maxX));
    m_pan.setY(std::clamp(m_pan.y(), -maxY, maxY));
}

void ImageViewer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    if (m_pixmap.isNull()) {
        painter.setPen(palette().color(QPalette::WindowText));
        // The text stands in for the picture (often its prompt): wrapped in its own direction.
        QTextOption option(Qt::AlignCenter);
        option.setWrapMode(QTextOption::WordWrap);
        option.setTextDirection(RunText::directionOf(m_text, layoutDirection()));
        painter.drawText(QRectF(rect().adjusted(16, 16, -16, -16)), m_text, option);
        drawFocusRing(painter);
        return;
    }
    const QSizeF shown = QSizeF(m_pixmap.size()) * zoom();
    QRectF target(QPointF(), shown);
    target.moveCenter(QPointF(width(), height()) / 2 + (m_fit ? QPointF() : m_pan));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 2.0);
    painter.drawPixmap(target, m_pixmap, m_pixmap.rect());
    drawFocusRing(painter);
}

void ImageViewer::drawFocusRing(QPainter &painter) const
{
    if (!hasFocus())
        return;
    QStyleOptionFocusRect option;
    option.initFrom(this);
    option.rect = rect().adjusted(2, 2, -2, -2);
    style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
}

void ImageViewer::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0 || m_pixmap.isNull())
        return QWidget::wheelEvent(event);
    setZoom(zoom() * std::pow(kStep, delta / 120.0), event->position());
    event->accept();
}

void ImageViewer::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_pixmap.isNull()) {
        m_dragging = true;
        m_dragFrom = event->position().toPoint();
        m_pressAt = m_dragFrom;
        setCursor(Qt::ClosedHandCursor);
    }
    QWidget::mousePressEvent(event);
}

void ImageViewer::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    const QPoint now = event->position().toPoint();
    if (m_fit) {
        // Nothing to pan: the picture leaves the app as a file instead.
        if ((now - m_pressAt).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = false;
            unsetCursor();
            Q_EMIT dragOutRequested();
        }
        return;
    }
    m_pan += now - m_dragFrom;
    m_dragFrom = now;
    clampPan();
    update();
}

void ImageViewer::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    unsetCursor();
    QWidget::mouseReleaseEvent(event);
}

void ImageViewer::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Double click toggles between fit and actual size, like most image viewers.
    if (m_fit)
        setZoom(1.0, event->position());
    else
        fitToWindow();
}

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
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
    default:
        QWidget::keyPressEvent(event);
    }
}
