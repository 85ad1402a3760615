#include "gallery/imageviewer.h"

#include "common/accessiblerole.h"
#include "common/imagefileloader.h"
#include "common/runtext.h"
#include "gallery/gallerylog.h"

#include <QAccessible>
#include <QApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QTextOption>
#include <QWheelEvent>

#include <cmath>

ImageViewer::ImageViewer(QWidget *parent)
    : QWidget(parent)
{
    m_loader = new ImageFileLoader(QStringLiteral("detail-decode"), this);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 160);
    setAccessibleName(tr("Image"));
    setAccessibleRole(this, QAccessible::Graphic);
    connect(m_loader, &ImageFileLoader::loaded, this,
            [this](const QImage &image, const QString &error) {
                if (image.isNull()) {
                    qCWarning(lcGallery) << "cannot decode" << error;
                    m_text = tr("This image cannot be shown: %1").arg(error);
                    Q_EMIT imageLoaded(false);
                } else {
                    m_pixmap = QPixmap::fromImage(image);
                    m_view.setContentSize(m_pixmap.size());
                    m_text.clear();
                    Q_EMIT imageLoaded(true);
                }
                refreshDescription();
                update();
            });
}

ImageViewer::~ImageViewer() = default;

bool ImageViewer::isLoading() const
{
    return m_loader->isLoading();
}

ZoomPan &ImageViewer::view() const
{
    m_view.setViewSize(size());
    return m_view;
}

void ImageViewer::showFile(const QString &path, const QString &fallbackText)
{
    clear(fallbackText);
    if (path.isEmpty())
        return;
    m_text = tr("Loading…");
    refreshDescription();
    m_loader->load(path);
}

void ImageViewer::clear(const QString &text)
{
    m_loader->cancel();
    m_pixmap = QPixmap();
    m_text = text;
    m_view.setContentSize({});
    m_view.fit();
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

double ImageViewer::zoom() const
{
    return m_pixmap.isNull() ? 1.0 : view().zoom();
}

void ImageViewer::setZoom(double zoom, QPointF anchor)
{
    if (m_pixmap.isNull())
        return;
    view().zoomAt(zoom, anchor); // the point under the cursor stays where it is
    refreshDescription(true);
    update();
}

void ImageViewer::zoomIn()
{
    setZoom(zoom() * ZoomPan::kStep, rect().center());
}

void ImageViewer::zoomOut()
{
    setZoom(zoom() / ZoomPan::kStep, rect().center());
}

void ImageViewer::fitToWindow()
{
    m_view.fit();
    refreshDescription(true);
    update();
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
    painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 2.0);
    painter.drawPixmap(view().target(), m_pixmap, m_pixmap.rect());
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
    setZoom(zoom() * std::pow(ZoomPan::kStep, delta / 120.0), event->position());
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
    if (isFit()) {
        // Nothing to pan: the picture leaves the app as a file instead.
        if ((now - m_pressAt).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = false;
            unsetCursor();
            Q_EMIT dragOutRequested();
        }
        return;
    }
    view().panBy(now - m_dragFrom);
    m_dragFrom = now;
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
    if (isFit())
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
