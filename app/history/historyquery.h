#pragma once

#include "domain/records.h"
#include "domain/result.h"
#include "history/historyrecord.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

class HistoryDatabase;

// Where a keyset page ends: the (created_at, row_id) of its last row.
struct HistoryCursor
{
    qint64 createdAtMs = 0;
    qint64 rowId = 0;
    friend bool operator==(const HistoryCursor &, const HistoryCursor &) = default;
};

// What the gallery or `list` asks for. Empty sets mean "any".
struct HistoryQuery
{
    enum class Order { NewestFirst, OldestFirst };

    QString accountId;
    QList<ImageStatus> statuses;
    QList<ImageType> kinds;
    bool favoritesOnly = false;
    bool includeHidden = false;
    QString search; // user text; every term matches as a prefix, in any language
    Order order = Order::NewestFirst;
    std::optional<HistoryCursor> after; // continue after this row; never OFFSET
    int limit = 100;

    // True when the search, status, kind or favourites choice leaves out rows of the account.
    bool hasFilters() const
    {
        return !search.isEmpty() || !statuses.isEmpty() || !kinds.isEmpty() || favoritesOnly;
    }
};

// One day (UTC) of a query's rows: the per-day count index maps a row number to its day.
struct HistoryBucket
{
    static constexpr qint64 lengthMs = 86'400'000;
    qint64 startMs = 0;
    qint64 rows = 0;
};

struct HistoryPage
{
    QList<HistoryRecord> rows;
    std::optional<HistoryCursor> next; // set when more rows follow
};

// Reads the local mirror only (never the network), so it answers the same offline.
class HistoryReader final
{
public:
    explicit HistoryReader(HistoryDatabase &database);

    Result<HistoryPage> page(const HistoryQuery &query);
    // How many rows match (ignores after/limit), for the gallery's "N matches".
    Result<qint64> count(const HistoryQuery &query);
    // The matching rows per day, in the query's order (ignores after/limit): one walk of the
    // time index, so a row number maps to a day without reading the rows above it.
    Result<QList<HistoryBucket>> buckets(const HistoryQuery &query);
    // The key of the `offset`-th matching row (in the query's order) created in
    // [fromMs, toMs); none past the last.
    Result<std::optional<HistoryCursor>> keyAt(const HistoryQuery &query, qint64 fromMs,
                                               qint64 toMs, qint64 offset);
    // The key of the matching row `offset` rows past `from` (0: the next one) in the query's
    // order, or before it when `forward` is false; none past the end. Walks `offset` index
    // entries, so a row near a known one is found without the per-day index.
    Result<std::optional<HistoryCursor>>
    keyNear(const HistoryQuery &query, const HistoryCursor &from, bool forward, qint64 offset);
    // How many matching rows created in [fromMs, toMs) sort before `key` in the query's order.
    Result<qint64> countBefore(const HistoryQuery &query, qint64 fromMs, qint64 toMs,
                               const HistoryCursor &key);
    // The key of one row, whatever it matches; none when there is no such row.
    Result<std::optional<HistoryCursor>> cursorOf(qint64 rowId);

    // The FTS5 MATCH expression for user input: each term quoted as a string (so `"`, `*`,
    // AND, NOT, NEAR( and `-` are text, never syntax) with a prefix star. Empty when the input
    // has no letter or digit.
    static QString ftsMatchExpression(const QString &userInput);
    // The same Persian normalisation the FTS triggers apply to stored prompts.
    static QString normalizeForSearch(const QString &text);

private:
    // Whether a search matches so many rows that walking the time index and skipping
    // non-matches beats looking up every match and sorting them. Remembered per expression:
    // a stale answer costs time, never correctness.
    bool isDenseSearch(const QString &match);
    bool isSparseSearch(const HistoryQuery &query);

    HistoryDatabase &m_database;
    QMutex m_mutex; // guards m_denseSearches (a reader may be shared between threads)
    QHash<QString, bool> m_denseSearches;
};
