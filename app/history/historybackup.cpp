#include "history/historybackup.h"

#include "history/historydatabase.h"
#include "history/historylog.h"
#include "history/storagefault.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

namespace HistoryBackup {

QString pathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".backup");
}

Result<bool> writeIfDue(HistoryDatabase &database, qint64 maxAgeSeconds)
{
    const QFileInfo last(pathFor(database.path()));
    if (last.exists() && last.lastModified().secsTo(QDateTime::currentDateTime()) < maxAgeSeconds)
        return false;
    return write(database);
}

Result<bool> write(HistoryDatabase &database)
{
    const QString target = pathFor(database.path());
    const QString temporary = target + QStringLiteral(".tmp");
    QFile::remove(temporary);
    const auto failed = [&](const QString &detail) -> Result<bool> {
        QFile::remove(temporary);
        qCWarning(lcHistory) << "backup not written:" << detail;
        return ApiError::make(ApiError::Kind::Local,
                              UserMessage::of("core.history.openFailed", {target}), 0, detail);
    };
    // The copy needs about the database's size; a nearly full disk keeps its last backup.
    if (StorageFault::lacksRoom(QFileInfo(target).path(), QFileInfo(database.path()).size()))
        return failed(QStringLiteral("not enough free space"));
    QSqlQuery q(database.connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(temporary);
    if (!q.exec())
        return failed(q.lastError().text());
    q.finish();
    // rename(2) replaces the last backup in one step.
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData())
        != 0)
        return failed(QStringLiteral("cannot rename %1").arg(temporary));
    qCInfo(lcHistory) << "backup written to" << target;
    return true;
}

} // namespace HistoryBackup
