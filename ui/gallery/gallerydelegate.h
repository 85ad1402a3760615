#pragma once

#include <QStyledItemDelegate>

class ThumbnailPixmaps;

// Paints one gallery card: the thumbnail or a placeholder, a spinner badge on pending cards,
// the error on failed ones, a star on favourites, the prompt below. It only paints; the grid
// decides what to load.
class GalleryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // The narrowest grid cell; the grid widens its cells to share out the spare width.
    static constexpr int kMinCellWidth = 176;
    static constexpr int kCellHeight = 234;
    static constexpr int kImageHeight = 172;

    GalleryDelegate(const ThumbnailPixmaps &pixmaps, QObject *parent = nullptr);

    // Rotates the spinner of pending cards (the grid ticks it while one is visible).
    void setSpinnerStep(int step) { m_spinnerStep = step; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintPlaceholder(QPainter *painter, const QRect &area, const QColor &fill,
                          const QString &text, const QColor &textColour,
                          Qt::LayoutDirection layout) const;
    void paintSpinner(QPainter *painter, const QPoint &centre, int radius,
                      const QColor &colour) const;

    const ThumbnailPixmaps &m_pixmaps;
    int m_spinnerStep = 0;
};
