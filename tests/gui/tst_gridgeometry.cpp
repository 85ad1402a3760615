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
};

namespace {
// Ten rows in lines of four: 0-3, 4-7, 8-9; cells 100 × 50.
GridGeometry tenInFours()
{
    return {10, 4, QSize(100, 50)};
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

QTEST_GUILESS_MAIN(TestGridGeometry)
#include "tst_gridgeometry.moc"
