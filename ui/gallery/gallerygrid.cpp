#include "gallery/gallerygrid.h"

#include "domain/records.h"
#include "gallery/galleryaccessible.h"
#include "gallery/gallerydelegate.h"
#include "gallery/scrollmonthlabel.h"
#include "gallery/thumbnailpixmaps.h"
#include "media/thumbnailcache.h"
#include "models/gallerymodel.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOption>

namespace {
constexpr int kSettleMs = 30; // a scroll that goes on does not ask for every row it passes
constexpr int kThumbnailEdge = ThumbnailCache::galleryEdge; // the mirror's thumbnails too
constexpr int kNarrowestCell = 120;
constexpr int kPrefetchScreens = 2; // rows are paged in this many screens before the end
} // namespace

GalleryGrid::GalleryGrid(ThumbnailCache &thumbnails, QWidget *parent)
    : QAbstractItemView(parent)
    , m_pixmaps(new ThumbnailPixmaps(thumbnails, kThumbnailEdge, this))
    , m_delegate(new GalleryDelegate(*m_pixmaps, this))
    , m_cell(GalleryDelegate::kMinCellWidth, GalleryDelegate::kCellHeight)
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Rows wrap and cells fit the width, so a sideways scroll bar never has anything to show.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(40);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A selected card drags its image out as a file (GalleryModel::mimeData); pressing
    // elsewhere still draws the selection rectangle.
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Images"));
    m_cardItems = new GalleryCardItems(this);
    m_monthLabel = new ScrollMonthLabel(this);

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
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &GalleryGrid::rememberPlace);
    connect(model, &GalleryModel::refreshMovedRows, this, &GalleryGrid::restorePlace);
    connect(model, &QAbstractItemModel::layoutChanged, this, &GalleryGrid::scheduleSettle);
    connect(model, &QAbstractItemModel::rowsInserted, this, &GalleryGrid::scheduleSettle);
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateScrollRange();
        viewport()->update();
        scheduleSettle();
    });
    // A row's file may have arrived: the next settle asks for it (ThumbnailPixmaps notices
    // a changed file by its key).
    connect(model, &QAbstractItemModel::dataChanged, this, &GalleryGrid::scheduleSettle);
    updateScrollRange();
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

// ---- Geometry: all arithmetic on the row number.

int GalleryGrid::rowCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

GridGeometry GalleryGrid::geometry() const
{
    // Right to left the first column is flush with the viewport's right edge (the scroll bar
    // moves to the left), so the spare pixels gather at the left.
    return {rowCount(), columnCount(), m_cell, layoutDirection(), viewport()->width()};
}

int GalleryGrid::layoutWidth() const
{
    // The largest viewport, less the scroll bar while the policy is "as needed", so the
    // columns do not change when the bar appears or goes; and a pixel of slack at the end.
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
    if (m_cell.width() != width) {
        m_cell.setWidth(width);
        viewport()->update();
    }
}

std::pair<int, int> GalleryGrid::visibleRange() const
{
    return geometry().rowsInLines(verticalOffset(), viewport()->height());
}

int GalleryGrid::firstRowAt(int value) const
{
    const auto [first, last] = geometry().rowsInLines(value, 1);
    return last < first ? -1 : first;
}

QRect GalleryGrid::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != model() || index.row() >= rowCount())
        return {};
    return geometry().cellRect(index.row()).translated(-horizontalOffset(), -verticalOffset());
}

QModelIndex GalleryGrid::indexAt(const QPoint &point) const
{
    if (!m_model)
        return {};
    const int row = geometry().rowAt(point + QPoint(horizontalOffset(), verticalOffset()));
    return row >= 0 ? m_model->index(row) : QModelIndex();
}

int GalleryGrid::horizontalOffset() const
{
    return 0;
}

int GalleryGrid::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool GalleryGrid::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void GalleryGrid::updateScrollRange()
{
    fitCellsToWidth();
    const int height = viewport()->height();
    auto *bar = verticalScrollBar();
    bar->setPageStep(height);
    bar->setRange(0, qMax(0, geometry().contentSize().height() - height));
    horizontalScrollBar()->setRange(0, 0);
}

void GalleryGrid::updateGeometries()
{
    updateScrollRange();
    QAbstractItemView::updateGeometries();
}

void GalleryGrid::reset()
{
    QAbstractItemView::reset();
    clearRubberBand();
    updateScrollRange();
    viewport()->update();
}

void GalleryGrid::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    // No layout pass: the new rows only lengthen the scroll range.
    updateScrollRange();
    viewport()->update();
}

void GalleryGrid::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    const QRect rect = visualRect(index);
    if (!rect.isValid())
        return;
    updateScrollRange();
    const QRect area = viewport()->rect();
    if (hint == EnsureVisible && area.contains(rect)) {
        viewport()->update(rect);
        return;
    }
    auto *bar = verticalScrollBar();
    int value = bar->value();
    switch (hint) {
    case EnsureVisible:
        if (rect.top() < area.top() || rect.height() > area.height())
            value += rect.top() - area.top();
        else
            value += rect.bottom() - area.bottom();
        break;
    case PositionAtTop:
        value += rect.top() - area.top();
        break;
    case PositionAtBottom:
        value += rect.bottom() - area.bottom();
        break;
    case PositionAtCenter:
        value += rect.center().y() - area.center().y();
        break;
    }
    bar->setValue(value);
}

QModelIndex GalleryGrid::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    using Move = GridGeometry::Move;
    if (!m_model || rowCount() == 0)
        return {};
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return m_model->index(0);
    const int linesPerPage = qMax(1, viewport()->height() / m_cell.height());
    Move move = Move::Next;
    switch (cursorAction) {
    case MovePrevious:
        move = Move::Previous;
        break;
    case MoveNext:
        move = Move::Next;
        break;
    case MoveLeft:
        move = Move::Left;
        break;
    case MoveRight:
        move = Move::Right;
        break;
    case MoveUp:
        move = Move::Up;
        break;
    case MoveDown:
        move = Move::Down;
        break;
    case MovePageUp:
        move = Move::PageUp;
        break;
    case MovePageDown:
        move = Move::PageDown;
        break;
    case MoveHome:
        move = Move::Home;
        break;
    case MoveEnd:
        move = Move::End;
        break;
    }
    const int wanted = geometry().moveTarget(move, current.row(), linesPerPage);
    // Moving past the rows paged in so far pages in more, as scrolling there would.
    while (wanted >= rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    const int target = qMin(wanted, rowCount() - 1);
    // No card right below (the last line is short): stay, as a list view does.
    if (move == Move::Down && target != wanted)
        return current;
    return m_model->index(target);
}

void GalleryGrid::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!m_model || !selectionModel())
        return;
    QItemSelection selection;
    if (state() != DragSelectingState) {
        // A click, Shift+click or Shift+arrow: the rows in reading order from the card under
        // one corner to the card under the other, as a list view selects them.
        const QModelIndex from = indexAt(rect.topLeft());
        const QModelIndex to = indexAt(rect.bottomRight());
        if (from.isValid() && to.isValid())
            selection.select(m_model->index(qMin(from.row(), to.row())),
                             m_model->index(qMax(from.row(), to.row())));
        selectionModel()->select(selection, command);
        return;
    }
    // A rubber band: the cards it crosses.
    const QRect area = rect.translated(horizontalOffset(), verticalOffset());
    for (const auto &[first, last] : geometry().rowRangesIn(area))
        selection.select(m_model->index(first), m_model->index(last));
    selectionModel()->select(selection, command);
}

QRegion GalleryGrid::visualRegionForSelection(const QItemSelection &selection) const
{
    // Only the part on screen matters (a selection can span 100,000 rows).
    QRegion region;
    const auto [firstVisible, lastVisible] = visibleRange();
    if (lastVisible < firstVisible)
        return region;
    const GridGeometry grid = geometry();
    for (const auto &range : selection) {
        if (range.parent().isValid() || range.model() != model())
            continue;
        const int first = qMax(range.top(), firstVisible);
        const int last = qMin(range.bottom(), lastVisible);
        for (const auto &[lineStart, lineEnd] : grid.lineRuns(first, last))
            region +=
                visualRect(m_model->index(lineStart)).united(visualRect(m_model->index(lineEnd)));
    }
    return region;
}

// ---- Painting: only the cells the exposed area touches.

void GalleryGrid::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const int count = rowCount();
    if (count > 0) {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        const QStyle::State state = option.state;
        const bool enabled = state.testFlag(QStyle::State_Enabled);
        const QModelIndex current = currentIndex();
        const bool focus = (hasFocus() || viewport()->hasFocus()) && current.isValid();
        const QItemSelectionModel *selections = selectionModel();
        const GridGeometry grid = geometry();
        const QPoint offset(horizontalOffset(), verticalOffset());
        for (const auto &[first, last] : grid.rowRangesIn(event->rect().translated(offset))) {
            for (int row = first; row <= last; ++row) {
                const QModelIndex index = m_model->index(row);
                option.rect = grid.cellRect(row).translated(-offset);
                option.state = state;
                if (selections && selections->isSelected(index))
                    option.state |= QStyle::State_Selected;
                if (enabled)
                    option.palette.setCurrentColorGroup(QPalette::Normal);
                if (focus && index == current)
                    option.state |= QStyle::State_HasFocus;
                m_delegate->paint(&painter, option, index);
            }
        }
    }
    if (m_rubberBand.isValid()) {
        QStyleOptionRubberBand opt;
        opt.initFrom(this);
        opt.shape = QRubberBand::Rectangle;
        opt.opaque = false;
        opt.rect = m_rubberBand.translated(-horizontalOffset(), -verticalOffset())
                       .intersected(viewport()->rect().adjusted(-16, -16, 16, 16));
        painter.save();
        style()->drawControl(QStyle::CE_RubberBand, &opt, &painter);
        painter.restore();
    }
}

void GalleryGrid::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event); // updateGeometries: the cells refit the width
    scheduleSettle();
}

void GalleryGrid::scrollContentsBy(int dx, int dy)
{
    QAbstractItemView::scrollContentsBy(dx, dy);
    // Page in the next rows a little before the end, so a scroll does not run into it.
    auto *bar = verticalScrollBar();
    if (m_model && dy < 0
        && bar->value() + kPrefetchScreens * qMax(1, bar->pageStep()) >= bar->maximum()
        && m_model->canFetchMore({}))
        m_model->fetchMore({});
    scheduleSettle();
}

void GalleryGrid::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    // A screen reader follows the keyboard from card to card (as QListView tells it).
    if (QAccessible::isActive() && current.isValid() && hasFocus()) {
        QAccessibleEvent event(this, QAccessible::Focus);
        event.setChild(current.row());
        QAccessible::updateAccessibility(&event);
    }
    QAbstractItemView::currentChanged(current, previous);
}
