#include "lineage/lineagetext.h"

#include <QCoreApplication>

QString lineageKindText(LineageKind kind)
{
    switch (kind) {
    case LineageKind::Edit:
        return QCoreApplication::translate("Lineage", "Edit");
    case LineageKind::BrushEdit:
        return QCoreApplication::translate("Lineage", "Brush edit");
    case LineageKind::Reference:
        return QCoreApplication::translate("Lineage", "Reference");
    case LineageKind::Regeneration:
        return QCoreApplication::translate("Lineage", "Regeneration");
    }
    return {};
}
