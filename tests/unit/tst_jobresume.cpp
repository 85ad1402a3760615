// resumeStep: what an unfinished job needs when a process picks it up. A job whose request
// may have left is never sent again blindly; one that never left whole is sent at once.
#include "jobs/jobresume.h"

#include <QTest>

Q_DECLARE_METATYPE(JobState)
Q_DECLARE_METATYPE(ResumeStep)

class TestJobResume final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steps_data()
    {
        QTest::addColumn<JobState>("state");
        QTest::addColumn<QString>("taskId");
        QTest::addColumn<bool>("wholeRequestLeft");
        QTest::addColumn<ResumeStep>("expected");
        const auto row = [](const char *name, JobState state, const char *task, bool left,
                            ResumeStep step) {
            QTest::newRow(name) << state << QString::fromLatin1(task) << left << step;
        };
        using S = JobState;
        using R = ResumeStep;
        row("queued", S::Queued, "", false, R::Nothing);
        row("queued, marked sent by an old attempt", S::Queued, "", true, R::Nothing);
        row("submitting, request never left whole", S::Submitting, "", false, R::SendAgain);
        row("submitting, request left", S::Submitting, "", true, R::CheckWhetherSent);
        row("submitting with a stale task", S::Submitting, "t1", true, R::CheckWhetherSent);
        row("pending with a task", S::Pending, "t1", true, R::Poll);
        row("pending with a task, no mark (older row)", S::Pending, "t1", false, R::Poll);
        row("pending without a task", S::Pending, "", true, R::Reconcile);
        row("unknown", S::Unknown, "", true, R::Reconcile);
        row("unknown without a mark", S::Unknown, "", false, R::Reconcile);
        row("unknown with a task", S::Unknown, "t1", true, R::Reconcile);
        row("completed", S::Completed, "t1", true, R::Nothing);
        row("failed", S::Failed, "", true, R::Nothing);
        row("cancelled", S::Cancelled, "", false, R::Nothing);
    }

    void steps()
    {
        QFETCH(JobState, state);
        QFETCH(QString, taskId);
        QFETCH(bool, wholeRequestLeft);
        QFETCH(ResumeStep, expected);
        Job job;
        job.state = state;
        job.taskId = taskId;
        QCOMPARE(resumeStep(job, wholeRequestLeft), expected);
    }
};

QTEST_GUILESS_MAIN(TestJobResume)
#include "tst_jobresume.moc"
