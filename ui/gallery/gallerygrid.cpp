#include "gallerygrid.h"

#include "gallerydelegate.h"
#include "gallerymodel.h"
#include "records.h"
#include "thumbnailpixmaps.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QStyle>

namespace {
constexpr int kSettleMs = 30; // a scroll that goes on does not ask for every row it passes
constexpr int kThumbnailEdge = 256;
constexpr int kNarrowestCell = 120;
} // namespace

GalleryGrid::GalleryGrid(ThumbnailCache &thumbnails, QWidget *parent)
    : QListView(parent)
    , m_pixmaps(new ThumbnailPixmaps(thumbnails, kThumbnailEdge, this))
    , m_delegate(new GalleryDelegate(*m_pixmaps, this))
{
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setWrapping(true);
    setFlow(QListView::LeftToRight);
    setUniformItemSizes(true);
    setGridSize(QSize(GalleryDelegate::kMinCellWidth, GalleryDelegate::kCellHeight));
    setLayoutMode(QListView::Batched);
    setBatchSize(400);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Rows wrap and cells fit the width, so a sideways scroll bar never has anything to show
    // (it flashed on when a resize reached the hidden Gallery tab before its relayout).
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(40);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setDragEnabled(false);
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Images"));

    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &GalleryGrid::settle);
    m_spinner.setInterval(90);
    connect(&m_spinner, &QTimer::timeout, this, &GalleryGrid::tickSpinner);
    connect(m_pixmaps, &ThumbnailPixmaps::pixmapChanged, this, &GalleryGrid::repaintRow);
    connect(this, &QAbstractItemView::doubleClicked, this, &GalleryGrid::openRequested);
}

GalleryGrid::~GalleryGrid() = default;

void GalleryGrid::setGalleryModel(GalleryModel *model)
{
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &GalleryGrid::scheduleSettle);
    connect(model, &QAbstractItemModel::layoutChanged, this, &GalleryGrid::scheduleSettle);
    connect(model, &QAbstractItemModel::rowsInserted, this, &GalleryGrid::scheduleSettle);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &GalleryGrid::scheduleSettle);
    // A row's file may have arrived: the next settle asks for it (ThumbnailPixmaps notices
    // a changed file by its key).
    connect(model, &QAbstractItemModel::dataChanged, this, &GalleryGrid::scheduleSettle);
    scheduleSettle();
}

QList<qint64> GalleryGrid::selectedRowIds() const
{
    QList<qint64> ids;
    if (!m_model)
        return ids;
    auto rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const auto &index : rows)
        if (const auto *r = m_model->recordAt(index.row()))
            ids << r->rowId;
    return ids;
}

int GalleryGrid::firstVisibleRow() const
{
    // Cells are laid out in reading order, so the first one whose bottom is inside the
    // viewport is found by bisection; rows not laid out yet (batched) count as below.
    int lo = 0;
    int hi = m_model ? m_model->rowCount() : 0;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        const QRect r = visualRect(m_model->index(mid));
        if (r.isValid() && r.bottom() < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

QList<int> GalleryGrid::visibleRows() const
{
    QList<int> rows;
    if (!m_model)
        return rows;
    const QRect view = viewport()->rect();
    for (int row = firstVisibleRow(); row < m_model->rowCount(); ++row) {
        const QRect r = visualRect(m_model->index(row));
        if (!r.isValid() || r.top() > view.bottom())
            break;
        if (r.intersects(view))
            rows << row;
    }
    return rows;
}

void GalleryGrid::scheduleSettle()
{
    m_settle.start();
}

void GalleryGrid::settle()
{
    if (!m_model)
        return;
    const QList<int> rows = visibleRows();
    QList<ThumbnailPixmaps::Wanted> visible;
    QList<qint64> wanted;
    m_visiblePending.clear();
    for (const int row : rows) {
        const auto *r = m_model->recordAt(row);
        if (r->status == ImageStatus::Pending)
            m_visiblePending << row;
        else if (r->localFile.isEmpty() && r->status == ImageStatus::Completed)
            wanted << r->rowId;
        if (!r->localFile.isEmpty())
            visible << ThumbnailPixmaps::Wanted{r->rowId, r->localFile};
    }
    // Keep a screen's worth either side so a short scroll back finds its work still queued.
    QList<ThumbnailPixmaps::Wanted> keep;
    if (!rows.isEmpty()) {
        const int span = int(rows.size());
        const int from = qMax(0, rows.first() - span);
        const int to = qMin(m_model->rowCount() - 1, rows.last() + span);
        for (int row = from; row <= to; ++row) {
            const auto *r = m_model->recordAt(row);
            if (!r->localFile.isEmpty())
                keep << ThumbnailPixmaps::Wanted{r->rowId, r->localFile};
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
    const int row = m_model->rowOfRecord(rowId);
    if (row >= 0)
        update(m_model->index(row));
}

void GalleryGrid::tickSpinner()
{
    m_spinnerStep = (m_spinnerStep + 1) % 12;
    m_delegate->setSpinnerStep(m_spinnerStep);
    for (const int row : std::as_const(m_visiblePending))
        if (row < m_model->rowCount())
            update(m_model->index(row));
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
        default:
            break;
        }
    }
    QListView::keyPressEvent(event);
}

int GalleryGrid::layoutWidth() const
{
    // The width QListView wraps at (Qt 6.4, prepareItemsLayout + doDynamicLayout): the
    // largest viewport, less a scroll bar it reserves while the policy is "as needed" (so
    // the columns do not change when the bar appears), less one because a row wraps once
    // x + cell > bounds.right().
    int width = maximumViewportSize().width();
    if (verticalScrollBarPolicy() == Qt::ScrollBarAsNeeded) {
        const bool frameAround =
            style()->styleHint(QStyle::SH_ScrollView_FrameOnlyAroundContents, nullptr, this);
        width -= style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar())
                 + (frameAround ? 2 * frameWidth() : 0);
    }
    return width - 1;
}

int GalleryGrid::columnCount() const
{
    return qMax(1, layoutWidth() / GalleryDelegate::kMinCellWidth);
}

void GalleryGrid::fitCellsToWidth()
{
    // Cells share out the spare width instead of leaving it as a gap at the right.
    // A viewport narrower than one cell squeezes its single card rather than cutting it.
    const int width = qMax(kNarrowestCell, layoutWidth() / columnCount());
    const QSize cell(width, GalleryDelegate::kCellHeight);
    if (gridSize() != cell)
        setGridSize(cell);
}

void GalleryGrid::resizeEvent(QResizeEvent *event)
{
    fitCellsToWidth();
    QListView::resizeEvent(event);
    scheduleSettle();
}

void GalleryGrid::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    scheduleSettle();
}
