#pragma once

#include <QLabel>

class GalleryGrid;

// The month of the rows under the scroll bar's handle, beside the handle while it is dragged
// (on the handle's inner side, so right to left it sits to the bar's right).
class ScrollMonthLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit ScrollMonthLabel(GalleryGrid *grid);

private:
    void follow(int value);

    GalleryGrid *m_grid;
};
