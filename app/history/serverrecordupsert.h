#pragma once

#include "records.h"
#include "recordstage.h"
#include "result.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

// What one upsert did: "changed" means status, image URL, error, completion time or prompt
// differ from the mirror (or a local job row became the server's record).
struct UpsertCounts
{
    int inserted = 0;
    int changed = 0;
    int unchanged = 0;
};

// Carried by one sync across its writes. When the account held no rows as the sync began and
// no other row was written since, a record can only meet rows this sync wrote itself (known
// by id and task id here), so a page of new records needs no lookups.
struct MirrorWriteState
{
    bool checked = false; // the first write looked at the account
    bool fresh = false;
    qint64 lastRowId = 0; // the table's largest row id after this sync's last write
    QSet<QString> ids;
    QSet<QString> taskIds;
};

// Writes one page of server records into the mirror, inside the caller's transaction: two
// lookups for the whole page, an UPDATE per changed record, one UPDATE for all unchanged
// ones and one INSERT for all new ones (RecordStage). Local columns are never written.
class ServerRecordUpsert final
{
public:
    ServerRecordUpsert(QSqlDatabase db, QString accountId, qint64 seenAtMs);
    // `lookups` false: the caller knows that no mirrored row has any of these ids or task ids,
    // and that no id or task id repeats within the records. `triggers`: see RecordStage.
    Result<UpsertCounts> run(const QList<GeneratedImage> &records, bool lookups = true);
    // Several pages as one: one lookup per key and one INSERT for the new records of them all
    // (FTS5 writes an index segment per statement); the counts per page.
    Result<QList<UpsertCounts>> run(const QList<QList<GeneratedImage>> &pages, bool lookups = true,
                                    RecordStage::Triggers triggers = RecordStage::Triggers::Fire);

private:
    QSqlDatabase m_db;
    QString m_accountId;
    qint64 m_seenAtMs = 0;
};
