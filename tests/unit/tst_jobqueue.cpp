#include "history/historydatabase.h"
#include "history/historystore.h"
#include "history/profilepaths.h"
#include "jobqueuerun.h"
#include "jobs/jobqueue.h"
#include "media/imagelimits.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;

QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::green);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "png");
    return bytes;
}

JobRequest request(const QString &prompt)
{
    JobRequest r;
    r.prompt = prompt;
    return r;
}

SubmitReceipt asyncReceipt(const QString &taskId)
{
    SubmitReceipt receipt;
    receipt.taskId = taskId;
    return receipt;
}

} // namespace

// The job state machine against a fake server (no network, no dev server): every transition,
// and what a restart over the same database finds.
class TestJobQueue final : public QObject
{
    Q_OBJECT

private:
    // One run of the program: the database, the store and the queue over one profile folder.
    // The shared fixture with this suite's fast timing and its readers of the stored rows.
    struct Run : JobQueueRun
    {
        explicit Run(const QString &folder)
            : JobQueueRun(folder, pngBytes())
        {
            JobQueue::Timing timing;
            timing.pollDelaysMs = {20, 30, 40};
            timing.learnFromRecentJobs = false;
            timing.reconcileDelaysMs = {0, 40, 80};
            timing.retryDelaysMs = {30, 60};
            queue->setTiming(timing);
        }

        QString storedMessage(qint64 id)
        {
            return column(u"SELECT user_message FROM jobs WHERE job_id = ?"_s, id);
        }
        QString galleryError(qint64 id)
        {
            return column(u"SELECT error FROM generated_images WHERE job_id = ?"_s, id);
        }
        QString galleryStatus(qint64 id)
        {
            return column(u"SELECT status FROM generated_images WHERE job_id = ?"_s, id);
        }
        std::optional<HistoryRecord> galleryRecord(qint64 id)
        {
            const qint64 row =
                column(u"SELECT row_id FROM generated_images WHERE job_id = ?"_s, id).toLongLong();
            HistoryStore history(database);
            auto record = history.recordByRowId(row);
            return record ? record.value() : std::nullopt;
        }
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Run> m_run;

    Run &run() { return *m_run; }
    FakeJobBackend &server() { return m_run->server; }

    // Sends a new job and waits for its submission to reach the server.
    qint64 sendJob(const QString &prompt)
    {
        const auto queued = run().queue->enqueue(request(prompt));
        if (!queued)
            return 0;
        const size_t before = server().submissions.size();
        if (!QTest::qWaitFor([&] { return server().submissions.size() > before; }, 5000))
            return 0;
        return queued.value().id;
    }

private Q_SLOTS:
    void initTestCase() { configureImageLimits(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_run = std::make_unique<Run>(m_dir->path());
        QVERIFY(m_run->opened);
        m_run->queue->setAccount(kAccount);
    }

    void cleanup()
    {
        m_run.reset();
        m_dir.reset();
    }

    void queuedSubmittingPendingCompleted()
    {
        QSignalSpy finished(run().queue.get(), &JobQueue::jobFinished);
        QSignalSpy stored(run().queue.get(), &JobQueue::resultStored);
        const auto queued = run().queue->enqueue(request(u"a red fox"_s));
        QVERIFY(queued);
        const qint64 id = queued.value().id;
        QCOMPARE(run().state(id), JobState::Queued);
        QCOMPARE(run().galleryStatus(id), u"pending"_s); // its card, written with the job

        QTRY_COMPARE(server().submissions.size(), size_t(1));
        QCOMPARE(run().state(id), JobState::Submitting);
        QCOMPARE(server().submissions.at(0).request.prompt, u"a red fox"_s);
        server().submissions.at(0).call->answer(asyncReceipt(u"task-1"_s));
        QCOMPARE(run().state(id), JobState::Pending);
        QCOMPARE(run().queue->job(id)->taskId, u"task-1"_s);

        QTRY_COMPARE(server().taskLooks.size(), size_t(1));
        server().taskLooks.at(0).call->answer(
            taskAnswer(u"task-1"_s, TaskStatus::Completed, u"/uploads/fox.png"_s));
        QCOMPARE(run().state(id), JobState::Completed);
        QTRY_COMPARE(stored.size(), 1);
        const auto job = run().queue->job(id);
        QVERIFY(QFileInfo::exists(job->localImagePath));
        QCOMPARE(finished.size(), 1);
        QVERIFY(job->userMessage.isEmpty());
        QCOMPARE(run().galleryStatus(id), u"completed"_s);
        // Stored relative to the profile (schema 8), the job's file once resolved.
        QCOMPARE(ProfilePaths::ofDatabase(run().database.path())
                     .resolve(run().column(
                         u"SELECT local_file FROM generated_images WHERE job_id = ?"_s, id)),
                 job->localImagePath);
        QCOMPARE(server().submissions.size(), size_t(1));
    }

    void synchronousServerCompletesAtOnce()
    {
        const qint64 id = sendJob(u"a blue whale"_s);
        QVERIFY(id);
        SubmitReceipt receipt;
        receipt.imageId = u"aaaaaaaaaaaaaaaaaaaaaaa1"_s;
        receipt.imageUrl = u"/uploads/whale.png"_s;
        server().submissions.at(0).call->answer(receipt);
        QCOMPARE(run().state(id), JobState::Completed);
        QTRY_VERIFY(!run().queue->job(id)->localImagePath.isEmpty());
        QCOMPARE(run().galleryRecord(id)->id, u"aaaaaaaaaaaaaaaaaaaaaaa1"_s);
        QCOMPARE(server().taskLooks.size(), size_t(0));
    }

    void unknownIsReconciled()
    {
        const qint64 id = sendJob(u"a lighthouse at dusk"_s);
        QVERIFY(id);
        server().submissions.at(0).call->answer(ApiError::timedOut(u"example.org"_s));
        QCOMPARE(run().state(id), JobState::Unknown);
        QVERIFY2(run().queue->job(id)->userMessage.contains(u"it will not be sent twice"_s),
                 qPrintable(run().queue->job(id)->userMessage));

        // The first look finds nothing yet; the second finds the record the server made.
        QTRY_COMPARE(server().historyLooks.size(), size_t(1));
        server().historyLooks.at(0).call->answer(pageOf({}));
        QTRY_COMPARE(server().historyLooks.size(), size_t(2));
        server().historyLooks.at(1).call->answer(
            pageOf({serverRecord(u"bbbbbbbbbbbbbbbbbbbbbbb2"_s, {}, ImageStatus::Completed,
                                 u"a lighthouse at dusk"_s, u"/uploads/l.png"_s)}));
        QCOMPARE(run().state(id), JobState::Completed);
        QCOMPARE(run().queue->job(id)->imageId, u"bbbbbbbbbbbbbbbbbbbbbbb2"_s);
        QTRY_VERIFY(!run().queue->job(id)->localImagePath.isEmpty());
        QCOMPARE(server().submissions.size(), size_t(1)); // never sent twice
    }

    void unknownWithoutRecordFailsAsUncharged_data()
    {
        QTest::addColumn<bool>("serverError");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("looks");
        // A 5xx: the server finished with the job, so one look settles it.
        QTest::newRow("server refused") << true << u"jobs.refusedUncharged"_s << 1;
        // The answer broke after the upload began: every look is used up first.
        QTest::newRow("connection broke") << false << u"jobs.neverConfirmedUncharged"_s << 3;
    }

    void unknownWithoutRecordFailsAsUncharged()
    {
        QFETCH(bool, serverError);
        QFETCH(QString, code);
        QFETCH(int, looks);
        const qint64 id = sendJob(u"a teapot"_s);
        QVERIFY(id);
        auto *call = server().submissions.at(0).call.data();
        if (serverError) {
            call->answer(ApiError::serverError(500, u"boom"_s));
        } else {
            Q_EMIT call->progress(1000, 1000); // the upload went out
            call->answer(ApiError::networkFailure(u"example.org"_s));
        }
        QCOMPARE(run().state(id), JobState::Unknown);
        for (int i = 0; i < looks; ++i) {
            QTRY_COMPARE(server().historyLooks.size(), size_t(i + 1));
            server().historyLooks.at(i).call->answer(pageOf({serverRecord(
                u"ccccccccccccccccccccccc3"_s, {}, ImageStatus::Completed, u"another prompt"_s)}));
        }
        QTRY_COMPARE(run().state(id), JobState::Failed);
        QVERIFY(run().queue->job(id)->userMessage.contains(u"nothing was charged"_s));
        QVERIFY(run().storedMessage(id).contains(code));
        QCOMPARE(server().submissions.size(), size_t(1));
        QCOMPARE(server().historyLooks.size(), size_t(looks));
    }

    void cancelBeforeAndAfterSending()
    {
        run().queue->setMaxInFlight(1);
        const qint64 sent = sendJob(u"first"_s);
        QVERIFY(sent);
        const auto waiting = run().queue->enqueue(request(u"second"_s));
        QVERIFY(waiting);
        QVERIFY(run().queue->cancel(waiting.value().id));
        QCOMPARE(run().state(waiting.value().id), JobState::Cancelled);
        QVERIFY(
            run().queue->job(waiting.value().id)->userMessage.contains(u"nothing was charged"_s));

        server().submissions.at(0).call->answer(asyncReceipt(u"task-1"_s));
        QTRY_COMPARE(server().taskLooks.size(), size_t(1));
        QVERIFY(run().queue->cancel(sent));
        QCOMPARE(run().state(sent), JobState::Cancelled);
        QVERIFY(run().queue->job(sent)->userMessage.contains(u"may still finish"_s));
        QCOMPARE(run().storedMessage(sent),
                 UserMessage::of("jobs.cancelledAfterSending").toStorage());
        QCOMPARE(run().galleryStatus(sent), u"failed"_s);
        QTRY_VERIFY(!server().taskLooks.at(0).call); // its look was aborted
        QVERIFY(!QTest::qWaitFor([&] { return server().taskLooks.size() > 1; }, 100));
        QVERIFY(!run().queue->cancel(sent)); // already final
        QCOMPARE(server().submissions.size(), size_t(1));
    }

    void retrySendsTheSameJobAgain()
    {
        const qint64 id = sendJob(u"a snowy owl"_s);
        QVERIFY(id);
        QVERIFY(!run().queue->retry(id)); // not failed
        server().submissions.at(0).call->answer(ApiError::validation(400, u"bad prompt"_s));
        QCOMPARE(run().state(id), JobState::Failed);
        QCOMPARE(run().queue->job(id)->serverMessage, u"bad prompt"_s);

        QVERIFY(run().queue->retry(id));
        QTRY_COMPARE(server().submissions.size(), size_t(2));
        QCOMPARE(server().submissions.at(1).request.prompt, u"a snowy owl"_s);
        const auto job = run().queue->job(id);
        QCOMPARE(job->state, JobState::Submitting);
        QCOMPARE(job->attempts, 2);
        QVERIFY(job->serverMessage.isEmpty());
        QVERIFY(job->userMessage.isEmpty());
    }

    void notSentWaitsThenGoesAgain_data()
    {
        QTest::addColumn<bool>("rateLimited");
        QTest::newRow("no network") << false;
        QTest::newRow("rate limited") << true;
    }

    void notSentWaitsThenGoesAgain()
    {
        QFETCH(bool, rateLimited);
        QSignalSpy notices(run().queue.get(), &JobQueue::noticeChanged);
        const qint64 id = sendJob(u"a quiet harbour"_s);
        QVERIFY(id);
        const ApiError error = rateLimited ? ApiError::rateLimited(429, u"slow down"_s, 0)
                                           : ApiError::networkFailure(u"example.org"_s);
        server().submissions.at(0).call->answer(error);
        QCOMPARE(run().state(id), JobState::Queued);
        QCOMPARE(notices.size(), 1);
        const auto job = run().queue->job(id);
        QCOMPARE(notices.at(0).at(0).toString(), job->userMessage);
        QVERIFY2(job->userMessage.contains(error.userMessage), qPrintable(job->userMessage));
        // Stored as codes: the queue's own, around the error's.
        const auto storedMessage = UserMessage::fromStorage(run().storedMessage(id));
        if (rateLimited)
            QCOMPARE(storedMessage, error.message);
        else
            QCOMPARE(storedMessage.code, u"jobs.waitingForNetwork"_s);
        QTRY_COMPARE_WITH_TIMEOUT(server().submissions.size(), size_t(2), 5000);
    }

    void signedOutKeepsTheJob()
    {
        const qint64 id = sendJob(u"a paper boat"_s);
        QVERIFY(id);
        server().submissions.at(0).call->answer(ApiError::unauthorized(401, u"expired"_s));
        QCOMPARE(run().state(id), JobState::Queued);
        QVERIFY(run().queue->job(id)->userMessage.contains(u"sign in again"_s));
        QVERIFY(!QTest::qWaitFor([&] { return server().submissions.size() > 1; }, 100));
        run().queue->resume();
        QTRY_COMPARE(server().submissions.size(), size_t(2));
    }

    void restartMidStateResumes()
    {
        const qint64 pending = sendJob(u"a pending comet"_s);
        QVERIFY(pending);
        server().submissions.at(0).call->answer(asyncReceipt(u"task-7"_s));
        const qint64 submitting = sendJob(u"a submitting comet"_s);
        QVERIFY(submitting);
        QCOMPARE(run().state(pending), JobState::Pending);
        QCOMPARE(run().state(submitting), JobState::Submitting);

        // The program stops; a new one opens the same database.
        m_run.reset();
        m_run = std::make_unique<Run>(m_dir->path());
        QVERIFY(m_run->opened);
        run().queue->setAccount(kAccount);
        QCOMPARE(run().state(submitting), JobState::Unknown); // never resent blindly
        QVERIFY(
            run().queue->job(submitting)->userMessage.contains(u"before the program stopped"_s));

        QTRY_COMPARE(server().taskLooks.size(), size_t(1));
        QCOMPARE(server().taskLooks.at(0).taskId, u"task-7"_s);
        server().taskLooks.at(0).call->answer(
            taskAnswer(u"task-7"_s, TaskStatus::Completed, u"/uploads/comet.png"_s));
        QTRY_VERIFY(!run().queue->job(pending)->localImagePath.isEmpty());

        QTRY_VERIFY(!server().historyLooks.empty());
        server().historyLooks.at(0).call->answer(
            pageOf({serverRecord(u"ddddddddddddddddddddddd4"_s, {}, ImageStatus::Completed,
                                 u"a submitting comet"_s, u"/uploads/comet2.png"_s)}));
        QCOMPARE(run().state(submitting), JobState::Completed);
        QCOMPARE(server().submissions.size(), size_t(0)); // the new run sent nothing
    }

    void failureSentenceSurvivesRestart()
    {
        const qint64 id = sendJob(u"a forbidden thing"_s);
        QVERIFY(id);
        server().submissions.at(0).call->answer(asyncReceipt(u"task-9"_s));
        QTRY_COMPARE(server().taskLooks.size(), size_t(1));
        server().taskLooks.at(0).call->answer(taskAnswer(u"task-9"_s, TaskStatus::Failed, {},
                                                         u"Content policy violation: weapons"_s));
        QCOMPARE(run().state(id), JobState::Failed);
        const QString sentence = run().queue->job(id)->userMessage;
        QVERIFY2(sentence.startsWith(u"The model refused this prompt"_s), qPrintable(sentence));

        // Stored as a code, in the job's row and in its gallery row, never as English.
        const QString stored = UserMessage::of("jobs.contentPolicy").toStorage();
        QCOMPARE(run().storedMessage(id), stored);
        QCOMPARE(run().galleryError(id), stored);
        QVERIFY(!run().storedMessage(id).contains(u"refused"_s));

        m_run.reset();
        m_run = std::make_unique<Run>(m_dir->path());
        QVERIFY(m_run->opened);
        run().queue->setAccount(kAccount);
        QCOMPARE(run().queue->job(id)->userMessage, sentence);
        QCOMPARE(run().galleryRecord(id)->errorText(), sentence);
    }

    void serverWordsStayTheServers()
    {
        const qint64 id = sendJob(u"a broken vase"_s);
        QVERIFY(id);
        server().submissions.at(0).call->answer(asyncReceipt(u"task-5"_s));
        QTRY_COMPARE(server().taskLooks.size(), size_t(1));
        server().taskLooks.at(0).call->answer(
            taskAnswer(u"task-5"_s, TaskStatus::Failed, {}, u"GPU on fire"_s));
        const auto job = run().queue->job(id);
        QVERIFY(job->userMessage.contains(u"(it said: GPU on fire)"_s));
        QCOMPARE(run().storedMessage(id),
                 UserMessage::of("jobs.serverFailedSaying", {u"GPU on fire"_s}).toStorage());
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
