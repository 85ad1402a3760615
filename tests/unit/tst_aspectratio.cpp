#include "domain/aspectratio.h"
#include "domain/job.h"

#include <QTest>

using namespace Qt::StringLiterals;

// nearestAspectRatio(): an image's shape picks the supported ratio closest in log space.
class TestAspectRatio final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySupportedRatioMatchesItself_data()
    {
        QTest::addColumn<QString>("ratio");
        for (const auto &ratio : acceptedAspectRatios())
            QTest::newRow(qPrintable(ratio)) << ratio;
    }
    void everySupportedRatioMatchesItself()
    {
        QFETCH(QString, ratio);
        const auto parts = ratio.split(u':');
        const int w = parts.at(0).toInt();
        const int h = parts.at(1).toInt();
        QCOMPARE(nearestAspectRatio(w, h), ratio);
        QCOMPARE(nearestAspectRatio(w * 64, h * 64), ratio);
        // A few pixels off (a camera's crop, an odd encoder) still picks the same ratio.
        QCOMPARE(nearestAspectRatio(w * 100 + 3, h * 100 - 2), ratio);
        QCOMPARE(nearestAspectRatio(QSize(w * 37, h * 37)), ratio);
    }

    void oddShapes_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("ratio");
        QTest::newRow("1x1000") << 1 << 1000 << u"9:16"_s;
        QTest::newRow("1000x1") << 1000 << 1 << u"21:9"_s;
        QTest::newRow("3000x2001") << 3000 << 2001 << u"3:2"_s;
        QTest::newRow("2001x3000") << 2001 << 3000 << u"2:3"_s;
        QTest::newRow("4032x3024 phone") << 4032 << 3024 << u"4:3"_s;
        QTest::newRow("1920x1080") << 1920 << 1080 << u"16:9"_s;
        QTest::newRow("1080x1920") << 1080 << 1920 << u"9:16"_s;
        QTest::newRow("2560x1080 ultrawide") << 2560 << 1080 << u"21:9"_s;
        QTest::newRow("3440x1440") << 3440 << 1440 << u"21:9"_s;
        QTest::newRow("1x1") << 1 << 1 << u"1:1"_s;
        QTest::newRow("1024x1000") << 1024 << 1000 << u"1:1"_s;
        QTest::newRow("1240x1754 A4") << 1240 << 1754 << u"2:3"_s;
        QTest::newRow("1080x1350 portrait post") << 1080 << 1350 << u"4:5"_s;
        QTest::newRow("2000x1000") << 2000 << 1000 << u"16:9"_s;
        QTest::newRow("1000x2000") << 1000 << 2000 << u"9:16"_s;
        QTest::newRow("zero width") << 0 << 100 << u"1:1"_s;
        QTest::newRow("negative") << -5 << 100 << u"1:1"_s;
    }
    void oddShapes()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, ratio);
        QCOMPARE(nearestAspectRatio(width, height), ratio);
    }

    // Log space, not a difference of quotients: 2:1 lies between 16:9 (1.78) and 21:9 (2.33);
    // linearly 16:9 is nearer by 0.11 vs 0.33, and in log space too (0.118 vs 0.154). 1:2 must
    // mirror it exactly, which only log space guarantees.
    void mirroredShapesMirror()
    {
        for (const auto &[w, h] : {std::pair{3000, 2001}, {1000, 1}, {2000, 1000}, {1350, 1080}}) {
            const auto wide = nearestAspectRatio(w, h).split(u':');
            const auto tall = nearestAspectRatio(h, w).split(u':');
            if (wide.at(0) == u"21"_s) // 21:9 has no 9:21 partner among the supported ratios
                continue;
            QCOMPARE(tall.at(0), wide.at(1));
            QCOMPARE(tall.at(1), wide.at(0));
        }
    }
};

QTEST_GUILESS_MAIN(TestAspectRatio)
#include "tst_aspectratio.moc"
