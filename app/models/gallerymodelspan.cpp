// GalleryModel in span mode (the row count is the match count from the start, rows are read
// in blocks around the rows asked for), and what finds a row anywhere in the history: a
// record, a day, the time of a row.
#include "models/gallerymodel.h"
#include "models/galleryrowwindow.h"

GalleryModel::~GalleryModel() = default;

void GalleryModel::setSpanQuery(const HistoryQuery &query)
{
    beginResetModel();
    m_query = query;
    m_query.after.reset();
    m_rows.clear();
    m_next.reset();
    m_lastError.clear();
    m_window->setBlockSize(m_pageSize);
    if (const auto error = m_window->reset(m_query))
        m_lastError = *error;
    m_spanRows = int(m_window->count());
    endResetModel();
    if (!m_lastError.isEmpty())
        Q_EMIT loadFailed(m_lastError);
    updateCount();
}

void GalleryModel::refreshSpan()
{
    // What the view shows now: the top row (kept loaded) and the first row on screen.
    const HistoryRecord *top = m_window->loaded(0);
    const std::optional<HistoryCursor> oldTop =
        top ? std::optional<HistoryCursor>(keyOf(*top)) : std::nullopt;
    const qint64 oldTopId = top ? top->rowId : -1;
    const int oldAnchor = qBound(0, m_firstVisible, qMax(0, m_spanRows - 1));
    std::optional<HistoryCursor> anchor;
    if (const HistoryRecord *first = m_window->loaded(oldAnchor))
        anchor = keyOf(*first);
    auto fresh = std::make_unique<GalleryRowWindow>(m_reader);
    fresh->setBlockSize(m_pageSize);
    if (const auto error = fresh->reset(m_query)) {
        m_lastError = *error;
        Q_EMIT loadFailed(m_lastError);
        return;
    }
    m_lastError.clear();
    const int newCount = int(fresh->count());
    int newAnchor = oldAnchor;
    if (anchor)
        if (const auto row = fresh->rowOfKey(*anchor)) {
            newAnchor = int(*row);
            fresh->setLandmark(*row, *anchor);
        }
    // The blocks on screen and near it, read again at once (found from the first row on
    // screen, so a refresh never reads the per-day index).
    fresh->readBlocksOf(*m_window, m_firstVisible, m_lastVisible);
    const int added = newCount - m_spanRows;
    if (added == 0 && newAnchor == oldAnchor) {
        // Nothing came or went above the screen: every row reports its change in place.
        m_window = std::move(fresh);
        if (m_spanRows > 0)
            Q_EMIT dataChanged(index(0), index(m_spanRows - 1));
        updateCount();
        return;
    }
    if (oldTop && added > 0 && newAnchor - oldAnchor == added) {
        // Only newer rows came (a sync, a finished job): inserted at the top, where they are,
        // so the view keeps its rows, scroll and selection.
        const auto topRow = fresh->rowOfKey(*oldTop);
        const HistoryRecord *moved = topRow ? fresh->at(*topRow) : nullptr;
        if (topRow == added && moved && moved->rowId == oldTopId) {
            beginInsertRows({}, 0, added - 1);
            m_spanRows = newCount;
            m_window = std::move(fresh);
            endInsertRows();
            Q_EMIT dataChanged(index(0), index(m_spanRows - 1));
            updateCount();
            return;
        }
    }
    // Rows went or came elsewhere (hidden, filtered out, older than the screen): without every
    // row in memory there is no exact list of changes, so a reset, after which the view puts
    // the first row on screen back where it was (refreshMovedRows).
    beginResetModel();
    m_window = std::move(fresh);
    m_spanRows = newCount;
    endResetModel();
    if (newCount > 0)
        Q_EMIT refreshMovedRows(oldAnchor, qBound(0, newAnchor, newCount - 1));
    updateCount();
}

qint64 GalleryModel::loadedRowCount() const
{
    return m_spans ? m_window->loadedRows() : m_rows.size();
}

int GalleryModel::locateRecord(qint64 rowId)
{
    if (const int row = rowOfRecord(rowId); row >= 0)
        return row;
    if (!m_spans) {
        int row = -1;
        while (row < 0 && canFetchMore({})) {
            fetchMore({});
            row = rowOfRecord(rowId);
        }
        return row;
    }
    auto key = m_reader.cursorOf(rowId);
    if (!key || !key.value())
        return -1;
    const auto row = m_window->rowOfKey(*key.value());
    if (!row || *row >= m_spanRows)
        return -1;
    // A record that does not match would sit there too: only the row itself says.
    const HistoryRecord *record = recordAt(int(*row));
    return record && record->rowId == rowId ? int(*row) : -1;
}

int GalleryModel::rowOfDay(QDate day)
{
    const bool newest = m_query.order == HistoryQuery::Order::NewestFirst;
    // Newest first the day begins (on screen) with its last moment; oldest first with its
    // first. A row id of 0 sorts before every row of that millisecond.
    const qint64 edge = QDateTime(newest ? day.addDays(1) : day, QTime(0, 0)).toMSecsSinceEpoch();
    if (rowCount() == 0)
        return -1;
    if (m_spans) {
        const auto row = m_window->rowOfKey({edge, 0});
        return row ? int(qMin(*row, qint64(m_spanRows - 1))) : -1;
    }
    for (int row = 0;; ++row) {
        if (row == rowCount() && canFetchMore({}))
            fetchMore({});
        if (row == rowCount())
            return row - 1;
        const qint64 created = m_rows.at(row).createdAtMs;
        if (newest ? created < edge : created >= edge)
            return row;
    }
}

QDateTime GalleryModel::timeOfRow(int row)
{
    if (!m_spans) {
        const HistoryRecord *record = recordAt(row);
        return record ? record->createdAt() : QDateTime();
    }
    if (const HistoryRecord *record = m_window->loaded(row))
        return record->createdAt();
    const auto day = m_window->dayOfRow(row);
    return day ? QDateTime::fromMSecsSinceEpoch(*day + HistoryBucket::lengthMs / 2, Qt::UTC)
               : QDateTime();
}
