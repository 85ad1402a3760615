#include "models/galleryrowwindow.h"

#include <algorithm>
#include <limits>

namespace {
// Blocks kept either side of the screen's: a short scroll back finds its rows still here.
constexpr qint64 kKeptBlocks = 6;
// A scroll that never settles (keepAround) still holds at most this many blocks: past it, a
// new block drops the blocks far from it (never near ones, whose rows a caller may hold).
constexpr qsizetype kMostBlocks = 64;
constexpr qint64 kFarBlocks = 16;
} // namespace

GalleryRowWindow::GalleryRowWindow(HistoryReader &reader)
    : m_reader(reader)
{ }

std::optional<QString> GalleryRowWindow::reset(const HistoryQuery &query)
{
    m_query = query;
    m_query.after.reset();
    m_blocks.clear();
    m_buckets.clear();
    m_firstRows.clear();
    m_haveBuckets = false;
    m_landmark.reset();
    m_count = 0;
    m_lastError.clear();
    // The count alone (one walk of the index) is all the first paint needs: the top block
    // reads from the start, and the per-day index waits until a row further down is asked for.
    auto count = m_reader.count(m_query);
    if (!count) {
        m_lastError = count.error().userMessage;
        return m_lastError;
    }
    m_count = count.value();
    return std::nullopt;
}

bool GalleryRowWindow::ensureBuckets()
{
    if (m_haveBuckets)
        return true;
    auto buckets = m_reader.buckets(m_query);
    if (!buckets) {
        m_lastError = buckets.error().userMessage;
        return false;
    }
    m_buckets = std::move(buckets.value());
    m_firstRows.clear();
    m_firstRows.reserve(m_buckets.size());
    qint64 first = 0;
    for (const auto &bucket : std::as_const(m_buckets)) {
        m_firstRows.append(first);
        first += bucket.rows;
    }
    m_haveBuckets = true;
    return true;
}

const HistoryRecord *GalleryRowWindow::loaded(qint64 row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const auto found = m_blocks.constFind(row / m_blockSize);
    if (found == m_blocks.cend() || row % m_blockSize >= found->size())
        return nullptr;
    return &found->at(row % m_blockSize);
}

const HistoryRecord *GalleryRowWindow::at(qint64 row)
{
    if (row < 0 || row >= m_count)
        return nullptr;
    if (const auto *record = loaded(row))
        return record;
    if (m_blocks.contains(row / m_blockSize) || !load(row / m_blockSize))
        return nullptr;
    return loaded(row);
}

bool GalleryRowWindow::load(qint64 block)
{
    const qint64 first = block * m_blockSize;
    auto q = m_query;
    q.limit = m_blockSize;
    const auto previous = m_blocks.constFind(block - 1);
    if (first == 0) {
        q.after.reset();
    } else if (previous != m_blocks.cend() && previous->size() == m_blockSize) {
        // Scrolling down: a keyset page after the block above, no index needed.
        q.after = HistoryCursor{previous->constLast().createdAtMs, previous->constLast().rowId};
    } else if (m_landmark && qAbs(first - m_landmark->first) <= 4 * kKeptBlocks * m_blockSize) {
        // Near a known row: an offset from it (a refresh keeps the blocks around the screen
        // without reading the per-day index).
        const auto [row, known] = *m_landmark;
        if (first == row) {
            q.after =
                HistoryCursor{known.createdAtMs, newestFirst() ? known.rowId + 1 : known.rowId - 1};
        } else {
            auto key = m_reader.keyNear(m_query, known, first > row,
                                        first > row ? first - row - 1 : row - first - 1);
            if (!key) {
                m_lastError = key.error().userMessage;
                return false;
            }
            if (!key.value())
                return false;
            const HistoryCursor k = *key.value();
            q.after = HistoryCursor{k.createdAtMs, newestFirst() ? k.rowId + 1 : k.rowId - 1};
        }
    } else {
        // A jump: the index names the row's day, an offset within the day its key.
        if (!ensureBuckets())
            return false;
        const auto it = std::upper_bound(m_firstRows.cbegin(), m_firstRows.cend(), first);
        if (it == m_firstRows.cbegin())
            return false;
        const qsizetype bucket = it - m_firstRows.cbegin() - 1;
        const qint64 from = m_buckets.at(bucket).startMs;
        auto key = m_reader.keyAt(m_query, from, from + HistoryBucket::lengthMs,
                                  first - m_firstRows.at(bucket));
        if (!key) {
            m_lastError = key.error().userMessage;
            return false;
        }
        if (!key.value())
            return false; // the history changed since the index was read; a refresh follows
        // The cursor just before the key, so the page starts with the key's own row.
        const HistoryCursor k = *key.value();
        q.after = HistoryCursor{k.createdAtMs, newestFirst() ? k.rowId + 1 : k.rowId - 1};
    }
    auto page = m_reader.page(q);
    if (!page) {
        m_lastError = page.error().userMessage;
        return false;
    }
    m_blocks.insert(block, page.value().rows); // shared, not copied
    if (m_blocks.size() > kMostBlocks)
        m_blocks.removeIf(
            [&](const auto &it) { return it.key() != 0 && qAbs(it.key() - block) > kFarBlocks; });
    return true;
}

qint64 GalleryRowWindow::rowOfLoaded(qint64 rowId) const
{
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it)
        for (qsizetype i = 0; i < it->size(); ++i)
            if (it->at(i).rowId == rowId)
                return it.key() * m_blockSize + i;
    return -1;
}

qint64 GalleryRowWindow::loadedRows() const
{
    qint64 rows = 0;
    for (const auto &block : m_blocks)
        rows += block.size();
    return rows;
}

std::optional<qint64> GalleryRowWindow::rowOfKey(const HistoryCursor &key)
{
    if (!m_haveBuckets) {
        auto before = m_reader.countBefore(m_query, std::numeric_limits<qint64>::min(),
                                           std::numeric_limits<qint64>::max(), key);
        if (!before) {
            m_lastError = before.error().userMessage;
            return std::nullopt;
        }
        return before.value();
    }
    const qint64 day = key.createdAtMs - key.createdAtMs % HistoryBucket::lengthMs;
    qint64 before = 0;
    for (const auto &bucket : std::as_const(m_buckets)) {
        const bool sortsBefore = newestFirst() ? bucket.startMs > day : bucket.startMs < day;
        if (!sortsBefore) {
            if (bucket.startMs == day) {
                auto within =
                    m_reader.countBefore(m_query, day, day + HistoryBucket::lengthMs, key);
                if (!within) {
                    m_lastError = within.error().userMessage;
                    return std::nullopt;
                }
                before += within.value();
            }
            break;
        }
        before += bucket.rows;
    }
    return before;
}

std::optional<qint64> GalleryRowWindow::dayOfRow(qint64 row)
{
    if (row < 0 || row >= m_count || !ensureBuckets())
        return std::nullopt;
    const auto it = std::upper_bound(m_firstRows.cbegin(), m_firstRows.cend(), row);
    if (it == m_firstRows.cbegin())
        return std::nullopt;
    return m_buckets.at(it - m_firstRows.cbegin() - 1).startMs;
}

void GalleryRowWindow::readBlocksOf(const GalleryRowWindow &other, qint64 first, qint64 last)
{
    QList<qint64> blocks = other.m_blocks.keys();
    // Without a screen (not settled yet) every block the other holds, up to a bound.
    if (first >= 0 && last >= first)
        blocks.removeIf([&](qint64 block) {
            return block != 0
                   && (block < first / m_blockSize - kKeptBlocks
                       || block > last / m_blockSize + kKeptBlocks);
        });
    std::sort(blocks.begin(), blocks.end()); // in order, so each reads after the one above
    blocks.resize(qMin(blocks.size(), qsizetype(4 * kKeptBlocks)));
    for (const qint64 block : std::as_const(blocks)) {
        if (m_blocks.contains(block) || block * m_blockSize >= m_count)
            continue;
        // Only blocks found without the per-day index: a refresh must not walk the history.
        const auto above = m_blocks.constFind(block - 1);
        const bool cheap =
            block == 0 || m_haveBuckets
            || (above != m_blocks.cend() && above->size() == m_blockSize)
            || (m_landmark
                && qAbs(block * m_blockSize - m_landmark->first) <= 4 * kKeptBlocks * m_blockSize);
        if (cheap)
            load(block);
    }
}

void GalleryRowWindow::keepAround(qint64 first, qint64 last)
{
    if (first < 0 || last < first)
        return;
    const qint64 from = first / m_blockSize - kKeptBlocks;
    const qint64 to = last / m_blockSize + kKeptBlocks;
    // The top block stays: Home and a refresh come back to it.
    m_blocks.removeIf(
        [&](const auto &it) { return it.key() != 0 && (it.key() < from || it.key() > to); });
}
