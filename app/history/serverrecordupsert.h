#pragma once

#include "records.h"
#include "result.h"

#include <QList>
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

// Writes one page of server records into the mirror, inside the caller's transaction: two
// lookups for the whole page, an UPDATE per changed record, one UPDATE for all unchanged
// ones and one INSERT for all new ones. Local columns are never written.
class ServerRecordUpsert final
{
public:
    ServerRecordUpsert(QSqlDatabase db, QString accountId, qint64 seenAtMs);
    Result<UpsertCounts> run(const QList<GeneratedImage> &records);

private:
    QSqlDatabase m_db;
    QString m_accountId;
    qint64 m_seenAtMs = 0;
};
