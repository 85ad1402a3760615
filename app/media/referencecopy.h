#pragma once

#include "domain/result.h"

#include <QString>

// Copies a reference image into the profile's references folder under its content hash, so a
// queued job survives a restart even if the original file moves; returns the copy's path. The
// same bytes land at the same path once.
Result<QString> copyReferenceIntoProfile(const QString &path, const QString &referencesDir);
// Each of `paths`, in order; the first failure stops it.
Result<QStringList> copyReferencesIntoProfile(const QStringList &paths,
                                              const QString &referencesDir);
