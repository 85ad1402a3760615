#pragma once

#include "domain/usermessage.h"

#include <QSqlDatabase>
#include <QString>

// What came back into a fresh database after the old one was found damaged.
struct SalvageReport
{
    enum class Source { Nothing, DamagedFile, Backup, Both };
    Source source = Source::Nothing;
    int favourites = 0;
    int hidden = 0;
    int jobs = 0;
    int imageLinks = 0; // records linked to an image file that is on this computer
    int rowsLost = 0; // rows neither the damaged file nor the backup could give

    bool recoveredAnything() const { return source != Source::Nothing; }
    // "What only this computer knew came back from …: 2 favourites, …" for the banner and the
    // CLI; empty when nothing came back.
    UserMessage message() const;
};

// Brings back what only this computer knew (favourites, hidden flags, local jobs and their
// cards, the links to images on disk) into the fresh database that replaced a damaged one: every
// such row the damaged file still gives (read in small ranges, so one bad page loses only its
// own rows), the rest from the backup (HistoryBackup), then links to files that moved are found
// again by the content hash ImageStore names them by. Every other record, and the sync state,
// come back with the next (full) sync from the server.
class HistorySalvage final
{
public:
    // `target`: the fresh, migrated database (its folder is the profile). `damagedPath`: the
    // file set aside; `backupPath`: the last backup (may be missing).
    static SalvageReport run(const QSqlDatabase &target, const QString &damagedPath,
                             const QString &backupPath);
};
