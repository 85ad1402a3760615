#include "historystore.h"

#include "historydatabase.h"
#include "historylog.h"
#include "sqltransaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// NULL for an empty string, so optional server fields stay NULL in the database.
QVariant nullable(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant nullableMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

// The server fields that decide whether a record changed, as the mirror holds them.
struct MirroredRow
{
    qint64 rowId = 0;
    QString id;
    QString taskId;
    QString status;
    QString imageUrl;
    QString error;
    qint64 completedAtMs = -1;
    QString prompt;
};

MirroredRow readMirroredRow(const QSqlQuery &q)
{
    MirroredRow row;
    row.rowId = q.value(0).toLongLong();
    row.id = q.value(1).toString();
    row.taskId = q.value(2).toString();
    row.status = q.value(3).toString();
    row.imageUrl = q.value(4).toString();
    row.error = q.value(5).toString();
    row.completedAtMs = q.value(6).isNull() ? -1 : q.value(6).toLongLong();
    row.prompt = q.value(7).toString();
    return row;
}

bool differs(const MirroredRow &row, const GeneratedImage &image)
{
    const qint64 completed =
        image.completedAt.isValid() ? image.completedAt.toMSecsSinceEpoch() : -1;
    return row.id != image.id || (!image.taskId.isEmpty() && row.taskId != image.taskId)
           || row.status != imageStatusName(image.status) || row.imageUrl != image.imageUrl
           || row.error != image.error || row.completedAtMs != completed
           || row.prompt != image.prompt;
}

QString serverTypeFor(JobKind kind)
{
    // The server's own spelling, so imageTypeFromServer() reads it back.
    return kind == JobKind::Edit ? u"IMAGETOIAMGE"_s : u"TEXTTOIAMGE"_s;
}

void bindServerFields(QSqlQuery &q, const GeneratedImage &image)
{
    q.bindValue(u":id"_s, image.id);
    q.bindValue(u":user_id"_s, nullable(image.userId));
    q.bindValue(u":task_id"_s, nullable(image.taskId));
    q.bindValue(u":prompt"_s, image.prompt);
    q.bindValue(u":type"_s, image.typeRaw);
    q.bindValue(u":kind"_s, imageTypeName(image.type));
    q.bindValue(u":image_url"_s, nullable(image.imageUrl));
    q.bindValue(u":origin_image_url"_s, nullable(image.originImageUrl));
    q.bindValue(u":reference_image_urls"_s, jsonStringArray(image.referenceImageUrls));
    q.bindValue(u":character_ids"_s, jsonStringArray(image.characterIds));
    q.bindValue(u":status"_s, imageStatusName(image.status));
    q.bindValue(u":error"_s, nullable(image.error));
    q.bindValue(u":created_at"_s, image.createdAt.toMSecsSinceEpoch());
    q.bindValue(u":completed_at"_s, nullableMs(image.completedAt));
}

} // namespace

HistoryStore::HistoryStore(HistoryDatabase &database)
    : m_database(database)
{ }

QSqlDatabase HistoryStore::connection()
{
    return m_database.connection();
}

ApiError HistoryStore::failure(const QString &what, const QString &detail) const
{
    qCWarning(lcHistory) << what << "failed:" << detail;
    return ApiError::make(ApiError::Kind::Local,
                          u"The local history could not be updated (%1). Restart the app; if "
                          "this keeps happening, check the free disk space."_s.arg(what),
                          0, detail);
}

Result<UpsertCounts> HistoryStore::upsertServerRecords(const QString &accountId,
                                                       const QList<GeneratedImage> &records,
                                                       qint64 seenAtMs)
{
    UpsertCounts counts;
    if (records.isEmpty())
        return counts;
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failure(u"saving the history"_s, transaction.errorText());

    // Two lookups per page instead of two per record: every mirrored row this page names,
    // by server id and by task id.
    QStringList ids, taskIds;
    ids.reserve(records.size());
    for (const auto &image : records) {
        ids.append(image.id);
        if (!image.taskId.isEmpty())
            taskIds.append(image.taskId);
    }
    QHash<QString, MirroredRow> byId, byTask;
    const QString lookup = u"SELECT row_id, id, task_id, status, image_url, error, completed_at, "
                           "prompt FROM generated_images WHERE account_id = :account AND %1 IN "
                           "(SELECT value FROM json_each(:keys))"_s;
    for (const auto &[column, keys, map] :
         {std::tuple{u"id"_s, &ids, &byId}, std::tuple{u"task_id"_s, &taskIds, &byTask}}) {
        if (keys->isEmpty())
            continue;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(lookup.arg(column));
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":keys"_s, jsonStringArray(*keys));
        if (!q.exec())
            return failure(u"reading the history"_s, q.lastError().text());
        while (q.next()) {
            MirroredRow row = readMirroredRow(q);
            map->insert(column == u"id" ? row.id : row.taskId, row);
        }
    }

    // New records are staged in a temporary table and inserted by one statement. FTS5
    // flushes its pending index data at every statement boundary inside a transaction, so a
    // row-by-row INSERT would write one index segment per record (about 4x slower).
    QSqlQuery stage(db), update(db);
    if (!stage.exec(u"CREATE TEMP TABLE IF NOT EXISTS history_stage (seq INTEGER PRIMARY KEY, "
                    "id TEXT, user_id TEXT, task_id TEXT, prompt TEXT, type TEXT, kind TEXT, "
                    "image_url TEXT, origin_image_url TEXT, reference_image_urls TEXT, "
                    "character_ids TEXT, status TEXT, error TEXT, created_at INTEGER, "
                    "completed_at INTEGER)"_s)
        || !stage.exec(u"DELETE FROM temp.history_stage"_s))
        return failure(u"saving the history"_s, stage.lastError().text());
    stage.prepare(u"INSERT INTO temp.history_stage (id, user_id, task_id, prompt, type, kind, "
                  "image_url, origin_image_url, reference_image_urls, character_ids, status, "
                  "error, created_at, completed_at) VALUES (:id, :user_id, :task_id, :prompt, "
                  ":type, :kind, :image_url, :origin_image_url, :reference_image_urls, "
                  ":character_ids, :status, :error, :created_at, :completed_at)"_s);
    update.prepare(u"UPDATE generated_images SET id = :id, user_id = :user_id, task_id = "
                   "coalesce(:task_id, task_id), prompt = :prompt, type = :type, kind = :kind, "
                   "image_url = :image_url, origin_image_url = :origin_image_url, "
                   "reference_image_urls = :reference_image_urls, character_ids = "
                   ":character_ids, status = :status, error = :error, created_at = :created_at, "
                   "completed_at = :completed_at, last_seen_on_server = :seen, "
                   "gone_from_server = 0 WHERE row_id = :row"_s);

    QSet<QString> stagedIds, stagedTasks;
    QStringList unchangedRows;
    for (const auto &image : records) {
        if (image.id.isEmpty())
            continue; // the decoder guarantees an id; a record without one cannot be mirrored
        if (stagedIds.contains(image.id)
            || (!image.taskId.isEmpty() && stagedTasks.contains(image.taskId))) {
            ++counts.unchanged; // repeated within the page (offset paging drift)
            continue;
        }
        auto found = byId.constFind(image.id);
        std::optional<MirroredRow> row;
        if (found != byId.cend())
            row = *found;
        const auto byTaskRow =
            image.taskId.isEmpty() ? byTask.cend() : byTask.constFind(image.taskId);
        if (byTaskRow != byTask.cend()) {
            if (!row) {
                row = *byTaskRow; // the local job row becomes this record
            } else if (byTaskRow->rowId != row->rowId && byTaskRow->id.isEmpty()) {
                // The record is mirrored already and a job row still carries its task id.
                auto merged = mergeJobRowInto(db, byTaskRow->rowId, row->rowId);
                if (!merged)
                    return merged.error();
                byTask.remove(image.taskId);
            }
        }

        if (!row) {
            bindServerFields(stage, image);
            if (!stage.exec())
                return failure(u"saving a history record"_s, stage.lastError().text());
            stagedIds.insert(image.id);
            if (!image.taskId.isEmpty())
                stagedTasks.insert(image.taskId);
            ++counts.inserted;
        } else if (differs(*row, image)) {
            bindServerFields(update, image);
            update.bindValue(u":seen"_s, seenAtMs);
            update.bindValue(u":row"_s, row->rowId);
            if (!update.exec())
                return failure(u"updating a history record"_s, update.lastError().text());
            MirroredRow now = *row;
            now.id = image.id;
            now.taskId = image.taskId.isEmpty() ? row->taskId : image.taskId;
            now.status = imageStatusName(image.status);
            now.imageUrl = image.imageUrl;
            now.error = image.error;
            now.completedAtMs =
                image.completedAt.isValid() ? image.completedAt.toMSecsSinceEpoch() : -1;
            now.prompt = image.prompt;
            byId.insert(image.id, now);
            ++counts.changed;
        } else {
            unchangedRows.append(QString::number(row->rowId));
            ++counts.unchanged;
        }
    }
    stage.finish();
    update.finish();

    QSqlQuery bulk(db);
    if (!unchangedRows.isEmpty()) {
        bulk.prepare(u"UPDATE generated_images SET last_seen_on_server = :seen, gone_from_server "
                     "= 0 WHERE row_id IN (SELECT value FROM json_each(:rows))"_s);
        bulk.bindValue(u":seen"_s, seenAtMs);
        bulk.bindValue(u":rows"_s, QString(u'[' + unchangedRows.join(u',') + u']'));
        if (!bulk.exec())
            return failure(u"updating history records"_s, bulk.lastError().text());
    }
    if (counts.inserted > 0) {
        // Oldest first, so that row ids grow with time within a page as they do across pages.
        bulk.prepare(u"INSERT INTO generated_images (account_id, id, user_id, task_id, prompt, "
                     "type, kind, image_url, origin_image_url, reference_image_urls, "
                     "character_ids, status, error, created_at, completed_at, "
                     "last_seen_on_server) SELECT :account, id, user_id, task_id, prompt, type, "
                     "kind, image_url, origin_image_url, reference_image_urls, character_ids, "
                     "status, error, created_at, completed_at, :seen FROM temp.history_stage "
                     "ORDER BY seq DESC"_s);
        bulk.bindValue(u":account"_s, accountId);
        bulk.bindValue(u":seen"_s, seenAtMs);
        if (!bulk.exec())
            return failure(u"saving history records"_s, bulk.lastError().text());
        if (!bulk.exec(u"DELETE FROM temp.history_stage"_s))
            return failure(u"saving history records"_s, bulk.lastError().text());
    }
    bulk.finish();
    if (!transaction.commit())
        return failure(u"saving the history"_s, transaction.errorText());
    return counts;
}

Result<bool> HistoryStore::mergeJobRowInto(QSqlDatabase &db, qint64 jobRowId, qint64 serverRowId)
{
    // The server row keeps the server's fields; the job row lends what only it knows.
    QSqlQuery q(db);
    q.prepare(u"UPDATE generated_images AS s SET job_id = coalesce(s.job_id, j.job_id), "
              "favorite = max(s.favorite, j.favorite), hidden = max(s.hidden, j.hidden), "
              "local_file = coalesce(s.local_file, j.local_file), file_size = "
              "coalesce(s.file_size, j.file_size), width = coalesce(s.width, j.width), height = "
              "coalesce(s.height, j.height) FROM (SELECT * FROM generated_images WHERE row_id = "
              ":job) AS j WHERE s.row_id = :server"_s);
    q.bindValue(u":job"_s, jobRowId);
    q.bindValue(u":server"_s, serverRowId);
    if (!q.exec())
        return failure(u"merging a job into its record"_s, q.lastError().text());
    q.prepare(u"DELETE FROM generated_images WHERE row_id = :job"_s);
    q.bindValue(u":job"_s, jobRowId);
    if (!q.exec())
        return failure(u"merging a job into its record"_s, q.lastError().text());
    qCDebug(lcHistory) << "merged job row" << jobRowId << "into" << serverRowId;
    return true;
}

Result<qint64> HistoryStore::insertLocalJobRow(const QString &accountId, const Job &job)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failure(u"adding the job to the gallery"_s, transaction.errorText());
    QSqlQuery q(db);
    q.prepare(u"SELECT row_id FROM generated_images WHERE account_id = :account AND (job_id = :job "
              "OR id = :image OR task_id = :task) ORDER BY (job_id = :job) DESC LIMIT 1"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":job"_s, job.id);
    q.bindValue(u":image"_s, nullable(job.imageId));
    q.bindValue(u":task"_s, nullable(job.taskId));
    if (!q.exec())
        return failure(u"adding the job to the gallery"_s, q.lastError().text());
    if (q.next()) {
        const qint64 rowId = q.value(0).toLongLong();
        q.finish();
        q.prepare(u"UPDATE generated_images SET job_id = coalesce(job_id, :job) WHERE row_id = "
                  ":row"_s);
        q.bindValue(u":job"_s, job.id);
        q.bindValue(u":row"_s, rowId);
        if (!q.exec() || !transaction.commit())
            return failure(u"adding the job to the gallery"_s, q.lastError().text());
        return rowId;
    }
    const QDateTime created =
        job.createdAt.isValid() ? job.createdAt : QDateTime::currentDateTimeUtc();
    q.prepare(u"INSERT INTO generated_images (account_id, id, task_id, prompt, type, kind, "
              "reference_image_urls, character_ids, status, created_at, job_id) VALUES "
              "(:account, :id, :task, :prompt, :type, :kind, '[]', :characters, 'pending', "
              ":created, :job)"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":id"_s, nullable(job.imageId));
    q.bindValue(u":task"_s, nullable(job.taskId));
    q.bindValue(u":prompt"_s, job.request.prompt);
    q.bindValue(u":type"_s, serverTypeFor(job.request.kind));
    q.bindValue(u":kind"_s, jobKindName(job.request.kind));
    q.bindValue(u":characters"_s, jsonStringArray(job.request.characterIds));
    q.bindValue(u":created"_s, created.toMSecsSinceEpoch());
    q.bindValue(u":job"_s, job.id);
    if (!q.exec())
        return failure(u"adding the job to the gallery"_s, q.lastError().text());
    const qint64 rowId = q.lastInsertId().toLongLong();
    if (!transaction.commit())
        return failure(u"adding the job to the gallery"_s, transaction.errorText());
    return rowId;
}

Result<qint64> HistoryStore::attachServerIdentity(qint64 rowId, const QString &imageId,
                                                  const QString &taskId)
{
    QSqlDatabase db = connection();
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return failure(u"linking the job to its record"_s, transaction.errorText());
    QSqlQuery q(db);
    q.prepare(u"SELECT s.row_id FROM generated_images AS j JOIN generated_images AS s ON "
              "s.account_id = j.account_id AND s.row_id <> j.row_id AND (s.id = :image OR "
              "s.task_id = :task) WHERE j.row_id = :row LIMIT 1"_s);
    q.bindValue(u":image"_s, nullable(imageId));
    q.bindValue(u":task"_s, nullable(taskId));
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure(u"linking the job to its record"_s, q.lastError().text());
    qint64 survivor = rowId;
    if (q.next()) {
        survivor = q.value(0).toLongLong();
        q.finish();
        auto merged = mergeJobRowInto(db, rowId, survivor);
        if (!merged)
            return merged.error();
    } else {
        q.finish();
        q.prepare(u"UPDATE generated_images SET id = coalesce(:image, id), task_id = "
                  "coalesce(:task, task_id) WHERE row_id = :row"_s);
        q.bindValue(u":image"_s, nullable(imageId));
        q.bindValue(u":task"_s, nullable(taskId));
        q.bindValue(u":row"_s, rowId);
        if (!q.exec())
            return failure(u"linking the job to its record"_s, q.lastError().text());
        if (q.numRowsAffected() == 0)
            return failure(u"linking the job to its record"_s, u"no row %1"_s.arg(rowId));
    }
    if (!transaction.commit())
        return failure(u"linking the job to its record"_s, transaction.errorText());
    return survivor;
}

Result<bool> HistoryStore::updateLocalJobRow(qint64 rowId, const LocalJobUpdate &update)
{
    QSqlQuery q(connection());
    q.prepare(u"UPDATE generated_images SET status = :status, error = :error, image_url = "
              "coalesce(:image_url, image_url), completed_at = coalesce(:completed, completed_at) "
              "WHERE row_id = :row"_s);
    q.bindValue(u":status"_s, imageStatusName(update.status));
    q.bindValue(u":error"_s, nullable(update.error));
    q.bindValue(u":image_url"_s, nullable(update.imageUrl));
    q.bindValue(u":completed"_s,
                update.completedAtMs ? QVariant(*update.completedAtMs) : QVariant());
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure(u"updating the job's card"_s, q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<bool> HistoryStore::setLocalFile(qint64 rowId, const QString &path, qint64 size, int width,
                                        int height)
{
    QSqlQuery q(connection());
    q.prepare(u"UPDATE generated_images SET local_file = :path, file_size = :size, width = :width, "
              "height = :height WHERE row_id = :row"_s);
    q.bindValue(u":path"_s, nullable(path));
    q.bindValue(u":size"_s, size);
    q.bindValue(u":width"_s, width);
    q.bindValue(u":height"_s, height);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure(u"remembering the saved image"_s, q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<bool> HistoryStore::setFavorite(qint64 rowId, bool favorite)
{
    QSqlQuery q(connection());
    q.prepare(u"UPDATE generated_images SET favorite = :value WHERE row_id = :row"_s);
    q.bindValue(u":value"_s, favorite ? 1 : 0);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure(u"saving the favourite"_s, q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<bool> HistoryStore::setHidden(qint64 rowId, bool hidden)
{
    QSqlQuery q(connection());
    q.prepare(u"UPDATE generated_images SET hidden = :value WHERE row_id = :row"_s);
    q.bindValue(u":value"_s, hidden ? 1 : 0);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return failure(u"hiding the image"_s, q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<int> HistoryStore::markGone(const QString &accountId, const QStringList &ids)
{
    if (ids.isEmpty())
        return 0;
    QSqlQuery q(connection());
    q.prepare(u"UPDATE generated_images SET gone_from_server = 1 WHERE account_id = :account AND "
              "id IN (SELECT value FROM json_each(:ids))"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":ids"_s, jsonStringArray(ids));
    if (!q.exec())
        return failure(u"marking removed records"_s, q.lastError().text());
    return q.numRowsAffected();
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
        return failure(u"marking removed records"_s, q.lastError().text());
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
        return failure(u"reading a record"_s, q.lastError().text());
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
        return failure(u"reading a record"_s, q.lastError().text());
    if (!q.next())
        return std::optional<HistoryRecord>();
    return std::optional<HistoryRecord>(readHistoryRecord(q));
}

Result<QList<HistoryRecord>> HistoryStore::findReconcileCandidates(const QString &accountId,
                                                                   const QString &prompt,
                                                                   qint64 fromMs, qint64 toMs)
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    // The time window walks the (account_id, created_at) index; the prompt is compared on the
    // few rows inside it.
    q.prepare(u"SELECT "_s + historyRecordColumns()
              + u" FROM generated_images AS g WHERE g.account_id = :account AND g.created_at "
                "BETWEEN :from AND :to AND g.id IS NOT NULL AND g.job_id IS NULL AND g.prompt = "
                ":prompt ORDER BY g.created_at, g.row_id"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":from"_s, fromMs);
    q.bindValue(u":to"_s, toMs);
    q.bindValue(u":prompt"_s, prompt);
    if (!q.exec())
        return failure(u"looking for the job's record"_s, q.lastError().text());
    QList<HistoryRecord> records;
    while (q.next())
        records.append(readHistoryRecord(q));
    return records;
}

Result<QHash<QString, QString>> HistoryStore::syncState(const QString &accountId)
{
    QSqlQuery q(connection());
    q.prepare(u"SELECT key, value FROM sync_state WHERE account_id = :account"_s);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec())
        return failure(u"reading the sync state"_s, q.lastError().text());
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
        return failure(u"saving the sync state"_s, transaction.errorText());
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO sync_state (account_id, key, value) VALUES (:account, :key, :value) "
              "ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value"_s);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":key"_s, it.key());
        q.bindValue(u":value"_s, it.value());
        if (!q.exec())
            return failure(u"saving the sync state"_s, q.lastError().text());
    }
    q.finish();
    if (!transaction.commit())
        return failure(u"saving the sync state"_s, transaction.errorText());
    return true;
}
