#pragma once

#include "domain/result.h"
#include "history/historyrecord.h"
#include "lineage/lineagelink.h"

#include <QList>

class HistoryDatabase;

// A record linked to the one asked about, and how.
struct LineageEntry
{
    HistoryRecord record;
    LineageKind kind = LineageKind::Edit;
};

// One image of a lineage tree, in pre-order: its parent's row (0 for the root), its depth and
// the kind of the link from the parent.
struct LineageNode
{
    HistoryRecord record;
    LineageKind kind = LineageKind::Edit;
    qint64 parentRow = 0;
    int depth = 0;
};

// Reads the lineage of gallery rows from the local database (works offline): what an image was
// made from, what was made from it, and the whole tree it belongs to. Usable from any thread.
class LineageReader final
{
public:
    explicit LineageReader(HistoryDatabase &database);

    // "Made from": edits and brush edits first, then regenerations, then references.
    Result<QList<LineageEntry>> sources(qint64 rowId);
    // "Edits of this image", oldest first.
    Result<QList<LineageEntry>> derivatives(qint64 rowId);
    // The tree `rowId` belongs to: from its first ancestor (through edits and regenerations,
    // references only where nothing else leads up) down through every image made from each,
    // each image once, at most `maxNodes`.
    Result<QList<LineageNode>> tree(qint64 rowId, int maxNodes = 200);

private:
    Result<QList<LineageEntry>> linked(qint64 rowId, bool sources);

    HistoryDatabase &m_database;
};
