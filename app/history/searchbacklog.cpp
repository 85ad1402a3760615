#include "history/searchbacklog.h"

#include "history/historysql.h"
#include "history/sqltransaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int dueRecords = 20000;
constexpr qint64 dueAfterMs = 2000;

} // namespace

namespace SearchBacklog {

Result<bool> open(const QSqlDatabase &db, qint64 nowMs)
{
    QSqlQuery q(db);
    // The aggregate answers one row even when nothing matches: filter outside it.
    q.prepare(u"INSERT INTO search_backlog (from_row_id, started_at) SELECT next, :now FROM "
              "(SELECT coalesce(max(row_id), 0) + 1 AS next FROM generated_images) WHERE NOT "
              "EXISTS (SELECT 1 FROM search_backlog)"_s);
    q.bindValue(u":now"_s, nowMs);
    if (!q.exec())
        return historyWriteError("core.history.step.prepareSearch", q.lastError().text());
    return q.numRowsAffected() > 0;
}

Result<int> index(const QSqlDatabase &db, qint64 nowMs, When when)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT min(b.from_row_id), min(b.started_at), (SELECT max(row_id) FROM "
                "generated_images) FROM search_backlog AS b"_s)
        || !q.next())
        return historyWriteError("core.history.step.readBacklog", q.lastError().text());
    if (q.value(0).isNull())
        return 0;
    const qint64 fromRowId = q.value(0).toLongLong();
    const qint64 waiting = std::max<qint64>(0, q.value(2).toLongLong() - fromRowId + 1);
    const bool due = waiting >= dueRecords || nowMs - q.value(1).toLongLong() >= dueAfterMs;
    q.finish();
    if (when == When::Due && !due)
        return 0;
    // The search text of a prompt exactly as the schema's triggers (0003, recreated by 0004)
    // write it, Arabic yeh and kaf as Persian and no zero-width non-joiner: they delete by it.
    q.prepare(u"INSERT INTO images_fts (rowid, prompt) SELECT row_id, "
              "replace(replace(replace(prompt, 'ي', 'ی'), 'ك', 'ک'), char(8204), '') "
              "FROM generated_images WHERE row_id >= :from"_s);
    q.bindValue(u":from"_s, fromRowId);
    if (!q.exec())
        return historyWriteError("core.history.step.indexPrompts", q.lastError().text());
    const int indexed = q.numRowsAffected();
    if (!q.exec(u"DELETE FROM search_backlog"_s))
        return historyWriteError("core.history.step.indexPrompts", q.lastError().text());
    return indexed;
}

Result<int> indexWaiting(const QSqlDatabase &db)
{
    {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT EXISTS (SELECT 1 FROM search_backlog)"_s) || !q.next())
            return historyWriteError("core.history.step.readBacklog", q.lastError().text());
        if (!q.value(0).toBool())
            return 0;
    }
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return historyWriteError("core.history.step.indexPrompts", transaction.errorText());
    auto indexed = index(db, QDateTime::currentMSecsSinceEpoch(), When::Now);
    if (!indexed)
        return indexed.error();
    if (indexed.value() > 0 && !transaction.commit())
        return historyWriteError("core.history.step.indexPrompts", transaction.errorText());
    return indexed;
}

} // namespace SearchBacklog
