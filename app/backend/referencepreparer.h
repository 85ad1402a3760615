#pragma once

#include "backend/backendclient.h"
#include "backend/uploadlimits.h"
#include "domain/result.h"

#include <QStringList>

// Turns local image files into UploadFiles within the backend's limits. Pure functions with
// no QObject and no shared state: call them from a worker thread (QtConcurrent::run).
//
// A file already within every limit (known format, size, long edge) is sent byte-identical
// with the Content-Type its bytes prove. Anything else is decoded with its EXIF orientation
// applied, downscaled to the long-edge limit and re-encoded: JPEG (quality 90, lower if needed)
// when opaque, PNG when it has transparency; then shrunk further until it fits its budget.
class ReferencePreparer final
{
public:
    ReferencePreparer() = delete;

    static Result<UploadFile> prepare(const QString &path,
                                      qint64 maxBytes = UploadLimits::kMaxReferenceBytes);
    // All files of one request: each within the per-file limit, together within
    // `requestBytes` (the largest are re-encoded smaller to fit). A proxy's 413 asks for a
    // smaller total; below the quality floor (JPEG 60, a 256-pixel edge) it fails instead.
    static Result<QList<UploadFile>>
    prepareAll(const QStringList &paths, qint64 requestBytes = UploadLimits::kMaxRequestBytes);

    // image/png, image/jpeg, image/webp, image/gif from the first bytes; empty when unknown.
    static QString sniffContentType(const QByteArray &head);
};
