// GalleryGrid across a model reset that a refresh caused (span mode, when rows went or came
// away from the top): it puts the first card on screen back where it was and brings back the
// current card and the selection, as the inserts and removals of a smaller history would.
#include "gallery/gallerygrid.h"
#include "models/gallerymodel.h"

#include <QScrollBar>

namespace {
// Selected cards looked up again after a reset; beyond this the selection is let go (each
// costs a count over one day of the history).
constexpr qsizetype kRestoredSelection = 500;
} // namespace

void GalleryGrid::rememberPlace()
{
    m_valueBeforeReset = verticalScrollBar()->value();
    m_currentBeforeReset = -1;
    m_selectedBeforeReset.clear();
    if (!m_model)
        return;
    if (const auto *r = m_model->recordAt(currentIndex().row()); r && currentIndex().isValid())
        m_currentBeforeReset = r->rowId;
    m_selectedBeforeReset = selectedRowIds().mid(0, kRestoredSelection);
}

void GalleryGrid::restorePlace(int firstRowBefore, int firstRowAfter)
{
    if (!m_model)
        return;
    const int columns = columnCount();
    const int lines = firstRowAfter / columns - firstRowBefore / columns;
    updateScrollRange();
    verticalScrollBar()->setValue(m_valueBeforeReset + lines * m_cell.height());
    QItemSelection selection;
    for (const qint64 rowId : std::as_const(m_selectedBeforeReset))
        if (const int row = m_model->locateRecord(rowId); row >= 0)
            selection.select(m_model->index(row), m_model->index(row));
    if (const int row =
            m_currentBeforeReset >= 0 ? m_model->locateRecord(m_currentBeforeReset) : -1;
        row >= 0)
        selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}
