#include "history/imagebacklog.h"

#include "history/historydatabase.h"
#include "history/historysql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// The terms of generated_images_image_backlog's WHERE, word for word (SQLite uses a partial
// index only for a query whose WHERE implies them), for the account bound as :account.
QString backlogTerms()
{
    return u"account_id = :account AND status = 'completed' AND local_file IS NULL AND "
           "image_gone = 0 AND image_url IS NOT NULL"_s;
}

} // namespace

ImageBacklog::ImageBacklog(HistoryDatabase &database)
    : m_database(database)
{ }

Result<QList<BacklogItem>> ImageBacklog::nextMissing(const QString &accountId,
                                                     const std::optional<BacklogCursor> &after,
                                                     int limit)
{
    QSqlQuery q(m_database.connection());
    // The partial index of schema 6, by name: SQLite would otherwise walk the status index
    // and read every completed row (the WHERE repeats the index's terms, which it requires).
    QString sql = u"SELECT row_id, created_at, image_url FROM generated_images "
                  "INDEXED BY generated_images_image_backlog WHERE "_s
                  + backlogTerms() + u" AND image_url <> ''"_s;
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
    // Three index-only counts (a few ms at 100,000 records, where one pass over the table took
    // 0.12 s on every sync). Every completed record has an image URL (CONTRACT.md), so the
    // completed ones are the records with an image.
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT (SELECT count(*) FROM generated_images WHERE account_id = :account AND "
              "status = 'completed'), (SELECT count(*) FROM generated_images INDEXED BY "
              "generated_images_image_backlog WHERE "_s
              + backlogTerms()
              + u"), (SELECT count(*) FROM generated_images INDEXED BY "
                "generated_images_image_gone WHERE account_id = :account AND image_gone = 1 AND "
                "status = 'completed' AND local_file IS NULL)"_s);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec() || !q.next())
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    BacklogCounts counts;
    counts.withImage = q.value(0).toLongLong();
    counts.gone = q.value(2).toLongLong();
    counts.here = counts.withImage - q.value(1).toLongLong() - counts.gone;
    return counts;
}

Result<qint64> ImageBacklog::bytesHere(const QString &accountId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT coalesce(sum(file_size), 0) FROM (SELECT DISTINCT local_file, file_size "
              "FROM generated_images WHERE account_id = :account AND local_file IS NOT NULL)"_s);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec() || !q.next())
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    return q.value(0).toLongLong();
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
