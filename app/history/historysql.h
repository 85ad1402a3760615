#pragma once

#include "domain/apierror.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

// Small SQL helpers shared by the history writers.

struct sqlite3;

// The SQLite connection behind a QtSql one, for what QtSql cannot do (RecordStage,
// WalCheckpointer); null when `db` is not an open QSQLITE connection. Debian's Qt SQLite
// driver links the system library, the one studio_core links too.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// NULL for an empty string, so optional server fields stay NULL in the database.
QVariant sqlNullable(const QString &value);
QVariant sqlNullableMs(const QDateTime &time);

// The ApiError for a failed write: `what` names the step (a core.history.step.* message, or
// its code), `detail` is the driver's text. The QString form takes text that is not
// translated.
ApiError historyWriteError(const UserMessage &what, const QString &detail);
ApiError historyWriteError(const char *step, const QString &detail);
ApiError historyWriteError(const QString &what, const QString &detail);

// Folds a local job row into the row of its server record: the server row keeps the server's
// fields and takes what only the job row knows (job id, favourite, hidden, local file); the
// job row is deleted. Runs inside the caller's transaction. Empty on success, else the
// driver's error text.
QString mergeJobRowInto(const QSqlDatabase &db, qint64 jobRowId, qint64 serverRowId);
