#pragma once

#include "domain/job.h"
#include "domain/result.h"
#include "history/historyrecord.h"

#include <QSize>
#include <QStringList>

class AppServices;

// What the gallery's actions need from the core, kept out of ui/ (which includes no QtSql
// header): local flags on many rows, one record, its local reference files, and the composer
// request that regenerates it.
namespace GalleryCore {

// Sets the local favourite / hidden flag of every row; stops at the first failure.
Result<bool> setFavorite(AppServices &services, const QList<qint64> &rowIds, bool favorite);
Result<bool> setHidden(AppServices &services, const QList<qint64> &rowIds, bool hidden);
// The record as stored now (e.g. to export or to show the detail after a change).
Result<HistoryRecord> record(AppServices &services, qint64 rowId);

// The accepted aspect ratio ("16:9"...) closest to width:height; "1:1" when unknown.
QString nearestAspectRatio(int width, int height);

// The local copies of the record's reference images, in order, when the job that made it
// is still known (references are copied into the profile when queued); else empty.
QStringList localReferencePaths(AppServices &services, const HistoryRecord &record);

// A name for each character id from the local character cache; the id itself when unknown.
QStringList characterLabels(AppServices &services, const QStringList &characterIds);

// The request that makes this image again: same prompt and kind, the ratio from the image's
// dimensions when known, resolution 1K, local references and the record's characters.
JobRequest regenerateRequest(const HistoryRecord &record, const QStringList &localReferences);

} // namespace GalleryCore
