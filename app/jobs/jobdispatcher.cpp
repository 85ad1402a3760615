#include "jobs/jobdispatcher.h"

#include "jobs/jobsubmitter.h"
#include "jobs/jobwriter.h"

#include <algorithm>

JobDispatcher::JobDispatcher(JobWriter &writer, JobSubmitter &submitter)
    : m_writer(writer)
    , m_submitter(submitter)
{ }

void JobDispatcher::dispatch(const QList<Job> &unfinished)
{
    if (m_paused || m_writer.isHolding())
        return;
    int running = inFlight(unfinished);
    // Oldest first: the list is newest first. A job waiting out a retry delay stays queued.
    for (auto it = unfinished.crbegin(); it != unfinished.crend() && running < m_maxInFlight;
         ++it) {
        if (it->state != JobState::Queued || m_submitter.isWaiting(it->id))
            continue;
        Job sending = *it;
        sending.state = JobState::Submitting;
        sending.attempts += 1;
        sending.submittedAt = QDateTime::currentDateTimeUtc();
        sending.clearMessage();
        // Nothing is sent whose row does not say so: a job sent while its row still said
        // `queued` would be sent again after a restart, and charged twice.
        if (!m_writer.startAttempt(sending))
            return;
        m_submitter.submit(sending);
        ++running;
    }
}

int JobDispatcher::inFlight(const QList<Job> &jobs)
{
    return int(std::count_if(jobs.cbegin(), jobs.cend(),
                             [](const Job &job) { return isInFlight(job.state); }));
}
