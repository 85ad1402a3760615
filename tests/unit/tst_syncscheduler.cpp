#include "domain/job.h"
#include "history/historystore.h"
#include "history/historysync.h"
#include "history/syncscheduler.h"
#include "historyfixture.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A page request the test answers when it wants (an empty history), so a sync stays running
// for as long as the test needs.
class HeldImagesCall final : public ApiCall<ImagesPage>
{
public:
    using ApiCall<ImagesPage>::ApiCall;
    void answer()
    {
        ImagesPage page;
        finish(page);
    }
    void abort() override { finish(ApiError::make(ApiError::Kind::Cancelled, u"Cancelled."_s)); }
};

// Counts the page requests of the syncs it serves and holds their answers.
class FakePages final : public QObject
{
public:
    int requests = 0;
    QList<QPointer<HeldImagesCall>> held;

    ApiCall<ImagesPage> *fetch(int, int)
    {
        ++requests;
        auto *call = new HeldImagesCall(this);
        held.append(call);
        return call;
    }
    void answerAll()
    {
        const auto calls = std::exchange(held, {});
        for (const auto &call : calls)
            if (call)
                call->answer();
    }
};

Job jobIn(JobState state)
{
    Job job;
    job.state = state;
    return job;
}

} // namespace

// SyncScheduler against a fake page source: a burst is one sync, a request during a sync is
// one more after it, nothing while signed out, and each trigger asks for a sync.
class TestSyncScheduler final : public QObject, HistoryFixture
{
    Q_OBJECT

private:
    std::unique_ptr<FakePages> m_pages;
    std::unique_ptr<SyncScheduler> m_scheduler;

    // Answers page requests until `syncs` syncs have finished; false when they do not.
    bool finishSyncs(QSignalSpy &finished, int syncs)
    {
        return QTest::qWaitFor(
            [&] {
                m_pages->answerAll();
                return finished.count() >= syncs;
            },
            5000);
    }

    // True when no further signal comes within a while: the time another sync would need to
    // start (the coalescing interval is one pass of the event loop).
    static bool nothingMore(QSignalSpy &spy) { return !spy.wait(50); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFresh());
        m_pages = std::make_unique<FakePages>();
        m_scheduler = std::make_unique<SyncScheduler>(
            [pages = m_pages.get()](int limit, int skip) { return pages->fetch(limit, skip); },
            *m_store);
        m_scheduler->setAccount(u"user"_s);
    }

    void cleanup()
    {
        m_scheduler.reset();
        m_pages.reset();
        closeAll();
    }

    void aBurstOfRequestsIsOneSync()
    {
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::finished);
        QVERIFY(m_scheduler->requestSync(SyncScheduler::Reason::Start));
        QVERIFY(m_scheduler->requestSync(SyncScheduler::Reason::SignIn));
        m_scheduler->backOnline();
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        QVERIFY(m_scheduler->isPending());
        QCOMPARE(started.count(), 0); // coalesced: nothing starts before the event loop runs
        QVERIFY(finishSyncs(finished, 1));
        QVERIFY(nothingMore(started));
        QCOMPARE(started.count(), 1);
        QCOMPARE(m_pages->requests, 1);
        QVERIFY(!m_scheduler->isPending());
        QVERIFY(!m_scheduler->isRunning());
    }

    void requestsWithinTheIntervalShareOneSync()
    {
        m_scheduler->setCoalesceMs(50);
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        QCoreApplication::processEvents(); // the second request comes in a later pass
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        QVERIFY(started.wait());
        QVERIFY(!started.wait(100));
        QCOMPARE(started.count(), 1);
    }

    void aRequestDuringASyncRunsOneMoreAfterIt()
    {
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::finished);
        m_scheduler->requestSync(SyncScheduler::Reason::Start);
        QVERIFY(started.wait());
        QVERIFY(m_scheduler->isRunning());
        // Three requests while the first page is out: one more sync, not three, not none.
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        m_scheduler->jobFinished(jobIn(JobState::Completed));
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        QCOMPARE(started.count(), 1); // never two at once
        QVERIFY(m_scheduler->isPending());
        QVERIFY(finishSyncs(finished, 2));
        QCOMPARE(started.count(), 2);
        QVERIFY(nothingMore(started));
        QCOMPARE(started.count(), 2);
        QCOMPARE(finished.count(), 2);
        QVERIFY(!m_scheduler->isPending());
    }

    void withoutARequestDuringItOneSyncIsAll()
    {
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::finished);
        m_scheduler->requestSync(SyncScheduler::Reason::Start);
        QVERIFY(finishSyncs(finished, 1));
        QVERIFY(nothingMore(started));
        QCOMPARE(started.count(), 1);
    }

    void nothingWhileSignedOut()
    {
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        m_scheduler->setAccount({});
        QVERIFY(!m_scheduler->requestSync(SyncScheduler::Reason::OnDemand));
        m_scheduler->sessionStarted();
        m_scheduler->signedIn();
        m_scheduler->backOnline();
        m_scheduler->jobFinished(jobIn(JobState::Completed));
        QVERIFY(!m_scheduler->isPending());
        QVERIFY(nothingMore(started));
        QCOMPARE(started.count(), 0);
        QCOMPARE(m_pages->requests, 0);
    }

    void signingOutDropsWhatWasAsked()
    {
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::finished);
        m_scheduler->requestSync(SyncScheduler::Reason::Start);
        QVERIFY(started.wait());
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        m_scheduler->setAccount({});
        QVERIFY(finishSyncs(finished, 1));
        QVERIFY(nothingMore(started));
        QCOMPARE(started.count(), 1);
    }

    void eachTriggerAsksForASync_data()
    {
        QTest::addColumn<int>("trigger");
        QTest::addColumn<bool>("syncs");
        QTest::newRow("start") << 0 << true;
        QTest::newRow("sign-in") << 1 << true;
        QTest::newRow("back online") << 2 << true;
        QTest::newRow("completed job") << 3 << true;
        QTest::newRow("on demand") << 4 << true;
        QTest::newRow("failed job") << 5 << false;
        QTest::newRow("cancelled job") << 6 << false;
    }

    void eachTriggerAsksForASync()
    {
        QFETCH(int, trigger);
        QFETCH(bool, syncs);
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        switch (trigger) {
        case 0:
            m_scheduler->sessionStarted();
            break;
        case 1:
            m_scheduler->signedIn();
            break;
        case 2:
            m_scheduler->backOnline();
            break;
        case 3:
            m_scheduler->jobFinished(jobIn(JobState::Completed));
            break;
        case 4:
            m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
            break;
        case 5:
            m_scheduler->jobFinished(jobIn(JobState::Failed));
            break;
        case 6:
            m_scheduler->jobFinished(jobIn(JobState::Cancelled));
            break;
        }
        if (syncs)
            QVERIFY(started.wait());
        QVERIFY(nothingMore(started));
        QCOMPARE(started.count(), syncs ? 1 : 0);
        QCOMPARE(m_pages->requests, syncs ? 1 : 0);
    }

    void aFullRequestMakesTheComingSyncFull()
    {
        // A completed full sync first, so that Auto alone would be incremental.
        QSignalSpy finished(m_scheduler.get(), &SyncScheduler::finished);
        m_scheduler->requestSync(SyncScheduler::Reason::Start);
        QVERIFY(finishSyncs(finished, 1));
        QVERIFY(finished.last().first().value<SyncReport>().full);

        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand, /*full*/ true);
        m_scheduler->requestSync(SyncScheduler::Reason::JobCompleted);
        QVERIFY(finishSyncs(finished, 2));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().first().toBool(), true);

        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        QVERIFY(finishSyncs(finished, 3));
        QVERIFY(!finished.last().first().value<SyncReport>().full);
    }

    void aFailedSyncIsNotRepeatedByItself()
    {
        QSignalSpy started(m_scheduler.get(), &SyncScheduler::started);
        QSignalSpy failed(m_scheduler.get(), &SyncScheduler::failed);
        m_scheduler->requestSync(SyncScheduler::Reason::Start);
        QVERIFY(started.wait());
        m_scheduler->requestSync(SyncScheduler::Reason::OnDemand);
        for (const auto &call : std::exchange(m_pages->held, {}))
            call->abort();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(nothingMore(started));
        QCOMPARE(started.count(), 1);
        // The next trigger syncs again.
        m_scheduler->backOnline();
        QTRY_COMPARE(started.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "tst_syncscheduler.moc"
