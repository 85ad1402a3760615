#include "history/storagefault.h"

#include "history/historysql.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

#include <cerrno>
#include <sqlite3.h>

namespace StorageFault {

namespace {
// A write that leaves less than this would leave SQLite no room for its log and the next
// commit failing half-way; 8 MiB is a few commits of a 16 KB-page database.
constexpr qint64 kFloorBytes = qint64{8} * 1024 * 1024;
} // namespace

bool isNoRoom(int systemErrno)
{
    return systemErrno == ENOSPC || systemErrno == EDQUOT || systemErrno == EFBIG;
}

bool sqlNoRoom(const QSqlDatabase &db, const QString &errorText)
{
    // SQLite's words are English whatever the locale: SQLITE_FULL, and SQLITE_IOERR_WRITE for a
    // file size limit (EFBIG), whose cause only the errno tells.
    if (errorText.contains(QLatin1StringView("database or disk is full"), Qt::CaseInsensitive))
        return true;
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return false;
    if ((sqlite3_errcode(handle) & 0xff) == SQLITE_FULL)
        return true;
    return isNoRoom(sqlite3_system_errno(handle));
}

qint64 freeBytes(const QString &dir)
{
    QString existing = QDir::cleanPath(QDir(dir).absolutePath());
    while (!QFileInfo::exists(existing) && existing != QFileInfo(existing).path())
        existing = QFileInfo(existing).path();
    const QStorageInfo storage(existing);
    if (!storage.isValid() || !storage.isReady())
        return -1;
    return storage.bytesAvailable();
}

bool leavesTooLittle(qint64 available, qint64 bytes)
{
    return available >= 0 && available < bytes + kFloorBytes;
}

bool lacksRoom(const QString &dir, qint64 bytes)
{
    return leavesTooLittle(freeBytes(dir), bytes);
}

UserMessage diskFullJobKept()
{
    return UserMessage::of("jobs.diskFull");
}

} // namespace StorageFault
