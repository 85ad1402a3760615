#pragma once

#include "domain/job.h"
#include "jobs/jobbackend.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

// Sends a job and says how the attempt went. References are prepared on a worker thread
// first. Whether the upload began decides what a broken connection means: before it, the job
// was not sent and waits out a backoff; after it, the outcome is unknown. A proxy's 413 came
// before the server saw the job: the references are re-encoded within half the bytes and the
// job is sent again, until it passes or they cannot be made smaller.
class JobSubmitter final : public QObject
{
    Q_OBJECT
public:
    // Turns local reference files into upload parts within the backend's limits.
    using PrepareReferences = std::function<Result<QList<UploadFile>>(const QStringList &paths)>;
    // The same within `totalBytes` for all of them together (after a 413); unless set,
    // ReferencePreparer::prepareAll.
    using PrepareWithin =
        std::function<Result<QList<UploadFile>>(const QStringList &paths, qint64 totalBytes)>;

    struct Preparers
    {
        PrepareReferences prepareReferences; // runs on a worker thread
        // After a proxy's 413, within a total; unset: ReferencePreparer::prepareAll.
        PrepareWithin prepareReferencesWithin;
    };
    // Records that the job's request is being handed over whole (before its last bytes go);
    // when that cannot be recorded, why: the last bytes are then held back.
    using MarkHandedOver = std::function<std::optional<UserMessage>(qint64 jobId)>;

    JobSubmitter(JobBackend &backend, PrepareReferences prepare, QObject *parent = nullptr);
    ~JobSubmitter() override;

    void setPrepareWithin(PrepareWithin prepare) { m_prepareWithin = std::move(prepare); }
    void setMarkHandedOver(MarkHandedOver mark) { m_markHandedOver = std::move(mark); }
    void setRetryDelays(QList<int> delaysMs) { m_retryDelaysMs = std::move(delaysMs); }
    void submit(const Job &job);
    // The job was not sent and is waiting out its delay before it may go again.
    bool isWaiting(qint64 jobId) const;
    // An attempt of the job is under way here (preparing, sending or waiting).
    bool isActive(qint64 jobId) const { return m_attempts.contains(jobId); }
    // Drops the job's call (aborted), wait and backoff.
    void forget(qint64 jobId);
    void clear();

Q_SIGNALS:
    void submitted(qint64 jobId, const SubmitReceipt &receipt);
    // Not sent (rate limited, no network before the upload began, held back because the
    // hand-over could not be recorded, signed out): the job may go again after `delayMs`, or
    // after a new sign-in when `delayMs` is negative.
    void notSent(qint64 jobId, const ApiError &error, const UserMessage &message, int delayMs);
    // The job may have reached the server (a timeout, a 5xx, an answer that broke after the
    // upload began). `serverAnswered`: a 5xx said the server saw the job and refused it.
    void outcomeUnknown(qint64 jobId, const ApiError &error, const UserMessage &message,
                        bool serverAnswered);
    // Refused for good (validation, stars, TLS, unreadable references): retrying would not help.
    void refused(qint64 jobId, const ApiError &error);
    // A proxy refused the upload as too large before the server saw it; the job goes again
    // with smaller references (still submitting). `message` tells the user.
    void resendingSmaller(qint64 jobId, const UserMessage &message);
    // A job's delay is over.
    void waitOver();

private:
    struct Attempt
    {
        QPointer<ApiCallBase> call;
        QTimer wait;
        int retryIndex = 0;
        bool uploadBegan = false;
        bool preparing = false;
        JobRequest request;
        qint64 referenceBytes = 0; // of the references last sent
        std::optional<UserMessage> heldBack; // why the last bytes were held back
    };

    Attempt &attempt(qint64 jobId);
    // Prepares the references (within `totalBytes` when positive) on the worker, then sends.
    void prepareAndSend(qint64 jobId, qint64 totalBytes);
    void send(qint64 jobId, const JobRequest &request, const QList<UploadFile> &images);
    void resendSmaller(qint64 jobId, const ApiError &error);
    void answered(qint64 jobId, const Result<SubmitReceipt> &result);

    JobBackend &m_backend;
    PrepareReferences m_prepare;
    PrepareWithin m_prepareWithin;
    MarkHandedOver m_markHandedOver;
    QList<int> m_retryDelaysMs{5000, 10000, 20000, 40000, 60000};
    QThreadPool m_workers;
    std::map<qint64, std::unique_ptr<Attempt>> m_attempts;
};
