#include "jobs/jobqueue.h"

#include "domain/jobrequestcheck.h"
#include "jobs/jobdispatcher.h"
#include "jobs/jobinputs.h"
#include "jobs/jobmessages.h"
#include "jobs/jobresume.h"
#include "jobs/serveroutcome.h"

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
    , m_writer(store)
    , m_dispatcher(m_writer, m_submitter)
    , m_results(
          downloader, [&backend](const QString &url) { return backend.resolveImageUrl(url); },
          store, m_writer, [this](qint64 jobId) { return current(jobId, JobState::Completed); })
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
    if (hooks.prepareReferencesWithin)
        m_submitter.setPrepareWithin(std::move(hooks.prepareReferencesWithin));
    // Written before the last bytes leave: a job killed without it never reached the server.
    m_submitter.setMarkHandedOver([this](qint64 jobId) { return m_writer.markHandedOver(jobId); });
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
    connect(&m_results, &JobResults::resultStored, this, &JobQueue::resultStored);
    connect(&m_results, &JobResults::jobFinished, this, [this](const Job &job) {
        forget(job.id);
        Q_EMIT jobFinished(job);
    });
}

void JobQueue::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_submitter.clear();
    m_poller.clear();
    m_reconciler.clear();
    m_results.clear();
    m_accountId = accountId;
    if (m_accountId.isEmpty())
        return;
    m_poller.learnFrom(m_store.list(m_accountId, false, 60));
    // Resume what an earlier run left: nothing the user submitted is lost.
    for (const auto &job : m_store.list(m_accountId, /*unfinishedOnly=*/true))
        resume(job, said("jobs.resentAfterRestart"));
    // "Completed, not saved yet": a result the disk had no room for, or a download cut short.
    m_results.fetchUnsaved(m_accountId);
    pump();
}

void JobQueue::resume(Job job, const UserMessage &sentAgainBecause)
{
    switch (resumeStep(job, m_store.requestSentAt(job.id).isValid())) {
    case ResumeStep::SendAgain:
        job.state = JobState::Queued;
        job.setMessage(sentAgainBecause);
        m_writer.save(job);
        return;
    case ResumeStep::CheckWhetherSent:
        job.state = JobState::Unknown;
        job.setMessage(said("jobs.checkingAfterRestart"));
        m_writer.save(job);
        m_reconciler.schedule(job.id);
        return;
    case ResumeStep::Poll:
        m_poller.schedule(job.id, job.taskId);
        return;
    case ResumeStep::Reconcile:
        m_reconciler.schedule(job.id);
        return;
    case ResumeStep::Nothing:
        return;
    }
}

void JobQueue::setMaxInFlight(int jobs)
{
    m_dispatcher.setMaxInFlight(jobs);
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
    m_dispatcher.setPaused(true);
    m_poller.setPaused(true);
}

void JobQueue::resume()
{
    m_dispatcher.setPaused(false);
    m_poller.resume(jobs(true));
    pump();
}

QList<Job> JobQueue::jobs(bool unfinishedOnly) const
{
    return m_accountId.isEmpty() ? QList<Job>{} : m_store.list(m_accountId, unfinishedOnly);
}

Result<Job> JobQueue::enqueue(const JobRequest &request)
{
    if (m_accountId.isEmpty())
        return ApiError::make(ApiError::Kind::Unauthorized, said("jobs.signInFirst"));
    if (auto invalid = checkJobRequest(request))
        return *invalid;
    auto kept = keepJobInputs(request, m_referencesDir);
    if (!kept)
        return kept.error();
    auto job = m_writer.insert(m_accountId, kept.value());
    if (!job)
        return job;
    Q_EMIT jobAdded(job.value());
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
    if (!m_accountId.isEmpty())
        m_dispatcher.dispatch(jobs(true));
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
    job->noteError(error);
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
    job->noteError(error);
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
    settle(*job, ServerOutcome::ofEndedTask(task));
    if (task.status == TaskStatus::Completed)
        m_poller.learnFrom(m_store.list(m_accountId, false, 60));
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
    if (const auto outcome = ServerOutcome::ofRecord(record);
        outcome.kind != ServerOutcome::Kind::Working) {
        m_reconciler.forget(jobId);
        settle(*job, outcome);
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

void JobQueue::settle(Job job, const ServerOutcome &outcome)
{
    if (outcome.kind == ServerOutcome::Kind::Completed) {
        job.clearMessage();
        markCompleted(job, outcome.imageUrl, outcome.completedAt);
        return;
    }
    forget(job.id);
    job.noteError(ApiError::make(ApiError::Kind::ServerError, QString(), 0, outcome.error));
    job.setMessage(taskFailure(outcome.error));
    finishJob(job, JobState::Failed);
}

void JobQueue::markCompleted(Job job, const QString &imageUrl, const QDateTime &completedAt)
{
    job.imageUrl = imageUrl;
    job.completedAt = completedAt;
    job.state = JobState::Completed;
    m_writer.save(job);
    Q_EMIT balanceMayHaveChanged();
    m_results.fetch(job);
}

void JobQueue::fail(qint64 jobId, JobState expected, const ApiError &error)
{
    auto job = current(jobId, expected);
    if (!job)
        return;
    forget(jobId);
    job->noteError(error);
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
    // A request held back because its hand-over could not be recorded goes again.
    for (const auto &job : jobs(true)) {
        if (job.state == JobState::Submitting && !m_submitter.isActive(job.id)
            && !m_store.requestSentAt(job.id).isValid())
            resume(job, {});
    }
    m_results.fetchUnsaved(m_accountId);
    pump();
}

void JobQueue::finishJob(Job job, JobState state)
{
    job.state = state;
    if (!job.completedAt.isValid())
        job.completedAt = QDateTime::currentDateTimeUtc();
    m_writer.save(job);
    Q_EMIT jobFinished(job);
}

void JobQueue::forget(qint64 jobId)
{
    m_submitter.forget(jobId);
    m_poller.forget(jobId);
    m_reconciler.forget(jobId);
    m_results.forget(jobId);
}

std::optional<Job> JobQueue::current(qint64 jobId, std::optional<JobState> state) const
{
    auto job = m_store.load(jobId);
    if (!job || job->accountId != m_accountId || (state && job->state != *state))
        return std::nullopt;
    return job;
}
