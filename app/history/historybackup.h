#pragma once

#include "domain/result.h"

#include <QString>

class HistoryDatabase;

// A copy of the profile's database (studio.sqlite.backup) written by SQLite's VACUUM INTO on a
// clean exit, at most once a day: what HistorySalvage falls back on when a damaged file gives
// nothing (its header destroyed) or not everything.
namespace HistoryBackup {

QString pathFor(const QString &databasePath);
// Writes it when there is none or it is older than `maxAgeSeconds`; true when written.
Result<bool> writeIfDue(HistoryDatabase &database, qint64 maxAgeSeconds = qint64{24} * 3600);
// Writes it now (a temporary file renamed over the last one, so a crash never leaves half).
Result<bool> write(HistoryDatabase &database);

} // namespace HistoryBackup
