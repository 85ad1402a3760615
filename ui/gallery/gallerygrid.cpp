#include "gallery/gallerygrid.h"

#include "domain/records.h"
#include "gallery/galleryaccessible.h"
#include "gallery/gallerydelegate.h"
#include "gallery/thumbnailpixmaps.h"
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
constexpr int kThumbnailEdge = 256;
constexpr int kNarrowestCell = 120;
constexpr int kPrefetchScreens = 2; // rows are paged in this many screens before the end
} // namespace

GalleryGrid::GalleryGrid(ThumbnailCache &thumbnails, QWidget *parent)
    // The accessibility factory must be in place before the base class is built: an
    // accessibility event sent while it is built would cache a generic interface for us.
    : QAbstractItemView((installGalleryAccessibility(), parent))
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

int GalleryGrid::lineCount() const
{
    const int columns = columnCount();
    return (rowCount() + columns - 1) / columns;
}

int GalleryGrid::layoutWidth() const
{
    // The largest viewport, less the scroll bar while the policy is "as needed", so the
    // columns do not change when the bar appears or goes; and a pixel of slack at the right.
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

QRect GalleryGrid::contentRect(int row) const
{
    const int columns = columnCount();
    return {(row % columns) * m_cell.width(), (row / columns) * m_cell.height(), m_cell.width(),
            m_cell.height()};
}

std::pair<int, int> GalleryGrid::visibleRange() const
{
    const int count = rowCount();
    if (count == 0 || viewport()->height() <= 0)
        return {0, -1};
    const int columns = columnCount();
    const int top = verticalOffset();
    const int firstLine = qMax(0, top / m_cell.height());
    const int lastLine = (top + viewport()->height() - 1) / m_cell.height();
    const int first = firstLine * columns;
    const int last = qMin(count - 1, lastLine * columns + columns - 1);
    return {first, last};
}

QRect GalleryGrid::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != model() || index.row() >= rowCount())
        return {};
    return contentRect(index.row()).translated(-horizontalOffset(), -verticalOffset());
}

QModelIndex GalleryGrid::indexAt(const QPoint &point) const
{
    if (!m_model || point.x() < 0)
        return {};
    const int y = point.y() + verticalOffset();
    if (y < 0)
        return {};
    const int column = (point.x() + horizontalOffset()) / m_cell.width();
    if (column >= columnCount())
        return {};
    const int row = (y / m_cell.height()) * columnCount() + column;
    return row < rowCount() ? m_model->index(row) : QModelIndex();
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
    bar->setRange(0, qMax(0, lineCount() * m_cell.height() - height));
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
    if (!m_model || rowCount() == 0)
        return {};
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return m_model->index(0);
    const int columns = columnCount();
    const int linesPerPage = qMax(1, viewport()->height() / m_cell.height());
    const int row = current.row();
    // Moving past the rows paged in so far pages in more, as scrolling there would.
    const auto fetchUpTo = [this](int wanted) {
        while (wanted >= rowCount() && m_model->canFetchMore({}))
            m_model->fetchMore({});
        return qMin(wanted, rowCount() - 1);
    };
    int target = row;
    switch (cursorAction) {
    case MoveLeft:
    case MovePrevious:
        target = qMax(0, row - 1);
        break;
    case MoveRight:
    case MoveNext:
        target = fetchUpTo(row + 1);
        break;
    case MoveUp:
        target = row >= columns ? row - columns : row;
        break;
    case MoveDown: {
        const int below = row + columns;
        target = fetchUpTo(below);
        // No card right below (the last line is short): stay, as a list view does.
        if (target != below)
            target = row;
        break;
    }
    case MovePageUp:
        target = row - columns * linesPerPage;
        if (target < 0)
            target = row % columns;
        break;
    case MovePageDown:
        target = fetchUpTo(row + columns * linesPerPage);
        break;
    case MoveHome:
        target = 0;
        break;
    case MoveEnd:
        target = rowCount() - 1;
        break;
    }
    return m_model->index(target);
}

void GalleryGrid::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!m_model || !selectionModel())
        return;
    QItemSelection selection;
    const int count = rowCount();
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
    const int columns = columnCount();
    const QRect content(0, 0, columns * m_cell.width(), lineCount() * m_cell.height());
    const QRect area =
        rect.normalized().translated(horizontalOffset(), verticalOffset()).intersected(content);
    if (count > 0 && !area.isEmpty()) {
        const int firstLine = area.top() / m_cell.height();
        const int lastLine = area.bottom() / m_cell.height();
        const int firstColumn = area.left() / m_cell.width();
        const int lastColumn = qMin(columns - 1, area.right() / m_cell.width());
        if (firstColumn == 0 && lastColumn == columns - 1) {
            // Whole lines: one contiguous range of rows.
            const int first = firstLine * columns;
            const int last = qMin(count - 1, lastLine * columns + columns - 1);
            selection.select(m_model->index(first), m_model->index(last));
        } else {
            for (int line = firstLine; line <= lastLine; ++line) {
                const int first = line * columns + firstColumn;
                if (first >= count)
                    break;
                const int last = qMin(count - 1, line * columns + lastColumn);
                selection.select(m_model->index(first), m_model->index(last));
            }
        }
    }
    selectionModel()->select(selection, command);
}

QRegion GalleryGrid::visualRegionForSelection(const QItemSelection &selection) const
{
    // Only the part on screen matters (a selection can span 100,000 rows).
    QRegion region;
    const auto [firstVisible, lastVisible] = visibleRange();
    if (lastVisible < firstVisible)
        return region;
    const int columns = columnCount();
    for (const auto &range : selection) {
        if (range.parent().isValid() || range.model() != model())
            continue;
        const int first = qMax(range.top(), firstVisible);
        const int last = qMin(range.bottom(), lastVisible);
        for (int lineStart = first; lineStart <= last;) {
            const int lineEnd = qMin(last, (lineStart / columns) * columns + columns - 1);
            const QRect left = visualRect(m_model->index(lineStart));
            const QRect right = visualRect(m_model->index(lineEnd));
            region += left.united(right);
            lineStart = lineEnd + 1;
        }
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
        const int columns = columnCount();
        const int offset = verticalOffset();
        const QRect area = event->rect();
        const int firstLine = qMax(0, (area.top() + offset) / m_cell.height());
        const int lastLine = (area.bottom() + offset) / m_cell.height();
        const int firstColumn = qMax(0, area.left() / m_cell.width());
        const int lastColumn = qMin(columns - 1, area.right() / m_cell.width());
        for (int line = firstLine; line <= lastLine; ++line) {
            for (int column = firstColumn; column <= lastColumn; ++column) {
                const int row = line * columns + column;
                if (row >= count)
                    break;
                const QModelIndex index = m_model->index(row);
                option.rect = QRect(column * m_cell.width(), line * m_cell.height() - offset,
                                    m_cell.width(), m_cell.height());
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

// ---- Input.

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
        default:
            break;
        }
    }
    QAbstractItemView::keyPressEvent(event);
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

// ---- Thumbnails after the scroll settles.

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
    // Only a cell on screen needs the repaint; one scrolled away paints its pixmap when it
    // comes back. So look through the visible cells, not the whole list.
    const auto [first, last] = visibleRange();
    for (int row = first; row <= last; ++row) {
        if (m_model->recordAt(row)->rowId == rowId) {
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
