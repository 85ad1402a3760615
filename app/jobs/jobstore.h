#pragma once

#include "domain/job.h"
#include "history/historystore.h"
#include "history/profilepaths.h"
#include "jobs/reconcileschedule.h"

#include <QList>
#include <QSet>

class HistoryDatabase;
struct StoredImage;

#include <optional>

// Reads and writes the `jobs` table: the persistent outbox. Every state change is written
// before the program acts on it, so a crash at any point leaves a job that resume() can finish.
// A job and its gallery row are written together, in one transaction: the gallery never shows
// a job in a state its row in `jobs` does not have.
class JobStore final
{
public:
    explicit JobStore(HistoryDatabase &database);

    // Inserts a new job (its id is assigned) and its gallery card; false on a database error.
    bool insert(Job &job);
    // Writes the job and brings its gallery row up to date.
    bool update(const Job &job);
    // update(), and the gallery row learns the saved result file.
    bool storeResult(const Job &job, const StoredImage &image);
    // An asynchronous server's task answer carries no record id; once the mirror holds the
    // record (matched by task id), the account's completed jobs learn it, so their files and
    // links use the image id.
    void learnRecordIds(const QString &accountId);

    // The record and task ids the account's jobs other than `jobId` already own: a record
    // one of them owns cannot be `jobId`'s.
    QSet<QString> claimedIds(const QString &accountId, qint64 jobId) const;

    // What an attempt got to, kept beside the job's row (JobStore::update leaves it alone).
    // When the last byte of the request was handed to the network; invalid: not yet.
    bool setRequestSentAt(qint64 jobId, const QDateTime &when);
    QDateTime requestSentAt(qint64 jobId) const;
    bool saveReconcileSchedule(qint64 jobId, const ReconcileSchedule &schedule);
    ReconcileSchedule reconcileSchedule(qint64 jobId) const;
    // A new attempt begins: forget the last one's hand-over and search of the history.
    bool resetAttemptProgress(qint64 jobId);

    std::optional<Job> load(qint64 jobId) const;
    // Jobs of an account, newest first; `unfinishedOnly` keeps the non-final states.
    QList<Job> list(const QString &accountId, bool unfinishedOnly = false, int limit = -1) const;
    QString lastError() const { return m_lastError; }
    // The last failed write failed for want of room (a full disk, a quota).
    bool lastFailureWasNoRoom() const { return m_lastNoRoom; }
    // Completed jobs whose image is not stored yet ("completed, not saved yet"), oldest first.
    QList<Job> unsavedResults(const QString &accountId) const;

private:
    // One transaction: the job (inserted when `insertNew`), its gallery row, and the result
    // file when `image` is given.
    bool write(Job &job, bool insertNew, const StoredImage *image);
    bool writeJobRow(Job &job, bool insertNew);
    bool updateJobRow(const Job &stamped);
    // A brush edit kept exact: the gallery row's server's own result, beside its combined file.
    bool writeServerFile(qint64 rowId, const QString &path);
    bool execOnJob(qint64 jobId, const QString &sql, const QVariantMap &values);
    // Keeps the failure's text and whether it was for want of room; returns false.
    bool failedWith(const QString &error);

    HistoryDatabase &m_database;
    HistoryStore m_gallery;
    ProfilePaths m_paths;
    mutable QString m_lastError;
    bool m_lastNoRoom = false;
};
