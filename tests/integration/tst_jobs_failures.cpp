#include "studiofixture.h"
#include "support/requestlog.h"

#include <QFile>
#include <QJsonDocument>

using namespace studiotest;

namespace {

// The lines of a --log-requests file whose path contains `fragment`.
QList<QJsonObject> loggedRequests(const QString &logPath, const QString &fragment)
{
    QList<QJsonObject> out;
    for (const auto &line : readRequestLog(logPath))
        if (line.value(u"path"_s).toString().contains(fragment))
            out.append(line);
    return out;
}

} // namespace

// Jobs the server refuses end Failed with a sentence that says why, are charged nothing, and
// are never resent by themselves; inputs the server would refuse never leave the machine.
class TestJobsFailures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void asyncTaskFailed()
    {
        DevServerProcess server;
        QVERIFY2(server.start({u"--fail-rate"_s, u"1"_s, u"--latency-ms"_s, u"300"_s}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        const double stars = userState(server).value(u"stars"_s).toDouble();

        const auto prompt = u"a refused fox"_s;
        auto queued = services->jobs().enqueue(generateRequest(prompt));
        QVERIFY(queued);
        const auto job = waitFinished(*services, queued.value().id);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"failed"_s);
        QVERIFY(!job->serverMessage.isEmpty());
        QVERIFY2(job->userMessage.contains(u"prompt"_s)
                     || job->userMessage.contains(u"Try again"_s),
                 qPrintable(job->userMessage));
        QVERIFY(job->userMessage.endsWith(u'.'));
        QCOMPARE(userState(server).value(u"stars"_s).toDouble(), stars);
        QCOMPARE(generatePosts(server), 1);
        const auto rows = galleryRows(*services, prompt);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().status, u"failed"_s);
    }

    void syncServerErrorIsReconciledOnce()
    {
        QTemporaryDir logDir;
        const auto log = logDir.filePath(u"requests.jsonl"_s);
        DevServerProcess server;
        QVERIFY2(server.start({u"--flavor"_s, u"sync"_s, u"--fail-rate"_s, u"1"_s,
                               u"--latency-ms"_s, u"300"_s, u"--log-requests"_s, log}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        const double stars = userState(server).value(u"stars"_s).toDouble();

        auto queued = services->jobs().enqueue(generateRequest(u"a refused owl"_s));
        QVERIFY(queued);
        const auto job = waitFinished(*services, queued.value().id);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"failed"_s);
        QVERIFY2(job->userMessage.contains(u"nothing was charged"_s), qPrintable(job->userMessage));
        QCOMPARE(loggedRequests(log, u"/nanobanana/images"_s).size(), 1);
        QCOMPARE(loggedRequests(log, u"/nanobanana/generate"_s).size(), 1);
        QCOMPARE(userState(server).value(u"stars"_s).toDouble(), stars);
    }

    void insufficientStarsIsNeverRetried_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::newRow("async") << u"async"_s;
        QTest::newRow("sync") << u"sync"_s;
    }

    void insufficientStarsIsNeverRetried()
    {
        QFETCH(QString, flavor);
        DevServerProcess server;
        QVERIFY2(server.start({u"--flavor"_s, flavor, u"--latency-ms"_s, u"300"_s}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        QVERIFY(server.setStars(kPhone, 5));

        auto queued = services->jobs().enqueue(generateRequest(u"an expensive whale"_s));
        QVERIFY(queued);
        const auto job = waitFinished(*services, queued.value().id);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"failed"_s);
        QVERIFY2(job->userMessage.contains(u"star"_s, Qt::CaseInsensitive),
                 qPrintable(job->userMessage));
        QCOMPARE(generatePosts(server), 1);
        QCOMPARE(userState(server).value(u"stars"_s).toDouble(), 5.0);
        // Nothing is left scheduled for it: the queue holds no unfinished job.
        QVERIFY(services->jobs().jobs(true).isEmpty());
        QCOMPARE(services->jobs().inFlight(), 0);

        // Topped up, the user retries and the same job completes.
        QVERIFY(server.setStars(kPhone, 100));
        QVERIFY(services->jobs().retry(job->id));
        const auto retried = waitFinished(*services, job->id);
        QVERIFY(retried);
        QCOMPARE(jobStateName(retried->state), u"completed"_s);
        QCOMPARE(generatePosts(server), 2);
        QTRY_COMPARE(userState(server).value(u"stars"_s).toDouble(), 90.0);
    }

    void refusedLocally_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("ratio");
        QTest::addColumn<QString>("resolution");
        QTest::addColumn<int>("references");
        QTest::newRow("edit without image")
            << int(JobKind::Edit) << u"make it blue"_s << u"1:1"_s << u"1K"_s << 0;
        QTest::newRow("empty prompt")
            << int(JobKind::Generate) << u"   "_s << u"1:1"_s << u"1K"_s << 0;
        QTest::newRow("bad ratio")
            << int(JobKind::Generate) << u"fox"_s << u"1024x1024"_s << u"1K"_s << 0;
        QTest::newRow("bad resolution")
            << int(JobKind::Generate) << u"fox"_s << u"1:1"_s << u"8K"_s << 0;
        QTest::newRow("six references")
            << int(JobKind::Generate) << u"fox"_s << u"1:1"_s << u"1K"_s << 6;
    }

    void refusedLocally()
    {
        QFETCH(int, kind);
        QFETCH(QString, prompt);
        QFETCH(QString, ratio);
        QFETCH(QString, resolution);
        QFETCH(int, references);

        QTemporaryDir logDir;
        const auto log = logDir.filePath(u"requests.jsonl"_s);
        DevServerProcess server;
        QVERIFY2(server.start({u"--log-requests"_s, log}), qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));

        JobRequest request = generateRequest(prompt, ratio);
        request.kind = JobKind(kind);
        request.resolution = resolution;
        QImage image(16, 16, QImage::Format_RGB32);
        image.fill(Qt::green);
        for (int i = 0; i < references; ++i) {
            const auto path = profile.filePath(u"ref%1.png"_s.arg(i));
            QVERIFY(image.save(path));
            request.referencePaths.append(path);
        }
        const auto queued = services->jobs().enqueue(request);
        QVERIFY(!queued);
        QCOMPARE(queued.error().kind, ApiError::Kind::Validation);
        QVERIFY(!queued.error().userMessage.isEmpty());
        QVERIFY(services->jobs().jobs().isEmpty());
        QCOMPARE(generatePosts(server), 0);
        QCOMPARE(server.devState().value(u"editPosts"_s).toInt(), 0);
        QCOMPARE(loggedRequests(log, u"/nanobanana/"_s).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobsFailures)
#include "tst_jobs_failures.moc"
