#pragma once

#include "history/historyrecord.h"

#include <QByteArray>
#include <QString>

// An exported or saved image carries its record, whatever its format: PNG in iTXt chunks
// (PngStory), JPEG and WebP as XMP (XmpStory). Other formats are copied as they are.
namespace ImageStory {

QByteArray withStory(const QByteArray &image, const HistoryRecord &record);
// Copies `source` to `target` (replacing it), with the record's story on the way.
bool copyWithStory(const QString &source, const QString &target, const HistoryRecord &record);

} // namespace ImageStory
