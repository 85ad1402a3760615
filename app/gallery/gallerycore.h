#pragma once

#include "domain/job.h"
#include "domain/result.h"
#include "history/historyrecord.h"

#include <QObject>
#include <QSize>
#include <QStringList>
#include <QUrl>

class BackendClient;
class CharacterCache;
class HistoryStore;
class JobStore;
class LineageReader;
class Session;

// What the gallery's actions need from the core, kept out of ui/ (which includes no QtSql
// header): local flags on many rows, one record, the row of a job, its local reference files,
// and the composer request that regenerates it.
class GalleryCore final : public QObject
{
    Q_OBJECT
public:
    GalleryCore(HistoryStore &history, JobStore &jobs, CharacterCache &characters,
                BackendClient &client, Session &session, QObject *parent = nullptr);

    // The account whose rows the gallery shows; empty when none.
    QString accountId() const;

    // Sets the local favourite / hidden flag of every row; stops at the first failure.
    Result<bool> setFavorite(const QList<qint64> &rowIds, bool favorite);
    Result<bool> setHidden(const QList<qint64> &rowIds, bool hidden);
    // The record as stored now (e.g. to export or to show the detail after a change).
    Result<HistoryRecord> record(qint64 rowId);
    // The signed-in account's record with this server id, as stored now.
    Result<HistoryRecord> record(const QString &serverId);
    // The gallery row of a job: its server record when known, else its own local row.
    Result<qint64> rowOfJob(const Job &job);

    // The local copies of the record's reference images, in order, when the job that made it
    // is still known (references are copied into the profile when queued); else empty.
    QStringList localReferencePaths(const HistoryRecord &record);
    // A name for each character id from the local character cache; the id itself when unknown.
    QStringList characterLabels(const QStringList &characterIds);
    // What each image was made from and what was made from it; null when not given (tests).
    void setLineage(LineageReader *lineage) { m_lineage = lineage; }
    LineageReader *lineage() const { return m_lineage; }
    // Where a record's image (or reference) URL points: relative ones against the server.
    QUrl resolveImageUrl(const QString &url) const;

    // The accepted aspect ratio ("16:9"...) closest to width:height; "1:1" when unknown.
    static QString nearestAspectRatio(int width, int height);
    // The request that makes this image again: same prompt and kind, the ratio from the
    // image's dimensions when known, resolution 1K, local references and the characters.
    static JobRequest regenerateRequest(const HistoryRecord &record,
                                        const QStringList &localReferences);
    // regenerateRequest with this computer's references of the record's job, and its marked
    // area when it was a brush edit (so "Regenerate" sends the same mask, as Retry does).
    JobRequest regenerate(const HistoryRecord &record);

Q_SIGNALS:
    // The local history changed (a sync page, a job's progress, a saved image...); comes in
    // bursts, which a view coalesces.
    void historyChanged();
    // The session changed: the account shown may be another one now.
    void accountMayHaveChanged();

private:
    HistoryStore &m_history;
    JobStore &m_jobs;
    CharacterCache &m_characters;
    BackendClient &m_client;
    Session &m_session;
    LineageReader *m_lineage = nullptr;
};
