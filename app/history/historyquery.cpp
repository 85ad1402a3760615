#include "history/historyquery.h"

#include "history/historydatabase.h"
#include "history/historylog.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

struct WhereClause
{
    QString sql;
    QList<std::pair<QString, QVariant>> bindings;
};

// Terms beyond this are ignored.
constexpr qsizetype maxSearchTerms = 16;

// Matches this many rows or more: a dense search (see isDenseSearch()).
constexpr int denseSearchRows = 2000;

// Everything but the cursor, the order and the limit: shared by page() and count().
// `driveFromFts`: the unary + keeps SQLite off the account indexes, so it looks up each FTS
// match by row id instead of walking the whole history testing membership.
WhereClause filterClause(const HistoryQuery &query, bool driveFromFts, bool *matchesNothing)
{
    WhereClause where;
    where.sql = driveFromFts ? u"+g.account_id = :account"_s : u"g.account_id = :account"_s;
    where.bindings.append({u":account"_s, query.accountId});
    if (!query.includeHidden)
        where.sql += u" AND g.hidden = 0"_s;
    // Written out literally so the partial index (WHERE favorite = 1) applies.
    if (query.favoritesOnly)
        where.sql += u" AND g.favorite = 1"_s;
    if (!query.statuses.isEmpty()) {
        QStringList names;
        for (qsizetype i = 0; i < query.statuses.size(); ++i) {
            const QString name = u":status%1"_s.arg(i);
            names.append(name);
            where.bindings.append({name, imageStatusName(query.statuses.at(i))});
        }
        where.sql += u" AND g.status IN ("_s + names.join(u", ") + u')';
    }
    if (!query.kinds.isEmpty()) {
        QStringList names;
        for (qsizetype i = 0; i < query.kinds.size(); ++i) {
            const QString name = u":kind%1"_s.arg(i);
            names.append(name);
            where.bindings.append({name, imageTypeName(query.kinds.at(i))});
        }
        where.sql += u" AND g.kind IN ("_s + names.join(u", ") + u')';
    }
    if (!query.search.trimmed().isEmpty()) {
        const QString match = HistoryReader::ftsMatchExpression(query.search);
        if (match.isEmpty()) {
            // Only punctuation: nothing can match it as a word.
            *matchesNothing = true;
        } else {
            where.sql += u" AND g.row_id IN (SELECT rowid FROM images_fts WHERE images_fts "
                         "MATCH :match)"_s;
            where.bindings.append({u":match"_s, match});
        }
    }
    return where;
}

bool hasSearch(const HistoryQuery &query)
{
    return !query.search.trimmed().isEmpty();
}

ApiError readError(const QString &detail)
{
    qCWarning(lcHistory) << "history query failed:" << detail;
    return ApiError::make(ApiError::Kind::Local, UserMessage::of("core.history.readFailed"), 0,
                          detail);
}

} // namespace

HistoryReader::HistoryReader(HistoryDatabase &database)
    : m_database(database)
{ }

bool HistoryReader::isDenseSearch(const QString &match)
{
    {
        QMutexLocker lock(&m_mutex);
        const auto found = m_denseSearches.constFind(match);
        if (found != m_denseSearches.cend())
            return *found;
    }
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT count(*) FROM (SELECT 1 FROM images_fts WHERE images_fts MATCH :match "
              "LIMIT :cap)"_s);
    q.bindValue(u":match"_s, match);
    q.bindValue(u":cap"_s, denseSearchRows);
    if (!q.exec() || !q.next())
        return true; // the page query reports the error
    const bool dense = q.value(0).toInt() >= denseSearchRows;
    QMutexLocker lock(&m_mutex);
    if (m_denseSearches.size() > 256)
        m_denseSearches.clear();
    m_denseSearches.insert(match, dense);
    return dense;
}

bool HistoryReader::isSparseSearch(const HistoryQuery &query)
{
    if (query.search.trimmed().isEmpty())
        return false;
    const QString match = ftsMatchExpression(query.search);
    return !match.isEmpty() && !isDenseSearch(match);
}

QString HistoryReader::normalizeForSearch(const QString &text)
{
    QString normalized = text;
    normalized.replace(QChar(0x064A), QChar(0x06CC)); // Arabic yeh -> Persian yeh
    normalized.replace(QChar(0x0643), QChar(0x06A9)); // Arabic kaf -> Persian keheh
    normalized.remove(QChar(0x200C)); // zero-width non-joiner
    return normalized;
}

QString HistoryReader::ftsMatchExpression(const QString &userInput)
{
    // Control characters (NUL included) and broken surrogates separate words: they are never
    // part of a token, FTS5 reads its query up to the first NUL, and invalid UTF-16 would make
    // the whole input one unmatchable term.
    QString text = normalizeForSearch(userInput);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.category() == QChar::Other_Control || c.isSurrogate())
            text[i] = u' ';
    }
    const QStringList terms = text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    QStringList quoted;
    for (const auto &term : terms) {
        if (quoted.size() == maxSearchTerms)
            break; // a pasted essay would make one slow query; the first terms decide
        const bool hasWord =
            std::any_of(term.cbegin(), term.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (!hasWord)
            continue;
        QString escaped = term;
        escaped.replace(u'"', u"\"\""_s);
        quoted.append(u'"' + escaped + u"\"*"_s);
    }
    return quoted.join(u' ');
}

Result<HistoryPage> HistoryReader::page(const HistoryQuery &query)
{
    HistoryPage page;
    bool matchesNothing = false;
    WhereClause where = filterClause(query, isSparseSearch(query), &matchesNothing);
    if (matchesNothing || query.limit <= 0)
        return page;
    const bool newest = query.order == HistoryQuery::Order::NewestFirst;
    if (query.after) {
        // A row value comparison walks the (account_id, created_at, row_id) index directly.
        where.sql += newest ? u" AND (g.created_at, g.row_id) < (:after_created, :after_row)"_s
                            : u" AND (g.created_at, g.row_id) > (:after_created, :after_row)"_s;
        where.bindings.append({u":after_created"_s, query.after->createdAtMs});
        where.bindings.append({u":after_row"_s, query.after->rowId});
    }
    const QString order =
        newest ? u"g.created_at DESC, g.row_id DESC"_s : u"g.created_at ASC, g.row_id ASC"_s;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // One row more than asked tells whether another page follows.
    if (!q.prepare(u"SELECT "_s + historyRecordColumns() + u" FROM generated_images AS g WHERE "_s
                   + where.sql + u" ORDER BY "_s + order + u" LIMIT :limit"_s))
        return readError(q.lastError().text());
    for (const auto &[name, value] : std::as_const(where.bindings))
        q.bindValue(name, value);
    q.bindValue(u":limit"_s, query.limit + 1);
    if (!q.exec())
        return readError(q.lastError().text());
    page.rows.reserve(query.limit);
    while (q.next()) {
        if (page.rows.size() == query.limit) {
            const auto &last = page.rows.constLast();
            page.next = HistoryCursor{last.createdAtMs, last.rowId};
            break;
        }
        page.rows.append(readHistoryRecord(q));
    }
    return page;
}

Result<qint64> HistoryReader::count(const HistoryQuery &query)
{
    bool matchesNothing = false;
    const WhereClause where = filterClause(query, isSparseSearch(query), &matchesNothing);
    if (matchesNothing)
        return qint64(0);
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // Without a search, the per-day count index (schema 11) holds the answer in a few rows a
    // day; with one, only the rows themselves do.
    const QString sql =
        hasSearch(query)
            ? u"SELECT count(*) FROM generated_images AS g WHERE "_s + where.sql
            : u"SELECT coalesce(sum(g.n), 0) FROM history_day_counts AS g WHERE "_s + where.sql;
    if (!q.prepare(sql))
        return readError(q.lastError().text());
    for (const auto &[name, value] : where.bindings)
        q.bindValue(name, value);
    if (!q.exec() || !q.next())
        return readError(q.lastError().text());
    return q.value(0).toLongLong();
}

namespace {

// A query's filters, limited to rows created in [fromMs, toMs), ready to bind.
struct RangeQuery
{
    WhereClause where;
    bool matchesNothing = false;
    bool newest = true;
};

RangeQuery rangeClause(const HistoryQuery &query, bool driveFromFts, qint64 fromMs, qint64 toMs)
{
    RangeQuery range;
    range.where = filterClause(query, driveFromFts, &range.matchesNothing);
    range.where.sql += u" AND g.created_at >= :from AND g.created_at < :to"_s;
    range.where.bindings.append({u":from"_s, fromMs});
    range.where.bindings.append({u":to"_s, toMs});
    range.newest = query.order == HistoryQuery::Order::NewestFirst;
    return range;
}

} // namespace

Result<QList<HistoryBucket>> HistoryReader::buckets(const HistoryQuery &query)
{
    QList<HistoryBucket> buckets;
    bool matchesNothing = false;
    const WhereClause where = filterClause(query, isSparseSearch(query), &matchesNothing);
    if (matchesNothing)
        return buckets;
    const bool newest = query.order == HistoryQuery::Order::NewestFirst;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // The per-day count index when there is no search (its days are HistoryBucket's).
    static_assert(HistoryBucket::lengthMs == 86'400'000, "history_day_counts.day's length");
    const QString sql =
        hasSearch(query)
            ? u"SELECT g.created_at / :length AS day, count(*) FROM generated_images AS g "
              "WHERE "_s
                  + where.sql + u" GROUP BY day"_s
            : u"SELECT g.day, sum(g.n) AS day_rows FROM history_day_counts AS g WHERE "_s
                  + where.sql + u" GROUP BY g.day HAVING day_rows > 0"_s;
    if (!q.prepare(sql + u" ORDER BY 1 "_s + (newest ? u"DESC"_s : u"ASC"_s)))
        return readError(q.lastError().text());
    for (const auto &[name, value] : where.bindings)
        q.bindValue(name, value);
    if (hasSearch(query))
        q.bindValue(u":length"_s, HistoryBucket::lengthMs);
    if (!q.exec())
        return readError(q.lastError().text());
    while (q.next())
        buckets.append(
            {q.value(0).toLongLong() * HistoryBucket::lengthMs, q.value(1).toLongLong()});
    return buckets;
}

Result<std::optional<HistoryCursor>> HistoryReader::keyAt(const HistoryQuery &query, qint64 fromMs,
                                                          qint64 toMs, qint64 offset)
{
    const RangeQuery range = rangeClause(query, isSparseSearch(query), fromMs, toMs);
    if (range.matchesNothing)
        return std::optional<HistoryCursor>();
    // The time index covers the filters (hidden, favourite, status, kind), so the offset walks
    // index entries of one day only.
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT g.created_at, g.row_id FROM generated_images AS g WHERE "_s
                   + range.where.sql + u" ORDER BY "_s
                   + (range.newest ? u"g.created_at DESC, g.row_id DESC"_s
                                   : u"g.created_at ASC, g.row_id ASC"_s)
                   + u" LIMIT 1 OFFSET :offset"_s))
        return readError(q.lastError().text());
    for (const auto &[name, value] : range.where.bindings)
        q.bindValue(name, value);
    q.bindValue(u":offset"_s, offset);
    if (!q.exec())
        return readError(q.lastError().text());
    if (!q.next())
        return std::optional<HistoryCursor>();
    return std::optional<HistoryCursor>(
        HistoryCursor{q.value(0).toLongLong(), q.value(1).toLongLong()});
}

Result<std::optional<HistoryCursor>> HistoryReader::keyNear(const HistoryQuery &query,
                                                            const HistoryCursor &from, bool forward,
                                                            qint64 offset)
{
    bool matchesNothing = false;
    WhereClause where = filterClause(query, isSparseSearch(query), &matchesNothing);
    if (matchesNothing)
        return std::optional<HistoryCursor>();
    // Newest first, "forward" is towards older rows.
    const bool older = (query.order == HistoryQuery::Order::NewestFirst) == forward;
    where.sql += older ? u" AND (g.created_at, g.row_id) < (:from_created, :from_row)"_s
                       : u" AND (g.created_at, g.row_id) > (:from_created, :from_row)"_s;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.prepare(
            u"SELECT g.created_at, g.row_id FROM generated_images AS g WHERE "_s + where.sql
            + u" ORDER BY "_s
            + (older ? u"g.created_at DESC, g.row_id DESC"_s : u"g.created_at ASC, g.row_id ASC"_s)
            + u" LIMIT 1 OFFSET :offset"_s))
        return readError(q.lastError().text());
    for (const auto &[name, value] : std::as_const(where.bindings))
        q.bindValue(name, value);
    q.bindValue(u":from_created"_s, from.createdAtMs);
    q.bindValue(u":from_row"_s, from.rowId);
    q.bindValue(u":offset"_s, offset);
    if (!q.exec())
        return readError(q.lastError().text());
    if (!q.next())
        return std::optional<HistoryCursor>();
    return std::optional<HistoryCursor>(
        HistoryCursor{q.value(0).toLongLong(), q.value(1).toLongLong()});
}

Result<qint64> HistoryReader::countBefore(const HistoryQuery &query, qint64 fromMs, qint64 toMs,
                                          const HistoryCursor &key)
{
    // Unbounded (no per-day index yet): no time range at all, so SQLite walks the index from
    // the key's end only (a range of min..max would make it walk every row of the account).
    const bool unbounded =
        fromMs == std::numeric_limits<qint64>::min() && toMs == std::numeric_limits<qint64>::max();
    RangeQuery range;
    if (unbounded) {
        range.where = filterClause(query, isSparseSearch(query), &range.matchesNothing);
        range.newest = query.order == HistoryQuery::Order::NewestFirst;
    } else {
        range = rangeClause(query, isSparseSearch(query), fromMs, toMs);
    }
    if (range.matchesNothing)
        return qint64(0);
    range.where.sql += range.newest ? u" AND (g.created_at, g.row_id) > (:key_created, :key_row)"_s
                                    : u" AND (g.created_at, g.row_id) < (:key_created, :key_row)"_s;
    range.where.bindings.append({u":key_created"_s, key.createdAtMs});
    range.where.bindings.append({u":key_row"_s, key.rowId});
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT count(*) FROM generated_images AS g WHERE "_s + range.where.sql))
        return readError(q.lastError().text());
    for (const auto &[name, value] : range.where.bindings)
        q.bindValue(name, value);
    if (!q.exec() || !q.next())
        return readError(q.lastError().text());
    return q.value(0).toLongLong();
}

Result<std::optional<HistoryCursor>> HistoryReader::cursorOf(qint64 rowId)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT created_at FROM generated_images WHERE row_id = :row"_s);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return readError(q.lastError().text());
    if (!q.next())
        return std::optional<HistoryCursor>();
    return std::optional<HistoryCursor>(HistoryCursor{q.value(0).toLongLong(), rowId});
}
