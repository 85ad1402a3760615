#include "studiofixture.h"

#include <QFileInfo>

using namespace studiotest;

namespace {

// A job as a run that stopped at `state` leaves it in the database (the queue not running).
qint64 writeStoppedJob(AppServices &services, const QString &prompt, JobState state)
{
    services.jobs().setAccount({});
    Job job;
    job.accountId = services.accountId();
    job.request = generateRequest(prompt);
    job.state = state;
    job.attempts = 1;
    job.submittedAt = QDateTime::currentDateTimeUtc();
    return services.jobStore().insert(job) ? job.id : 0;
}

} // namespace

// Issue 15, defect 5: no job in limbo. A job stopped before its request had wholly left was
// never seen by the server and goes again at once on the next start; a job whose outcome is
// unknown goes on with its search of the history where the last run left it.
class TestJobsLimbo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    // The hand-over is recorded as the request leaves (what the next start relies on).
    void sentJobRecordsItsHandOver()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        const auto before = QDateTime::currentDateTimeUtc().addSecs(-1);
        auto queued = services->jobs().enqueue(generateRequest(u"a lighthouse at dusk"_s));
        QVERIFY(queued);
        const auto job = waitFinished(*services, queued.value().id);
        QVERIFY(job && job->state == JobState::Completed);
        const auto sentAt = services->jobStore().requestSentAt(job->id);
        QVERIFY(sentAt.isValid());
        QVERIFY(sentAt >= before && sentAt <= QDateTime::currentDateTimeUtc());
    }

    void jobStoppedBeforeItsRequestLeftIsSentAtOnce()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const QString prompt = u"a kite over the dunes"_s;
        qint64 jobId = 0;
        {
            auto first = openServices(profile.path(), server.origin());
            QVERIFY(first);
            QVERIFY(signIn(*first));
            // pump() wrote `submitting`, the upload had begun, then the process was killed.
            jobId = writeStoppedJob(*first, prompt, JobState::Submitting);
            QVERIFY(jobId > 0);
            QVERIFY(!first->jobStore().requestSentAt(jobId).isValid());
        }
        QCOMPARE(generatePosts(server), 0);

        auto second = openServices(profile.path(), server.origin());
        QVERIFY(second);
        auto timing = fastTiming();
        timing.reconcileDelaysMs = {600'000}; // reconciling would outlast the test
        second->jobs().setTiming(timing);
        QVERIFY(restoreSession(*second));
        const auto job = waitFinished(*second, jobId, 20'000);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QVERIFY(QFileInfo::exists(job->localImagePath));
        QCOMPARE(generatePosts(server), 1);
        QCOMPARE(userState(server).value(u"images"_s).toInt(), 1);
    }

    void reconcileGoesOnWhereTheLastRunLeftIt()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir profile;
        // Three quick looks, then an hour: a restart that started over would wait again.
        auto timing = fastTiming();
        timing.reconcileDelaysMs = {0, 50, 50, 3'600'000};
        qint64 jobId = 0;
        {
            auto first = openServices(profile.path(), server.origin());
            QVERIFY(first);
            first->jobs().setTiming(timing);
            QVERIFY(signIn(*first));
            jobId = writeStoppedJob(*first, u"a job the server never saw"_s, JobState::Unknown);
            QVERIFY(jobId > 0);
            QVERIFY(first->jobStore().setRequestSentAt(jobId, QDateTime::currentDateTimeUtc()));
            first->jobs().setAccount(first->accountId()); // the search begins
            QTRY_COMPARE_WITH_TIMEOUT(first->jobStore().reconcileSchedule(jobId).historyLooks, 3,
                                      20'000);
            const auto saved = first->jobStore().reconcileSchedule(jobId);
            QCOMPARE(saved.step, 4);
            QVERIFY(saved.nextCheckAt > QDateTime::currentDateTimeUtc().addSecs(3000));
            QCOMPARE(jobStateName(first->jobs().job(jobId)->state), u"unknown"_s);
            // The program is off for that hour.
            auto later = saved;
            later.nextCheckAt = QDateTime::currentDateTimeUtc().addSecs(-1);
            first->jobs().setAccount({});
            QVERIFY(first->jobStore().saveReconcileSchedule(jobId, later));
        }

        auto second = openServices(profile.path(), server.origin());
        QVERIFY(second);
        second->jobs().setTiming(timing);
        QVERIFY(restoreSession(*second));
        // The last look is due: one more read of the history settles it.
        const auto job = waitFinished(*second, jobId, 20'000);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"failed"_s);
        QCOMPARE(job->message.code, u"jobs.neverConfirmedUncharged"_s);
        QCOMPARE(generatePosts(server), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobsLimbo)
#include "tst_jobs_limbo.moc"
