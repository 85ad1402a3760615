#pragma once

#include "domain/records.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlQuery;

// One row of generated_images: the server's fields plus the local ones. Times are ms since
// the epoch (UTC), as stored.
struct HistoryRecord
{
    qint64 rowId = 0; // local key, stable
    QString accountId;
    QString id; // server id; empty for a local job not yet on the server
    QString userId;
    QString taskId;
    QString prompt;
    QString typeRaw; // the server's spelling
    ImageType kind = ImageType::Other;
    QString imageUrl;
    QString originImageUrl;
    QStringList referenceImageUrls;
    QStringList characterIds;
    ImageStatus status = ImageStatus::Pending;
    QString error;
    qint64 createdAtMs = 0;
    std::optional<qint64> completedAtMs;
    bool favorite = false;
    bool hidden = false;
    QString localFile;
    std::optional<qint64> fileSize;
    std::optional<int> width;
    std::optional<int> height;
    std::optional<qint64> jobId;
    std::optional<qint64> lastSeenOnServerMs;
    bool goneFromServer = false;
    // The record says it has an image but the server's upload is gone (schema 6, ImageMirror).
    bool imageGone = false;

    bool isOnServer() const { return !id.isEmpty(); }
    // `error` in words: a local job's row stores its message as a code (UserMessage), a
    // server record the server's own text, which reads back as itself.
    QString errorText() const;
    QDateTime createdAt() const { return QDateTime::fromMSecsSinceEpoch(createdAtMs, Qt::UTC); }
    QDateTime completedAt() const
    {
        return completedAtMs ? QDateTime::fromMSecsSinceEpoch(*completedAtMs, Qt::UTC)
                             : QDateTime();
    }
};

// The SELECT list that readHistoryRecord() expects, for a table aliased as `alias`.
QString historyRecordColumns(const QString &alias = QStringLiteral("g"));
HistoryRecord readHistoryRecord(const QSqlQuery &query);

// JSON array text <-> string list, as stored in the *_urls / *_ids columns.
QString jsonStringArray(const QStringList &list);
QStringList parseJsonStringArray(const QString &json);
