// GalleryGrid, once scrolling settles: tell the model which rows are on screen, ask for the
// thumbnails of the visible cells (a screen either side kept), ask the core for the images
// it lacks, and animate the spinners of pending cards.
#include "gallery/gallerydelegate.h"
#include "gallery/gallerygrid.h"
#include "gallery/thumbnailpixmaps.h"
#include "media/imagemirror.h"
#include "models/gallerymodel.h"

#include <optional>

QList<int> GalleryGrid::visibleRows() const
{
    QList<int> rows;
    const auto [first, last] = visibleRange();
    for (int row = first; row <= last; ++row)
        rows << row;
    return rows;
}

void GalleryGrid::scheduleSettle()
{
    m_settle.start();
}

namespace {

// Where a card's thumbnail comes from: its local file, else the thumbnail the mirror kept
// without the image (read from disk only); none for a card with neither.
std::optional<ThumbnailPixmaps::Wanted> thumbnailOf(const HistoryRecord &r)
{
    if (!r.localFile.isEmpty())
        return ThumbnailPixmaps::Wanted{r.rowId, r.localFile, {}};
    if (r.status == ImageStatus::Completed && !r.imageUrl.isEmpty())
        return ThumbnailPixmaps::Wanted{r.rowId, {}, ImageMirror::thumbnailKey(r.imageUrl)};
    return std::nullopt;
}

} // namespace

void GalleryGrid::settle()
{
    if (!m_model)
        return;
    const QList<int> rows = visibleRows();
    m_model->setVisibleRows(rows.isEmpty() ? -1 : rows.first(), rows.isEmpty() ? -1 : rows.last());
    QList<ThumbnailPixmaps::Wanted> visible;
    QList<qint64> wanted;
    m_visiblePending.clear();
    for (const int row : rows) {
        const auto *r = m_model->recordAt(row);
        if (!r)
            continue; // a read failed; the model said so
        if (r->status == ImageStatus::Pending)
            m_visiblePending << row;
        else if (r->localFile.isEmpty() && r->status == ImageStatus::Completed)
            wanted << r->rowId;
        if (const auto w = thumbnailOf(*r))
            visible << *w;
    }
    // Keep a screen's worth either side so a short scroll back finds its work still queued.
    QList<ThumbnailPixmaps::Wanted> keep;
    if (!rows.isEmpty()) {
        const int span = int(rows.size());
        const int from = qMax(0, rows.first() - span);
        const int to = qMin(m_model->rowCount() - 1, rows.last() + span);
        for (int row = from; row <= to; ++row) {
            if (const auto *r = m_model->recordAt(row))
                if (const auto w = thumbnailOf(*r))
                    keep << *w;
        }
    }
    m_pixmaps->request(visible, keep);
    if (!wanted.isEmpty() && wanted != m_lastWanted)
        Q_EMIT imagesWanted(wanted);
    m_lastWanted = wanted;
    if (m_visiblePending.isEmpty())
        m_spinner.stop();
    else if (!m_spinner.isActive())
        m_spinner.start();
}

void GalleryGrid::repaintRow(qint64 rowId)
{
    if (!m_model)
        return;
    // Only a cell on screen needs the repaint; one scrolled away paints its pixmap when it
    // comes back. So look through the visible cells, not the whole list.
    const auto [first, last] = visibleRange();
    for (int row = first; row <= last; ++row) {
        if (const auto *r = m_model->recordAt(row); r && r->rowId == rowId) {
            update(m_model->index(row));
            return;
        }
    }
}

void GalleryGrid::tickSpinner()
{
    m_spinnerStep = (m_spinnerStep + 1) % 12;
    m_delegate->setSpinnerStep(m_spinnerStep);
    for (const int row : std::as_const(m_visiblePending))
        if (row < m_model->rowCount())
            update(m_model->index(row));
}
