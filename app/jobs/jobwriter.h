#pragma once

#include "domain/job.h"
#include "jobs/jobstore.h"

#include <QObject>
#include <QTimer>

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
    // Marks the moment the job's request was handed to the network (JobStore::setRequestSentAt).
    void markHandedOver(qint64 jobId);
    // Why a new job could not be written: nothing was sent.
    UserMessage notSavedProblem() const;
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
    // What the store's last failed write means for the user.
    UserMessage storeProblem() const;

    JobStore &m_store;
    QTimer m_retry;
    bool m_holding = false;
};
