// GalleryModel's refresh diff: a fresh read of some loaded rows turned into removals,
// insertions and dataChanged, so the view keeps its scroll and selection.
#include "models/gallerymodel.h"

#include <QSet>

bool GalleryModel::applyDiff(qsizetype offset, qsizetype count, const QList<HistoryRecord> &fresh)
{
    // Both lists follow the query's order, so rows present in both must keep their relative
    // order; then removals, insertions and changes keep the view's scroll and selection.
    QSet<qint64> freshIds;
    freshIds.reserve(fresh.size());
    for (const auto &r : fresh)
        freshIds.insert(r.rowId);
    QSet<qint64> oldIds;
    oldIds.reserve(count);
    for (qsizetype i = offset; i < offset + count; ++i)
        oldIds.insert(m_rows.at(i).rowId);
    {
        qsizetype i = offset;
        qsizetype j = 0;
        while (true) {
            while (i < offset + count && !freshIds.contains(m_rows.at(i).rowId))
                ++i;
            while (j < fresh.size() && !oldIds.contains(fresh.at(j).rowId))
                ++j;
            if (i >= offset + count || j >= fresh.size())
                break;
            if (m_rows.at(i).rowId != fresh.at(j).rowId)
                return false;
            ++i;
            ++j;
        }
    }
    // Removals, back to front in contiguous runs.
    for (qsizetype i = offset + count - 1; i >= offset;) {
        if (freshIds.contains(m_rows.at(i).rowId)) {
            --i;
            continue;
        }
        qsizetype first = i;
        while (first > offset && !freshIds.contains(m_rows.at(first - 1).rowId))
            --first;
        beginRemoveRows({}, int(first), int(i));
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        count -= i - first + 1;
        i = first - 1;
    }
    // Insertions in contiguous runs, and changes in place.
    for (qsizetype j = 0; j < fresh.size();) {
        const qsizetype at = offset + j;
        if (j < count && m_rows.at(at).rowId == fresh.at(j).rowId) {
            if (differs(m_rows.at(at), fresh.at(j))) {
                m_rows[at] = fresh.at(j);
                const auto idx = index(int(at));
                Q_EMIT dataChanged(idx, idx);
            }
            ++j;
            continue;
        }
        qsizetype last = j;
        while (last + 1 < fresh.size() && !oldIds.contains(fresh.at(last + 1).rowId))
            ++last;
        beginInsertRows({}, int(at), int(offset + last));
        for (qsizetype k = j; k <= last; ++k)
            m_rows.insert(offset + k, fresh.at(k));
        endInsertRows();
        count += last - j + 1;
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
           || a.createdAtMs != b.createdAtMs || a.goneFromServer != b.goneFromServer
           || a.imageGone != b.imageGone;
}
