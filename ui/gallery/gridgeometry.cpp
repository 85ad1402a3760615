#include "gallery/gridgeometry.h"

#include <QtGlobal>

int GridGeometry::lineCount() const
{
    return (rows + columns - 1) / columns;
}

int GridGeometry::lineWidth() const
{
    return qMax(width, columns * cell.width());
}

int GridGeometry::readingX(int x) const
{
    return direction == Qt::RightToLeft ? lineWidth() - 1 - x : x;
}

QSize GridGeometry::contentSize() const
{
    return {lineWidth(), lineCount() * cell.height()};
}

QRect GridGeometry::cellRect(int row) const
{
    const int column = row % columns;
    const int left = direction == Qt::RightToLeft ? lineWidth() - (column + 1) * cell.width()
                                                  : column * cell.width();
    return {left, (row / columns) * cell.height(), cell.width(), cell.height()};
}

std::pair<int, int> GridGeometry::rowsInLines(int top, int height) const
{
    if (rows == 0 || height <= 0)
        return {0, -1};
    const int firstLine = qMax(0, top / cell.height());
    const int lastLine = (top + height - 1) / cell.height();
    return {firstLine * columns, qMin(rows - 1, lastLine * columns + columns - 1)};
}

int GridGeometry::rowAt(QPoint point) const
{
    if (point.x() < 0 || point.y() < 0 || point.x() >= lineWidth())
        return -1;
    const int column = readingX(point.x()) / cell.width();
    if (column >= columns)
        return -1;
    const int row = (point.y() / cell.height()) * columns + column;
    return row < rows ? row : -1;
}

QList<std::pair<int, int>> GridGeometry::rowRangesIn(const QRect &rect) const
{
    QList<std::pair<int, int>> ranges;
    const QRect area = rect.normalized().intersected(QRect(QPoint(0, 0), contentSize()));
    if (rows == 0 || area.isEmpty())
        return ranges;
    const int firstLine = area.top() / cell.height();
    const int lastLine = area.bottom() / cell.height();
    // The columns in reading order: right to left, the area's right edge comes first.
    const int nearX = qMin(readingX(area.left()), readingX(area.right()));
    const int farX = qMax(readingX(area.left()), readingX(area.right()));
    if (nearX >= columns * cell.width())
        return ranges; // only the slack beyond the last column
    const int firstColumn = nearX / cell.width();
    const int lastColumn = qMin(columns - 1, farX / cell.width());
    if (firstColumn == 0 && lastColumn == columns - 1) {
        // Whole lines: one contiguous range of rows.
        ranges.append({firstLine * columns, qMin(rows - 1, lastLine * columns + columns - 1)});
        return ranges;
    }
    for (int line = firstLine; line <= lastLine; ++line) {
        const int first = line * columns + firstColumn;
        if (first >= rows)
            break;
        ranges.append({first, qMin(rows - 1, line * columns + lastColumn)});
    }
    return ranges;
}

QList<std::pair<int, int>> GridGeometry::lineRuns(int first, int last) const
{
    QList<std::pair<int, int>> runs;
    for (int lineStart = first; lineStart <= last;) {
        const int lineEnd = qMin(last, (lineStart / columns) * columns + columns - 1);
        runs.append({lineStart, lineEnd});
        lineStart = lineEnd + 1;
    }
    return runs;
}

int GridGeometry::moveTarget(Move move, int row, int linesPerPage) const
{
    const bool mirrored = direction == Qt::RightToLeft;
    switch (move) {
    case Move::Left:
        return moveTarget(mirrored ? Move::Next : Move::Previous, row, linesPerPage);
    case Move::Right:
        return moveTarget(mirrored ? Move::Previous : Move::Next, row, linesPerPage);
    case Move::Previous:
        return qMax(0, row - 1);
    case Move::Next:
        return row + 1;
    case Move::Up:
        return row >= columns ? row - columns : row;
    case Move::Down:
        return row + columns;
    case Move::PageUp: {
        const int target = row - columns * linesPerPage;
        return target < 0 ? row % columns : target;
    }
    case Move::PageDown:
        return row + columns * linesPerPage;
    case Move::Home:
        return 0;
    case Move::End:
        return rows - 1;
    }
    return row;
}
