#include "fakejobbackend.h"
#include "jobs/jobsubmitter.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// JobSubmitter: what each answer to a submission means (sent, not sent, outcome unknown,
// refused). Against a fake server; no network.
class TestJobSubmitter final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeJobBackend> m_server;
    std::unique_ptr<JobSubmitter> m_submitter;
    std::optional<ApiError> m_prepareError;

    static Job job(qint64 id, const QStringList &references = {})
    {
        Job j;
        j.id = id;
        j.request.prompt = u"a kite"_s;
        j.request.referencePaths = references;
        return j;
    }

    FakeCall<SubmitReceipt> *sendAndWait(qint64 id)
    {
        const size_t before = m_server->submissions.size();
        m_submitter->submit(job(id));
        if (!QTest::qWaitFor([&] { return m_server->submissions.size() > before; }, 5000))
            return nullptr;
        return m_server->submissions.back().call;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeJobBackend>();
        m_prepareError.reset();
        m_submitter = std::make_unique<JobSubmitter>(
            *m_server, [this](const QStringList &paths) -> Result<QList<UploadFile>> {
                if (m_prepareError)
                    return *m_prepareError;
                QList<UploadFile> files;
                for (const auto &path : paths)
                    files << UploadFile{path, u"image/png"_s, "bytes"};
                return files;
            });
        m_submitter->setRetryDelays({30, 60});
    }

    void cleanup()
    {
        m_submitter.reset();
        m_server.reset();
    }

    void sentJobIsReported()
    {
        QSignalSpy submitted(m_submitter.get(), &JobSubmitter::submitted);
        m_submitter->submit(job(1, {u"/refs/a.png"_s}));
        QTRY_COMPARE(m_server->submissions.size(), size_t(1));
        QCOMPARE(m_server->submissions.at(0).request.prompt, u"a kite"_s);
        SubmitReceipt receipt;
        receipt.taskId = u"task-1"_s;
        m_server->submissions.at(0).call->answer(receipt);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(submitted.at(0).at(0).toLongLong(), 1);
        QCOMPARE(submitted.at(0).at(1).value<SubmitReceipt>().taskId, u"task-1"_s);
    }

    void unreadableReferencesAreRefusedBeforeSending()
    {
        QSignalSpy refused(m_submitter.get(), &JobSubmitter::refused);
        m_prepareError = ApiError::localFile(u"/refs/a.png"_s, u"is not an image"_s);
        m_submitter->submit(job(1, {u"/refs/a.png"_s}));
        QTRY_COMPARE(refused.size(), 1);
        QCOMPARE(m_server->submissions.size(), size_t(0));
    }

    void answers_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<bool>("uploadBegan");
        QTest::addColumn<QString>("outcome"); // notSent, unknown, refused
        QTest::addColumn<int>("delayMs"); // notSent: -1 until a new sign-in
        QTest::addColumn<bool>("serverAnswered"); // unknown
        QTest::addColumn<QString>("code"); // the message's code; empty: the error's own

        QTest::newRow("signed out") << ApiError::unauthorized(401, u"expired"_s) << false
                                    << u"notSent"_s << -1 << false << u"jobs.waitingForSignIn"_s;
        QTest::newRow("rate limited") << ApiError::rateLimited(429, u"slow"_s, 2) << false
                                      << u"notSent"_s << 2000 << false << QString();
        QTest::newRow("rate limited without Retry-After")
            << ApiError::rateLimited(429, u"slow"_s, -1) << false << u"notSent"_s << 1000 << false
            << QString();
        QTest::newRow("no network, nothing uploaded")
            << ApiError::networkFailure(u"example.org"_s) << false << u"notSent"_s << 30 << false
            << u"jobs.waitingForNetwork"_s;
        QTest::newRow("connection broke after the upload")
            << ApiError::networkFailure(u"example.org"_s) << true << u"unknown"_s << 0 << false
            << u"jobs.connectionBrokeChecking"_s;
        QTest::newRow("timeout") << ApiError::timedOut(u"example.org"_s) << false << u"unknown"_s
                                 << 0 << false << u"jobs.answerFailedChecking"_s;
        QTest::newRow("500: the server saw it")
            << ApiError::serverError(500, u"boom"_s) << true << u"unknown"_s << 0 << true
            << u"jobs.answerFailedChecking"_s;
        QTest::newRow("502: a proxy answered")
            << ApiError::serverError(502, u"bad gateway"_s) << true << u"unknown"_s << 0 << false
            << u"jobs.answerFailedChecking"_s;
        QTest::newRow("broken answer")
            << ApiError::badResponse(u"was cut off"_s, 200) << true << u"unknown"_s << 0 << false
            << u"jobs.answerFailedChecking"_s;
        QTest::newRow("validation") << ApiError::validation(400, u"bad"_s) << true << u"refused"_s
                                    << 0 << false << QString();
        QTest::newRow("not enough stars")
            << ApiError::insufficientStars(403, u"INSUFFICIENT_STARS"_s, 10, 0) << false
            << u"refused"_s << 0 << false << QString();
    }

    void answers()
    {
        QFETCH(ApiError, error);
        QFETCH(bool, uploadBegan);
        QFETCH(QString, outcome);
        QFETCH(int, delayMs);
        QFETCH(bool, serverAnswered);
        QFETCH(QString, code);

        QSignalSpy notSent(m_submitter.get(), &JobSubmitter::notSent);
        QSignalSpy unknown(m_submitter.get(), &JobSubmitter::outcomeUnknown);
        QSignalSpy refused(m_submitter.get(), &JobSubmitter::refused);
        auto *call = sendAndWait(7);
        QVERIFY(call);
        if (uploadBegan)
            Q_EMIT call->progress(512, 1024);
        call->answer(error);

        QCOMPARE(notSent.size(), outcome == u"notSent" ? 1 : 0);
        QCOMPARE(unknown.size(), outcome == u"unknown" ? 1 : 0);
        QCOMPARE(refused.size(), outcome == u"refused" ? 1 : 0);
        const auto &args =
            notSent.isEmpty() ? (unknown.isEmpty() ? refused.at(0) : unknown.at(0)) : notSent.at(0);
        QCOMPARE(args.at(0).toLongLong(), 7);
        QCOMPARE(args.at(1).value<ApiError>().kind, error.kind);
        if (outcome == u"refused")
            return;
        const auto message = args.at(2).value<UserMessage>();
        QCOMPARE(message.code, code.isEmpty() ? error.message.code : code);
        if (outcome == u"notSent") {
            QCOMPARE(args.at(3).toInt(), delayMs);
            QCOMPARE(m_submitter->isWaiting(7), delayMs >= 0);
        } else {
            QCOMPARE(args.at(3).toBool(), serverAnswered);
            QVERIFY(!m_submitter->isWaiting(7));
        }
    }

    void networkBackoffGrowsAndEnds()
    {
        QSignalSpy notSent(m_submitter.get(), &JobSubmitter::notSent);
        QSignalSpy waitOver(m_submitter.get(), &JobSubmitter::waitOver);
        for (int expected : {30, 60, 60}) {
            auto *call = sendAndWait(3);
            QVERIFY(call);
            call->answer(ApiError::networkFailure(u"example.org"_s));
            QCOMPARE(notSent.last().at(3).toInt(), expected);
            QVERIFY(m_submitter->isWaiting(3));
            QTRY_COMPARE(waitOver.size(), int(notSent.size()));
            QVERIFY(!m_submitter->isWaiting(3));
        }
        // A success starts the backoff over.
        auto *call = sendAndWait(3);
        call->answer(SubmitReceipt{});
        call = sendAndWait(3);
        call->answer(ApiError::networkFailure(u"example.org"_s));
        QCOMPARE(notSent.last().at(3).toInt(), 30);
    }

    void forgottenJobIsNotSent()
    {
        QSignalSpy refused(m_submitter.get(), &JobSubmitter::refused);
        QSignalSpy submitted(m_submitter.get(), &JobSubmitter::submitted);
        auto *call = sendAndWait(5);
        QVERIFY(call);
        m_submitter->forget(5); // its call is aborted and its answer dropped
        QTRY_VERIFY(!m_server->submissions.at(0).call);
        QCOMPARE(refused.size(), 0);
        QCOMPARE(submitted.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobSubmitter)
#include "tst_jobsubmitter.moc"
