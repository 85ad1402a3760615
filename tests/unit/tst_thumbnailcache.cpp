#include "media/imagelimits.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailfile.h"
#include "threading/tsanannotations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A photo-like picture: a gradient, a few shapes and some grain, so PNG and JPEG sizes and
// decode costs resemble real results rather than a flat colour.
QImage photoLike(int width, int height, quint32 seed, bool alpha = false)
{
    QImage image(width, height, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QLinearGradient gradient(0, 0, width, height);
    gradient.setColorAt(0, QColor::fromHsv(int(seed * 47 % 360), 180, 230));
    gradient.setColorAt(1, QColor::fromHsv(int(seed * 91 % 360), 200, 90));
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.fillRect(image.rect(), gradient);
    painter.setBrush(QColor(255, 255, 255, 160));
    painter.drawEllipse(QPointF(width * 0.3, height * 0.4), width * 0.2, height * 0.15);
    painter.end();
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int n = int(random.bounded(16)) - 8;
            const QRgb p = line[x];
            line[x] =
                qRgba(qBound(0, qRed(p) + n, 255), qBound(0, qGreen(p) + n, 255),
                      qBound(0, qBlue(p) + n, 255), alpha ? (x < width / 2 ? 128 : 255) : 255);
        }
    }
    return image;
}

QString writeImage(const QString &path, const QImage &image, const char *format)
{
    if (!image.save(path, format, format == QByteArrayView("jpeg") ? 90 : -1))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

// Checks ThumbnailCache's memory, disk and background paths, failure caching, priorities.
class TestThumbnailCache final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_sources;
    QString m_jpeg;
    QString m_png;
    QString m_alphaPng;
    QString m_broken;

private Q_SLOTS:
    void initTestCase()
    {
        configureImageLimits();
        QVERIFY(m_sources.isValid());
        m_jpeg = writeImage(m_sources.filePath(u"a.jpg"_s), photoLike(800, 600, 1), "jpeg");
        m_png = writeImage(m_sources.filePath(u"b.png"_s), photoLike(300, 600, 2), "png");
        m_alphaPng =
            writeImage(m_sources.filePath(u"c.png"_s), photoLike(400, 400, 3, true), "png");
        m_broken = m_sources.filePath(u"broken.png"_s);
        QFile broken(m_broken);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("<html>not an image</html>");
    }

    void render_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("edge");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("jpeg landscape") << m_jpeg << 256 << QSize(256, 192);
        QTest::newRow("png portrait") << m_png << 256 << QSize(128, 256);
        QTest::newRow("never enlarged") << m_png << 1024 << QSize(300, 600);
        QTest::newRow("jpeg tiny edge") << m_jpeg << 16 << QSize(16, 12);
    }

    void render()
    {
        QFETCH(QString, source);
        QFETCH(int, edge);
        QFETCH(QSize, expected);
        QString error;
        const QImage image = ThumbnailCache::renderThumbnail(source, edge, &error);
        QVERIFY2(!image.isNull(), qPrintable(error));
        QCOMPARE(image.size(), expected);
    }

    void renderFailures_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("edge");
        QTest::newRow("missing file") << m_sources.filePath(u"nope.png"_s) << 256;
        QTest::newRow("not an image") << m_broken << 256;
        QTest::newRow("zero edge") << m_jpeg << 0;
    }

    void renderFailures()
    {
        QFETCH(QString, source);
        QFETCH(int, edge);
        QString error;
        QVERIFY(ThumbnailCache::renderThumbnail(source, edge, &error).isNull());
        QVERIFY(!error.isEmpty());
    }

    void backgroundDecodeThenMemoryHit()
    {
        QTemporaryDir thumbs;
        ThumbnailCache cache(thumbs.path(), {.threads = 1});
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);

        QVERIFY(cache.request(u"a"_s, m_jpeg, 256).isNull());
        QVERIFY(cache.request(u"a"_s, m_jpeg, 256).isNull()); // pending: not queued twice
        QVERIFY(ready.wait());
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).toString(), u"a"_s);
        QCOMPARE(ready.first().at(1).value<QImage>().size(), QSize(256, 192));
        QCOMPARE(cache.sourceDecodeCount(), 1);

        // Memory hit: answered synchronously, no new work, no signal.
        const QImage hit = cache.request(u"a"_s, m_jpeg, 256);
        QCOMPARE(hit.size(), QSize(256, 192));
        QCOMPARE(cache.pendingCount(), 0);
        QCOMPARE(cache.sourceDecodeCount(), 1);
        QCOMPARE(ready.count(), 1);
    }

    void diskHitAfterNewInstance()
    {
        QTemporaryDir thumbs;
        {
            ThumbnailCache first(thumbs.path(), {.threads = 1});
            QSignalSpy ready(&first, &ThumbnailCache::thumbnailReady);
            first.request(u"opaque"_s, m_png, 200);
            first.request(u"alpha"_s, m_alphaPng, 200);
            QTRY_COMPARE(ready.count(), 2);
        }
        QStringList files;
        const QStringList subdirs =
            QDir(thumbs.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &sub : subdirs)
            files += QDir(thumbs.filePath(sub)).entryList(QDir::Files);
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.filter(u".jpg"_s).size(), 1); // opaque -> JPEG
        QCOMPARE(files.filter(u".png"_s).size(), 1); // has transparency -> PNG

        ThumbnailCache second(thumbs.path(), {.threads = 1});
        QSignalSpy ready(&second, &ThumbnailCache::thumbnailReady);
        QVERIFY(second.request(u"opaque"_s, m_png, 200).isNull()); // not in memory yet
        second.request(u"alpha"_s, m_alphaPng, 200);
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(second.sourceDecodeCount(), 0);
        QCOMPARE(second.diskHitCount(), 2);
        for (const QList<QVariant> &args : std::as_const(ready)) {
            const QImage image = args.at(1).value<QImage>();
            const bool alpha = args.at(0).toString() == u"alpha"_s;
            QCOMPARE(image.size(), alpha ? QSize(200, 200) : QSize(100, 200));
            QCOMPARE(image.hasAlphaChannel(), alpha);
        }

        QVERIFY(second.clearDisk());
        QVERIFY(QDir(thumbs.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    }

    void failureIsCached()
    {
        QTemporaryDir thumbs;
        ThumbnailCache cache(thumbs.path(), {.threads = 1});
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
        QSignalSpy failed(&cache, &ThumbnailCache::thumbnailFailed);

        QVERIFY(cache.request(u"broken"_s, m_broken, 256).isNull());
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), u"broken"_s);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QVERIFY(cache.isFailed(u"broken"_s, 256));
        QCOMPARE(cache.sourceDecodeCount(), 1);

        // A repaint asks again: no decode, no queued work, no second signal.
        QVERIFY(cache.request(u"broken"_s, m_broken, 256).isNull());
        QCOMPARE(cache.pendingCount(), 0);
        // Let any (wrongly) queued work run before checking nothing happened.
        cache.request(u"good"_s, m_jpeg, 64);
        QVERIFY(ready.wait());
        QCOMPARE(cache.sourceDecodeCount(), 2);
        QCOMPARE(failed.count(), 1);

        // Once the original is known to have changed, the key may be tried again.
        cache.invalidate(u"broken"_s);
        QVERIFY(!cache.isFailed(u"broken"_s, 256));
        cache.request(u"broken"_s, m_broken, 256);
        QVERIFY(failed.wait());
        QCOMPARE(cache.sourceDecodeCount(), 3);
    }

    // A thumbnail the mirror keeps without its image (no source to decode): none on disk yet
    // is neither ready nor failed, so the card waits; once the file is there, it is read.
    void keptThumbnailWithoutSourceWaitsForItsFile()
    {
        QTemporaryDir thumbs;
        ThumbnailCache cache(thumbs.path(), {.threads = 1});
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
        QSignalSpy failed(&cache, &ThumbnailCache::thumbnailFailed);
        const QString key = u"/uploads/nero/generated/1.png"_s;

        QVERIFY(cache.request(key, QString(), 256).isNull());
        // Let the queued look run, behind a real decode on the one worker.
        cache.request(u"good"_s, m_jpeg, 64);
        QVERIFY(ready.wait());
        QTRY_COMPARE(cache.pendingCount(), 0);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!cache.isFailed(key, 256));
        QCOMPARE(cache.sourceDecodeCount(), 1);

        QImage kept(200, 150, QImage::Format_RGB32);
        kept.fill(Qt::darkCyan);
        QVERIFY(!ThumbnailFile::write(ThumbnailFile::stem(thumbs.path(), key, 256), kept, 85)
                     .isEmpty());
        QVERIFY(cache.request(key, QString(), 256).isNull());
        QVERIFY(ready.wait());
        QCOMPARE(ready.last().at(0).toString(), key);
        QCOMPARE(ready.last().at(1).value<QImage>().size(), QSize(200, 150));
        QCOMPARE(cache.sourceDecodeCount(), 1);
        QCOMPARE(failed.count(), 0);
    }

    void priorityKeysCompleteFirst()
    {
        QTemporaryDir thumbs;
        ThumbnailCache cache(thumbs.path(), {.threads = 1});
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
        for (int i = 0; i < 10; ++i)
            cache.request(u"k%1"_s.arg(i), m_jpeg, 32 + i);
        cache.setPriorityKeys({u"k7"_s, u"k3"_s, u"k9"_s});
        QTRY_COMPARE(ready.count(), 10);

        QStringList order;
        for (const QList<QVariant> &args : std::as_const(ready))
            order << args.at(0).toString();
        QCOMPARE(order.mid(0, 3), (QStringList{u"k7"_s, u"k3"_s, u"k9"_s}));
        QCOMPARE(order.mid(3),
                 (QStringList{u"k0"_s, u"k1"_s, u"k2"_s, u"k4"_s, u"k5"_s, u"k6"_s, u"k8"_s}));
    }

    void cancelAllExceptDropsOthers()
    {
        QTemporaryDir thumbs;
        ThumbnailCache cache(thumbs.path(), {.threads = 1});
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
        for (int i = 0; i < 6; ++i)
            cache.request(u"k%1"_s.arg(i), m_jpeg, 40 + i);
        cache.cancelAllExcept({u"k1"_s, u"k4"_s});
        QCOMPARE(cache.pendingCount(), 2);
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(cache.pendingCount(), 0);
        QCOMPARE(cache.sourceDecodeCount(), 2);

        // Dropped keys are not failures: asking again queues them.
        cache.request(u"k0"_s, m_jpeg, 40);
        cache.dropPending();
        QCOMPARE(cache.pendingCount(), 0);
        cache.request(u"k0"_s, m_jpeg, 40);
        QVERIFY(ready.wait());
        QCOMPARE(ready.last().at(0).toString(), u"k0"_s);
    }

    void memoryLimitEvicts()
    {
        QTemporaryDir thumbs;
        ThumbnailCache cache(thumbs.path(), {.memoryBytes = qint64(300) * 1024, .threads = 1});
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
        cache.request(u"x"_s, m_jpeg, 256); // 256×192×4 = 192 KB
        cache.request(u"y"_s, m_png, 256); // 128×256×4 = 128 KB
        QTRY_COMPARE(ready.count(), 2);
        QVERIFY(cache.request(u"x"_s, m_jpeg, 256).isNull()); // evicted, reloads from disk
        QVERIFY(!cache.request(u"y"_s, m_png, 256).isNull());
        QVERIFY(ready.wait());
        QCOMPARE(cache.diskHitCount(), 1);
    }

    // Not a test of speed (nothing asserted): prints the single-thread figures for the report.
    void throughputFigures()
    {
#ifdef STUDIO_TSAN
        QSKIP("throughput under ThreadSanitizer (10-20 times slower) would be no figure at all");
#endif
        QTemporaryDir dir;
        const int count = 100;
        QStringList jpegs;
        QStringList pngs;
        // Four distinct pictures copied to 100 files: the decode cost is the same as for
        // 100 distinct ones, and generating them stays cheap.
        for (int i = 0; i < 4; ++i) {
            const QImage image = photoLike(1024, 1024, 10 + quint32(i));
            writeImage(dir.filePath(u"src%1.jpg"_s.arg(i)), image, "jpeg");
            writeImage(dir.filePath(u"src%1.png"_s.arg(i)), image, "png");
        }
        for (int i = 0; i < count; ++i) {
            const QString jpeg = dir.filePath(u"j%1.jpg"_s.arg(i));
            const QString png = dir.filePath(u"p%1.png"_s.arg(i));
            QVERIFY(QFile::copy(dir.filePath(u"src%1.jpg"_s.arg(i % 4)), jpeg));
            QVERIFY(QFile::copy(dir.filePath(u"src%1.png"_s.arg(i % 4)), png));
            jpegs << jpeg;
            pngs << png;
        }

        for (const auto &[name, files] : {std::pair{"JPEG", jpegs}, std::pair{"PNG", pngs}}) {
            QElapsedTimer timer;
            timer.start();
            for (const QString &file : files)
                QVERIFY(!ThumbnailCache::renderThumbnail(file, 256).isNull());
            const double direct = count * 1000.0 / qMax<qint64>(1, timer.elapsed());

            QTemporaryDir thumbs;
            ThumbnailCache cache(thumbs.path(), {.threads = 1});
            QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
            timer.restart();
            for (int i = 0; i < count; ++i)
                cache.request(u"%1"_s.arg(i), files.at(i), 256);
            QTRY_COMPARE_WITH_TIMEOUT(ready.count(), count, 120'000);
            const double cached = count * 1000.0 / qMax<qint64>(1, timer.elapsed());
            qInfo("%s 1024x1024 -> 256: %.1f thumbnails/s renderThumbnail, %.1f/s through the "
                  "cache (1 thread, incl. disk write)",
                  name, direct, cached);
        }
    }
};

QTEST_GUILESS_MAIN(TestThumbnailCache)
#include "tst_thumbnailcache.moc"
