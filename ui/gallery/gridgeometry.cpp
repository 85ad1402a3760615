#include "gallery/gridgeometry.h"

#include <QtGlobal>

int GridGeometry::lineCount() const
{
    return (rows + columns - 1) / columns;
}

QSize GridGeometry::contentSize() const
{
    return {columns * cell.width(), lineCount() * cell.height()};
}

QRect GridGeometry::cellRect(int row) const
{
    return {(row % columns) * cell.width(), (row / columns) * cell.height(), cell.width(),
            cell.height()};
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
    if (point.x() < 0 || point.y() < 0)
        return -1;
    const int column = point.x() / cell.width();
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
    const int firstColumn = area.left() / cell.width();
    const int lastColumn = qMin(columns - 1, area.right() / cell.width());
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
    switch (move) {
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
