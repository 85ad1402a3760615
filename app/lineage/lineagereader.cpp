#include "lineage/lineagereader.h"

#include "history/historydatabase.h"
#include "history/historysql.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// How strongly a link says "made from", for ordering and for walking up the tree.
int strength(LineageKind kind)
{
    switch (kind) {
    case LineageKind::BrushEdit:
    case LineageKind::Edit:
        return 0;
    case LineageKind::Regeneration:
        return 1;
    case LineageKind::Reference:
        return 2;
    }
    return 2;
}

constexpr int kMaxDepth = 100;

} // namespace

LineageReader::LineageReader(HistoryDatabase &database)
    : m_database(database)
{ }

Result<QList<LineageEntry>> LineageReader::sources(qint64 rowId)
{
    auto entries = linked(rowId, true);
    if (entries)
        std::stable_sort(entries.value().begin(), entries.value().end(),
                         [](const LineageEntry &a, const LineageEntry &b) {
                             return strength(a.kind) < strength(b.kind);
                         });
    return entries;
}

Result<QList<LineageEntry>> LineageReader::derivatives(qint64 rowId)
{
    return linked(rowId, false);
}

Result<QList<LineageEntry>> LineageReader::linked(qint64 rowId, bool sources)
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + historyRecordColumns()
              + (sources ? u", l.kind FROM lineage_links AS l JOIN generated_images AS g ON "
                           "g.row_id = l.from_row WHERE l.to_row = :row"_s
                         : u", l.kind FROM lineage_links AS l JOIN generated_images AS g ON "
                           "g.row_id = l.to_row WHERE l.from_row = :row"_s)
              + u" ORDER BY g.created_at, g.row_id"_s);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    QList<LineageEntry> entries;
    const int kindColumn = q.record().count() - 1;
    while (q.next())
        entries.append(
            {readHistoryRecord(q),
             lineageKindFromName(q.value(kindColumn).toString()).value_or(LineageKind::Reference)});
    return entries;
}

Result<QList<LineageNode>> LineageReader::tree(qint64 rowId, int maxNodes)
{
    // Up: the strongest source of each image, until one has none.
    qint64 root = rowId;
    QSet<qint64> seen{rowId};
    for (int depth = 0; depth < kMaxDepth; ++depth) {
        auto up = sources(root);
        if (!up)
            return up.error();
        const auto next =
            std::find_if(up.value().cbegin(), up.value().cend(),
                         [&](const LineageEntry &e) { return !seen.contains(e.record.rowId); });
        if (next == up.value().cend())
            break;
        root = next->record.rowId;
        seen.insert(root);
    }
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT "_s + historyRecordColumns()
              + u" FROM generated_images AS g WHERE "
                "g.row_id = :row"_s);
    q.bindValue(u":row"_s, root);
    if (!q.exec())
        return historyWriteError("core.history.step.readRecord", q.lastError().text());
    if (!q.next())
        return QList<LineageNode>();
    // Down: depth first, so each image's branch lies under it; each image once.
    QList<LineageNode> nodes;
    QSet<qint64> placed;
    QList<LineageNode> stack{{readHistoryRecord(q), LineageKind::Edit, 0, 0}};
    q.finish();
    while (!stack.isEmpty() && nodes.size() < maxNodes) {
        LineageNode node = stack.takeLast();
        if (placed.contains(node.record.rowId))
            continue;
        placed.insert(node.record.rowId);
        nodes.append(node);
        if (node.depth >= kMaxDepth)
            continue;
        auto children = derivatives(node.record.rowId);
        if (!children)
            return children.error();
        // Pushed newest first, so the oldest branch is walked (and listed) first.
        for (auto it = children.value().crbegin(); it != children.value().crend(); ++it)
            if (!placed.contains(it->record.rowId))
                stack.append({it->record, it->kind, node.record.rowId, node.depth + 1});
    }
    return nodes;
}
