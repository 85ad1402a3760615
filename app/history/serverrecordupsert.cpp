#include "history/serverrecordupsert.h"

#include "history/historylog.h"
#include "history/historyrecord.h"
#include "history/historysql.h"
#include "history/recordstage.h"
#include "lineage/lineagewriter.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

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

void bindServerFields(QSqlQuery &q, const GeneratedImage &image)
{
    q.bindValue(u":id"_s, image.id);
    q.bindValue(u":user_id"_s, sqlNullable(image.userId));
    q.bindValue(u":task_id"_s, sqlNullable(image.taskId));
    q.bindValue(u":prompt"_s, image.prompt);
    q.bindValue(u":type"_s, image.typeRaw);
    q.bindValue(u":kind"_s, imageTypeName(image.type));
    q.bindValue(u":image_url"_s, sqlNullable(image.imageUrl));
    q.bindValue(u":origin_image_url"_s, sqlNullable(image.originImageUrl));
    q.bindValue(u":reference_image_urls"_s, jsonStringArray(image.referenceImageUrls));
    q.bindValue(u":character_ids"_s, jsonStringArray(image.characterIds));
    q.bindValue(u":status"_s, imageStatusName(image.status));
    q.bindValue(u":error"_s, sqlNullable(image.error));
    q.bindValue(u":created_at"_s, image.createdAt.toMSecsSinceEpoch());
    q.bindValue(u":completed_at"_s, sqlNullableMs(image.completedAt));
}

} // namespace

ServerRecordUpsert::ServerRecordUpsert(QSqlDatabase db, QString accountId, qint64 seenAtMs)
    : m_db(db)
    , m_accountId(std::move(accountId))
    , m_seenAtMs(seenAtMs)
{ }

Result<UpsertCounts> ServerRecordUpsert::run(const QList<GeneratedImage> &records, bool lookups)
{
    auto counts = run(QList<QList<GeneratedImage>>{records}, lookups);
    if (!counts)
        return counts.error();
    return counts.value().constFirst();
}

Result<QList<UpsertCounts>> ServerRecordUpsert::run(const QList<QList<GeneratedImage>> &pages,
                                                    bool lookups, RecordStage::Triggers triggers)
{
    QSqlDatabase &db = m_db;
    const QString &accountId = m_accountId;
    const qint64 seenAtMs = m_seenAtMs;
    m_lookedUp = lookups;
    QList<UpsertCounts> pageCounts(pages.size());
    qsizetype recordCount = 0;
    for (const auto &page : pages)
        recordCount += page.size();
    if (recordCount == 0)
        return pageCounts;
    // Two lookups per batch instead of two per record: every mirrored row these pages name,
    // by server id and by task id.
    QStringList ids, taskIds;
    if (lookups) {
        ids.reserve(recordCount);
        for (const auto &page : pages) {
            for (const auto &image : page) {
                ids.append(image.id);
                if (!image.taskId.isEmpty())
                    taskIds.append(image.taskId);
            }
        }
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
            return historyWriteError("core.history.step.readHistory", q.lastError().text());
        while (q.next()) {
            MirroredRow row = readMirroredRow(q);
            map->insert(column == u"id" ? row.id : row.taskId, row);
        }
    }

    // New records are staged and inserted by one statement: FTS5 flushes its pending index
    // data at every statement boundary, and one pass over a batch is cheaper for every index.
    RecordStage stage(db);
    if (const QString error = stage.open(); !error.isEmpty())
        return historyWriteError("core.history.step.saveHistory", error);
    QSqlQuery update(db);
    update.prepare(u"UPDATE generated_images SET id = :id, user_id = :user_id, task_id = "
                   "coalesce(:task_id, task_id), prompt = :prompt, type = :type, kind = :kind, "
                   "image_url = :image_url, origin_image_url = :origin_image_url, "
                   "reference_image_urls = :reference_image_urls, character_ids = "
                   ":character_ids, status = :status, error = :error, created_at = :created_at, "
                   "completed_at = :completed_at, last_seen_on_server = :seen, "
                   "gone_from_server = 0 WHERE row_id = :row"_s);

    QSet<QString> stagedIds, stagedTasks;
    QStringList unchangedRows;
    for (qsizetype pageIndex = 0; pageIndex < pages.size(); ++pageIndex) {
        UpsertCounts &counts = pageCounts[pageIndex];
        for (const auto &image : pages.at(pageIndex)) {
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
                    const QString error = mergeJobRowInto(db, byTaskRow->rowId, row->rowId);
                    if (!error.isEmpty())
                        return historyWriteError("core.history.step.mergeJob", error);
                    byTask.remove(image.taskId);
                }
            }

            if (!row) {
                if (const QString error = stage.add(image); !error.isEmpty())
                    return historyWriteError("core.history.step.saveRecord", error);
                if (lookups) { // else a repeat fails the INSERT, and the pages are done again
                    stagedIds.insert(image.id);
                    if (!image.taskId.isEmpty())
                        stagedTasks.insert(image.taskId);
                }
                ++counts.inserted;
            } else if (differs(*row, image)) {
                bindServerFields(update, image);
                update.bindValue(u":seen"_s, seenAtMs);
                update.bindValue(u":row"_s, row->rowId);
                if (!update.exec())
                    return historyWriteError("core.history.step.updateRecord",
                                             update.lastError().text());
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
    }
    update.finish();

    QSqlQuery bulk(db);
    if (!unchangedRows.isEmpty()) {
        bulk.prepare(u"UPDATE generated_images SET last_seen_on_server = :seen, gone_from_server "
                     "= 0 WHERE row_id IN (SELECT value FROM json_each(:rows))"_s);
        bulk.bindValue(u":seen"_s, seenAtMs);
        bulk.bindValue(u":rows"_s, QString(u'[' + unchangedRows.join(u',') + u']'));
        if (!bulk.exec())
            return historyWriteError("core.history.step.updateRecords", bulk.lastError().text());
    }
    if (const QString error = stage.insertInto(accountId, seenAtMs, triggers); !error.isEmpty()) {
        // Without lookups nothing was written before the INSERT, and SQLite undid the INSERT.
        if (!lookups && stage.conflicted())
            return run(pages, true, triggers);
        return historyWriteError("core.history.step.saveRecords", error);
    }
    bulk.finish();
    // What the records were made from; lineage is derived again later rather than fail a sync.
    if (const QString error = LineageWriter(db).deriveForServerRecords(accountId, pages);
        !error.isEmpty())
        qCWarning(lcHistory) << "lineage of synced records not stored:" << error;
    return pageCounts;
}
