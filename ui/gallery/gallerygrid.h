#pragma once

#include <QListView>
#include <QTimer>

class GalleryDelegate;
class GalleryModel;
class ThumbnailCache;
class ThumbnailPixmaps;

// The virtualised thumbnail grid: an icon-mode list with uniform items, a fixed grid and
// batched layout, so 100,000 rows paint at once. Once scrolling settles it asks for the
// thumbnails of the visible cells (visible first, scrolled-away work dropped) and repaints
// each cell alone when its pixmap arrives.
class GalleryGrid final : public QListView
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
    bool isSettlePending() const { return m_settle.isActive(); }
    // How many cards a row holds at the current width (the cells widen to fill it).
    int columnCount() const;

Q_SIGNALS:
    void openRequested(const QModelIndex &index);
    void favoriteRequested(); // F, on the selection
    void hideRequested(); // Delete, on the selection
    // Visible completed rows that have no local file yet (the core may download them).
    void imagesWanted(const QList<qint64> &rowIds);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void scheduleSettle();
    void settle();
    void repaintRow(qint64 rowId);
    void tickSpinner();
    int firstVisibleRow() const;
    int layoutWidth() const;
    void fitCellsToWidth();

    GalleryModel *m_model = nullptr;
    ThumbnailPixmaps *m_pixmaps = nullptr;
    GalleryDelegate *m_delegate = nullptr;
    QTimer m_settle;
    QTimer m_spinner;
    int m_spinnerStep = 0;
    QList<int> m_visiblePending;
    QList<qint64> m_lastWanted;
};
