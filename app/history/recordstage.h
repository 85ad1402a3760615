#pragma once

#include "records.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringEncoder>

struct sqlite3;
struct sqlite3_stmt;

// New server records on their way into the mirror, inside the caller's transaction: staged one
// by one in a temporary table, then inserted into generated_images by one statement, oldest
// first. One INSERT for a whole batch keeps the indexes' work in one pass; the staging goes
// through SQLite's own API, on the very connection QtSql opened, because binding fourteen
// QVariants by name per record cost about a tenth of the whole write.
class RecordStage final
{
public:
    explicit RecordStage(QSqlDatabase db);
    ~RecordStage();
    RecordStage(const RecordStage &) = delete;
    RecordStage &operator=(const RecordStage &) = delete;

    // Each returns an empty string on success, else the driver's text.
    QString open();
    QString add(const GeneratedImage &image);
    enum class Triggers {
        Fire,
        // Only while the search backlog is open (SearchBacklog): the one insert trigger, the
        // search index's, would do nothing, and costs about a tenth of the insert to evaluate.
        Skip,
    };
    // Inserts every staged record, the last staged first (pages come newest first: so row ids
    // grow with time within a batch), and empties the stage.
    QString insertInto(const QString &accountId, qint64 seenAtMs, Triggers triggers);

private:
    QString lastError() const;

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_add = nullptr;
    int m_staged = 0;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    QByteArray m_utf8; // the texts of the record being staged
};
