#include "jobs/jobwriter.h"

#include "history/storagefault.h"
#include "jobs/jobmessages.h"
#include "media/imagestore.h"

#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcJobWriter, "studio.jobs")
} // namespace

JobWriter::JobWriter(JobStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(30000);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        m_holding = false;
        Q_EMIT retryDue();
    });
}

bool JobWriter::save(const Job &job, const StoredImage *image)
{
    if (image ? m_store.storeResult(job, *image) : m_store.update(job)) {
        Q_EMIT jobChanged(job);
        return true;
    }
    qCWarning(lcJobWriter) << "could not save job" << job.id << m_store.lastError();
    failedForStore(job.id);
    // What the database still says, so views never show a state that was not stored.
    if (auto stored = m_store.load(job.id))
        Q_EMIT jobChanged(*stored);
    return false;
}

bool JobWriter::startAttempt(const Job &job)
{
    if (!m_store.resetAttemptProgress(job.id)) {
        failedForStore(job.id);
        return false;
    }
    return save(job);
}

void JobWriter::failed(qint64 jobId, const UserMessage &message)
{
    m_holding = true;
    if (!m_retry.isActive())
        m_retry.start();
    Q_EMIT writeFailed(jobId, message);
}

Result<Job> JobWriter::insert(const QString &accountId, const JobRequest &request)
{
    Job job;
    job.accountId = accountId;
    job.request = request;
    if (!m_store.insert(job))
        return ApiError::make(ApiError::Kind::Local, notSavedProblem(), 0, m_store.lastError());
    return job;
}

std::optional<UserMessage> JobWriter::markHandedOver(qint64 jobId)
{
    if (m_store.setRequestSentAt(jobId, QDateTime::currentDateTimeUtc()))
        return std::nullopt;
    // Sent unmarked, a restart would take the job for one that never left and send it again:
    // a second charge. So it does not leave.
    qCWarning(lcJobWriter) << "could not mark job" << jobId << "sent" << m_store.lastError();
    const UserMessage why = storeProblem();
    failed(jobId, why);
    return why;
}

UserMessage JobWriter::notSavedProblem() const
{
    return m_store.lastFailureWasNoRoom()
               ? JobMessages::said("jobs.diskFullNotSent")
               : JobMessages::said("jobs.saveFailed", {m_store.lastError()});
}

UserMessage JobWriter::storeProblem() const
{
    return m_store.lastFailureWasNoRoom()
               ? StorageFault::diskFullJobKept()
               : JobMessages::said("jobs.saveFailed", {m_store.lastError()});
}
