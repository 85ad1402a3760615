#pragma once

#include "domain/job.h"
#include "domain/records.h"
#include "lineage/lineagelink.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// Derives the links of images as they are written and stores them (lineage_links), inside the
// caller's open transaction on its connection: a local job's result (its reference copies
// matched to records' files by content hash, and an earlier run of the same request), and a
// page of server records (their input addresses matched to records' image addresses, both
// ways: an edit usually arrives before its source). Every method returns the driver's error
// text, empty on success.
class LineageWriter final
{
public:
    explicit LineageWriter(QSqlDatabase db);

    // The job whose gallery row is `rowId` has its result.
    QString deriveForJob(qint64 rowId, const Job &job);
    // These records are mirrored (ServerRecordUpsert wrote them).
    QString deriveForServerRecords(const QString &accountId,
                                   const QList<QList<GeneratedImage>> &pages);
    // Stores links (a pair already linked keeps its kind).
    QString insertLinks(const QString &accountId, const QList<LineageLink> &links);

private:
    // The newest earlier run of the same request as `rowId` (same prompt, kind and sources).
    QString deriveRegeneration(const QString &accountId, qint64 rowId);

    QSqlDatabase m_db;
};
