#pragma once

#include "domain/result.h"
#include "history/historyrecord.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// Files the gallery writes for the user: "save as" with the extension of the image's real
// format, and multi-select export (the images plus a JSON sidecar of their records).
namespace GalleryExport {

// "png", "jpg", "webp"... from the file's content, not its name; empty when unreadable.
QString realExtension(const QString &imagePath);
// `chosen` with its extension replaced by the real one of `imagePath` (so "Save as" never
// writes a PNG named .jpg).
QString withRealExtension(const QString &chosen, const QString &imagePath);
// Copies the image to `target` (replacing it); the error is a sentence. With `record`, a PNG
// carries it (PngStory).
Result<QString> saveImageAs(const QString &imagePath, const QString &target,
                            const HistoryRecord *record = nullptr);

QJsonObject recordToJson(const HistoryRecord &record);

// The bytes free where a folder lives (StorageFault::freeBytes unless a test says).
using FreeBytes = std::function<qint64(const QString &folder)>;
// Asked before an export copies `bytes` of images into `folder`: the "disk is full" error when
// that would leave less than a small floor, so it never stops half-way.
std::optional<ApiError> lacksRoomFor(const QString &folder, qint64 bytes,
                                     const FreeBytes &freeBytes = {});

struct ExportSummary
{
    int images = 0; // files copied
    int withoutFile = 0; // records exported without an image (not downloaded yet)
    QString sidecarPath;
};
// Writes each record's image as <id or row id>.<ext> into `folder`, and records.json (a JSON
// array of the records, with the exported file names). Existing files are not overwritten:
// a suffix keeps them apart.
Result<ExportSummary> exportRecords(const QList<HistoryRecord> &records, const QString &folder);

} // namespace GalleryExport
