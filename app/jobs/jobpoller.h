#pragma once

#include "backend/apicall.h"
#include "domain/job.h"
#include "domain/records.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

// Looks at pending (asynchronous) jobs until their task ends: each job keeps its own backoff,
// one timer serves them all, jobs due together share one look at the history, and the first
// look waits for most of the time this account's recent jobs took.
class JobPoller final : public QObject
{
    Q_OBJECT
public:
    // How a look reaches the server (JobBackend in the program, a fake in tests).
    struct Fetch
    {
        std::function<ApiCall<Task> *(const QString &taskId)> task;
        // The newest `limit` records of the history.
        std::function<ApiCall<ImagesPage> *(int limit)> history;
    };

    explicit JobPoller(Fetch fetch, QObject *parent = nullptr);

    void setSchedule(QList<int> delaysMs, bool learnFromRecentJobs);
    // Learns how long this account's jobs usually take from its recent ones (newest first):
    // the median submit-to-result time of the newest 20 polled, completed jobs, once there
    // are at least three.
    void learnFrom(const QList<Job> &recentJobs);
    qint64 typicalMs() const { return m_typicalMs; } // 0: not known
    // The wait before look number `index` (0 is the first).
    int delayMs(int index) const;

    // Schedules the job's next look, one step further along its backoff (from the first
    // step when `fromStart`).
    void schedule(qint64 jobId, const QString &taskId, bool fromStart = false);
    // A look is scheduled for the job or on its way to the server.
    bool isWaiting(qint64 jobId) const;
    // Stops looking at the job; its look on the way is aborted.
    void forget(qint64 jobId);
    // Forgets every job and what it learned (another account).
    void clear();
    // While paused nothing is sent; looks that come due wait for the end of the pause.
    void setPaused(bool paused);
    // Ends a pause: of `jobs`, each pending one neither waiting for a look nor with one on its
    // way (a look due during the pause was dropped) is looked at again.
    void resume(const QList<Job> &jobs);

Q_SIGNALS:
    // The job's task completed or failed. `imageId` is its history record's id when a shared
    // look found it there, else empty. The job is no longer looked at.
    void taskEnded(qint64 jobId, const Task &task, const QString &imageId);
    // The server does not know the task (404); the job is no longer looked at.
    void taskMissing(qint64 jobId);
    // A look failed; another is scheduled.
    void lookFailed(qint64 jobId, const ApiError &error);
    // A look was refused with 401: nothing more is sent until the caller pauses and resumes.
    void unauthorized();

private:
    struct Tracked
    {
        QString taskId;
        int index = 0; // the next look's step in the backoff
        qint64 dueMs = 0; // when the next look is due (steady clock); 0: none scheduled
        int delayMs = 0; // the delay that set dueMs
        QPointer<ApiCallBase> call; // its own look on the way
    };

    void arm();
    void round();
    void look(qint64 jobId);
    void lookTogether(const QList<qint64> &jobIds);
    void answered(qint64 jobId, const Task &task, const QString &imageId);

    Fetch m_fetch;
    QList<int> m_delaysMs{2000, 3000, 5000, 8000, 13000, 21000, 30000};
    bool m_learn = true;
    qint64 m_typicalMs = 0;
    bool m_paused = false;
    QHash<qint64, Tracked> m_jobs;
    QTimer m_timer;
    QPointer<ApiCallBase> m_sharedLook;
};
