#include "studiofixture.h"
#include "support/requestlog.h"

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

    // Jobs pending at the same time share their looks: one history page answers for all of
    // them, where polling each task would cost one request per job per look. Once the queue
    // has seen how long the server takes, a job alone is looked at near its end, not along
    // the whole backoff. Finished jobs refresh the star balance once, not once each.
    void pendingJobsShareTheirLooks()
    {
        constexpr int kJobs = 4;
        constexpr int kLatencyMs = 1500;
        QTemporaryDir dir;
        const QString logPath = dir.filePath(u"requests.jsonl"_s);
        DevServerProcess server;
        QVERIFY2(server.start({u"--flavor"_s, u"async"_s, u"--latency-ms"_s,
                               QString::number(kLatencyMs), u"--log-requests"_s, logPath}),
                 qPrintable(server.errorString()));
        auto services = openServices(dir.filePath(u"profile"_s), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        QVERIFY(server.setStars(kPhone, 1000));
        services->jobs().setMaxInFlight(kJobs);

        const auto looksSince = [&](qsizetype from, int *pages, int *tasks, int *me) {
            *pages = *tasks = *me = 0;
            const auto log = readRequestLog(logPath);
            for (qsizetype i = from; i < log.size(); ++i) {
                const QString path = log.at(i).value(u"path"_s).toString();
                *pages += path == u"/api/v1/nanobanana/images"_s ? 1 : 0;
                *tasks += path.startsWith(u"/api/v1/nanobanana/task/"_s) ? 1 : 0;
                *me += path == u"/api/v1/users/me"_s ? 1 : 0;
            }
            return log.size();
        };
        const qsizetype before = readRequestLog(logPath).size();
        QList<qint64> ids;
        for (int i = 0; i < kJobs; ++i) {
            auto queued = services->jobs().enqueue(generateRequest(u"shared look %1"_s.arg(i)));
            QVERIFY(queued);
            ids << queued.value().id;
        }
        for (const qint64 id : std::as_const(ids)) {
            const auto job = waitFinished(*services, id);
            QVERIFY(job);
            QVERIFY2(job->state == JobState::Completed, qPrintable(job->userMessage));
            QVERIFY(QFileInfo::exists(job->localImagePath));
        }
        QTest::qWait(2500); // the balance refresh waits for jobs finishing together
        int pages = 0, tasks = 0, me = 0;
        const qsizetype afterBatch = looksSince(before, &pages, &tasks, &me);
        // Each job alone would look 7 times (100, 150, 200, 300 ms... until 1.5 s): 28.
        QVERIFY2(pages >= 1, "no shared history page was asked for");
        QVERIFY2(pages + tasks <= 12,
                 qPrintable(u"%1 pages + %2 task polls"_s.arg(pages).arg(tasks)));
        QVERIFY2(me <= 2, qPrintable(u"%1 balance refreshes for %2 jobs"_s.arg(me).arg(kJobs)));

        // Alone, after four jobs of about 1.5 s: a look at ~1.2 s, then one near the end.
        auto alone = services->jobs().enqueue(generateRequest(u"alone after the batch"_s));
        QVERIFY(alone);
        const auto job = waitFinished(*services, alone.value().id);
        QVERIFY(job);
        QVERIFY2(job->state == JobState::Completed, qPrintable(job->userMessage));
        looksSince(afterBatch, &pages, &tasks, &me);
        QVERIFY2(pages + tasks <= 3,
                 qPrintable(u"%1 pages + %2 task polls"_s.arg(pages).arg(tasks)));
    }
};

QTEST_GUILESS_MAIN(TestJobsFlavours)
#include "tst_jobs_flavours.moc"
