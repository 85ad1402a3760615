#pragma once

#include "backend/apicall.h"
#include "domain/job.h"
#include "domain/records.h"
#include "jobs/reconcileschedule.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

// Looks for jobs whose submission outcome is unknown in the server's history, on a backoff,
// until each is found (matchServerRecord) or judged never made, and so never charged.
class JobReconciler final : public QObject
{
    Q_OBJECT
public:
    struct Fetch
    {
        std::function<ApiCall<ImagesPage> *()> history; // the newest page of the history
        // The job as stored while its outcome is still unknown; nullopt otherwise.
        std::function<std::optional<Job>(qint64 jobId)> unknownJob;
        // Record and task ids that other jobs of the account already own.
        std::function<QSet<QString>(qint64 jobId)> claimedIds;
    };
    // Where a job's search stands, kept with the job so a restart goes on from there.
    struct Persistence
    {
        std::function<ReconcileSchedule(qint64 jobId)> saved;
        std::function<void(qint64 jobId, const ReconcileSchedule &)> save;
    };

    explicit JobReconciler(Fetch fetch, QObject *parent = nullptr);
    ~JobReconciler() override;

    void setSchedule(QList<int> delaysMs, int windowMs);
    void setPersistence(Persistence persistence) { m_persistence = std::move(persistence); }
    // Looks after the job's next delay. Once the delays are used up: when the history was
    // read at least once, notMade(); when never, it keeps looking at the last delay. A job not
    // tracked yet goes on from its saved schedule: its next look when that was planned.
    void schedule(qint64 jobId);
    // A 5xx said the server finished with the job: one look at the history settles it.
    void markServerAnswered(qint64 jobId);
    void forget(qint64 jobId); // its look on the way is aborted
    void clear();

Q_SIGNALS:
    void found(qint64 jobId, const GeneratedImage &record);
    // The history could not be read even once; it will look again.
    void historyUnread(qint64 jobId);
    // The history has no record of the job; the job is no longer looked for.
    void notMade(qint64 jobId, bool serverAnswered);
    void unauthorized();

private:
    struct Tracked
    {
        QTimer timer;
        QPointer<ApiCallBase> call;
        int index = 0;
        int historyLooks = 0; // looks that read the history (and found no match)
        bool serverAnswered = false;
        bool restored = false; // the saved schedule was read
    };

    Tracked &tracked(qint64 jobId);
    void look(qint64 jobId);
    void after(Tracked &job, qint64 jobId, int delayMs);
    // Reads the saved schedule once; true when it planned a look, now armed.
    bool restore(Tracked &job, qint64 jobId);

    Fetch m_fetch;
    Persistence m_persistence;
    QList<int> m_delaysMs{0, 10000, 30000, 60000, 120000, 300000};
    int m_windowMs = 15 * 60 * 1000;
    std::map<qint64, std::unique_ptr<Tracked>> m_jobs;
};
