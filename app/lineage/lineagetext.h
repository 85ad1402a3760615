#pragma once

#include "lineage/lineagelink.h"

#include <QString>

// A link's kind in words, in the program's language ("Edit", "Brush edit"...): the detail view,
// the tree and the CLI say it the same way.
QString lineageKindText(LineageKind kind);
