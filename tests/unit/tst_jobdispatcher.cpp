// JobDispatcher: queued jobs go oldest first, never more than the limit in flight, none while
// paused or while writes fail, and each is written `submitting` before it is sent.
#include "fakejobbackend.h"
#include "history/historydatabase.h"
#include "jobs/jobdispatcher.h"
#include "jobs/jobstore.h"
#include "jobs/jobsubmitter.h"
#include "jobs/jobwriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;

} // namespace

class TestJobDispatcher final : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        QTemporaryDir dir;
        HistoryDatabase database{dir.path() + u"/studio.sqlite"_s};
        std::unique_ptr<JobStore> store;
        FakeJobBackend server;
        std::unique_ptr<JobWriter> writer;
        std::unique_ptr<JobSubmitter> submitter;
        std::unique_ptr<JobDispatcher> dispatcher;

        bool open()
        {
            if (!database.open().ok())
                return false;
            store = std::make_unique<JobStore>(database);
            writer = std::make_unique<JobWriter>(*store);
            submitter = std::make_unique<JobSubmitter>(server, JobSubmitter::PrepareReferences{});
            dispatcher = std::make_unique<JobDispatcher>(*writer, *submitter);
            return true;
        }
        qint64 queue(const QString &prompt)
        {
            JobRequest request;
            request.prompt = prompt;
            const auto job = writer->insert(kAccount, request);
            return job ? job.value().id : 0;
        }
        QList<Job> unfinished() const { return store->list(kAccount, true); }
        QStringList sentPrompts() const
        {
            QStringList prompts;
            for (const auto &s : server.submissions)
                prompts << s.request.prompt;
            return prompts;
        }
    };

private Q_SLOTS:
    void oldestFirstWithinTheLimit()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 first = f.queue(u"one"_s);
        const qint64 second = f.queue(u"two"_s);
        const qint64 third = f.queue(u"three"_s);
        f.dispatcher->setMaxInFlight(2);
        f.dispatcher->dispatch(f.unfinished());
        // Written `submitting` at once; the upload follows once its references are prepared.
        QCOMPARE(f.store->load(first)->state, JobState::Submitting);
        QCOMPARE(f.store->load(second)->state, JobState::Submitting);
        QCOMPARE(f.store->load(third)->state, JobState::Queued);
        QCOMPARE(f.store->load(first)->attempts, 1);
        QTRY_COMPARE(f.sentPrompts(), (QStringList{u"one"_s, u"two"_s}));
        QCOMPARE(JobDispatcher::inFlight(f.unfinished()), 2);

        // Dispatching again sends nothing more while two are in flight.
        f.dispatcher->dispatch(f.unfinished());
        QTest::qWait(50);
        QCOMPARE(f.server.submissions.size(), size_t(2));

        // One settles: the third goes.
        auto settled = *f.store->load(first);
        settled.state = JobState::Completed;
        QVERIFY(f.store->update(settled));
        f.dispatcher->dispatch(f.unfinished());
        QTRY_COMPARE(f.sentPrompts(), (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    }

    void nothingGoesWhilePaused()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 id = f.queue(u"paused"_s);
        f.dispatcher->setPaused(true);
        f.dispatcher->dispatch(f.unfinished());
        QCOMPARE(f.store->load(id)->state, JobState::Queued);
        f.dispatcher->setPaused(false);
        f.dispatcher->dispatch(f.unfinished());
        QCOMPARE(f.store->load(id)->state, JobState::Submitting);
        QTRY_COMPARE(f.server.submissions.size(), size_t(1));
    }

    void nothingGoesWhileWritesFail()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 id = f.queue(u"held"_s);
        f.writer->setRetryMs(60000);
        f.writer->failed(id, UserMessage{}); // as after a full disk
        QVERIFY(f.writer->isHolding());
        f.dispatcher->dispatch(f.unfinished());
        QCOMPARE(f.store->load(id)->state, JobState::Queued);
        QTest::qWait(50);
        QCOMPARE(f.server.submissions.size(), size_t(0));
    }

    void limitIsAtLeastOne()
    {
        Fixture f;
        QVERIFY(f.open());
        f.queue(u"a"_s);
        f.dispatcher->setMaxInFlight(0);
        f.dispatcher->dispatch(f.unfinished());
        QTRY_COMPARE(f.server.submissions.size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestJobDispatcher)
#include "tst_jobdispatcher.moc"
