#pragma once

#include "domain/job.h"

#include <QList>

class JobSubmitter;
class JobWriter;

// Starts queued jobs, oldest first, while fewer than `maxInFlight` are sent and unsettled; none
// while paused or while the last write failed. Each is written `submitting` before it is sent.
class JobDispatcher final
{
public:
    JobDispatcher(JobWriter &writer, JobSubmitter &submitter);

    void setMaxInFlight(int jobs) { m_maxInFlight = qMax(1, jobs); }
    void setPaused(bool paused) { m_paused = paused; }
    // Sends what may go now of `unfinished` (newest first, as JobStore lists them).
    void dispatch(const QList<Job> &unfinished);
    // How many of `jobs` are sent and not settled.
    static int inFlight(const QList<Job> &jobs);

private:
    JobWriter &m_writer;
    JobSubmitter &m_submitter;
    int m_maxInFlight = 2;
    bool m_paused = false;
};
