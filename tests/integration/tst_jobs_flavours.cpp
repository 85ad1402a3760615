#include "studiofixture.h"

#include <QFileInfo>
#include <QImageReader>

using namespace studiotest;

// A generation end to end against the dev server in both response flavours: the job
// completes, its image is stored in the profile, and the gallery keeps exactly one row for it,
// which a history sync turns into the server's record.
class TestJobsFlavours final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void generationEndToEnd_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("ratio");
        QTest::addColumn<QSize>("size");
        QTest::newRow("async 16:9") << u"async"_s << u"16:9"_s << QSize(1024, 576);
        QTest::newRow("sync 16:9") << u"sync"_s << u"16:9"_s << QSize(1024, 576);
        QTest::newRow("async 3:4") << u"async"_s << u"3:4"_s << QSize(768, 1024);
        QTest::newRow("sync 1:1") << u"sync"_s << u"1:1"_s << QSize(1024, 1024);
    }

    void generationEndToEnd()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, ratio);
        QFETCH(QSize, size);

        DevServerProcess server;
        QVERIFY2(server.start({u"--flavor"_s, flavor, u"--latency-ms"_s, u"300"_s}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        const double starsBefore = userState(server).value(u"stars"_s).toDouble();

        const QString prompt = u"a lighthouse at dusk, "_s + flavor + u' ' + ratio;
        auto queued = services->jobs().enqueue(generateRequest(prompt, ratio));
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().userMessage));
        // The pending card shows at once.
        QCOMPARE(galleryRows(*services, prompt).size(), 1);

        const auto job = waitFinished(*services, queued.value().id);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QVERIFY2(!job->localImagePath.isEmpty(), qPrintable(job->userMessage));
        QVERIFY(job->localImagePath.startsWith(profile.path()));
        QVERIFY(QFileInfo::exists(job->localImagePath));
        QImageReader reader(job->localImagePath);
        const QImage image = reader.read();
        QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(image.size(), size);
        QCOMPARE(generatePosts(server), 1);
        QTRY_COMPARE(userState(server).value(u"stars"_s).toDouble(), starsBefore - 10);

        auto rows = galleryRows(*services, prompt);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().status, u"completed"_s);
        QCOMPARE(rows.first().localFile, job->localImagePath);
        const qint64 rowId = rows.first().rowId;

        const auto report = runSync(*services);
        QVERIFY(report);
        rows = galleryRows(*services, prompt);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().rowId, rowId);
        QVERIFY(!rows.first().id.isEmpty());
        if (!job->imageId.isEmpty())
            QCOMPARE(rows.first().id, job->imageId);
        if (flavor == u"async")
            QCOMPARE(rows.first().taskId, job->taskId);
        QCOMPARE(rows.first().status, u"completed"_s);
        QCOMPARE(rows.first().localFile, job->localImagePath);
        // After the sync the job knows its record id in both flavours.
        const auto synced = services->jobs().job(job->id);
        QVERIFY(synced);
        QCOMPARE(synced->imageId, rows.first().id);

        // A second sync changes nothing and still one row.
        QVERIFY(runSync(*services));
        QCOMPARE(galleryRows(*services, prompt).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJobsFlavours)
#include "tst_jobs_flavours.moc"
