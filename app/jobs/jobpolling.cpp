// JobQueue's polling of pending (asynchronous) jobs. Each job keeps its own backoff
// (Timing::pollDelaysMs, or a first look timed from how long this account's recent jobs took);
// one timer serves every job. When several jobs come due together they share one request:
// the server records every job in the history from the moment it is submitted, so the
// newest page of GET /images answers for all of them. A job missing from that page, or a job
// due alone, asks GET /task/:id.
#include "jobs/jobqueue.h"
#include "jobs/jobqueueactive.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QLoggingCategory>

#include <algorithm>

namespace {
Q_LOGGING_CATEGORY(lcPoll, "studio.jobs.poll")

qint64 steadyNowMs()
{
    return QDeadlineTimer::current().deadline();
}

// The history page that answers for `jobs` pending jobs: they are among the newest records,
// with room for records other devices added meanwhile.
int sharedPageSize(qsizetype jobs)
{
    return int(qBound(qsizetype(20), jobs * 2 + 10, qsizetype(100)));
}

} // namespace

int JobQueue::pollDelayMs(int index) const
{
    const auto &delays = m_timing.pollDelaysMs;
    const int fallback = delays.isEmpty() ? 30000 : delays.last();
    if (m_timing.learnFromRecentJobs && m_typicalMs > 0) {
        // Most of the usual time first, then the rest of it, then the ordinary backoff.
        if (index == 0)
            return int(m_typicalMs * 8 / 10);
        if (index == 1)
            return int(qMax<qint64>(m_typicalMs / 4, delays.value(0, fallback)));
        return delays.value(qMin(index - 1, int(delays.size()) - 1), fallback);
    }
    return delays.value(qMin(index, int(delays.size()) - 1), fallback);
}

void JobQueue::learnTypicalDuration()
{
    // Jobs that were polled (they have a task) and completed: submit to result, newest 20.
    QList<qint64> durations;
    for (const auto &job : m_store.list(m_accountId, false, 60)) {
        if (job.state != JobState::Completed || job.taskId.isEmpty() || !job.submittedAt.isValid()
            || !job.completedAt.isValid())
            continue;
        const qint64 ms = job.submittedAt.msecsTo(job.completedAt);
        // Clocks differ (the result time is the server's): keep what is plausible.
        if (ms >= 1000 && ms <= 10 * 60 * 1000)
            durations << ms;
        if (durations.size() == 20)
            break;
    }
    if (durations.size() < 3) {
        m_typicalMs = 0;
        return;
    }
    std::sort(durations.begin(), durations.end());
    m_typicalMs = durations.at(durations.size() / 2);
}

void JobQueue::schedulePoll(qint64 jobId)
{
    auto &a = active(jobId);
    const int delay = pollDelayMs(a.pollIndex);
    a.pollIndex += 1;
    a.pollDelayMs = delay;
    a.pollDueMs = steadyNowMs() + delay;
    m_pollWaiting.insert(jobId);
    armPollTimer();
}

void JobQueue::armPollTimer()
{
    qint64 earliest = -1;
    for (const qint64 jobId : std::as_const(m_pollWaiting)) {
        const auto it = m_active.find(jobId);
        if (it == m_active.end())
            continue;
        if (earliest < 0 || it->second->pollDueMs < earliest)
            earliest = it->second->pollDueMs;
    }
    if (earliest < 0 || m_paused) {
        m_pollTimer.stop();
        return;
    }
    m_pollTimer.start(int(qMax<qint64>(0, earliest - steadyNowMs())));
}

void JobQueue::pollRound()
{
    if (m_paused)
        return; // resume() arms the timer again
    const qint64 now = steadyNowMs();
    QList<qint64> due;
    for (auto it = m_pollWaiting.begin(); it != m_pollWaiting.end();) {
        const auto a = m_active.find(*it);
        if (a == m_active.end()) {
            it = m_pollWaiting.erase(it);
            continue;
        }
        // Due, or within half its own delay of being due: looking a little early costs
        // nothing when the request is shared anyway.
        if (a->second->pollDueMs <= now + a->second->pollDelayMs / 2) {
            a->second->pollDueMs = 0;
            due << *it;
            it = m_pollWaiting.erase(it);
        } else {
            ++it;
        }
    }
    std::sort(due.begin(), due.end());
    if (due.size() == 1)
        poll(due.first());
    else if (due.size() > 1)
        pollTogether(due);
    armPollTimer();
}

void JobQueue::poll(qint64 jobId)
{
    auto tracked = current(jobId);
    if (!tracked || tracked->state != JobState::Pending || m_paused)
        return;
    auto *call = m_client.fetchTask(tracked->taskId);
    active(jobId).call = call;
    connect(call, &ApiCallBase::finished, this, [this, jobId, call] {
        auto job = current(jobId);
        if (!job || job->state != JobState::Pending)
            return;
        active(jobId).call = nullptr;
        const auto &result = call->result();
        if (!result) {
            const auto &error = result.error();
            if (error.kind == ApiError::Kind::Unauthorized) {
                pause();
                return;
            }
            if (error.kind == ApiError::Kind::NotFound) {
                // The task vanished (or the server is of the synchronous flavour after all).
                job->state = JobState::Unknown;
                save(*job);
                scheduleReconcile(jobId);
                return;
            }
            if (error.kind == ApiError::Kind::Cancelled)
                return;
            job->userMessage = error.userMessage;
            save(*job);
            schedulePoll(jobId);
            return;
        }
        applyTask(jobId, result.value());
    });
}

void JobQueue::applyTask(qint64 jobId, const Task &task)
{
    auto job = current(jobId);
    if (!job)
        return;
    switch (task.status) {
    case TaskStatus::Completed:
        job->imageUrl = task.resultImageUrls.value(0);
        job->completedAt =
            task.completedAt.isValid() ? task.completedAt : QDateTime::currentDateTimeUtc();
        job->state = JobState::Completed;
        job->userMessage.clear();
        save(*job);
        learnTypicalDuration();
        Q_EMIT balanceMayHaveChanged();
        startDownload(jobId);
        pump();
        return;
    case TaskStatus::Failed:
        forget(jobId);
        job->serverMessage = task.error;
        job->errorKind = ApiError::kindName(ApiError::Kind::ServerError);
        job->userMessage = JobQueueDetail::taskFailureSentence(task.error);
        job->completedAt = QDateTime::currentDateTimeUtc();
        finishJob(*job, JobState::Failed);
        pump();
        return;
    case TaskStatus::Pending:
    case TaskStatus::Processing:
        schedulePoll(jobId);
        return;
    }
}

void JobQueue::pollTogether(const QList<qint64> &jobIds)
{
    if (m_sharedPoll) {
        // The previous shared look is still on its way (a slow server): wait for it.
        for (const qint64 jobId : jobIds)
            schedulePoll(jobId);
        return;
    }
    qsizetype pending = 0;
    for (const auto &job : jobs(true))
        pending += job.state == JobState::Pending ? 1 : 0;
    auto *call = m_client.fetchImages(sharedPageSize(qMax(pending, jobIds.size())), 0);
    m_sharedPoll = call;
    qCDebug(lcPoll) << "one history page for" << jobIds.size() << "pending jobs";
    connect(call, &ApiCallBase::finished, this, [this, jobIds, call] {
        const auto &result = call->result();
        if (!result) {
            if (result.error().kind == ApiError::Kind::Unauthorized) {
                pause();
                return;
            }
            if (result.error().kind == ApiError::Kind::Cancelled)
                return;
            for (const qint64 jobId : jobIds)
                if (auto job = current(jobId); job && job->state == JobState::Pending)
                    schedulePoll(jobId);
            return;
        }
        QHash<QString, const GeneratedImage *> byTask;
        for (const auto &record : result.value().images)
            if (!record.taskId.isEmpty())
                byTask.insert(record.taskId, &record);
        for (const qint64 jobId : jobIds) {
            auto job = current(jobId);
            if (!job || job->state != JobState::Pending)
                continue; // cancelled or finished meanwhile
            const GeneratedImage *record = byTask.value(job->taskId);
            if (!record) {
                poll(jobId); // older than the page, or not listed: ask its task
                continue;
            }
            if (record->status == ImageStatus::Pending) {
                schedulePoll(jobId);
                continue;
            }
            Task task;
            task.taskId = job->taskId;
            task.status = record->status == ImageStatus::Completed ? TaskStatus::Completed
                                                                   : TaskStatus::Failed;
            if (!record->imageUrl.isEmpty())
                task.resultImageUrls << record->imageUrl;
            task.error = record->error;
            task.completedAt = record->completedAt;
            if (job->imageId.isEmpty()) {
                job->imageId = record->id;
                save(*job);
            }
            applyTask(jobId, task);
        }
    });
}
