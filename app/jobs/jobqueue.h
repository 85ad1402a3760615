#pragma once

#include "domain/job.h"
#include "jobs/jobbackend.h"
#include "jobs/jobdispatcher.h"
#include "jobs/jobpoller.h"
#include "jobs/jobreconciler.h"
#include "jobs/jobresults.h"
#include "jobs/jobstore.h"
#include "jobs/jobsubmitter.h"
#include "jobs/jobtiming.h"
#include "jobs/jobwriter.h"

#include <QObject>

struct ServerOutcome;

// The persistent outbox as a state machine: every job is written (JobStore) before anything is
// sent, then submitted (JobSubmitter), polled while pending (JobPoller), looked for in the
// history when its outcome could not be known (JobReconciler), and its result stored
// (JobResults). A user is never charged twice for one job: an `unknown` job is only ever
// matched against the history, never resubmitted by itself.
class JobQueue final : public QObject
{
    Q_OBJECT
public:
    using Hooks = JobSubmitter::Preparers;

    using Timing = JobTiming;

    JobQueue(JobStore &store, JobBackend &backend, ImageDownloader &downloader,
             QString referencesDir, Hooks hooks, QObject *parent = nullptr);

    // Whose jobs these are; resumes that account's unfinished jobs where they stood
    // (resumeStep: a job whose request may have left is never sent again blindly).
    void setAccount(const QString &accountId);
    QString accountId() const { return m_accountId; }
    void setMaxInFlight(int jobs);
    void setTiming(const Timing &timing);
    // How long after a write failed for want of room the queue tries again (sending, and
    // storing finished results); 30 s unless set.
    void setStorageRetryMs(int ms) { m_writer.setRetryMs(ms); }
    // Paused while signed out or after a 401; resume() after a new sign-in.
    void pause();
    void resume();

    // Copies the references into the profile, writes the job (queued) and schedules it.
    // Returns the job, or an error when the request is not valid, the references cannot be
    // read or the database fails.
    Result<Job> enqueue(const JobRequest &request);
    // Stops tracking; the server may still finish (and charge) a job already sent.
    bool cancel(qint64 jobId);
    // Sends a failed or cancelled job again with the same inputs.
    bool retry(qint64 jobId);

    std::optional<Job> job(qint64 jobId) const { return m_store.load(jobId); }
    QList<Job> jobs(bool unfinishedOnly = false) const;
    int inFlight() const { return JobDispatcher::inFlight(jobs(true)); }

Q_SIGNALS:
    void jobAdded(const Job &job);
    void jobChanged(const Job &job);
    // A job reached a final state (and, when completed, its image is saved or could not be).
    void jobFinished(const Job &job);
    // A finished job's image is stored in the profile (its row and gallery row say so).
    void resultStored(const Job &job, const StoredImage &image);
    // Queue-wide news for a status line: waiting for network, rate limited...
    void noticeChanged(const QString &notice);
    // A job finished on the server: the star balance may have changed.
    void balanceMayHaveChanged();
    // A write to the profile failed (a full disk): the job is kept as the database last had it,
    // nothing more is sent until a write succeeds again, and a completed job's image is stored
    // once there is room ("completed, not saved yet"). `message` tells the user.
    void writeFailed(qint64 jobId, const UserMessage &message);

private:
    void pump();
    // Picks up an unfinished job this process is not working on (resumeStep); one sent again
    // is told `sentAgainBecause`.
    void resume(Job job, const UserMessage &sentAgainBecause);
    void onSubmitted(qint64 jobId, const SubmitReceipt &receipt);
    void onNotSent(qint64 jobId, const ApiError &error, const UserMessage &message, int delayMs);
    void onOutcomeUnknown(qint64 jobId, const ApiError &error, const UserMessage &message,
                          bool serverAnswered);
    void onTaskEnded(qint64 jobId, const Task &task, const QString &imageId);
    void onServerRecord(qint64 jobId, const GeneratedImage &record);
    // A completed job's result is fetched; a failed one ends with the server's words.
    void settle(Job job, const ServerOutcome &outcome);
    // The job, when in `expected`, fails with `error` / is told `message`.
    void fail(qint64 jobId, JobState expected, const ApiError &error);
    void tell(qint64 jobId, JobState expected, const UserMessage &message);
    void markCompleted(Job job, const QString &imageUrl, const QDateTime &completedAt);

    // After a write failed for room: send what waits, store the results not saved yet.
    void retryStorage();
    void finishJob(Job job, JobState state);
    void forget(qint64 jobId);
    // The job when it belongs to this account (and, if `state` is given, is in it).
    std::optional<Job> current(qint64 jobId, std::optional<JobState> state = {}) const;

    JobStore &m_store;
    QString m_referencesDir;
    QString m_accountId;
    JobSubmitter m_submitter;
    JobPoller m_poller;
    JobReconciler m_reconciler;
    JobWriter m_writer;
    JobDispatcher m_dispatcher;
    JobResults m_results;
};
