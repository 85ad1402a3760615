#include "backend/requestbudget.h"
#include "studiofixture.h"
#include "support/requestlog.h"

#include <QFile>
#include <QJsonDocument>

using namespace studiotest;

namespace {

int apiRequestsLogged(const QString &logPath)
{
    int n = 0;
    for (const auto &line : readRequestLog(logPath))
        n += line.value(u"path"_s).toString().startsWith(u"/api/"_s) ? 1 : 0;
    return n;
}

} // namespace

// The production rate limit (100 requests per 15 minutes) with a 10,000-record history: a
// first full sync and ten generations fit in the budget without a single 429, and an
// unchanged history costs one request to sync again.
class TestSyncRateLimited final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void syncAndTenGenerationsWithinTheLimit()
    {
        QTemporaryDir logDir;
        const auto log = logDir.filePath(u"requests.jsonl"_s);
        DevServerProcess server;
        QVERIFY2(server.start({u"--rate-limit"_s, u"100/900"_s, u"--seed-history"_s, u"10000"_s,
                               u"--flavor"_s, u"async"_s, u"--latency-ms"_s, u"300"_s,
                               u"--log-requests"_s, log}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        auto timing = fastTiming();
        timing.pollDelaysMs = {400, 300, 500, 800}; // a 300 ms job is done at the first poll
        services->jobs().setTiming(timing);
        QVERIFY(signIn(*services));
        QVERIFY(server.setStars(kPhone, 1000)); // a new account's 30 stars pay for three

        const auto first = runSync(*services, false, 120000);
        QVERIFY(first);
        QCOMPARE(first->fetched, 10000);
        QVERIFY2(first->requests <= 15, qPrintable(QString::number(first->requests)));
        const double perSecond =
            first->durationMs > 0 ? first->fetched * 1000.0 / double(first->durationMs) : 0;
        qInfo("first sync: %d records, %d requests, %lld ms (%lld ms storing), %.0f records/s",
              first->fetched, first->requests, first->durationMs, first->storeMs, perSecond);

        const auto second = runSync(*services);
        QVERIFY(second);
        QCOMPARE(second->requests, 1);
        qInfo("second sync: %d request(s), %lld ms", second->requests, second->durationMs);

        const int before = apiRequestsLogged(log);
        QList<qint64> ids;
        for (int i = 0; i < 10; ++i) {
            auto queued =
                services->jobs().enqueue(generateRequest(u"rate limited tulip %1"_s.arg(i)));
            QVERIFY(queued);
            ids.append(queued.value().id);
        }
        for (const auto id : std::as_const(ids)) {
            const auto job = waitFinished(*services, id, 200000);
            QVERIFY(job);
            QVERIFY2(job->state == JobState::Completed,
                     qPrintable(jobStateName(job->state) + u": "_s + job->userMessage + u" / "_s
                                + job->serverMessage));
            QVERIFY2(!job->localImagePath.isEmpty(), qPrintable(job->userMessage));
        }
        // The star refresh after the last job may still be on its way.
        QTRY_VERIFY(services->budget().waitingCount() == 0);
        const int used = apiRequestsLogged(log) - before;
        qInfo("ten generations (2 in flight): %d API requests, %.1f per generation", used,
              used / 10.0);

        const auto state = server.devState();
        QCOMPARE(state.value(u"tooManyRequests"_s).toInt(), 0);
        QCOMPARE(state.value(u"generatePosts"_s).toInt(), 10);
        qInfo("API requests in all: %d of 100", apiRequestsLogged(log));
    }
};

QTEST_GUILESS_MAIN(TestSyncRateLimited)
#include "tst_sync_ratelimited.moc"
