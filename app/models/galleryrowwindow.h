#pragma once

#include "history/historyquery.h"

#include <QHash>
#include <QList>

#include <optional>

// The rows of one history query by row number, without reading the rows above them: the
// per-day count index maps a row number to its day, a read within that day finds the row's
// key, and rows are read in blocks around the rows asked for; blocks far from the screen are
// dropped.
class GalleryRowWindow final
{
public:
    explicit GalleryRowWindow(HistoryReader &reader);

    // Counts the rows of `query` and drops every block; the error's message when the count
    // failed. The per-day index is read when a row far from the top is first asked for.
    std::optional<QString> reset(const HistoryQuery &query);
    qint64 count() const { return m_count; }
    void setBlockSize(int rows) { m_blockSize = qMax(1, rows); }

    // The row, reading its block when it is not loaded; null past the end or when a read
    // failed (lastError says why). The pointer lives until the next keepAround() or reset(),
    // or until an at() 16 blocks away when many blocks are held.
    const HistoryRecord *at(qint64 row);
    // The row when its block is loaded, else null.
    const HistoryRecord *loaded(qint64 row) const;
    // The row of a loaded record, or -1.
    qint64 rowOfLoaded(qint64 rowId) const;
    qint64 loadedRows() const;
    // How many rows sort before `key`: the row a record with that key has or would have. With
    // the per-day index read, a count within one day; without it, a count of the rows before
    // (cheap near the top, and no walk of the whole history).
    std::optional<qint64> rowOfKey(const HistoryCursor &key);
    // A row whose key is known (a refresh's first row on screen): blocks near it are found
    // from it without the per-day index.
    void setLandmark(qint64 row, const HistoryCursor &key) { m_landmark = {row, key}; }
    // When the row's day starts (UTC ms), from the index alone; nullopt when unknown.
    std::optional<qint64> dayOfRow(qint64 row);
    // Reads the blocks `other` holds (up to a screen's worth of blocks either side of
    // [first, last]), so the rows on screen and near it are here at once after a refresh.
    void readBlocksOf(const GalleryRowWindow &other, qint64 first, qint64 last);
    // Keeps the blocks near [first, last] (the rows on screen), drops the others.
    void keepAround(qint64 first, qint64 last);
    QString lastError() const { return m_lastError; }

private:
    bool ensureBuckets();
    bool load(qint64 block);
    bool newestFirst() const { return m_query.order == HistoryQuery::Order::NewestFirst; }

    HistoryReader &m_reader;
    HistoryQuery m_query;
    qint64 m_count = 0;
    bool m_haveBuckets = false;
    QList<HistoryBucket> m_buckets;
    QList<qint64> m_firstRows; // the first row of each bucket
    int m_blockSize = 120; // a keyset page of 120 rows reads in < 1 ms at 100k rows
    QHash<qint64, QList<HistoryRecord>> m_blocks; // block number -> its rows
    QString m_lastError;
    std::optional<std::pair<qint64, HistoryCursor>> m_landmark;
};
