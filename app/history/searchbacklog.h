#pragma once

#include "domain/result.h"

#include <QSqlDatabase>

// The records a first sync wrote before their prompts were indexed for search (schema 3,
// migrations/0003_search_backlog.sql). open() and index() run inside the caller's transaction.
namespace SearchBacklog {

// Records inserted from now on wait for index() instead of being indexed one by one. A backlog
// already open stays as it is.
Result<bool> open(const QSqlDatabase &db, qint64 nowMs);

enum class When {
    Now,
    Due, // once 20,000 records wait, or the first has waited 2 s
};
// Adds the waiting records to the search index in one statement and closes the backlog. The
// number of records indexed: 0 when none wait, or when `when` is Due and they are not due.
Result<int> index(const QSqlDatabase &db, qint64 nowMs, When when);

// index(Now) in a transaction of its own, taken only when records wait (the usual answer is
// that none do, and learning it needs no write lock). The number of records indexed.
Result<int> indexWaiting(const QSqlDatabase &db);

} // namespace SearchBacklog
