#pragma once

#include "domain/job.h"
#include "jobs/jobstore.h"

#include <QObject>
#include <QTimer>

#include <optional>

struct StoredImage;

// Writes a job's change through the JobStore and says how it went: jobChanged after a write,
// writeFailed (with the sentence: "The disk is full…") when the database could not take it,
// and then holds until a retry is due, so nothing goes on as if the change were stored.
class JobWriter final : public QObject
{
    Q_OBJECT
public:
    explicit JobWriter(JobStore &store, QObject *parent = nullptr);

    void setRetryMs(int ms) { m_retry.setInterval(ms); }
    // Writes the job (and links `image`, when given); false after writeFailed.
    bool save(const Job &job, const StoredImage *image = nullptr);
    // A new attempt: the last one's progress forgotten (JobStore::resetAttemptProgress) and the
    // job written as it is about to be sent; false after writeFailed.
    bool startAttempt(const Job &job);
    // Marks the moment the job's request was handed to the network (JobStore::setRequestSentAt);
    // when it cannot, why (after writeFailed): the request must then not leave.
    std::optional<UserMessage> markHandedOver(qint64 jobId);
    // Writes a new job of `accountId`, queued; the error says why it could not be (nothing
    // was sent).
    Result<Job> insert(const QString &accountId, const JobRequest &request);
    // A write that failed elsewhere, or a result without room.
    void failed(qint64 jobId, const UserMessage &message);
    void failedForStore(qint64 jobId) { failed(jobId, storeProblem()); }
    // A write failed and the retry is not due yet.
    bool isHolding() const { return m_holding; }

Q_SIGNALS:
    void jobChanged(const Job &job);
    void writeFailed(qint64 jobId, const UserMessage &message);
    // Time to try the writes again (30 s after a failure unless set).
    void retryDue();

private:
    // Why a new job could not be written: nothing was sent.
    UserMessage notSavedProblem() const;
    // What the store's last failed write means for the user.
    UserMessage storeProblem() const;

    JobStore &m_store;
    QTimer m_retry;
    bool m_holding = false;
};
