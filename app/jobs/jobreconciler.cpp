#include "jobs/jobreconciler.h"

#include "jobs/rearm.h"
#include "jobs/reconcilematch.h"

#include <algorithm>

JobReconciler::JobReconciler(Fetch fetch, QObject *parent)
    : QObject(parent)
    , m_fetch(std::move(fetch))
{ }

JobReconciler::~JobReconciler() = default;

void JobReconciler::setSchedule(QList<int> delaysMs, int windowMs)
{
    m_delaysMs = std::move(delaysMs);
    m_windowMs = windowMs;
}

JobReconciler::Tracked &JobReconciler::tracked(qint64 jobId)
{
    auto &slot = m_jobs[jobId];
    if (!slot)
        slot = std::make_unique<Tracked>();
    return *slot;
}

void JobReconciler::markServerAnswered(qint64 jobId)
{
    tracked(jobId).serverAnswered = true;
}

void JobReconciler::after(Tracked &job, qint64 jobId, int delayMs)
{
    rearm(job.timer, delayMs, this, [this, jobId] { look(jobId); });
    if (m_persistence.save)
        m_persistence.save(jobId, {job.index, job.historyLooks, job.serverAnswered,
                                   QDateTime::currentDateTimeUtc().addMSecs(delayMs)});
}

bool JobReconciler::restore(Tracked &job, qint64 jobId)
{
    if (job.restored)
        return false;
    job.restored = true;
    if (!m_persistence.saved)
        return false;
    const auto saved = m_persistence.saved(jobId);
    if (saved.isEmpty())
        return false;
    job.index = std::max(job.index, saved.step);
    job.historyLooks = std::max(job.historyLooks, saved.historyLooks);
    job.serverAnswered = job.serverAnswered || saved.serverAnswered;
    if (!saved.nextCheckAt.isValid())
        return false;
    const auto wait = QDateTime::currentDateTimeUtc().msecsTo(saved.nextCheckAt);
    after(job, jobId, int(std::clamp<qint64>(wait, 0, qint64(24) * 3600 * 1000)));
    return true;
}

void JobReconciler::schedule(qint64 jobId)
{
    auto &job = tracked(jobId);
    if (restore(job, jobId))
        return;
    if (job.index < m_delaysMs.size() && !(job.serverAnswered && job.index >= 1)) {
        after(job, jobId, m_delaysMs.at(job.index++));
        return;
    }
    if (job.historyLooks == 0) {
        // Whether the server made (and charged for) the image is still unknown: keep asking
        // rather than invite a resend.
        after(job, jobId, m_delaysMs.isEmpty() ? 60000 : qMax(1000, m_delaysMs.last()));
        Q_EMIT historyUnread(jobId);
        return;
    }
    const bool serverAnswered = job.serverAnswered;
    m_jobs.erase(jobId);
    Q_EMIT notMade(jobId, serverAnswered);
}

void JobReconciler::look(qint64 jobId)
{
    if (!m_jobs.count(jobId) || !m_fetch.unknownJob(jobId))
        return;
    auto *call = m_fetch.history();
    tracked(jobId).call = call;
    connect(call, &ApiCallBase::finished, this, [this, jobId, call] {
        const auto it = m_jobs.find(jobId);
        const auto job = m_fetch.unknownJob(jobId);
        if (it == m_jobs.end() || !job)
            return;
        it->second->call = nullptr;
        const auto &result = call->result();
        if (!result) {
            if (result.error().kind == ApiError::Kind::Unauthorized)
                Q_EMIT unauthorized();
            else
                schedule(jobId); // could not look: look again later
            return;
        }
        const auto match =
            matchServerRecord(*job, result.value().images, m_fetch.claimedIds(jobId), m_windowMs);
        if (match) {
            Q_EMIT found(jobId, *match);
            return;
        }
        it->second->historyLooks += 1;
        schedule(jobId);
    });
}

void JobReconciler::forget(qint64 jobId)
{
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        return;
    const QPointer<ApiCallBase> call = it->second->call;
    m_jobs.erase(it);
    if (call)
        call->abort(); // its answer finds the job untracked and is dropped
}

void JobReconciler::clear()
{
    while (!m_jobs.empty())
        forget(m_jobs.begin()->first);
}
