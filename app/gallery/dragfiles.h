#pragma once

#include "history/historyrecord.h"

#include <QList>
#include <QMimeData>
#include <QString>
#include <QUrl>

// Images leaving the app by drag and drop or the clipboard as files a person recognises:
// "<prompt>.<real extension>" instead of the content hash they are stored under.
namespace DragFiles {

// The prompt, shortened and made safe for any file system, with the extension of the
// image's real format; "image-<row id>" when the prompt gives nothing usable.
QString readableName(const HistoryRecord &record);

// For each record with an image on disk, a file of its readable name in `folder` (a hard link
// to the stored image where the file system allows: instant and free; else a copy), as a
// file URL. Records without an image are skipped; two records of the same prompt get
// " (2)" and so on.
QList<QUrl> prepare(const QList<HistoryRecord> &records, const QString &folder);
// The same as drag-and-drop or clipboard data (text/uri-list); null when no record has an image.
QMimeData *mimeData(const QList<HistoryRecord> &records, const QString &folder);

} // namespace DragFiles
