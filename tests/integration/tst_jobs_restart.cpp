#include "studiofixture.h"

#include <QFileInfo>

using namespace studiotest;

// What a program that stopped mid-job leaves in the database is finished by the next run on
// the same profile: a job caught `submitting` is reconciled (never resent), a queued one is sent.
class TestJobsRestart final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void submittingJobIsReconciledAfterRestart_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::newRow("sync") << u"sync"_s;
        QTest::newRow("async") << u"async"_s;
    }

    void submittingJobIsReconciledAfterRestart()
    {
        QFETCH(QString, flavor);
        DevServerProcess server;
        // The synchronous server answers after the latency: time to stop the program before.
        QVERIFY2(server.start({u"--flavor"_s, flavor, u"--latency-ms"_s, u"1000"_s}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        const QString prompt = u"a ship in a bottle, "_s + flavor;
        qint64 jobId = 0;
        {
            auto first = openServices(profile.path(), server.origin());
            QVERIFY(first);
            QVERIFY(signIn(*first));
            auto queued = first->jobs().enqueue(generateRequest(prompt));
            QVERIFY(queued);
            jobId = queued.value().id;
            QTRY_COMPARE(generatePosts(server), 1);
            auto job = first->jobs().job(jobId);
            QVERIFY(job);
            if (flavor == u"async") {
                // The async answer is immediate; put the job back as a crash would leave it.
                QTRY_VERIFY(first->jobs().job(jobId)->state != JobState::Submitting);
                job = first->jobs().job(jobId);
                job->state = JobState::Submitting;
                job->taskId.clear();
            }
            QCOMPARE(jobStateName(job->state), u"submitting"_s);
            first->jobs().setAccount({}); // stop tracking, as the ended process would
            QVERIFY(first->jobStore().update(*job));
        }

        auto second = openServices(profile.path(), server.origin());
        QVERIFY(second);
        auto timing = fastTiming();
        timing.reconcileDelaysMs = {0, 300, 600, 1200, 2400, 4800};
        second->jobs().setTiming(timing);
        QVERIFY(restoreSession(*second));
        const auto job = waitFinished(*second, jobId, 30000);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QVERIFY(!job->imageId.isEmpty());
        QVERIFY(QFileInfo::exists(job->localImagePath));
        QCOMPARE(generatePosts(server), 1);
        QCOMPARE(userState(server).value(u"images"_s).toInt(), 1);
        QCOMPARE(galleryRows(*second, prompt).size(), 1);
        QVERIFY(runSync(*second));
        QCOMPARE(galleryRows(*second, prompt).size(), 1);
    }

    void queuedJobIsSentOnNextStart()
    {
        DevServerProcess server;
        QVERIFY2(server.start({u"--latency-ms"_s, u"300"_s}), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const QString prompt = u"a queued cactus"_s;
        qint64 jobId = 0;
        {
            auto first = openServices(profile.path(), server.origin());
            QVERIFY(first);
            QVERIFY(signIn(*first));
            Job job;
            job.accountId = first->accountId();
            job.request = generateRequest(prompt, u"4:3"_s);
            job.state = JobState::Queued;
            first->jobs().setAccount({}); // written while the queue was not running
            QVERIFY(first->jobStore().insert(job));
            jobId = job.id;
        }
        QCOMPARE(generatePosts(server), 0);

        auto second = openServices(profile.path(), server.origin());
        QVERIFY(second);
        QVERIFY(restoreSession(*second));
        const auto job = waitFinished(*second, jobId);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QVERIFY(QFileInfo::exists(job->localImagePath));
        QCOMPARE(generatePosts(server), 1);
        QCOMPARE(galleryRows(*second, prompt).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJobsRestart)
#include "tst_jobs_restart.moc"
