// When several jobs come due together they share one request: the server records every job
// in the history from the moment it is submitted, so the newest page of GET /images answers
// for all of them. A job missing from that page, or a job due alone, asks GET /task/:id.
#include "jobs/jobpoller.h"

#include <QDeadlineTimer>
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

JobPoller::JobPoller(Fetch fetch, QObject *parent)
    : QObject(parent)
    , m_fetch(std::move(fetch))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobPoller::round);
}

void JobPoller::setSchedule(QList<int> delaysMs, bool learnFromRecentJobs)
{
    m_delaysMs = std::move(delaysMs);
    m_learn = learnFromRecentJobs;
}

void JobPoller::learnFrom(const QList<Job> &recentJobs)
{
    // Jobs that were polled (they have a task) and completed: submit to result, newest 20.
    QList<qint64> durations;
    for (const auto &job : recentJobs) {
        if (job.state != JobState::Completed || job.taskId.isEmpty() || !job.submittedAt.isValid()
            || !job.completedAt.isValid())
            continue;
        const qint64 ms = job.submittedAt.msecsTo(job.completedAt);
        // Clocks differ (the result time is the server's): keep what is plausible.
        if (ms >= 1000 && ms <= qint64(10) * 60 * 1000)
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

int JobPoller::delayMs(int index) const
{
    const int fallback = m_delaysMs.isEmpty() ? 30000 : m_delaysMs.last();
    const int last = int(m_delaysMs.size()) - 1;
    if (m_learn && m_typicalMs > 0) {
        // Most of the usual time first, then the rest of it, then the ordinary backoff.
        if (index == 0)
            return int(m_typicalMs * 8 / 10);
        if (index == 1)
            return int(qMax<qint64>(m_typicalMs / 4, m_delaysMs.value(0, fallback)));
        return m_delaysMs.value(qMin(index - 1, last), fallback);
    }
    return m_delaysMs.value(qMin(index, last), fallback);
}

void JobPoller::schedule(qint64 jobId, const QString &taskId, bool fromStart)
{
    auto &job = m_jobs[jobId];
    job.taskId = taskId;
    if (fromStart)
        job.index = 0;
    const int delay = delayMs(job.index);
    job.index += 1;
    job.delayMs = delay;
    job.dueMs = steadyNowMs() + delay;
    arm();
}

bool JobPoller::isWaiting(qint64 jobId) const
{
    const auto it = m_jobs.constFind(jobId);
    return it != m_jobs.cend() && (it->dueMs > 0 || it->call);
}

void JobPoller::forget(qint64 jobId)
{
    const QPointer<ApiCallBase> call = m_jobs.take(jobId).call;
    if (call)
        call->abort(); // its answer finds the job untracked and is dropped
}

void JobPoller::clear()
{
    const auto jobs = m_jobs.keys();
    for (const qint64 jobId : jobs)
        forget(jobId);
    m_timer.stop();
    if (m_sharedLook)
        m_sharedLook->abort();
    m_typicalMs = 0;
}

void JobPoller::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        arm();
}

void JobPoller::resume(const QList<Job> &jobs)
{
    for (const auto &job : jobs)
        if (job.state == JobState::Pending && !job.taskId.isEmpty() && !isWaiting(job.id))
            schedule(job.id, job.taskId);
    setPaused(false);
}

void JobPoller::arm()
{
    qint64 earliest = -1;
    for (const auto &job : std::as_const(m_jobs))
        if (job.dueMs > 0 && (earliest < 0 || job.dueMs < earliest))
            earliest = job.dueMs;
    if (earliest < 0 || m_paused) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(qMax<qint64>(0, earliest - steadyNowMs())));
}

void JobPoller::round()
{
    if (m_paused)
        return; // setPaused(false) arms the timer again
    const qint64 now = steadyNowMs();
    QList<qint64> due;
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        // Due, or within half its own delay of being due: looking a little early costs
        // nothing when the request is shared anyway.
        if (it->dueMs > 0 && it->dueMs <= now + it->delayMs / 2) {
            it->dueMs = 0;
            due << it.key();
        }
    }
    std::sort(due.begin(), due.end());
    if (due.size() == 1)
        look(due.first());
    else if (due.size() > 1)
        lookTogether(due);
    arm();
}

void JobPoller::look(qint64 jobId)
{
    const auto job = m_jobs.find(jobId);
    if (job == m_jobs.end() || m_paused)
        return;
    auto *call = m_fetch.task(job->taskId);
    job->call = call;
    connect(call, &ApiCallBase::finished, this, [this, jobId, call] {
        const auto it = m_jobs.find(jobId);
        if (it == m_jobs.end())
            return;
        it->call = nullptr;
        const auto &result = call->result();
        if (result) {
            answered(jobId, result.value(), {});
            return;
        }
        const auto &error = result.error();
        switch (error.kind) {
        case ApiError::Kind::Unauthorized:
            Q_EMIT unauthorized();
            return;
        case ApiError::Kind::NotFound:
            // The task vanished (or the server is of the synchronous flavour after all).
            m_jobs.erase(it);
            Q_EMIT taskMissing(jobId);
            return;
        case ApiError::Kind::Cancelled:
            return;
        default:
            schedule(jobId, it->taskId);
            Q_EMIT lookFailed(jobId, error);
            return;
        }
    });
}

void JobPoller::answered(qint64 jobId, const Task &task, const QString &imageId)
{
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        return;
    if (task.status == TaskStatus::Pending || task.status == TaskStatus::Processing) {
        schedule(jobId, it->taskId);
        return;
    }
    m_jobs.erase(it);
    Q_EMIT taskEnded(jobId, task, imageId);
}

void JobPoller::lookTogether(const QList<qint64> &jobIds)
{
    if (m_sharedLook) {
        // The previous shared look is still on its way (a slow server): wait for it.
        for (const qint64 jobId : jobIds)
            schedule(jobId, m_jobs.value(jobId).taskId);
        return;
    }
    auto *call = m_fetch.history(sharedPageSize(qMax(m_jobs.size(), jobIds.size())));
    m_sharedLook = call;
    qCDebug(lcPoll) << "one history page for" << jobIds.size() << "pending jobs";
    connect(call, &ApiCallBase::finished, this, [this, jobIds, call] {
        const auto &result = call->result();
        if (!result) {
            if (result.error().kind == ApiError::Kind::Unauthorized) {
                Q_EMIT unauthorized();
                return;
            }
            if (result.error().kind == ApiError::Kind::Cancelled)
                return;
            for (const qint64 jobId : jobIds)
                if (m_jobs.contains(jobId))
                    schedule(jobId, m_jobs.value(jobId).taskId);
            return;
        }
        QHash<QString, const GeneratedImage *> byTask;
        for (const auto &record : result.value().images)
            if (!record.taskId.isEmpty())
                byTask.insert(record.taskId, &record);
        for (const qint64 jobId : jobIds) {
            const auto it = m_jobs.constFind(jobId);
            if (it == m_jobs.cend())
                continue; // cancelled or finished meanwhile
            const GeneratedImage *record = byTask.value(it->taskId);
            if (!record) {
                look(jobId); // older than the page, or not listed: ask its task
                continue;
            }
            Task task;
            task.taskId = it->taskId;
            task.status = record->status == ImageStatus::Completed ? TaskStatus::Completed
                          : record->status == ImageStatus::Failed  ? TaskStatus::Failed
                                                                   : TaskStatus::Pending;
            if (!record->imageUrl.isEmpty())
                task.resultImageUrls << record->imageUrl;
            task.error = record->error;
            task.completedAt = record->completedAt;
            answered(jobId, task, record->status == ImageStatus::Pending ? QString() : record->id);
        }
    });
}
