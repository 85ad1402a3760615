#include "gallery/gridgeometry.h"

#include <QTest>

using Ranges = QList<std::pair<int, int>>;
using Move = GridGeometry::Move;

class TestGridGeometry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellsFollowTheRowNumber();
    void rowAtInvertsCellRect();
    void rowsInLines_data();
    void rowsInLines();
    void rowRangesIn_data();
    void rowRangesIn();
    void lineRunsStayOnOneLine();
    void moveTarget_data();
    void moveTarget();
    // Both directions, in a line wider than its columns (10 px of slack).
    void cellsInBothDirections_data();
    void cellsInBothDirections();
    void rowAtInBothDirections_data();
    void rowAtInBothDirections();
    void rowRangesInRightToLeft_data();
    void rowRangesInRightToLeft();
    void arrowsFollowTheDirection_data();
    void arrowsFollowTheDirection();
};

namespace {
// Ten rows in lines of four: 0-3, 4-7, 8-9; cells 100 × 50.
GridGeometry tenInFours()
{
    return {10, 4, QSize(100, 50)};
}
// The same ten rows in a 410 px line, laid out in `direction`. Right to left the columns
// are 310-409, 210-309, 110-209 and 10-109, with the slack 0-9 at the left.
GridGeometry tenInFoursWide(Qt::LayoutDirection direction)
{
    return {10, 4, QSize(100, 50), direction, 410};
}
} // namespace

void TestGridGeometry::cellsFollowTheRowNumber()
{
    const auto grid = tenInFours();
    QCOMPARE(grid.lineCount(), 3);
    QCOMPARE(grid.contentSize(), QSize(400, 150));
    QCOMPARE(grid.cellRect(0), QRect(0, 0, 100, 50));
    QCOMPARE(grid.cellRect(5), QRect(100, 50, 100, 50));
    QCOMPARE(grid.cellRect(9), QRect(100, 100, 100, 50));
    QCOMPARE((GridGeometry{0, 4, QSize(100, 50)}.lineCount()), 0);
    QCOMPARE((GridGeometry{100000, 7, QSize(160, 220)}.lineCount()), 14286);
}

void TestGridGeometry::rowAtInvertsCellRect()
{
    const auto grid = tenInFours();
    for (int row = 0; row < grid.rows; ++row) {
        const QRect cell = grid.cellRect(row);
        QCOMPARE(grid.rowAt(cell.topLeft()), row);
        QCOMPARE(grid.rowAt(cell.bottomRight()), row);
        QCOMPARE(grid.rowAt(cell.center()), row);
    }
    QCOMPARE(grid.rowAt(QPoint(250, 120)), -1); // the empty end of the short last line
    QCOMPARE(grid.rowAt(QPoint(400, 10)), -1); // right of the last column
    QCOMPARE(grid.rowAt(QPoint(-1, 10)), -1);
    QCOMPARE(grid.rowAt(QPoint(10, -1)), -1);
    QCOMPARE(grid.rowAt(QPoint(10, 150)), -1); // below the last line
}

void TestGridGeometry::rowsInLines_data()
{
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::newRow("first line only") << 0 << 50 << 0 << 3;
    QTest::newRow("one pixel into the second") << 0 << 51 << 0 << 7;
    QTest::newRow("scrolled into the middle") << 60 << 20 << 4 << 7;
    QTest::newRow("short last line") << 100 << 200 << 8 << 9;
    QTest::newRow("everything") << 0 << 1000 << 0 << 9;
    QTest::newRow("no height") << 0 << 0 << 0 << -1;
}

void TestGridGeometry::rowsInLines()
{
    QFETCH(int, top);
    QFETCH(int, height);
    QFETCH(int, first);
    QFETCH(int, last);
    QCOMPARE(tenInFours().rowsInLines(top, height), std::make_pair(first, last));
}

void TestGridGeometry::rowRangesIn_data()
{
    QTest::addColumn<QRect>("area");
    QTest::addColumn<Ranges>("ranges");
    QTest::newRow("one card") << QRect(110, 60, 10, 10) << Ranges{{5, 5}};
    QTest::newRow("whole lines are one range") << QRect(0, 10, 400, 60) << Ranges{{0, 7}};
    QTest::newRow("wider than the content") << QRect(-50, 10, 900, 60) << Ranges{{0, 7}};
    QTest::newRow("two columns of three lines")
        << QRect(150, 10, 100, 130) << Ranges{{1, 2}, {5, 6}, {9, 9}};
    QTest::newRow("past the short last line") << QRect(250, 110, 100, 30) << Ranges{};
    QTest::newRow("dragged up and left")
        << QRect(QPoint(250, 70), QPoint(150, 10)) << Ranges{{1, 2}, {5, 6}};
    QTest::newRow("outside") << QRect(500, 500, 10, 10) << Ranges{};
}

void TestGridGeometry::rowRangesIn()
{
    QFETCH(QRect, area);
    QFETCH(Ranges, ranges);
    QCOMPARE(tenInFours().rowRangesIn(area), ranges);
}

void TestGridGeometry::lineRunsStayOnOneLine()
{
    const auto grid = tenInFours();
    QCOMPARE(grid.lineRuns(2, 9), (Ranges{{2, 3}, {4, 7}, {8, 9}}));
    QCOMPARE(grid.lineRuns(5, 6), (Ranges{{5, 6}}));
    QCOMPARE(grid.lineRuns(6, 5), Ranges{});
}

void TestGridGeometry::moveTarget_data()
{
    QTest::addColumn<Move>("move");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("target");
    QTest::newRow("previous") << Move::Previous << 5 << 4;
    QTest::newRow("previous at the start") << Move::Previous << 0 << 0;
    QTest::newRow("next past the end (the caller pages in)") << Move::Next << 9 << 10;
    QTest::newRow("up") << Move::Up << 6 << 2;
    QTest::newRow("up on the first line stays") << Move::Up << 2 << 2;
    QTest::newRow("down") << Move::Down << 2 << 6;
    QTest::newRow("down into the short line's gap") << Move::Down << 7 << 11;
    QTest::newRow("page up by two lines") << Move::PageUp << 9 << 1;
    QTest::newRow("page up keeps the column") << Move::PageUp << 6 << 2;
    QTest::newRow("page down") << Move::PageDown << 1 << 9;
    QTest::newRow("home") << Move::Home << 7 << 0;
    QTest::newRow("end") << Move::End << 3 << 9;
}

void TestGridGeometry::moveTarget()
{
    QFETCH(Move, move);
    QFETCH(int, row);
    QFETCH(int, target);
    QCOMPARE(tenInFours().moveTarget(move, row, 2), target);
}

void TestGridGeometry::cellsInBothDirections_data()
{
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::addColumn<int>("row");
    QTest::addColumn<QRect>("cell");
    QTest::newRow("ltr first") << Qt::LeftToRight << 0 << QRect(0, 0, 100, 50);
    QTest::newRow("ltr fourth") << Qt::LeftToRight << 3 << QRect(300, 0, 100, 50);
    QTest::newRow("ltr short line") << Qt::LeftToRight << 9 << QRect(100, 100, 100, 50);
    QTest::newRow("rtl first at the right") << Qt::RightToLeft << 0 << QRect(310, 0, 100, 50);
    QTest::newRow("rtl fourth at the left") << Qt::RightToLeft << 3 << QRect(10, 0, 100, 50);
    QTest::newRow("rtl second line") << Qt::RightToLeft << 5 << QRect(210, 50, 100, 50);
    QTest::newRow("rtl short line") << Qt::RightToLeft << 9 << QRect(210, 100, 100, 50);
}

void TestGridGeometry::cellsInBothDirections()
{
    QFETCH(Qt::LayoutDirection, direction);
    QFETCH(int, row);
    QFETCH(QRect, cell);
    const auto grid = tenInFoursWide(direction);
    QCOMPARE(grid.contentSize(), QSize(410, 150));
    QCOMPARE(grid.cellRect(row), cell);
}

void TestGridGeometry::rowAtInBothDirections_data()
{
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::addColumn<QPoint>("point");
    QTest::addColumn<int>("row");
    QTest::newRow("ltr first") << Qt::LeftToRight << QPoint(5, 5) << 0;
    QTest::newRow("ltr slack at the right") << Qt::LeftToRight << QPoint(405, 5) << -1;
    QTest::newRow("ltr short line's end") << Qt::LeftToRight << QPoint(250, 120) << -1;
    QTest::newRow("rtl first at the right") << Qt::RightToLeft << QPoint(405, 5) << 0;
    QTest::newRow("rtl fourth") << Qt::RightToLeft << QPoint(10, 5) << 3;
    QTest::newRow("rtl slack at the left") << Qt::RightToLeft << QPoint(9, 5) << -1;
    QTest::newRow("rtl second line") << Qt::RightToLeft << QPoint(300, 60) << 5;
    QTest::newRow("rtl short line") << Qt::RightToLeft << QPoint(380, 120) << 8;
    QTest::newRow("rtl short line's end") << Qt::RightToLeft << QPoint(150, 120) << -1;
    QTest::newRow("rtl past the right") << Qt::RightToLeft << QPoint(410, 5) << -1;
    QTest::newRow("rtl left of the content") << Qt::RightToLeft << QPoint(-1, 5) << -1;
    QTest::newRow("rtl below") << Qt::RightToLeft << QPoint(380, 150) << -1;
}

void TestGridGeometry::rowAtInBothDirections()
{
    QFETCH(Qt::LayoutDirection, direction);
    QFETCH(QPoint, point);
    QFETCH(int, row);
    const auto grid = tenInFoursWide(direction);
    QCOMPARE(grid.rowAt(point), row);
    for (int r = 0; r < grid.rows; ++r) {
        const QRect cell = grid.cellRect(r);
        QCOMPARE(grid.rowAt(cell.topLeft()), r);
        QCOMPARE(grid.rowAt(cell.bottomRight()), r);
    }
}

void TestGridGeometry::rowRangesInRightToLeft_data()
{
    QTest::addColumn<QRect>("area");
    QTest::addColumn<Ranges>("ranges");
    QTest::newRow("one card") << QRect(220, 60, 10, 10) << Ranges{{5, 5}};
    QTest::newRow("whole lines are one range") << QRect(0, 10, 410, 60) << Ranges{{0, 7}};
    QTest::newRow("wider than the content") << QRect(-50, 10, 900, 60) << Ranges{{0, 7}};
    QTest::newRow("two columns of three lines")
        << QRect(160, 10, 100, 130) << Ranges{{1, 2}, {5, 6}, {9, 9}};
    QTest::newRow("past the short last line") << QRect(60, 110, 100, 30) << Ranges{};
    QTest::newRow("dragged up and right")
        << QRect(QPoint(160, 70), QPoint(260, 10)) << Ranges{{1, 2}, {5, 6}};
    QTest::newRow("only the slack") << QRect(0, 0, 8, 140) << Ranges{};
    QTest::newRow("the slack and the last column") << QRect(0, 0, 50, 40) << Ranges{{3, 3}};
    QTest::newRow("outside") << QRect(500, 500, 10, 10) << Ranges{};
}

void TestGridGeometry::rowRangesInRightToLeft()
{
    QFETCH(QRect, area);
    QFETCH(Ranges, ranges);
    QCOMPARE(tenInFoursWide(Qt::RightToLeft).rowRangesIn(area), ranges);
}

void TestGridGeometry::arrowsFollowTheDirection_data()
{
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::addColumn<Move>("move");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("target");
    QTest::newRow("ltr left goes back") << Qt::LeftToRight << Move::Left << 5 << 4;
    QTest::newRow("ltr right goes on") << Qt::LeftToRight << Move::Right << 5 << 6;
    QTest::newRow("ltr left at the start") << Qt::LeftToRight << Move::Left << 0 << 0;
    QTest::newRow("rtl left goes on") << Qt::RightToLeft << Move::Left << 5 << 6;
    QTest::newRow("rtl right goes back") << Qt::RightToLeft << Move::Right << 5 << 4;
    QTest::newRow("rtl right at the start") << Qt::RightToLeft << Move::Right << 0 << 0;
    QTest::newRow("rtl left past the end") << Qt::RightToLeft << Move::Left << 9 << 10;
    QTest::newRow("rtl up keeps the column") << Qt::RightToLeft << Move::Up << 6 << 2;
    QTest::newRow("rtl next is reading order") << Qt::RightToLeft << Move::Next << 5 << 6;
    QTest::newRow("rtl previous is reading order") << Qt::RightToLeft << Move::Previous << 5 << 4;
}

void TestGridGeometry::arrowsFollowTheDirection()
{
    QFETCH(Qt::LayoutDirection, direction);
    QFETCH(Move, move);
    QFETCH(int, row);
    QFETCH(int, target);
    QCOMPARE(tenInFoursWide(direction).moveTarget(move, row, 2), target);
}

QTEST_GUILESS_MAIN(TestGridGeometry)
#include "tst_gridgeometry.moc"
