#pragma once

#include "backend/backendclient.h"
#include "domain/job.h"
#include "jobs/jobstore.h"
#include "media/imagedownloader.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

// The persistent outbox: every job is written to SQLite before anything is sent, then
// submitted, polled (asynchronous servers), reconciled against the history when its outcome
// could not be known, and its result downloaded. A user is never charged twice for one job:
// an `unknown` job is only ever matched against the history, never resubmitted by itself.
class JobQueue final : public QObject
{
    Q_OBJECT
public:
    struct Hooks
    {
        // Turns local reference files into upload parts within the backend's limits. Runs on
        // a worker thread.
        std::function<Result<QList<UploadFile>>(const QStringList &paths)> prepareReferences;
    };

    struct Timing
    {
        QList<int> pollDelaysMs{2000, 3000, 5000, 8000, 13000, 21000, 30000};
        // Once this account's recent jobs show how long the server usually takes, the first
        // look waits for most of that time instead of walking the schedule above.
        bool learnFromRecentJobs = true;
        QList<int> reconcileDelaysMs{0, 10000, 30000, 60000, 120000, 300000};
        QList<int> retryDelaysMs{5000, 10000, 20000, 40000, 60000};
        int reconcileWindowMs = 15 * 60 * 1000; // server records this close to the submission
    };

    JobQueue(JobStore &store, BackendClient &client, ImageDownloader &downloader,
             QString referencesDir, Hooks hooks, QObject *parent = nullptr);
    ~JobQueue() override;

    // Whose jobs these are; resumes that account's unfinished jobs (queued ones are sent,
    // pending ones polled, submitting and unknown ones reconciled).
    void setAccount(const QString &accountId);
    QString accountId() const { return m_accountId; }
    void setMaxInFlight(int jobs);
    void setTiming(const Timing &timing) { m_timing = timing; }
    // Paused while signed out or after a 401; resume() after a new sign-in.
    void pause();
    void resume();

    // Copies the references into the profile, writes the job (queued) and schedules it.
    // Returns the job, or an error when the references cannot be read or the database fails.
    Result<Job> enqueue(const JobRequest &request);
    // Stops tracking; the server may still finish (and charge) a job already sent.
    bool cancel(qint64 jobId);
    // Sends a failed or cancelled job again with the same inputs.
    bool retry(qint64 jobId);

    std::optional<Job> job(qint64 jobId) const { return m_store.load(jobId); }
    QList<Job> jobs(bool unfinishedOnly = false) const;
    int inFlight() const;

Q_SIGNALS:
    void jobAdded(const Job &job);
    void jobChanged(const Job &job);
    // A job reached a final state (and, when completed, its image is saved or could not be).
    void jobFinished(const Job &job);
    // A finished job's image is stored in the profile.
    void resultStored(const Job &job, const StoredImage &image);
    // Queue-wide news for a status line: waiting for network, rate limited...
    void noticeChanged(const QString &notice);
    // A job finished on the server: the star balance may have changed.
    void balanceMayHaveChanged();

private:
    struct Active;

    void pump();
    void startSubmit(qint64 jobId);
    void onSubmitted(qint64 jobId, const Result<SubmitReceipt> &result);
    // Polling (jobpolling.cpp): every pending job keeps its own backoff; one timer serves
    // them all, and jobs that come due together share one look at the history.
    void schedulePoll(qint64 jobId);
    int pollDelayMs(int index) const;
    void armPollTimer();
    void pollRound();
    void poll(qint64 jobId);
    void pollTogether(const QList<qint64> &jobIds);
    void applyTask(qint64 jobId, const Task &task);
    void learnTypicalDuration();
    void scheduleReconcile(qint64 jobId);
    void reconcile(qint64 jobId);
    void applyServerRecord(qint64 jobId, const GeneratedImage &record);
    void startDownload(qint64 jobId);
    void onImageStored(const QUrl &url, const StoredImage &image);
    void onImageFailed(const QUrl &url, const ApiError &error);
    void requeueLater(qint64 jobId, int delayMs, const QString &notice, const ApiError &cause);

    void save(const Job &job);
    void finishJob(Job job, JobState state);
    void failJob(Job job, const ApiError &error);
    Active &active(qint64 jobId);
    void forget(qint64 jobId);
    std::optional<Job> current(qint64 jobId) const;

    JobStore &m_store;
    BackendClient &m_client;
    ImageDownloader &m_downloader;
    QHash<QUrl, QList<qint64>> m_downloadWaiters; // result URL -> jobs waiting for it
    QString m_referencesDir;
    Hooks m_hooks;
    Timing m_timing;
    QString m_accountId;
    int m_maxInFlight = 2;
    bool m_paused = false;
    QThreadPool m_workers;
    std::map<qint64, std::unique_ptr<Active>> m_active;
    QTimer m_pollTimer;
    QSet<qint64> m_pollWaiting; // pending jobs with a look scheduled
    QPointer<ApiCallBase> m_sharedPoll;
    qint64 m_typicalMs = 0; // median submit-to-result time of recent polled jobs; 0: unknown
};
