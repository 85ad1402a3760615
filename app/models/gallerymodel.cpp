#include "models/gallerymodel.h"

#include "gallery/dragfiles.h"
#include "models/galleryrowwindow.h"

#include <QMimeData>
#include <QScopedValueRollback>
#include <QSet>

#include <algorithm>

GalleryModel::GalleryModel(HistoryReader &reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
    , m_window(std::make_unique<GalleryRowWindow>(reader))
{
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &GalleryModel::refreshNextSlice);
}

void GalleryModel::setQuery(const HistoryQuery &query)
{
    // Views (and QAbstractItemModelTester) call fetchMore from their change handlers; a fetch
    // inside a reset or a diff would nest changes.
    QScopedValueRollback guard(m_fetching, true);
    stopRefresh();
    if (m_spans) {
        setSpanQuery(query);
        return;
    }
    beginResetModel();
    m_query = query;
    m_query.after.reset();
    m_rows.clear();
    m_next.reset();
    m_lastError.clear();
    auto page = m_reader.page([&] {
        auto q = m_query;
        q.limit = m_pageSize;
        return q;
    }());
    if (page) {
        m_rows = std::move(page.value().rows);
        m_next = page.value().next;
    } else {
        m_lastError = page.error().userMessage;
    }
    endResetModel();
    if (!m_lastError.isEmpty())
        Q_EMIT loadFailed(m_lastError);
    updateCount();
}

void GalleryModel::refresh()
{
    stopRefresh();
    if (m_spans) {
        refreshSpan();
        return;
    }
    if (m_rows.size() <= m_sliceSize) {
        refreshAll();
        return;
    }
    // Slices of m_sliceSize loaded rows, each named by the sort keys around it (indices move
    // as slices gain or lose rows; keys do not).
    std::optional<HistoryCursor> after;
    for (qsizetype end = m_sliceSize;; end += m_sliceSize) {
        const qsizetype last = qMin(end, m_rows.size()) - 1;
        m_slices.append({after, keyOf(m_rows.at(last))});
        if (last + 1 == m_rows.size())
            break;
        after = keyOf(m_rows.at(last));
    }
    // The top first (new records appear there), then the slices on screen; the rest later.
    if (!refreshSlice(0))
        return;
    m_lastError.clear();
    for (const int row : {m_firstVisible, m_lastVisible}) {
        const auto *r = recordAt(row);
        if (!r)
            continue;
        const HistoryCursor key = keyOf(*r);
        for (qsizetype i = 0; i < m_slices.size(); ++i) {
            const Slice &slice = m_slices.at(i);
            if ((!slice.after || sortsAfter(key, *slice.after)) && !sortsAfter(key, slice.last)) {
                if (!refreshSlice(i))
                    return;
                break;
            }
        }
    }
    updateCount();
    if (!m_slices.isEmpty())
        m_sliceTimer.start();
}

void GalleryModel::setVisibleRows(int first, int last)
{
    m_firstVisible = first;
    m_lastVisible = last;
    if (m_spans)
        m_window->keepAround(first, last);
}

void GalleryModel::stopRefresh()
{
    m_slices.clear();
    m_sliceTimer.stop();
}

void GalleryModel::refreshNextSlice()
{
    if (m_slices.isEmpty() || !refreshSlice(0) || m_slices.isEmpty())
        m_sliceTimer.stop();
}

bool GalleryModel::sortsAfter(const HistoryCursor &key, const HistoryCursor &bound) const
{
    if (m_query.order == HistoryQuery::Order::NewestFirst)
        return key.createdAtMs < bound.createdAtMs
               || (key.createdAtMs == bound.createdAtMs && key.rowId < bound.rowId);
    return key.createdAtMs > bound.createdAtMs
           || (key.createdAtMs == bound.createdAtMs && key.rowId > bound.rowId);
}

qsizetype GalleryModel::firstRowAfter(const HistoryCursor &key) const
{
    const auto it = std::partition_point(m_rows.cbegin(), m_rows.cend(),
                                         [&](const auto &r) { return !sortsAfter(keyOf(r), key); });
    return it - m_rows.cbegin();
}

bool GalleryModel::refreshSlice(qsizetype index)
{
    QScopedValueRollback guard(m_fetching, true);
    const Slice slice = m_slices.takeAt(index);
    const qsizetype from = slice.after ? firstRowAfter(*slice.after) : 0;
    const qsizetype to = firstRowAfter(slice.last);
    // The slice's rows as they are now: keyset pages until one passes its last key.
    QList<HistoryRecord> fresh;
    bool more = false; // rows follow the slice
    auto q = m_query;
    q.after = slice.after;
    q.limit = int(qMax(qsizetype(m_pageSize), to - from + 1));
    while (!more) {
        auto page = m_reader.page(q);
        if (!page) {
            stopRefresh();
            m_lastError = page.error().userMessage;
            Q_EMIT loadFailed(m_lastError);
            return false;
        }
        for (auto &r : page.value().rows) {
            if (sortsAfter(keyOf(r), slice.last)) {
                more = true;
                break;
            }
            fresh.append(std::move(r));
        }
        if (!page.value().next)
            break;
        q.after = page.value().next;
    }
    if (!applyDiff(from, to - from, fresh)) {
        // The order itself changed: the whole read and a reset, as a small refresh does.
        stopRefresh();
        refreshAll();
        return false;
    }
    // The last slice decides whether more rows wait below (unless fetchMore went on meanwhile).
    if (firstRowAfter(slice.last) == m_rows.size())
        m_next = more ? std::optional<HistoryCursor>(slice.last) : std::nullopt;
    return true;
}

void GalleryModel::refreshAll()
{
    QScopedValueRollback guard(m_fetching, true);
    auto q = m_query;
    q.after.reset();
    q.limit = qMax(m_pageSize, int(m_rows.size()));
    auto page = m_reader.page(q);
    if (!page) {
        m_lastError = page.error().userMessage;
        Q_EMIT loadFailed(m_lastError);
        return;
    }
    m_lastError.clear();
    auto fresh = std::move(page.value().rows);
    m_next = page.value().next;
    if (!applyDiff(0, m_rows.size(), fresh)) {
        // The order itself changed (a local row became a server record with another time):
        // a reset is rare here and always correct.
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
    }
    updateCount();
}

const HistoryRecord *GalleryModel::recordAt(int row) const
{
    // Span mode reads the row's block here: the window is a cache, not part of the state.
    if (m_spans)
        return m_window->at(row);
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int GalleryModel::rowOfRecord(qint64 rowId) const
{
    if (m_spans)
        return int(m_window->rowOfLoaded(rowId));
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).rowId == rowId)
            return int(i);
    return -1;
}

int GalleryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_spans ? m_spanRows : int(m_rows.size());
}

QVariant GalleryModel::data(const QModelIndex &index, int role) const
{
    const auto *r = index.isValid() ? recordAt(index.row()) : nullptr;
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case PromptRole:
        return r->prompt;
    case Qt::ToolTipRole:
        return r->error.isEmpty() ? r->prompt : r->prompt + QStringLiteral("\n\n") + r->errorText();
    case RowIdRole:
        return r->rowId;
    case ServerIdRole:
        return r->id;
    case StatusRole:
        return int(r->status);
    case KindRole:
        return int(r->kind);
    case CreatedAtRole:
        return r->createdAt();
    case CompletedAtRole:
        return r->completedAt();
    case FavoriteRole:
        return r->favorite;
    case HiddenRole:
        return r->hidden;
    case LocalFileRole:
        return r->localFile;
    case ErrorRole:
        return r->errorText();
    case ImageUrlRole:
        return r->imageUrl;
    case JobIdRole:
        return r->jobId.value_or(0);
    case AspectRatioRole:
        return r->width && r->height && *r->height > 0 ? double(*r->width) / *r->height : 1.0;
    case ImageGoneRole:
        return r->imageGone && r->localFile.isEmpty();
    default:
        return {};
    }
}

QHash<int, QByteArray> GalleryModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(RowIdRole, "rowId");
    names.insert(ServerIdRole, "serverId");
    names.insert(PromptRole, "prompt");
    names.insert(StatusRole, "status");
    names.insert(KindRole, "kind");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(CompletedAtRole, "completedAt");
    names.insert(FavoriteRole, "favorite");
    names.insert(HiddenRole, "hidden");
    names.insert(LocalFileRole, "localFile");
    names.insert(ErrorRole, "error");
    names.insert(ImageUrlRole, "imageUrl");
    names.insert(JobIdRole, "jobId");
    names.insert(AspectRatioRole, "aspectRatio");
    return names;
}

bool GalleryModel::canFetchMore(const QModelIndex &parent) const
{
    return !m_spans && !parent.isValid() && m_next.has_value() && !m_fetching;
}

void GalleryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // Views call fetchMore from inside layout; never let two fetches overlap.
    QScopedValueRollback guard(m_fetching, true);
    auto q = m_query;
    q.after = m_next;
    q.limit = m_pageSize;
    auto page = m_reader.page(q);
    if (!page) {
        m_lastError = page.error().userMessage;
        m_next.reset();
        Q_EMIT loadFailed(m_lastError);
        return;
    }
    auto &rows = page.value().rows;
    m_next = page.value().next;
    if (rows.isEmpty())
        return;
    // Room for every match at once: growing the list by doubling moves every row loaded so
    // far (HistoryRecord is not relocatable), 20 ms at 80,000 rows, in the middle of a scroll.
    const qsizetype needed = m_rows.size() + rows.size();
    if (needed > m_rows.capacity())
        m_rows.reserve(qMax(needed, qMax(qsizetype(m_matchCount), 2 * m_rows.size())));
    beginInsertRows({}, int(m_rows.size()), int(needed) - 1);
    m_rows.append(std::move(rows));
    endInsertRows();
}

void GalleryModel::updateCount()
{
    auto count = m_spans ? Result<qint64>(m_window->count()) : m_reader.count(m_query);
    const qint64 n = count ? count.value() : qint64(m_rows.size());
    if (n != m_matchCount) {
        m_matchCount = n;
        Q_EMIT matchCountChanged(n);
    }
}

Qt::ItemFlags GalleryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (const HistoryRecord *record = recordAt(index.row());
        record && !record->localFile.isEmpty() && !m_dragFolder.isEmpty())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList GalleryModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData *GalleryModel::mimeData(const QModelIndexList &indexes) const
{
    QList<HistoryRecord> records;
    QSet<int> rows;
    for (const QModelIndex &index : indexes)
        if (const HistoryRecord *record = recordAt(index.row());
            record && !rows.contains(index.row())) {
            rows.insert(index.row());
            records << *record;
        }
    return DragFiles::mimeData(records, m_dragFolder);
}
