// ServerOutcome: what the server says became of a job reads alike from a task and a record.
#include "jobs/serveroutcome.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestServerOutcome final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endedTasks()
    {
        const QDateTime at(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC);
        Task done;
        done.status = TaskStatus::Completed;
        done.resultImageUrls = {u"/uploads/a.png"_s, u"/uploads/b.png"_s};
        done.completedAt = at;
        auto outcome = ServerOutcome::ofEndedTask(done);
        QCOMPARE(outcome.kind, ServerOutcome::Kind::Completed);
        QCOMPARE(outcome.imageUrl, u"/uploads/a.png"_s); // element 0 is the result
        QCOMPARE(outcome.completedAt, at);

        done.completedAt = {}; // the server did not say when: when it was learnt
        const auto before = QDateTime::currentDateTimeUtc();
        outcome = ServerOutcome::ofEndedTask(done);
        QVERIFY(outcome.completedAt >= before.addSecs(-1));
        QVERIFY(outcome.completedAt <= QDateTime::currentDateTimeUtc().addSecs(1));

        Task failed;
        failed.status = TaskStatus::Failed;
        failed.error = u"Content policy: رد شد"_s;
        outcome = ServerOutcome::ofEndedTask(failed);
        QCOMPARE(outcome.kind, ServerOutcome::Kind::Failed);
        QCOMPARE(outcome.error, failed.error);
        QVERIFY(outcome.imageUrl.isEmpty());

        Task odd; // an ended task that is neither: not a success
        odd.status = TaskStatus::Processing;
        QCOMPARE(ServerOutcome::ofEndedTask(odd).kind, ServerOutcome::Kind::Failed);
    }

    void records()
    {
        GeneratedImage record;
        record.status = ImageStatus::Pending;
        QCOMPARE(ServerOutcome::ofRecord(record).kind, ServerOutcome::Kind::Working);

        record.status = ImageStatus::Completed;
        record.imageUrl = u"/uploads/c.png"_s;
        record.completedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
        auto outcome = ServerOutcome::ofRecord(record);
        QCOMPARE(outcome.kind, ServerOutcome::Kind::Completed);
        QCOMPARE(outcome.imageUrl, record.imageUrl);
        QCOMPARE(outcome.completedAt, record.completedAt);

        record.status = ImageStatus::Failed;
        record.error = u"quota"_s;
        outcome = ServerOutcome::ofRecord(record);
        QCOMPARE(outcome.kind, ServerOutcome::Kind::Failed);
        QCOMPARE(outcome.error, u"quota"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerOutcome)
#include "tst_serveroutcome.moc"
