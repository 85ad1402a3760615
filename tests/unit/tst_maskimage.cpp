#include "media/maskbrush.h"
#include "media/maskimage.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

// The pixel work of a brush edit: the highlighted copy, "keep the rest exact", the brush's
// dabs (only their box changes) and growing the mask.
class TestMaskImage final : public QObject
{
    Q_OBJECT

    static QImage noise(QSize size, quint32 seed)
    {
        QImage image(size, QImage::Format_RGB32);
        QRandomGenerator random(seed);
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < size.width(); ++x)
                line[x] = 0xff000000u | (random.generate() & 0xffffffu);
        }
        return image;
    }

    // Black, a white square (marked) and a grey band around it (the soft edge).
    static QImage squareMask(QSize size)
    {
        QImage mask(size, QImage::Format_Grayscale8);
        mask.fill(0);
        QPainter p(&mask);
        p.fillRect(QRect(16, 16, 48, 48), QColor(128, 128, 128));
        p.fillRect(QRect(24, 24, 32, 32), Qt::white);
        return mask;
    }

private Q_SLOTS:
    void keepUnmaskedIsExactOutsideTheMask()
    {
        const QImage original = noise({100, 80}, 1);
        const QImage result = noise({100, 80}, 2);
        const QImage mask = squareMask({100, 80});
        const QImage combined = MaskImage::keepUnmasked(original, result, mask);
        QCOMPARE(combined.size(), result.size());
        int kept = 0, changed = 0, blended = 0;
        for (int y = 0; y < 80; ++y)
            for (int x = 0; x < 100; ++x) {
                const int m = qGray(mask.pixel(x, y));
                const QRgb c = combined.pixel(x, y);
                if (m == 0) {
                    QCOMPARE(c, original.pixel(x, y)); // bit for bit
                    ++kept;
                } else if (m == 255) {
                    QCOMPARE(c, result.pixel(x, y));
                    ++changed;
                } else {
                    // Halfway between the two, channel by channel.
                    const QRgb o = original.pixel(x, y), r = result.pixel(x, y);
                    QVERIFY(qAbs(qRed(c) - (qRed(o) + qRed(r)) / 2) <= 1);
                    QVERIFY(qAbs(qGreen(c) - (qGreen(o) + qGreen(r)) / 2) <= 1);
                    ++blended;
                }
            }
        QCOMPARE(changed, 32 * 32);
        QCOMPARE(blended, 48 * 48 - 32 * 32);
        QCOMPARE(kept, 100 * 80 - 48 * 48);
    }

    void keepUnmaskedScalesToTheResult()
    {
        // The server answered at another size (a 16:9 result of a 1000×563 photo).
        const QImage original(QSize(50, 40), QImage::Format_RGB32);
        QImage flat = original;
        flat.fill(qRgb(10, 200, 30));
        QImage result(QSize(200, 160), QImage::Format_RGB32);
        result.fill(qRgb(250, 0, 0));
        QImage mask(QSize(50, 40), QImage::Format_Grayscale8);
        mask.fill(0);
        const QImage combined = MaskImage::keepUnmasked(flat, result, mask);
        QCOMPARE(combined.size(), QSize(200, 160));
        QCOMPARE(combined.pixel(100, 80), qRgb(10, 200, 30)); // a flat colour scales exactly
        QVERIFY(MaskImage::keepUnmasked(flat, QImage(), mask).isNull());
    }

    void highlightTintsOnlyTheMarkedArea()
    {
        const QImage original = noise({100, 80}, 3);
        const QImage mask = squareMask({100, 80});
        const QImage high = MaskImage::highlighted(original, mask);
        QCOMPARE(high.size(), original.size());
        QCOMPARE(high.pixel(2, 2), original.pixel(2, 2));
        QCOMPARE(high.pixel(90, 70), original.pixel(90, 70));
        // The marked square's edge is drawn solid; its inside is tinted towards red.
        QCOMPARE(high.pixel(16, 40), qRgb(255, 32, 32)); // at least half covered: outlined
        QVERIFY(high.pixel(15, 40) == original.pixel(15, 40));
        const QRgb inside = high.pixel(40, 40), before = original.pixel(40, 40);
        QVERIFY(qRed(inside) >= qRed(before));
        QVERIFY(qGreen(inside) <= qGreen(before) || qGreen(before) < 40);
        QVERIFY(inside != before);
        // A mask at another size is scaled to the picture.
        const QImage small = MaskImage::highlighted(original, mask.scaled(50, 40));
        QCOMPARE(small.size(), original.size());
        QCOMPARE(small.pixel(2, 2), original.pixel(2, 2));
    }

    void dabChangesOnlyItsBox()
    {
        QImage mask(4096, 4096, QImage::Format_Grayscale8);
        mask.fill(0);
        MaskBrush::Tip tip;
        tip.radius = 20;
        tip.softness = 0.5;
        const QRect box = MaskBrush::dab(mask, {1000.5, 2000.5}, tip);
        QVERIFY(box.width() <= 42 && box.height() <= 42);
        QVERIFY(box.contains(1000, 2000));
        QCOMPARE(qGray(mask.pixel(1000, 2000)), 255);
        QCOMPARE(qGray(mask.pixel(1000 + 21, 2000)), 0);
        const int edge = qGray(mask.pixel(1000 + 16, 2000));
        QVERIFY2(edge > 0 && edge < 255, "soft edge");
        // Nothing outside the box changed.
        QImage before(4096, 4096, QImage::Format_Grayscale8);
        before.fill(0);
        MaskBrush::dab(before, {1000.5, 2000.5}, tip);
        QCOMPARE(before, mask);

        // A segment across the image changes the segment's box, no more.
        qreal carry = -1;
        const QRect along = MaskBrush::segment(mask, {100, 100}, {300, 140}, tip, 1.0, carry);
        QVERIFY(QRect(80, 80, 241, 81).contains(along));
        QCOMPARE(qGray(mask.pixel(200, 120)), 255);
        // The eraser takes it away again.
        tip.erase = true;
        carry = -1;
        MaskBrush::segment(mask, {100, 100}, {300, 140}, tip, 1.0, carry);
        QCOMPARE(qGray(mask.pixel(200, 120)), 0);
    }

    void pressureScalesTheBrush()
    {
        QImage mask(200, 200, QImage::Format_Grayscale8);
        mask.fill(0);
        MaskBrush::Tip tip;
        tip.radius = 40;
        const QRect light = MaskBrush::dab(mask, {100, 100}, tip, 0.25);
        QVERIFY(light.width() <= 22);
    }

    void growAndShrink()
    {
        QImage mask(64, 64, QImage::Format_Grayscale8);
        mask.fill(0);
        mask.scanLine(32)[32] = 255;
        QImage grown = MaskBrush::grown(mask, 3);
        QCOMPARE(qGray(grown.pixel(35, 35)), 255);
        QCOMPARE(qGray(grown.pixel(29, 29)), 255);
        QCOMPARE(qGray(grown.pixel(36, 32)), 0);
        QCOMPARE(qGray(grown.pixel(0, 0)), 0);
        const QImage shrunk = MaskBrush::grown(grown, -3);
        QCOMPARE(qGray(shrunk.pixel(32, 32)), 255);
        QCOMPARE(qGray(shrunk.pixel(33, 32)), 0);
    }

    void overlayFollowsTheMask()
    {
        QImage mask(10, 10, QImage::Format_Grayscale8);
        mask.fill(0);
        mask.scanLine(5)[5] = 255;
        QImage overlay(10, 10, QImage::Format_ARGB32_Premultiplied);
        overlay.fill(Qt::transparent);
        MaskBrush::colourOverlay(overlay, mask, QRect(0, 0, 10, 10), QColor(255, 0, 0, 128));
        QCOMPARE(qAlpha(overlay.pixel(5, 5)), 128);
        QCOMPARE(qAlpha(overlay.pixel(4, 5)), 0);
    }
};

QTEST_GUILESS_MAIN(TestMaskImage)
#include "tst_maskimage.moc"
