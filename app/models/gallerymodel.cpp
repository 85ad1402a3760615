#include "gallerymodel.h"

#include <QScopedValueRollback>
#include <QSet>

GalleryModel::GalleryModel(HistoryReader &reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
{ }

void GalleryModel::setQuery(const HistoryQuery &query)
{
    // Views (and QAbstractItemModelTester) call fetchMore from their change handlers; a fetch
    // inside a reset or a diff would nest changes.
    QScopedValueRollback guard(m_fetching, true);
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
    if (!applyDiff(fresh)) {
        // The order itself changed (a local row became a server record with another time):
        // a reset is rare here and always correct.
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
    }
    updateCount();
}

bool GalleryModel::applyDiff(const QList<HistoryRecord> &fresh)
{
    // Both lists follow the query's order, so rows present in both must keep their relative
    // order; then removals, insertions and changes keep the view's scroll and selection.
    QSet<qint64> freshIds;
    freshIds.reserve(fresh.size());
    for (const auto &r : fresh)
        freshIds.insert(r.rowId);
    QSet<qint64> oldIds;
    oldIds.reserve(m_rows.size());
    for (const auto &r : m_rows)
        oldIds.insert(r.rowId);
    {
        qsizetype i = 0;
        qsizetype j = 0;
        while (true) {
            while (i < m_rows.size() && !freshIds.contains(m_rows.at(i).rowId))
                ++i;
            while (j < fresh.size() && !oldIds.contains(fresh.at(j).rowId))
                ++j;
            if (i >= m_rows.size() || j >= fresh.size())
                break;
            if (m_rows.at(i).rowId != fresh.at(j).rowId)
                return false;
            ++i;
            ++j;
        }
    }
    // Removals, back to front in contiguous runs.
    for (qsizetype i = m_rows.size() - 1; i >= 0;) {
        if (freshIds.contains(m_rows.at(i).rowId)) {
            --i;
            continue;
        }
        qsizetype first = i;
        while (first > 0 && !freshIds.contains(m_rows.at(first - 1).rowId))
            --first;
        beginRemoveRows({}, int(first), int(i));
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    // Insertions in contiguous runs, and changes in place.
    for (qsizetype j = 0; j < fresh.size();) {
        if (j < m_rows.size() && m_rows.at(j).rowId == fresh.at(j).rowId) {
            if (differs(m_rows.at(j), fresh.at(j))) {
                m_rows[j] = fresh.at(j);
                const auto idx = index(int(j));
                Q_EMIT dataChanged(idx, idx);
            }
            ++j;
            continue;
        }
        qsizetype last = j;
        while (last + 1 < fresh.size() && !oldIds.contains(fresh.at(last + 1).rowId))
            ++last;
        beginInsertRows({}, int(j), int(last));
        for (qsizetype k = j; k <= last; ++k)
            m_rows.insert(k, fresh.at(k));
        endInsertRows();
        j = last + 1;
    }
    return true;
}

bool GalleryModel::differs(const HistoryRecord &a, const HistoryRecord &b)
{
    return a.status != b.status || a.favorite != b.favorite || a.hidden != b.hidden
           || a.localFile != b.localFile || a.error != b.error || a.id != b.id
           || a.imageUrl != b.imageUrl || a.completedAtMs != b.completedAtMs || a.width != b.width
           || a.height != b.height || a.prompt != b.prompt || a.kind != b.kind
           || a.referenceImageUrls != b.referenceImageUrls || a.characterIds != b.characterIds
           || a.createdAtMs != b.createdAtMs || a.goneFromServer != b.goneFromServer;
}

const HistoryRecord *GalleryModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int GalleryModel::rowOfRecord(qint64 rowId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).rowId == rowId)
            return int(i);
    return -1;
}

int GalleryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
        return r->error.isEmpty() ? r->prompt : r->prompt + QStringLiteral("\n\n") + r->error;
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
        return r->error;
    case ImageUrlRole:
        return r->imageUrl;
    case JobIdRole:
        return r->jobId.value_or(0);
    case AspectRatioRole:
        return r->width && r->height && *r->height > 0 ? double(*r->width) / *r->height : 1.0;
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
    return !parent.isValid() && m_next.has_value() && !m_fetching;
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
    auto count = m_reader.count(m_query);
    const qint64 n = count ? count.value() : qint64(m_rows.size());
    if (n != m_matchCount) {
        m_matchCount = n;
        Q_EMIT matchCountChanged(n);
    }
}
