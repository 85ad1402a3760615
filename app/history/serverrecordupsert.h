#pragma once

#include "domain/records.h"
#include "domain/result.h"
#include "history/mirrorwrite.h"
#include "history/recordstage.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// Writes one page of server records into the mirror, inside the caller's transaction: two
// lookups for the whole page, an UPDATE per changed record, one UPDATE for all unchanged
// ones and one INSERT for all new ones (RecordStage). Local columns are never written.
class ServerRecordUpsert final
{
public:
    ServerRecordUpsert(QSqlDatabase db, QString accountId, qint64 seenAtMs);
    // `lookups` false: the caller expects no mirrored row to have any of these ids or task ids,
    // and no id or task id to repeat within the records. Should one, the new records' INSERT
    // fails, undoes itself, and they are written again with lookups. `triggers`: see
    // RecordStage.
    Result<UpsertCounts> run(const QList<GeneratedImage> &records, bool lookups = true);
    // Several pages as one: one lookup per key and one INSERT for the new records of them all
    // (FTS5 writes an index segment per statement); the counts per page.
    Result<QList<UpsertCounts>> run(const QList<QList<GeneratedImage>> &pages, bool lookups = true,
                                    RecordStage::Triggers triggers = RecordStage::Triggers::Fire);

    // Whether the last run looked its records up: asked to, or after a record it was told
    // could not be mirrored was.
    bool lookedUp() const { return m_lookedUp; }

private:
    QSqlDatabase m_db;
    QString m_accountId;
    qint64 m_seenAtMs = 0;
    bool m_lookedUp = false;
};
