#include "jobs/jobqueue.h"

#include "backend/referencepreparer.h"
#include "domain/jobrequestcheck.h"
#include "jobs/jobmessages.h"
#include "jobs/maskedit.h"
#include "media/referencecopy.h"

#include <QLoggingCategory>

using namespace JobMessages;

namespace {
Q_LOGGING_CATEGORY(lcJobs, "studio.jobs")
} // namespace

JobQueue::JobQueue(JobStore &store, JobBackend &backend, ImageDownloader &downloader,
                   QString referencesDir, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_referencesDir(std::move(referencesDir))
    , m_submitter(backend, std::move(hooks.prepareReferences))
    , m_poller({[&backend](const QString &taskId) { return backend.fetchTask(taskId); },
                [&backend](int limit) { return backend.fetchImages(limit, 0); }})
    , m_reconciler({[&backend] { return backend.fetchImages(100, 0); },
                    [this](qint64 jobId) { return current(jobId, JobState::Unknown); },
                    [this](qint64 jobId) { return m_store.claimedIds(m_accountId, jobId); }})
    , m_downloads(downloader,
                  [&backend](const QString &url) { return backend.resolveImageUrl(url); })
    , m_writer(store)
{
    setTiming({});
    connect(&m_writer, &JobWriter::jobChanged, this, &JobQueue::jobChanged);
    connect(&m_writer, &JobWriter::retryDue, this, &JobQueue::retryStorage);
    connect(&m_writer, &JobWriter::writeFailed, this, &JobQueue::writeFailed);
    connect(&m_writer, &JobWriter::writeFailed, this,
            [this](qint64, const UserMessage &message) { Q_EMIT noticeChanged(message.text()); });
    m_reconciler.setPersistence({[this](qint64 jobId) { return m_store.reconcileSchedule(jobId); },
                                 [this](qint64 jobId, const ReconcileSchedule &schedule) {
                                     m_store.saveReconcileSchedule(jobId, schedule);
                                 }});
    m_submitter.setPrepareWithin(hooks.prepareReferencesWithin
                                     ? std::move(hooks.prepareReferencesWithin)
                                     : [](const QStringList &paths, qint64 totalBytes) {
                                           return ReferencePreparer::prepareAll(paths, totalBytes);
                                       });
    // Written before the last bytes leave: a job killed without it never reached the server.
    connect(&m_submitter, &JobSubmitter::handedOver, &m_writer, &JobWriter::markHandedOver);
    connect(&m_submitter, &JobSubmitter::resendingSmaller, this,
            [this](qint64 jobId, const UserMessage &message) {
                m_store.setRequestSentAt(jobId, {}); // a 413: the server never saw it
                tell(jobId, JobState::Submitting, message);
                Q_EMIT noticeChanged(message.text());
            });
    connect(&m_submitter, &JobSubmitter::submitted, this, &JobQueue::onSubmitted);
    connect(&m_submitter, &JobSubmitter::notSent, this, &JobQueue::onNotSent);
    connect(&m_submitter, &JobSubmitter::outcomeUnknown, this, &JobQueue::onOutcomeUnknown);
    connect(&m_submitter, &JobSubmitter::waitOver, this, &JobQueue::pump);
    connect(&m_submitter, &JobSubmitter::refused, this,
            [this](qint64 jobId, const ApiError &e) { fail(jobId, JobState::Submitting, e); });
    connect(&m_poller, &JobPoller::taskEnded, this, &JobQueue::onTaskEnded);
    connect(&m_poller, &JobPoller::unauthorized, this, &JobQueue::pause);
    connect(&m_poller, &JobPoller::taskMissing, this, [this](qint64 jobId) {
        // The task vanished (or the server is of the synchronous flavour after all).
        if (auto job = current(jobId, JobState::Pending)) {
            job->state = JobState::Unknown;
            m_writer.save(*job);
            m_reconciler.schedule(jobId);
        }
    });
    connect(&m_poller, &JobPoller::lookFailed, this, [this](qint64 jobId, const ApiError &e) {
        tell(jobId, JobState::Pending, fromError(e));
    });
    connect(&m_reconciler, &JobReconciler::found, this, &JobQueue::onServerRecord);
    connect(&m_reconciler, &JobReconciler::unauthorized, this, &JobQueue::pause);
    connect(&m_reconciler, &JobReconciler::historyUnread, this, [this](qint64 jobId) {
        tell(jobId, JobState::Unknown, said("jobs.historyNotReadYet"));
    });
    connect(&m_reconciler, &JobReconciler::notMade, this, [this](qint64 jobId, bool answered) {
        auto error = ApiError::make(
            ApiError::Kind::ServerError,
            said(answered ? "jobs.refusedUncharged" : "jobs.neverConfirmedUncharged"));
        if (auto job = current(jobId))
            error.serverMessage = job->serverMessage;
        fail(jobId, JobState::Unknown, error);
    });
    connect(&m_downloads, &ResultDownloads::stored, this, &JobQueue::onResultStored);
    connect(&m_downloads, &ResultDownloads::failed, this, &JobQueue::onResultFailed);
    connect(&m_brushEdits, &MaskEditFinisher::combined, this,
            [this](const Job &done, const StoredImage &shown) {
                if (auto job = current(done.id, JobState::Completed)) {
                    job->serverImagePath = done.serverImagePath;
                    storeResult(*job, shown);
                }
            });
}

void JobQueue::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_submitter.clear();
    m_poller.clear();
    m_reconciler.clear();
    m_downloads.clear();
    m_accountId = accountId;
    if (m_accountId.isEmpty())
        return;
    m_poller.learnFrom(m_store.list(m_accountId, false, 60));
    // Resume what an earlier run left: nothing the user submitted is lost.
    for (auto job : m_store.list(m_accountId, /*unfinishedOnly=*/true)) {
        if (job.state == JobState::Submitting && !m_store.requestSentAt(job.id).isValid()) {
            // Stopped before the request's last byte was handed over: the server never had
            // it whole, so it is sent again at once, without reconciling.
            job.state = JobState::Queued;
            job.setMessage(said("jobs.resentAfterRestart"));
            m_writer.save(job);
            continue;
        }
        if (job.state == JobState::Submitting) {
            // The upload may or may not have reached the server: never resend blindly.
            job.state = JobState::Unknown;
            job.setMessage(said("jobs.checkingAfterRestart"));
            m_writer.save(job);
        }
        if (job.state == JobState::Pending && !job.taskId.isEmpty())
            m_poller.schedule(job.id, job.taskId);
        else if (job.state == JobState::Pending || job.state == JobState::Unknown)
            m_reconciler.schedule(job.id);
    }
    // "Completed, not saved yet": a result the disk had no room for, or a download cut short.
    for (const auto &job : m_store.unsavedResults(m_accountId))
        m_downloads.fetch(job.id, job.imageUrl);
    pump();
}

void JobQueue::setMaxInFlight(int jobs)
{
    m_maxInFlight = qMax(1, jobs);
    pump();
}

void JobQueue::setTiming(const Timing &timing)
{
    m_submitter.setRetryDelays(timing.retryDelaysMs);
    m_poller.setSchedule(timing.pollDelaysMs, timing.learnFromRecentJobs);
    m_reconciler.setSchedule(timing.reconcileDelaysMs, timing.reconcileWindowMs);
}

void JobQueue::pause()
{
    m_paused = true;
    m_poller.setPaused(true);
}

void JobQueue::resume()
{
    m_paused = false;
    m_poller.resume(jobs(true));
    pump();
}

QList<Job> JobQueue::jobs(bool unfinishedOnly) const
{
    return m_accountId.isEmpty() ? QList<Job>{} : m_store.list(m_accountId, unfinishedOnly);
}

int JobQueue::inFlight() const
{
    const auto all = jobs(true);
    return int(std::count_if(all.cbegin(), all.cend(),
                             [](const Job &job) { return isInFlight(job.state); }));
}

Result<Job> JobQueue::enqueue(const JobRequest &request)
{
    if (m_accountId.isEmpty())
        return ApiError::make(ApiError::Kind::Unauthorized, said("jobs.signInFirst"));
    if (auto invalid = checkJobRequest(request))
        return *invalid;
    auto copies = copyReferencesIntoProfile(request.referencePaths, m_referencesDir);
    if (!copies)
        return copies.error();
    Job job;
    job.accountId = m_accountId;
    job.request = request;
    job.request.referencePaths = copies.value();
    auto mask = MaskEdit::copyMaskIntoProfile(request.maskPath, m_referencesDir);
    if (!mask)
        return mask.error();
    job.request.maskPath = mask.value();
    if (!m_store.insert(job))
        return ApiError::make(ApiError::Kind::Local, m_writer.notSavedProblem(), 0,
                              m_store.lastError());
    Q_EMIT jobAdded(job);
    QTimer::singleShot(0, this, [this] { pump(); });
    return job;
}

bool JobQueue::cancel(qint64 jobId)
{
    auto job = current(jobId);
    if (!job || isFinal(job->state))
        return false;
    forget(jobId); // aborts whatever call the job has on its way
    job->setMessage(said(job->state == JobState::Queued ? "jobs.cancelledBeforeSending"
                                                        : "jobs.cancelledAfterSending"));
    finishJob(*job, JobState::Cancelled);
    pump();
    return true;
}

bool JobQueue::retry(qint64 jobId)
{
    auto job = current(jobId);
    if (!job || (job->state != JobState::Failed && job->state != JobState::Cancelled))
        return false;
    forget(jobId);
    job->startOver();
    m_writer.save(*job);
    pump();
    return true;
}

void JobQueue::pump()
{
    if (m_paused || m_writer.isHolding() || m_accountId.isEmpty())
        return;
    int running = inFlight();
    const auto all = jobs(true);
    // Oldest first: the list is newest first. A job waiting out a retry delay stays queued.
    for (auto it = all.crbegin(); it != all.crend() && running < m_maxInFlight; ++it) {
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

void JobQueue::onSubmitted(qint64 jobId, const SubmitReceipt &receipt)
{
    auto job = current(jobId, JobState::Submitting);
    if (!job)
        return;
    job->errorKind.clear();
    job->serverMessage.clear();
    if (receipt.isAsync()) {
        job->taskId = receipt.taskId;
        job->state = JobState::Pending;
        m_writer.save(*job);
        m_poller.schedule(jobId, job->taskId);
    } else {
        job->imageId = receipt.imageId;
        markCompleted(*job, receipt.imageUrl, QDateTime::currentDateTimeUtc());
    }
    pump();
}

void JobQueue::onNotSent(qint64 jobId, const ApiError &error, const UserMessage &message,
                         int delayMs)
{
    auto job = current(jobId, JobState::Submitting);
    if (!job)
        return;
    job->state = JobState::Queued;
    job->setMessage(message);
    job->errorKind = ApiError::kindName(error.kind);
    job->serverMessage = error.serverMessage;
    m_writer.save(*job);
    if (delayMs < 0) {
        // Signed out: wait for a new sign-in, keep the job.
        forget(jobId);
        pause();
        return;
    }
    Q_EMIT noticeChanged(job->userMessage);
    pump();
}

void JobQueue::onOutcomeUnknown(qint64 jobId, const ApiError &error, const UserMessage &message,
                                bool serverAnswered)
{
    auto job = current(jobId, JobState::Submitting);
    if (!job)
        return;
    // The server may have received the job: find out before anything else happens.
    job->errorKind = ApiError::kindName(error.kind);
    job->serverMessage = error.serverMessage;
    job->state = JobState::Unknown;
    job->setMessage(message);
    m_writer.save(*job);
    if (serverAnswered)
        m_reconciler.markServerAnswered(jobId);
    m_reconciler.schedule(jobId);
}

void JobQueue::onTaskEnded(qint64 jobId, const Task &task, const QString &imageId)
{
    auto job = current(jobId, JobState::Pending);
    if (!job)
        return;
    if (job->imageId.isEmpty())
        job->imageId = imageId;
    if (task.status == TaskStatus::Completed) {
        job->clearMessage();
        markCompleted(*job, task.resultImageUrls.value(0),
                      task.completedAt.isValid() ? task.completedAt
                                                 : QDateTime::currentDateTimeUtc());
        m_poller.learnFrom(m_store.list(m_accountId, false, 60));
    } else {
        forget(jobId);
        job->serverMessage = task.error;
        job->errorKind = ApiError::kindName(ApiError::Kind::ServerError);
        job->setMessage(taskFailure(task.error));
        finishJob(*job, JobState::Failed);
    }
    pump();
}

void JobQueue::onServerRecord(qint64 jobId, const GeneratedImage &record)
{
    auto job = current(jobId);
    if (!job)
        return;
    qCInfo(lcJobs) << "job" << jobId << "matched server record" << record.id;
    job->imageId = record.id;
    if (!record.taskId.isEmpty())
        job->taskId = record.taskId;
    job->clearMessage();
    if (record.status == ImageStatus::Completed) {
        m_reconciler.forget(jobId);
        markCompleted(*job, record.imageUrl,
                      record.completedAt.isValid() ? record.completedAt
                                                   : QDateTime::currentDateTimeUtc());
    } else if (record.status == ImageStatus::Failed) {
        forget(jobId);
        job->serverMessage = record.error;
        job->setMessage(taskFailure(record.error));
        finishJob(*job, JobState::Failed);
    } else if (!job->taskId.isEmpty()) {
        job->state = JobState::Pending;
        m_writer.save(*job);
        m_poller.schedule(jobId, job->taskId, /*fromStart=*/true);
    } else {
        m_writer.save(*job);
        m_reconciler.schedule(jobId); // a synchronous server still working on it
    }
    pump();
}

void JobQueue::markCompleted(Job job, const QString &imageUrl, const QDateTime &completedAt)
{
    job.imageUrl = imageUrl;
    job.completedAt = completedAt;
    job.state = JobState::Completed;
    m_writer.save(job);
    Q_EMIT balanceMayHaveChanged();
    m_downloads.fetch(job.id, job.imageUrl);
}

void JobQueue::onResultStored(qint64 jobId, const StoredImage &image)
{
    auto job = current(jobId, JobState::Completed);
    if (job && !m_brushEdits.combine(*job, image)) // a brush edit comes back combined
        storeResult(*job, image);
}

void JobQueue::storeResult(Job job, const StoredImage &image)
{
    job.localImagePath = image.path;
    job.clearMessage();
    forget(job.id);
    if (!job.completedAt.isValid())
        job.completedAt = QDateTime::currentDateTimeUtc();
    // Not linked when the database has no room: the file stays in images/, the retry links it
    // (the same bytes are found where they are) and the row still says "not saved yet".
    if (m_writer.save(job, &image)) {
        Q_EMIT jobFinished(job);
        Q_EMIT resultStored(job, image);
    }
}

void JobQueue::onResultFailed(qint64 jobId, const ApiError &error, bool retrying)
{
    auto job = current(jobId, JobState::Completed);
    if (!job)
        return;
    if (ImageStore::isDiskFull(error)) {
        // Kept as "completed, not saved yet": stored by the retry, or at the next start.
        forget(jobId);
        job->setMessage(said("jobs.resultNotSaved"));
        if (m_writer.save(*job))
            m_writer.failed(jobId, said("jobs.diskFull"));
        Q_EMIT jobFinished(*job);
        return;
    }
    job->setMessage(said("jobs.downloadWaiting", {fromError(error).toStorage()}));
    m_writer.save(*job);
    if (!retrying) {
        forget(jobId);
        Q_EMIT jobFinished(*job);
    }
}

void JobQueue::fail(qint64 jobId, JobState expected, const ApiError &error)
{
    auto job = current(jobId, expected);
    if (!job)
        return;
    forget(jobId);
    job->errorKind = ApiError::kindName(error.kind);
    job->serverMessage = error.serverMessage;
    job->setMessage(fromError(error));
    finishJob(*job, JobState::Failed);
    pump();
}

void JobQueue::tell(qint64 jobId, JobState expected, const UserMessage &message)
{
    if (auto job = current(jobId, expected)) {
        job->setMessage(message);
        m_writer.save(*job);
    }
}

void JobQueue::retryStorage()
{
    for (const auto &job : m_store.unsavedResults(m_accountId)) // none without an account
        m_downloads.fetch(job.id, job.imageUrl);
    pump();
}

void JobQueue::finishJob(Job job, JobState state, const StoredImage *image)
{
    job.state = state;
    if (!job.completedAt.isValid())
        job.completedAt = QDateTime::currentDateTimeUtc();
    m_writer.save(job, image);
    Q_EMIT jobFinished(job);
}

void JobQueue::forget(qint64 jobId)
{
    m_submitter.forget(jobId);
    m_poller.forget(jobId);
    m_reconciler.forget(jobId);
    m_downloads.forget(jobId);
}

std::optional<Job> JobQueue::current(qint64 jobId, std::optional<JobState> state) const
{
    auto job = m_store.load(jobId);
    if (!job || job->accountId != m_accountId || (state && job->state != *state))
        return std::nullopt;
    return job;
}
