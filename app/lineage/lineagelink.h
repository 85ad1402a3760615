#pragma once

#include <QString>

#include <optional>

// How one image came from another: the image edited (with or without a marked area), an extra
// reference image, or the same request sent again.
enum class LineageKind { Edit, BrushEdit, Reference, Regeneration };

QString lineageKindName(LineageKind kind); // "edit", "brushEdit", "reference", "regeneration"
std::optional<LineageKind> lineageKindFromName(const QString &name);
// The stronger of two kinds naming the same pair (an edit's source also listed as a reference
// is an edit): BrushEdit, Edit, Regeneration, Reference.
LineageKind strongerKind(LineageKind a, LineageKind b);

// One link of the lineage: `toRow` was made from `fromRow` (gallery row ids of one account).
struct LineageLink
{
    qint64 fromRow = 0;
    qint64 toRow = 0;
    LineageKind kind = LineageKind::Edit;

    friend bool operator==(const LineageLink &, const LineageLink &) = default;
};
