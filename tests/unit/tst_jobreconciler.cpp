#include "fakejobbackend.h"
#include "jobs/jobreconciler.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// JobReconciler: looks for a job whose outcome is unknown in the history, on its backoff,
// until it is found or judged never made. Against a fake server; no network.
class TestJobReconciler final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeJobBackend> m_server;
    std::unique_ptr<JobReconciler> m_reconciler;
    QHash<qint64, Job> m_unknown; // the jobs whose outcome is still unknown
    QSet<QString> m_claimed;

    void addUnknown(qint64 id, const QString &prompt)
    {
        Job job;
        job.id = id;
        job.state = JobState::Unknown;
        job.request.prompt = prompt;
        job.createdAt = job.submittedAt = QDateTime::currentDateTimeUtc();
        m_unknown.insert(id, job);
    }

    // Waits for look number `n` (from 1) and answers it.
    bool answerLook(size_t n, const Result<ImagesPage> &answer)
    {
        if (!QTest::qWaitFor([&] { return m_server->historyLooks.size() >= n; }, 5000))
            return false;
        m_server->historyLooks.at(n - 1).call->answer(answer);
        return true;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeJobBackend>();
        m_unknown.clear();
        m_claimed.clear();
        auto *server = m_server.get();
        m_reconciler = std::make_unique<JobReconciler>(JobReconciler::Fetch{
            [server] { return server->fetchImages(100, 0); },
            [this](qint64 id) -> std::optional<Job> {
                return m_unknown.contains(id) ? std::optional(m_unknown.value(id)) : std::nullopt;
            },
            [this](qint64) { return m_claimed; }});
        m_reconciler->setSchedule({0, 20, 40}, 15 * 60 * 1000);
    }

    void cleanup()
    {
        m_reconciler.reset();
        m_server.reset();
    }

    void findsTheRecordOnALaterLook()
    {
        QSignalSpy found(m_reconciler.get(), &JobReconciler::found);
        addUnknown(1, u"a glass bird"_s);
        m_reconciler->schedule(1);
        QVERIFY(answerLook(1, pageOf({})));
        QVERIFY(answerLook(
            2, pageOf({serverRecord(u"r1"_s, {}, ImageStatus::Completed, u"a glass bird"_s)})));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).at(1).value<GeneratedImage>().id, u"r1"_s);
    }

    void recordClaimedByAnotherJobIsNotThisOne()
    {
        QSignalSpy found(m_reconciler.get(), &JobReconciler::found);
        addUnknown(1, u"a glass bird"_s);
        m_claimed = {u"r1"_s};
        m_reconciler->schedule(1);
        QVERIFY(answerLook(
            1, pageOf({serverRecord(u"r1"_s, {}, ImageStatus::Completed, u"a glass bird"_s)})));
        QVERIFY(answerLook(2, pageOf({})));
        QCOMPARE(found.size(), 0);
    }

    void noRecordAfterEveryLookMeansNotMade()
    {
        QSignalSpy notMade(m_reconciler.get(), &JobReconciler::notMade);
        addUnknown(1, u"a glass bird"_s);
        m_reconciler->schedule(1);
        for (size_t n = 1; n <= 3; ++n)
            QVERIFY(answerLook(n, pageOf({})));
        QCOMPARE(notMade.size(), 1);
        QCOMPARE(notMade.at(0).at(1).toBool(), false);
        QCOMPARE(m_server->historyLooks.size(), size_t(3));
    }

    void serverAnsweredNeedsOneLook()
    {
        QSignalSpy notMade(m_reconciler.get(), &JobReconciler::notMade);
        addUnknown(1, u"a glass bird"_s);
        m_reconciler->markServerAnswered(1);
        m_reconciler->schedule(1);
        QVERIFY(answerLook(1, pageOf({})));
        QCOMPARE(notMade.size(), 1);
        QCOMPARE(notMade.at(0).at(1).toBool(), true);
        QVERIFY(!QTest::qWaitFor([&] { return m_server->historyLooks.size() > 1; }, 100));
    }

    void unreadHistoryKeepsLooking()
    {
        QSignalSpy unread(m_reconciler.get(), &JobReconciler::historyUnread);
        QSignalSpy notMade(m_reconciler.get(), &JobReconciler::notMade);
        addUnknown(1, u"a glass bird"_s);
        m_reconciler->schedule(1);
        for (size_t n = 1; n <= 3; ++n)
            QVERIFY(answerLook(n, ApiError::serverError(503, u"busy"_s)));
        QCOMPARE(unread.size(), 1);
        QCOMPARE(notMade.size(), 0); // never judged without having read the history
        QVERIFY(answerLook(4, ApiError::serverError(503, u"busy"_s)));
        QCOMPARE(unread.size(), 2);
    }

    void refusedLookStops()
    {
        QSignalSpy unauthorized(m_reconciler.get(), &JobReconciler::unauthorized);
        addUnknown(1, u"a glass bird"_s);
        m_reconciler->schedule(1);
        QVERIFY(answerLook(1, ApiError::unauthorized(401, u"expired"_s)));
        QCOMPARE(unauthorized.size(), 1);
        QVERIFY(!QTest::qWaitFor([&] { return m_server->historyLooks.size() > 1; }, 100));
    }

    void settledOrForgottenJobIsNotLookedFor()
    {
        QSignalSpy found(m_reconciler.get(), &JobReconciler::found);
        addUnknown(1, u"a glass bird"_s);
        addUnknown(2, u"a glass fish"_s);
        m_reconciler->setSchedule({30}, 15 * 60 * 1000);
        m_reconciler->schedule(1);
        m_reconciler->schedule(2);
        m_unknown.remove(1); // settled elsewhere meanwhile
        QTRY_COMPARE(m_server->historyLooks.size(), size_t(1)); // only job 2 looks
        m_reconciler->forget(2);
        QTRY_VERIFY(!m_server->historyLooks.at(0).call); // its look aborted
        QCOMPARE(found.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobReconciler)
#include "tst_jobreconciler.moc"
