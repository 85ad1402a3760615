#pragma once

#include <QtGlobal>

// The plain results and state of writes into the history mirror, kept free of QtSql so that
// HistoryStore's header reaches ui/ without it (studio_core links QtSql privately).

// What one upsert did: "changed" means status, image URL, error, completion time or prompt
// differ from the mirror (or a local job row became the server's record).
struct UpsertCounts
{
    int inserted = 0;
    int changed = 0;
    int unchanged = 0;
};

// Carried by one sync across its writes. When the account held no rows as the sync began and
// no other row was written since, a record can only meet a row this sync wrote itself: one that
// offset paging repeated as newer records pushed it to the next page. The pages are then
// written without lookups; a repeated record fails the INSERT's UNIQUE constraint, SQLite undoes
// that INSERT, and the pages are written again with lookups (ServerRecordUpsert::lookedUp()).
struct MirrorWriteState
{
    bool checked = false; // the first write looked at the account
    bool fresh = false;
    qint64 lastRowId = 0; // the table's largest row id after this sync's last write
};
