#include "fakejobbackend.h"
#include "jobs/jobpoller.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// JobPoller: the backoff, the first look learned from recent jobs, and the one history look
// shared by jobs that come due together. Against a fake server; no network.
class TestJobPoller final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeJobBackend> m_server;
    std::unique_ptr<JobPoller> m_poller;

    static Job polledJob(qint64 id, qint64 tookMs, JobState state = JobState::Completed,
                         const QString &taskId = u"t"_s)
    {
        Job job;
        job.id = id;
        job.state = state;
        job.taskId = taskId;
        job.submittedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        job.completedAt = job.submittedAt.addMSecs(tookMs);
        return job;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeJobBackend>();
        auto *server = m_server.get();
        m_poller = std::make_unique<JobPoller>(
            JobPoller::Fetch{[server](const QString &taskId) { return server->fetchTask(taskId); },
                             [server](int limit) { return server->fetchImages(limit, 0); }});
    }

    void cleanup()
    {
        m_poller.reset();
        m_server.reset();
    }

    void delaySchedule_data()
    {
        QTest::addColumn<QList<int>>("delays");
        QTest::addColumn<QList<int>>("expected"); // delayMs(0), delayMs(1), ...
        QTest::newRow("the defaults")
            << QList<int>{}
            << QList<int>{2000, 3000, 5000, 8000, 13000, 21000, 30000, 30000, 30000};
        QTest::newRow("short list repeats its last")
            << QList<int>{100, 200, 400} << QList<int>{100, 200, 400, 400, 400};
        QTest::newRow("one delay") << QList<int>{50} << QList<int>{50, 50, 50};
    }

    void delaySchedule()
    {
        QFETCH(QList<int>, delays);
        QFETCH(QList<int>, expected);
        if (!delays.isEmpty())
            m_poller->setSchedule(delays, true);
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(m_poller->delayMs(i), expected.at(i));
    }

    void emptyScheduleWaitsHalfAMinute()
    {
        m_poller->setSchedule({}, false);
        QCOMPARE(m_poller->delayMs(0), 30000);
        QCOMPARE(m_poller->delayMs(4), 30000);
    }

    void learnsFirstLookAfterThreeCompletedJobs()
    {
        m_poller->setSchedule({2000, 3000, 5000}, true);
        QList<Job> recent{polledJob(5, 40000), polledJob(4, 20000)};
        m_poller->learnFrom(recent);
        QCOMPARE(m_poller->typicalMs(), 0); // two are not enough
        QCOMPARE(m_poller->delayMs(0), 2000);

        recent << polledJob(3, 30000);
        m_poller->learnFrom(recent);
        QCOMPARE(m_poller->typicalMs(), 30000); // the median
        QCOMPARE(m_poller->delayMs(0), 24000); // most of the usual time first
        QCOMPARE(m_poller->delayMs(1), 7500); // then the rest of it
        QCOMPARE(m_poller->delayMs(2), 3000); // then the backoff, from its second step
        QCOMPARE(m_poller->delayMs(3), 5000);
        QCOMPARE(m_poller->delayMs(9), 5000);

        // The rest of it is never shorter than the first ordinary delay.
        m_poller->learnFrom({polledJob(1, 4000), polledJob(2, 4000), polledJob(3, 4000)});
        QCOMPARE(m_poller->delayMs(1), 2000);

        // Learning switched off: the plain schedule.
        m_poller->setSchedule({2000, 3000, 5000}, false);
        QCOMPARE(m_poller->delayMs(0), 2000);
    }

    void learnsOnlyFromPolledCompletedPlausibleJobs()
    {
        m_poller->setSchedule({1000}, true);
        m_poller->learnFrom({polledJob(1, 30000, JobState::Failed),
                             polledJob(2, 30000, JobState::Completed, QString()), // synchronous
                             polledJob(3, 500), // under a second: clocks disagree
                             polledJob(4, qint64(11) * 60 * 1000), // over ten minutes
                             polledJob(5, 30000), polledJob(6, 30000)});
        QCOMPARE(m_poller->typicalMs(), 0);
        m_poller->learnFrom(
            {polledJob(7, 10000), polledJob(8, 50000), polledJob(9, 20000), polledJob(10, 90000)});
        QCOMPARE(m_poller->typicalMs(), 50000); // median of four: the upper middle
        m_poller->clear();
        QCOMPARE(m_poller->typicalMs(), 0);
    }

    void jobDueAloneAsksItsTask()
    {
        m_poller->setSchedule({20}, false);
        QSignalSpy ended(m_poller.get(), &JobPoller::taskEnded);
        m_poller->schedule(1, u"task-1"_s);
        QVERIFY(m_poller->isWaiting(1));
        QTRY_COMPARE(m_server->taskLooks.size(), size_t(1));
        QCOMPARE(m_server->taskLooks.at(0).taskId, u"task-1"_s);
        QCOMPARE(m_server->historyLooks.size(), size_t(0));
        QVERIFY(m_poller->isWaiting(1)); // its look is on the way

        // Still processing: another look follows.
        m_server->taskLooks.at(0).call->answer(taskAnswer(u"task-1"_s, TaskStatus::Processing));
        QCOMPARE(ended.size(), 0);
        QTRY_COMPARE(m_server->taskLooks.size(), size_t(2));
        m_server->taskLooks.at(1).call->answer(
            taskAnswer(u"task-1"_s, TaskStatus::Completed, u"/uploads/1.png"_s));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toLongLong(), 1);
        QCOMPARE(ended.at(0).at(1).value<Task>().resultImageUrls.value(0), u"/uploads/1.png"_s);
        QCOMPARE(ended.at(0).at(2).toString(), QString());
        QVERIFY(!m_poller->isWaiting(1));
    }

    void jobsDueTogetherShareOneLook()
    {
        m_poller->setSchedule({30}, false);
        QSignalSpy ended(m_poller.get(), &JobPoller::taskEnded);
        m_poller->schedule(1, u"task-1"_s);
        m_poller->schedule(2, u"task-2"_s);
        m_poller->schedule(3, u"task-3"_s);
        QTRY_COMPARE(m_server->historyLooks.size(), size_t(1));
        QCOMPARE(m_server->taskLooks.size(), size_t(0));
        QCOMPARE(m_server->historyLooks.at(0).limit, 20);

        // One finished, one still pending, one not on the page (older than it).
        m_server->historyLooks.at(0).call->answer(
            pageOf({serverRecord(u"r1"_s, u"task-1"_s, ImageStatus::Completed, {}, u"/u/1.png"_s),
                    serverRecord(u"r2"_s, u"task-2"_s, ImageStatus::Pending)}));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).toLongLong(), 1);
        QCOMPARE(ended.at(0).at(2).toString(), u"r1"_s); // the record's id comes along
        QCOMPARE(m_server->taskLooks.size(), size_t(1)); // the missing one asks its task
        QCOMPARE(m_server->taskLooks.at(0).taskId, u"task-3"_s);
        QVERIFY(m_poller->isWaiting(2));
        QVERIFY(!m_poller->isWaiting(1));
    }

    void failedTaskEndsToo()
    {
        m_poller->setSchedule({10}, false);
        QSignalSpy ended(m_poller.get(), &JobPoller::taskEnded);
        m_poller->schedule(1, u"task-1"_s);
        m_poller->schedule(2, u"task-2"_s);
        QTRY_COMPARE(m_server->historyLooks.size(), size_t(1));
        auto failed = serverRecord(u"r1"_s, u"task-1"_s, ImageStatus::Failed);
        failed.error = u"Content policy violation"_s;
        m_server->historyLooks.at(0).call->answer(
            pageOf({failed, serverRecord(u"r2"_s, u"task-2"_s, ImageStatus::Failed)}));
        QCOMPARE(ended.size(), 2);
        const auto task = ended.at(0).at(1).value<Task>();
        QCOMPARE(task.status, TaskStatus::Failed);
        QCOMPARE(task.error, u"Content policy violation"_s);
    }

    void vanishedTaskIsReported()
    {
        m_poller->setSchedule({10}, false);
        QSignalSpy missing(m_poller.get(), &JobPoller::taskMissing);
        m_poller->schedule(1, u"task-1"_s);
        QTRY_COMPARE(m_server->taskLooks.size(), size_t(1));
        m_server->taskLooks.at(0).call->answer(ApiError::notFound(404, u"no such task"_s));
        QCOMPARE(missing.size(), 1);
        QVERIFY(!m_poller->isWaiting(1));
    }

    void failedLookIsRetriedAndRefusedOneIsNot()
    {
        m_poller->setSchedule({10}, false);
        QSignalSpy failed(m_poller.get(), &JobPoller::lookFailed);
        QSignalSpy unauthorized(m_poller.get(), &JobPoller::unauthorized);
        m_poller->schedule(1, u"task-1"_s);
        QTRY_COMPARE(m_server->taskLooks.size(), size_t(1));
        m_server->taskLooks.at(0).call->answer(ApiError::serverError(503, u"busy"_s));
        QCOMPARE(failed.size(), 1);
        QVERIFY(m_poller->isWaiting(1));
        QTRY_COMPARE(m_server->taskLooks.size(), size_t(2));
        m_server->taskLooks.at(1).call->answer(ApiError::unauthorized(401, u"expired"_s));
        QCOMPARE(unauthorized.size(), 1);
        QVERIFY(!m_poller->isWaiting(1)); // resume() looks again
    }

    void pauseHoldsLooksUntilResume()
    {
        m_poller->setSchedule({10}, false);
        m_poller->setPaused(true);
        m_poller->schedule(1, u"task-1"_s);
        // Nothing may happen while paused.
        QVERIFY(!QTest::qWaitFor([&] { return !m_server->taskLooks.empty(); }, 80));
        Job pending;
        pending.id = 1;
        pending.state = JobState::Pending;
        pending.taskId = u"task-1"_s;
        m_poller->resume({pending});
        QTRY_COMPARE(m_server->taskLooks.size(), size_t(1));
    }

    void forgottenJobIsNotReported()
    {
        m_poller->setSchedule({10}, false);
        QSignalSpy ended(m_poller.get(), &JobPoller::taskEnded);
        m_poller->schedule(1, u"task-1"_s);
        QTRY_COMPARE(m_server->taskLooks.size(), size_t(1));
        m_poller->forget(1);
        QTRY_VERIFY(!m_server->taskLooks.at(0).call); // aborted, and gone
        QVERIFY(!m_poller->isWaiting(1));
        QCOMPARE(ended.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobPoller)
#include "tst_jobpoller.moc"
