#pragma once

#include <QList>
#include <QPoint>
#include <QRect>
#include <QSize>

#include <utility>

// The gallery grid's layout as arithmetic on the row number: row r sits in line r / columns,
// column r % columns, every cell the same size. Content coordinates: the first line's top
// is 0. Left to right the first column's left is 0; right to left the first column's right
// is the line's right edge, and columns count leftwards. Costs the same at 100,000 rows as
// at 100.
struct GridGeometry
{
    int rows = 0;
    int columns = 1;
    QSize cell{1, 1};
    Qt::LayoutDirection direction = Qt::LeftToRight;
    // The width of a line (the viewport's); right to left, the columns are flush with its
    // right edge. Narrower than the columns (0 by default) means exactly the columns.
    int width = 0;

    // Previous and Next go in reading order; Left and Right go the way the arrows point,
    // so they swap meaning right to left.
    enum class Move { Previous, Next, Left, Right, Up, Down, PageUp, PageDown, Home, End };

    int lineCount() const;
    QSize contentSize() const;
    QRect cellRect(int row) const;
    // The first and last rows whose cells intersect the lines from top to top + height - 1;
    // last < first when none.
    std::pair<int, int> rowsInLines(int top, int height) const;
    // The row whose cell holds the point, or -1.
    int rowAt(QPoint point) const;
    // The runs of rows [first, last] whose cells a rectangle crosses, top to bottom.
    QList<std::pair<int, int>> rowRangesIn(const QRect &area) const;
    // Splits [first, last] into runs that each stay on one line.
    QList<std::pair<int, int>> lineRuns(int first, int last) const;
    // Where the keyboard cursor goes from `row`; may lie past the last row (the caller pages
    // more rows in, then clamps). A page is `linesPerPage` lines.
    int moveTarget(Move move, int row, int linesPerPage) const;

private:
    int lineWidth() const;
    // An x in content coordinates measured from the first column's outer edge instead.
    int readingX(int x) const;
};
