#include "history/imagebacklog.h"

#include "history/historydatabase.h"
#include "history/historysql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

ImageBacklog::ImageBacklog(HistoryDatabase &database)
    : m_database(database)
{ }

Result<QList<BacklogItem>> ImageBacklog::nextMissing(const QString &accountId,
                                                     const std::optional<BacklogCursor> &after,
                                                     int limit)
{
    QSqlQuery q(m_database.connection());
    // The WHERE repeats the partial index's terms word for word, so SQLite uses it
    // (generated_images_image_backlog, schema 6).
    QString sql = u"SELECT row_id, created_at, image_url FROM generated_images "
                  "WHERE account_id = :account AND status = 'completed' AND local_file IS NULL "
                  "AND image_gone = 0 AND image_url IS NOT NULL AND image_url <> ''"_s;
    if (after)
        sql += u" AND (created_at < :at OR (created_at = :at AND row_id < :row))"_s;
    sql += u" ORDER BY created_at DESC, row_id DESC LIMIT :limit"_s;
    q.prepare(sql);
    q.bindValue(u":account"_s, accountId);
    if (after) {
        q.bindValue(u":at"_s, after->createdAtMs);
        q.bindValue(u":row"_s, after->rowId);
    }
    q.bindValue(u":limit"_s, limit);
    if (!q.exec())
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    QList<BacklogItem> items;
    while (q.next())
        items.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString()});
    return items;
}

Result<BacklogCounts> ImageBacklog::counts(const QString &accountId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT count(*), count(local_file), sum(local_file IS NULL AND image_gone = 1) "
              "FROM generated_images WHERE account_id = :account AND status = 'completed' "
              "AND image_url IS NOT NULL AND image_url <> ''"_s);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec() || !q.next())
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    return BacklogCounts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

Result<int> ImageBacklog::recordMiss(qint64 rowId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"UPDATE generated_images SET image_misses = image_misses + 1 WHERE row_id = :row "
              "RETURNING image_misses"_s);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return historyWriteError("core.history.step.rememberImage", q.lastError().text());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<bool> ImageBacklog::markGone(qint64 rowId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"UPDATE generated_images SET image_gone = 1 WHERE row_id = :row "
              "AND local_file IS NULL"_s);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return historyWriteError("core.history.step.rememberImage", q.lastError().text());
    return q.numRowsAffected() > 0;
}
