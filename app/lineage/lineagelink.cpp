#include "lineage/lineagelink.h"

using namespace Qt::StringLiterals;

QString lineageKindName(LineageKind kind)
{
    switch (kind) {
    case LineageKind::Edit:
        return u"edit"_s;
    case LineageKind::BrushEdit:
        return u"brushEdit"_s;
    case LineageKind::Reference:
        return u"reference"_s;
    case LineageKind::Regeneration:
        return u"regeneration"_s;
    }
    return u"edit"_s;
}

std::optional<LineageKind> lineageKindFromName(const QString &name)
{
    for (const auto kind : {LineageKind::Edit, LineageKind::BrushEdit, LineageKind::Reference,
                            LineageKind::Regeneration})
        if (lineageKindName(kind) == name)
            return kind;
    return std::nullopt;
}

LineageKind strongerKind(LineageKind a, LineageKind b)
{
    const auto rank = [](LineageKind kind) {
        switch (kind) {
        case LineageKind::BrushEdit:
            return 3;
        case LineageKind::Edit:
            return 2;
        case LineageKind::Regeneration:
            return 1;
        case LineageKind::Reference:
            return 0;
        }
        return 0;
    };
    return rank(a) >= rank(b) ? a : b;
}
