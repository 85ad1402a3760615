#pragma once

#include "gallery/gridgeometry.h"

#include <QAbstractItemView>
#include <QTimer>

class GalleryCardItems;
class GalleryDelegate;
class GalleryModel;
class ThumbnailCache;
class ScrollMonthLabel;
class ThumbnailPixmaps;

// The virtualised thumbnail grid. Its geometry is arithmetic: row r sits in line r / columns,
// column r % columns (counted from the right in a right-to-left layout), every cell the same
// size, so layout, hit tests and painting cost the same at 100,000 rows as at 100 (no per-row
// layout pass when a page of rows arrives). It
// paints only the cells the viewport shows. Once scrolling settles it asks for the thumbnails
// of the visible cells (visible first, scrolled-away work dropped) and repaints each cell
// alone when its pixmap arrives.
class GalleryGrid final : public QAbstractItemView
{
    Q_OBJECT
public:
    GalleryGrid(ThumbnailCache &thumbnails, QWidget *parent = nullptr);
    ~GalleryGrid() override;

    void setGalleryModel(GalleryModel *model);
    GalleryModel *galleryModel() const { return m_model; }
    // The rows whose cells intersect the viewport, top to bottom.
    QList<int> visibleRows() const;
    QList<qint64> selectedRowIds() const;
    const ThumbnailPixmaps &pixmaps() const { return *m_pixmaps; }
    // What a screen reader hears of the cards, and the actions it can take on them.
    GalleryCardItems *cardItems() const { return m_cardItems; }
    bool isSettlePending() const { return m_settle.isActive(); }
    // How many cards a row holds at the current width (the cells widen to fill it).
    int columnCount() const;
    // One card's cell: the width shares out the viewport, the height is fixed.
    QSize cellSize() const { return m_cell; }
    // The first row shown when the scroll bar stands at `value`; -1 when none.
    int firstRowAt(int value) const;
    // The month beside the scroll bar's handle while it is dragged.
    ScrollMonthLabel *monthLabel() const { return m_monthLabel; }

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    void reset() override;

Q_SIGNALS:
    void openRequested(const QModelIndex &index);
    void favoriteRequested(); // F, on the selection
    void hideRequested(); // Delete, on the selection
    void compareRequested(); // C, on the selection
    // Visible completed rows that have no local file yet (the core may download them).
    void imagesWanted(const QList<qint64> &rowIds);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void scheduleSettle();
    // Across a reset from a refresh (GalleryModel::refreshMovedRows): the place on screen,
    // the current card and the selection come back.
    void rememberPlace();
    void restorePlace(int firstRowBefore, int firstRowAfter);
    void settle();
    void repaintRow(qint64 rowId);
    void tickSpinner();
    int rowCount() const;
    GridGeometry geometry() const;
    // The first and last rows whose cells intersect the viewport; last < first when none.
    std::pair<int, int> visibleRange() const;
    int layoutWidth() const;
    void fitCellsToWidth();
    void updateScrollRange();
    void clearRubberBand();

    GalleryModel *m_model = nullptr;
    ThumbnailPixmaps *m_pixmaps = nullptr;
    GalleryDelegate *m_delegate = nullptr;
    GalleryCardItems *m_cardItems = nullptr;
    ScrollMonthLabel *m_monthLabel = nullptr;
    QSize m_cell;
    QTimer m_settle;
    QTimer m_spinner;
    int m_spinnerStep = 0;
    QList<int> m_visiblePending;
    QList<qint64> m_lastWanted;
    int m_valueBeforeReset = 0;
    qint64 m_currentBeforeReset = -1;
    QList<qint64> m_selectedBeforeReset;
    QPoint m_pressed; // where the left button went down, content coordinates
    QRect m_rubberBand; // the selection rectangle being dragged, content coordinates
};
