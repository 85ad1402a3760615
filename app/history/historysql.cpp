#include "history/historysql.h"

#include "history/historylog.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QVariant sqlNullable(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant sqlNullableMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

ApiError historyWriteError(const UserMessage &what, const QString &detail)
{
    qCWarning(lcHistory) << what.english() << "failed:" << detail;
    return ApiError::make(ApiError::Kind::Local,
                          UserMessage::of("core.history.writeFailed", {what.toStorage()}), 0,
                          detail);
}

ApiError historyWriteError(const char *step, const QString &detail)
{
    return historyWriteError(UserMessage::of(step), detail);
}

ApiError historyWriteError(const QString &what, const QString &detail)
{
    return historyWriteError(UserMessage::plain(what), detail);
}

QString mergeJobRowInto(const QSqlDatabase &db, qint64 jobRowId, qint64 serverRowId)
{
    QSqlQuery q(db);
    // The server row's file wins, except over a brush edit's combined image (the job row has
    // the server's own result beside it): that one is what the user made on this computer.
    const QString jobFileWins = u"(j.server_local_file IS NOT NULL AND j.local_file IS NOT NULL)"_s;
    q.prepare(u"UPDATE generated_images AS s SET job_id = coalesce(s.job_id, j.job_id), "
              "favorite = max(s.favorite, j.favorite), hidden = max(s.hidden, j.hidden), "
              "local_file = CASE WHEN %1 THEN j.local_file ELSE coalesce(s.local_file, "
              "j.local_file) END, file_size = CASE WHEN %1 THEN j.file_size ELSE "
              "coalesce(s.file_size, j.file_size) END, width = CASE WHEN %1 THEN j.width ELSE "
              "coalesce(s.width, j.width) END, height = CASE WHEN %1 THEN j.height ELSE "
              "coalesce(s.height, j.height) END, server_local_file = coalesce(j.server_local_file, "
              "s.server_local_file) FROM (SELECT * FROM generated_images WHERE row_id = :job) AS j "
              "WHERE s.row_id = :server"_s.arg(jobFileWins));
    q.bindValue(u":job"_s, jobRowId);
    q.bindValue(u":server"_s, serverRowId);
    if (!q.exec())
        return q.lastError().text();
    q.prepare(u"DELETE FROM generated_images WHERE row_id = :job"_s);
    q.bindValue(u":job"_s, jobRowId);
    if (!q.exec())
        return q.lastError().text();
    qCDebug(lcHistory) << "merged job row" << jobRowId << "into" << serverRowId;
    return {};
}
