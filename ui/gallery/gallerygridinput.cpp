// GalleryGrid's mouse and keyboard: the selection rectangle while dragging across cards, and
// the keys that act on the current card or the selection.
#include "gallery/gallerygrid.h"

#include <QKeyEvent>
#include <QStyle>

void GalleryGrid::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->position().toPoint() + QPoint(horizontalOffset(), verticalOffset());
    QAbstractItemView::mousePressEvent(event);
}

void GalleryGrid::mouseMoveEvent(QMouseEvent *event)
{
    QAbstractItemView::mouseMoveEvent(event);
    // The selection rectangle while dragging across cards.
    if (state() == DragSelectingState && selectionMode() != SingleSelection
        && selectionMode() != NoSelection) {
        const QPoint offset(horizontalOffset(), verticalOffset());
        const QRect band = QRect(m_pressed, event->position().toPoint() + offset).normalized();
        const int margin = 2 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
        viewport()->update(band.united(m_rubberBand)
                               .translated(-offset)
                               .adjusted(-margin, -margin, margin, margin));
        m_rubberBand = band;
    }
}

void GalleryGrid::mouseReleaseEvent(QMouseEvent *event)
{
    QAbstractItemView::mouseReleaseEvent(event);
    clearRubberBand();
}

void GalleryGrid::clearRubberBand()
{
    if (!m_rubberBand.isValid())
        return;
    const int margin = 2 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
    viewport()->update(m_rubberBand.translated(-horizontalOffset(), -verticalOffset())
                           .adjusted(-margin, -margin, margin, margin));
    m_rubberBand = QRect();
}

void GalleryGrid::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (currentIndex().isValid())
                Q_EMIT openRequested(currentIndex());
            event->accept();
            return;
        case Qt::Key_F:
            Q_EMIT favoriteRequested();
            event->accept();
            return;
        case Qt::Key_Delete:
            Q_EMIT hideRequested();
            event->accept();
            return;
        case Qt::Key_C:
            Q_EMIT compareRequested();
            event->accept();
            return;
        default:
            break;
        }
    }
    QAbstractItemView::keyPressEvent(event);
}
