#pragma once

#include "domain/result.h"

#include <QList>
#include <QString>

#include <optional>

class HistoryDatabase;

// One record whose image the mirror still has to fetch.
struct BacklogItem
{
    qint64 rowId = 0;
    qint64 createdAtMs = 0;
    QString imageUrl; // as the server wrote it (often root-relative)
};

// Where a page of the backlog stopped: the next page starts below it (newest first).
struct BacklogCursor
{
    qint64 createdAtMs = 0;
    qint64 rowId = 0;
};

// How much of an account's library is on this computer.
struct BacklogCounts
{
    qint64 withImage = 0; // completed records (each has, or had, an image on the server)
    qint64 here = 0; // of those, with the file on disk
    qint64 gone = 0; // of those, without a file and gone from the server
    qint64 missing() const { return withImage - here - gone; }
};

// The image state of the history's records (schema 6), for the offline mirror: which completed
// records still lack their image, newest first, and which images the server no longer has.
// Usable from any thread (HistoryDatabase gives each its own connection).
class ImageBacklog final
{
public:
    explicit ImageBacklog(HistoryDatabase &database);

    // Completed records with an image URL, no local file and not gone, newest first, starting
    // below `after` (from the newest when empty).
    Result<QList<BacklogItem>> nextMissing(const QString &accountId,
                                           const std::optional<BacklogCursor> &after, int limit);
    Result<BacklogCounts> counts(const QString &accountId);
    // Bytes of the account's images on disk, each stored file once (records can share one).
    Result<qint64> bytesHere(const QString &accountId);
    // One more download found no image for this row; its miss count after this one.
    Result<int> recordMiss(qint64 rowId);
    // The row's image is gone from the server: the mirror stops asking, the card says so.
    Result<bool> markGone(qint64 rowId);

private:
    HistoryDatabase &m_database;
};
