#include "jobs/jobresume.h"

ResumeStep resumeStep(const Job &job, bool wholeRequestLeft)
{
    switch (job.state) {
    case JobState::Submitting:
        // Never sent blindly once it may have left: that could be a second charge.
        return wholeRequestLeft ? ResumeStep::CheckWhetherSent : ResumeStep::SendAgain;
    case JobState::Pending:
        return job.taskId.isEmpty() ? ResumeStep::Reconcile : ResumeStep::Poll;
    case JobState::Unknown:
        return ResumeStep::Reconcile;
    case JobState::Queued:
    case JobState::Completed:
    case JobState::Failed:
    case JobState::Cancelled:
        break;
    }
    return ResumeStep::Nothing;
}
