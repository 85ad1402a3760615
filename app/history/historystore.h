#pragma once

#include "domain/job.h"
#include "domain/records.h"
#include "domain/result.h"
#include "history/historyrecord.h"
#include "history/mirrorwrite.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class HistoryDatabase;
class QSqlDatabase;

// A local job's progress, written to its gallery row before the server's record arrives.
struct LocalJobUpdate
{
    ImageStatus status = ImageStatus::Pending;
    QString error;
    QString imageUrl;
    std::optional<qint64> completedAtMs;
};

// Writes to the history mirror: server records, local job rows, local columns, sync state.
// Every row is keyed by account id; accounts never see each other's rows. Usable from any
// thread (each thread gets its own connection).
class HistoryStore final
{
public:
    explicit HistoryStore(HistoryDatabase &database);

    // One transaction; local columns (favorite, hidden, local file, job id...) are never
    // overwritten. A local job row matched by task id becomes the server's record.
    Result<UpsertCounts> upsertServerRecords(const QString &accountId,
                                             const QList<GeneratedImage> &records, qint64 seenAtMs);
    // Several pages in one transaction (one commit instead of one per page); the counts per
    // page, in order. All or nothing.
    // `state`, when given, is the sync's own (see MirrorWriteState): a first sync into an
    // empty account then writes new records without looking them up.
    Result<QList<UpsertCounts>> upsertServerRecordPages(const QString &accountId,
                                                        const QList<QList<GeneratedImage>> &pages,
                                                        qint64 seenAtMs,
                                                        MirrorWriteState *state = nullptr);

    // A pending card for a queued job (id NULL, job_id set). Idempotent per job: returns the
    // existing row when the job already has one (by job id, image id or task id).
    Result<qint64> insertLocalJobRow(const QString &accountId, const Job &job);
    // The job's row learns its server id / task id. When the server's record is already
    // mirrored as another row, the two become one; returns the surviving row id.
    Result<qint64> attachServerIdentity(qint64 rowId, const QString &imageId,
                                        const QString &taskId);
    Result<bool> updateLocalJobRow(qint64 rowId, const LocalJobUpdate &update);
    // The three above as steps of the caller's open transaction (JobStore writes a job and its
    // gallery row together): the job's row, created if missing, linked to the job's server ids
    // and brought up to date; returns its row id.
    Result<qint64> writeLocalJobRow(const Job &job, const LocalJobUpdate &update);

    Result<bool> setLocalFile(qint64 rowId, const QString &path, qint64 size, int width,
                              int height);
    // A history image fetched for a row that had none (the mirror, the visible-first backfill,
    // an export): written only while the row still has no file, so a file that arrived
    // meanwhile (a job's result, a brush edit's combined image) is never replaced by the
    // server's copy. False when the row has a file (or is gone).
    Result<bool> fillLocalFile(qint64 rowId, const QString &path, qint64 size, int width,
                               int height);
    Result<bool> setLocalFile(const QString &accountId, const QString &id, const QString &path,
                              qint64 size, int width, int height);
    Result<bool> setFavorite(qint64 rowId, bool favorite);
    Result<bool> setHidden(qint64 rowId, bool hidden);
    // After a complete full sync: every server record not seen since `seenSinceMs` is gone.
    Result<int> markGoneUnlessSeenSince(const QString &accountId, qint64 seenSinceMs);

    Result<std::optional<HistoryRecord>> record(const QString &accountId, const QString &id);
    Result<std::optional<HistoryRecord>> recordByRowId(qint64 rowId);

    Result<QHash<QString, QString>> syncState(const QString &accountId);
    Result<bool> setSyncState(const QString &accountId, const QHash<QString, QString> &values);

    // Adds the records a first sync left waiting (SearchBacklog) to the search index; how many.
    Result<int> indexSearchBacklog();

    // Closes the calling thread's connection; a worker thread calls it before it ends.
    void releaseThreadConnection();

private:
    Result<bool> writeLocalFile(qint64 rowId, const QString &path, qint64 size, int width,
                                int height, bool onlyIfMissing);
    QSqlDatabase connection();
    ApiError failure(const char *step, const QString &detail) const;
    // One local 0/1 column of one row (favourite, hidden); local columns never reach the server.
    // Whether `state` still holds inside the open transaction (and the first check).
    Result<bool> stillFresh(QSqlDatabase db, const QString &accountId, MirrorWriteState &state);
    Result<bool> setLocalFlag(qint64 rowId, const QString &updateSql, bool value, const char *step);
    // insertLocalJobRow() and attachServerIdentity() inside an open transaction.
    Result<qint64> insertLocalJobRowIn(QSqlDatabase db, const QString &accountId, const Job &job);
    Result<qint64> attachServerIdentityIn(QSqlDatabase db, qint64 rowId, const QString &imageId,
                                          const QString &taskId);

    HistoryDatabase &m_database;
};
