#include "history/historystore.h"

#include "history/historydatabase.h"
#include "history/historysql.h"
#include "history/profilepaths.h"
#include "history/searchbacklog.h"
#include "history/serverrecordupsert.h"
#include "history/sqltransaction.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString serverTypeFor(JobKind kind)
{
    // The server's own spelling, so imageTypeFromServer() reads it back.
    return kind == JobKind::Edit ? u"IMAGETOIAMGE"_s : u"TEXTTOIAMGE"_s;
}

} // namespace

HistoryStore::HistoryStore(HistoryDatabase &database)
    : m_database(database)
{ }

QSqlDatabase HistoryStore::connection()
{
    return m_database.connection();
}

ApiError HistoryStore::failure(const char *step, const QString &detail) const
{
    return historyWriteError(step, detail);
}

Result<UpsertCounts> HistoryStore::upsertServerRecords(const QString &accountId,
                                                       const QList<GeneratedImage> &records,
                                                       qint64 seenAtMs)
{
    if (records.isEmpty())
        return UpsertCounts{};
    auto counts = upsertServerRecordPages(accountId, {records}, seenAtMs);
    if (!counts)
        return counts.error();
    return counts.value().constFirst();
}

Result<QList<UpsertCounts>>
HistoryStore::upsertServerRecordPages(const QString &accountId,
                                      const QList<QList<GeneratedImage>> &pages, qint64 seenAtMs,
                                      MirrorWriteState *state)
{
    if (std::all_of(pages.cbegin(), pages.cend(), [](const auto &page) { return page.isEmpty(); }))
        return QList<UpsertCounts>(pages.size());
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failure("core.history.step.saveHistory", transaction.errorText());
    bool fresh = false;
    if (state) {
        auto checked = stillFresh(db, accountId, *state);
        if (!checked)
            return checked.error();
        fresh = checked.value();
        // Until this transaction commits, the state describes the database only if it fails.
        state->fresh = false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (fresh) {
        // A first sync: its records wait for the search index and join it a batch at a time.
        if (auto opened = SearchBacklog::open(db, now); !opened)
            return opened.error();
    }
    ServerRecordUpsert upsert(db, accountId, seenAtMs);
    auto written = upsert.run(pages, !fresh,
                              fresh ? RecordStage::Triggers::Skip : RecordStage::Triggers::Fire);
    if (!written)
        return written.error(); // the transaction rolls back
    // A record repeated (see MirrorWriteState): the rest of the sync looks its records up.
    if (upsert.lookedUp())
        fresh = false;
    const QList<UpsertCounts> counts = written.value();
    if (state) {
        if (auto indexed = SearchBacklog::index(db, now, SearchBacklog::When::Due); !indexed)
            return indexed.error();
    }
    qint64 lastRowId = 0;
    if (fresh) {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT coalesce(max(row_id), 0) FROM generated_images"_s) || !q.next())
            return failure("core.history.step.saveHistory", q.lastError().text());
        lastRowId = q.value(0).toLongLong();
    }
    if (!transaction.commit())
        return failure("core.history.step.saveHistory", transaction.errorText());
    if (fresh) {
        state->fresh = true;
        state->lastRowId = lastRowId;
    }
    return counts;
}

Result<int> HistoryStore::indexSearchBacklog()
{
    return SearchBacklog::indexWaiting(connection());
}

Result<bool> HistoryStore::stillFresh(QSqlDatabase db, const QString &accountId,
                                      MirrorWriteState &state)
{
    QSqlQuery q(db);
    if (!state.checked) {
        state.checked = true;
        q.prepare(u"SELECT EXISTS (SELECT 1 FROM generated_images WHERE account_id = :account)"_s);
        q.bindValue(u":account"_s, accountId);
        if (!q.exec() || !q.next())
            return failure("core.history.step.saveHistory", q.lastError().text());
        state.fresh = !q.value(0).toBool();
        q.finish();
        if (!state.fresh)
            return false;
        if (!q.exec(u"SELECT coalesce(max(row_id), 0) FROM generated_images"_s) || !q.next())
            return failure("core.history.step.saveHistory", q.lastError().text());
        state.lastRowId = q.value(0).toLongLong();
        return true;
    }
    if (!state.fresh)
        return false;
    // Row ids grow: any row written by someone else since our last write raised the largest.
    if (!q.exec(u"SELECT coalesce(max(row_id), 0) FROM generated_images"_s) || !q.next())
        return failure("core.history.step.saveHistory", q.lastError().text());
    return q.value(0).toLongLong() == state.lastRowId;
}

Result<qint64> HistoryStore::insertLocalJobRow(const QString &accountId, const Job &job)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failure("core.history.step.addToGallery", transaction.errorText());
    auto row = insertLocalJobRowIn(db, accountId, job);
    if (row && !transaction.commit())
        return failure("core.history.step.addToGallery", transaction.errorText());
    return row;
}

Result<qint64> HistoryStore::insertLocalJobRowIn(QSqlDatabase db, const QString &accountId,
                                                 const Job &job)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT row_id FROM generated_images WHERE account_id = :account AND (job_id = :job "
              "OR id = :image OR task_id = :task) ORDER BY (job_id = :job) DESC LIMIT 1"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":job"_s, job.id);
    q.bindValue(u":image"_s, sqlNullable(job.imageId));
    q.bindValue(u":task"_s, sqlNullable(job.taskId));
    if (!q.exec())
        return failure("core.history.step.addToGallery", q.lastError().text());
    if (q.next()) {
        const qint64 rowId = q.value(0).toLongLong();
        q.finish();
        q.prepare(u"UPDATE generated_images SET job_id = coalesce(job_id, :job) WHERE row_id = "
                  ":row"_s);
        q.bindValue(u":job"_s, job.id);
        q.bindValue(u":row"_s, rowId);
        if (!q.exec())
            return failure("core.history.step.addToGallery", q.lastError().text());
        return rowId;
    }
    const QDateTime created =
        job.createdAt.isValid() ? job.createdAt : QDateTime::currentDateTimeUtc();
    q.prepare(u"INSERT INTO generated_images (account_id, id, task_id, prompt, type, kind, "
              "reference_image_urls, character_ids, status, created_at, job_id) VALUES "
              "(:account, :id, :task, :prompt, :type, :kind, '[]', :characters, 'pending', "
              ":created, :job)"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":id"_s, sqlNullable(job.imageId));
    q.bindValue(u":task"_s, sqlNullable(job.taskId));
    q.bindValue(u":prompt"_s, job.request.prompt);
    q.bindValue(u":type"_s, serverTypeFor(job.request.kind));
    q.bindValue(u":kind"_s, jobKindName(job.request.kind));
    q.bindValue(u":characters"_s, jsonStringArray(job.request.characterIds));
    q.bindValue(u":created"_s, created.toMSecsSinceEpoch());
    q.bindValue(u":job"_s, job.id);
    if (!q.exec())
        return failure("core.history.step.addToGallery", q.lastError().text());
    return q.lastInsertId().toLongLong();
}

Result<qint64> HistoryStore::attachServerIdentity(qint64 rowId, const QString &imageId,
                                                  const QString &taskId)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failure("core.history.step.linkJob", transaction.errorText());
    auto survivor = attachServerIdentityIn(db, rowId, imageId, taskId);
    if (survivor && !transaction.commit())
        return failure("core.history.step.linkJob", transaction.errorText());
    return survivor;
}

Result<qint64> HistoryStore::attachServerIdentityIn(QSqlDatabase db, qint64 rowId,
                                                    const QString &imageId, const QString &taskId)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT s.row_id FROM generated_images AS j JOIN generated_images AS s ON "
              "s.account_id = j.account_id AND s.row_id <> j.row_id AND (s.id = :image OR "
              "s.task_id = :task) WHERE j.row_id = :row LIMIT 1"_s);
    q.bindValue(u":image"_s, sqlNullable(imageId));
    q.bindValue(u":task"_s, sqlNullable(taskId));
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure("core.history.step.linkJob", q.lastError().text());
    if (q.next()) {
        const qint64 survivor = q.value(0).toLongLong();
        q.finish();
        const QString error = mergeJobRowInto(db, rowId, survivor);
        if (!error.isEmpty())
            return failure("core.history.step.linkJob", error);
        return survivor;
    }
    q.finish();
    q.prepare(u"UPDATE generated_images SET id = coalesce(:image, id), task_id = "
              "coalesce(:task, task_id) WHERE row_id = :row"_s);
    q.bindValue(u":image"_s, sqlNullable(imageId));
    q.bindValue(u":task"_s, sqlNullable(taskId));
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure("core.history.step.linkJob", q.lastError().text());
    if (q.numRowsAffected() == 0)
        return failure("core.history.step.linkJob", u"no row %1"_s.arg(rowId));
    return rowId;
}

Result<qint64> HistoryStore::writeLocalJobRow(const Job &job, const LocalJobUpdate &update)
{
    QSqlDatabase db = connection();
    auto row = insertLocalJobRowIn(db, job.accountId, job);
    if (!row)
        return row;
    qint64 rowId = row.value();
    if (!job.imageId.isEmpty() || !job.taskId.isEmpty()) {
        auto attached = attachServerIdentityIn(db, rowId, job.imageId, job.taskId);
        if (!attached)
            return attached; // the caller rolls back a merge that stopped half-way
        rowId = attached.value();
    }
    auto updated = updateLocalJobRow(rowId, update);
    if (!updated)
        return updated.error();
    return rowId;
}

Result<bool> HistoryStore::updateLocalJobRow(qint64 rowId, const LocalJobUpdate &update)
{
    QSqlQuery q(connection());
    q.prepare(u"UPDATE generated_images SET status = :status, error = :error, image_url = "
              "coalesce(:image_url, image_url), completed_at = coalesce(:completed, completed_at) "
              "WHERE row_id = :row"_s);
    q.bindValue(u":status"_s, imageStatusName(update.status));
    q.bindValue(u":error"_s, sqlNullable(update.error));
    q.bindValue(u":image_url"_s, sqlNullable(update.imageUrl));
    q.bindValue(u":completed"_s,
                update.completedAtMs ? QVariant(*update.completedAtMs) : QVariant());
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure("core.history.step.updateCard", q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<bool> HistoryStore::setLocalFile(qint64 rowId, const QString &path, qint64 size, int width,
                                        int height)
{
    return writeLocalFile(rowId, path, size, width, height, false);
}

Result<bool> HistoryStore::fillLocalFile(qint64 rowId, const QString &path, qint64 size, int width,
                                         int height)
{
    return writeLocalFile(rowId, path, size, width, height, true);
}

Result<bool> HistoryStore::writeLocalFile(qint64 rowId, const QString &path, qint64 size, int width,
                                          int height, bool onlyIfMissing)
{
    QSqlQuery q(connection());
    // A file on disk outweighs any earlier miss: the record is no longer "gone" (schema 6).
    q.prepare(u"UPDATE generated_images SET local_file = :path, file_size = :size, width = :width, "
              "height = :height, image_misses = 0, image_gone = 0 WHERE row_id = :row"_s
              + (onlyIfMissing ? u" AND local_file IS NULL"_s : QString()));
    // Relative to the profile: a moved profile keeps its images.
    q.bindValue(u":path"_s,
                sqlNullable(ProfilePaths::ofDatabase(m_database.path()).toStored(path)));
    q.bindValue(u":size"_s, size);
    q.bindValue(u":width"_s, width);
    q.bindValue(u":height"_s, height);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure("core.history.step.rememberImage", q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<bool> HistoryStore::setFavorite(qint64 rowId, bool favorite)
{
    return setLocalFlag(rowId,
                        u"UPDATE generated_images SET favorite = :value WHERE row_id = :row"_s,
                        favorite, "core.history.step.saveFavourite");
}

Result<bool> HistoryStore::setHidden(qint64 rowId, bool hidden)
{
    return setLocalFlag(rowId, u"UPDATE generated_images SET hidden = :value WHERE row_id = :row"_s,
                        hidden, "core.history.step.hideImage");
}

Result<bool> HistoryStore::setLocalFlag(qint64 rowId, const QString &updateSql, bool value,
                                        const char *step)
{
    QSqlQuery q(connection());
    q.prepare(updateSql);
    q.bindValue(u":value"_s, value ? 1 : 0);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure(step, q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<int> HistoryStore::markGoneUnlessSeenSince(const QString &accountId, qint64 seenSinceMs)
{
    QSqlQuery q(connection());
    q.prepare(u"UPDATE generated_images SET gone_from_server = 1 WHERE account_id = :account AND "
              "id IS NOT NULL AND gone_from_server = 0 AND (last_seen_on_server IS NULL OR "
              "last_seen_on_server < :since)"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":since"_s, seenSinceMs);
    if (!q.exec())
        return failure("core.history.step.markRemoved", q.lastError().text());
    return q.numRowsAffected();
}

Result<std::optional<HistoryRecord>> HistoryStore::record(const QString &accountId,
                                                          const QString &id)
{
    QSqlQuery q(connection());
    q.prepare(u"SELECT "_s + historyRecordColumns()
              + u" FROM generated_images AS g WHERE g.account_id = :account AND g.id = :id"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":id"_s, id);
    if (!q.exec())
        return failure("core.history.step.readRecord", q.lastError().text());
    if (!q.next())
        return std::optional<HistoryRecord>();
    return std::optional<HistoryRecord>(readHistoryRecord(q));
}

Result<std::optional<HistoryRecord>> HistoryStore::recordByRowId(qint64 rowId)
{
    QSqlQuery q(connection());
    q.prepare(u"SELECT "_s + historyRecordColumns()
              + u" FROM generated_images AS g WHERE g.row_id = :row"_s);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure("core.history.step.readRecord", q.lastError().text());
    if (!q.next())
        return std::optional<HistoryRecord>();
    return std::optional<HistoryRecord>(readHistoryRecord(q));
}

Result<QHash<QString, QString>> HistoryStore::syncState(const QString &accountId)
{
    QSqlQuery q(connection());
    q.prepare(u"SELECT key, value FROM sync_state WHERE account_id = :account"_s);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec())
        return failure("core.history.step.readSyncState", q.lastError().text());
    QHash<QString, QString> values;
    while (q.next())
        values.insert(q.value(0).toString(), q.value(1).toString());
    return values;
}

Result<bool> HistoryStore::setSyncState(const QString &accountId,
                                        const QHash<QString, QString> &values)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failure("core.history.step.saveSyncState", transaction.errorText());
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO sync_state (account_id, key, value) VALUES (:account, :key, :value) "
              "ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value"_s);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":key"_s, it.key());
        q.bindValue(u":value"_s, it.value());
        if (!q.exec())
            return failure("core.history.step.saveSyncState", q.lastError().text());
    }
    q.finish();
    if (!transaction.commit())
        return failure("core.history.step.saveSyncState", transaction.errorText());
    return true;
}

void HistoryStore::releaseThreadConnection()
{
    m_database.releaseThreadConnection();
}

Result<bool> HistoryStore::setLocalFile(const QString &accountId, const QString &id,
                                        const QString &path, qint64 size, int width, int height)
{
    auto found = record(accountId, id);
    if (!found)
        return found.error();
    if (!found.value())
        return false;
    return setLocalFile(found.value()->rowId, path, size, width, height);
}
