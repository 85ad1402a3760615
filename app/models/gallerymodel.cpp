#include "gallerymodel.h"

#include <QScopedValueRollback>

GalleryModel::GalleryModel(HistoryReader &reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
{ }

void GalleryModel::setQuery(const HistoryQuery &query)
{
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
    auto q = m_query;
    q.after.reset();
    q.limit = qMax(m_pageSize, int(m_rows.size()));
    auto page = m_reader.page(q);
    if (!page) {
        m_lastError = page.error().userMessage;
        Q_EMIT loadFailed(m_lastError);
        return;
    }
    auto fresh = std::move(page.value().rows);
    // New rows at the top (the common case: a job queued or a sync brought new records).
    qsizetype inserted = 0;
    if (!m_rows.isEmpty()) {
        const auto firstOld = m_rows.first().rowId;
        while (inserted < fresh.size() && fresh.at(inserted).rowId != firstOld)
            ++inserted;
        if (inserted == fresh.size())
            inserted = -1; // the old first row is gone: fall back to a reset
    }
    bool sameTail = inserted >= 0 && fresh.size() - inserted >= m_rows.size();
    for (qsizetype i = 0; sameTail && i < m_rows.size(); ++i)
        sameTail = fresh.at(inserted + i).rowId == m_rows.at(i).rowId;
    if (!sameTail || m_rows.isEmpty()) {
        beginResetModel();
        m_rows = std::move(fresh);
        m_next = page.value().next;
        endResetModel();
        updateCount();
        return;
    }
    if (inserted > 0) {
        beginInsertRows({}, 0, int(inserted) - 1);
        m_rows = fresh.mid(0, inserted) + m_rows;
        endInsertRows();
    }
    for (qsizetype i = inserted; i < inserted + (fresh.size() - inserted); ++i) {
        if (i >= m_rows.size())
            break;
        const auto &now = fresh.at(i);
        auto &old = m_rows[i];
        if (now.status != old.status || now.favorite != old.favorite || now.hidden != old.hidden
            || now.localFile != old.localFile || now.error != old.error || now.id != old.id
            || now.imageUrl != old.imageUrl || now.completedAtMs != old.completedAtMs
            || now.width != old.width) {
            old = now;
            const auto idx = index(int(i));
            Q_EMIT dataChanged(idx, idx);
        }
    }
    updateCount();
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
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
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
