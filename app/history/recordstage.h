#pragma once

#include "domain/records.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringEncoder>

#include <array>
#include <vector>

struct sqlite3;

// New server records on their way into the mirror, inside the caller's transaction: staged in
// memory, then inserted into generated_images by one statement that reads them, oldest first,
// through a virtual table (`history_stage`). One INSERT for a whole batch keeps the indexes'
// work in one pass; reading the batch straight from memory spares writing it into a temporary
// table and reading it back, which cost about a tenth of the whole write. It runs on the very
// connection QtSql opened, because binding fourteen QVariants by name per record cost as much.
class RecordStage final
{
public:
    // Makes `history_stage` known to a connection; HistoryDatabase does so for every one it
    // opens. Returns SQLite's result code.
    static int registerTable(sqlite3 *db);

    explicit RecordStage(QSqlDatabase db);
    RecordStage(const RecordStage &) = delete;
    RecordStage &operator=(const RecordStage &) = delete;

    // Each returns an empty string on success, else the driver's text.
    QString open();
    QString add(const GeneratedImage &image);
    enum class Triggers {
        Fire,
        // Only while the search backlog is open (SearchBacklog): the search index's insert
        // trigger would do nothing, and costs about a tenth of the insert to evaluate; the
        // per-day count index's is done for the whole stage in one statement instead.
        Skip,
    };
    // Inserts every staged record, the last staged first (pages come newest first: so row ids
    // grow with time within a batch), and empties the stage.
    QString insertInto(const QString &accountId, qint64 seenAtMs, Triggers triggers);
    // Whether the last insertInto() failed because a record was mirrored already (a UNIQUE
    // constraint); SQLite undid that INSERT, and the stage still holds the records.
    bool conflicted() const { return m_conflicted; }

private:
    friend struct StageTable;
    // Adds the staged records to the per-day count index (history_day_counts).
    QString countInto(const QByteArray &account);
    static constexpr int textColumns = 12;
    // One staged record: its texts as UTF-8 slices of m_utf8 (offsets, as the buffer grows),
    // a negative length for NULL.
    struct Staged
    {
        std::array<qsizetype, textColumns> offset{};
        std::array<int, textColumns> length{};
        qint64 createdAtMs = 0;
        qint64 completedAtMs = 0;
        bool completed = false; // else completed_at is NULL
    };

    QString lastError() const;

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    std::vector<Staged> m_staged;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    QByteArray m_utf8; // the texts of every staged record
    qsizetype m_used = 0;
    bool m_conflicted = false;
};
