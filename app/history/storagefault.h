#pragma once

#include "domain/usermessage.h"

#include <QSqlDatabase>
#include <QString>

// Tells a write that failed for want of room (a full disk, a quota, a file size limit) from
// other write failures, and says it in a sentence: a full disk must reach the user as "free
// some space", never as a hang or as a database's own words.
namespace StorageFault {

// The errno of a failed write means there is no room for it: ENOSPC, EDQUOT, EFBIG.
bool isNoRoom(int systemErrno);
// The last failure on `db` (its driver text given) was for want of room: SQLite's "database
// or disk is full", or an I/O error whose errno says so.
bool sqlNoRoom(const QSqlDatabase &db, const QString &errorText);
// Fewer than `bytes` plus a small floor are free where `dir` lives (the folder need not exist:
// its nearest existing parent is asked). Unknown free space counts as enough.
bool lacksRoom(const QString &dir, qint64 bytes);
// Writing `bytes` where `available` are free (-1: unknown, counted as enough) would leave less
// than the floor.
bool leavesTooLittle(qint64 available, qint64 bytes);
// The bytes free where `dir` lives; -1 when the system does not say.
qint64 freeBytes(const QString &dir);

// "The disk is full: free some space; your job is kept."
UserMessage diskFullJobKept();

} // namespace StorageFault
