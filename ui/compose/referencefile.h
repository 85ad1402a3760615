#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

// What the composer knows about a candidate reference image from its header alone.
struct ReferenceFile
{
    static constexpr qint64 kMaxUploadBytes = qint64(10) * 1024 * 1024;
    static constexpr int kMaxUploadEdge = 2048;

    QString path; // absolute
    QSize pixelSize; // invalid when the header does not say
    qint64 bytes = 0;
    QString refusal; // a sentence; empty when the file can be attached

    // Over 10 MiB or over 2048 px on its long edge: resized before upload.
    bool willBeDownscaled() const
    {
        return bytes > kMaxUploadBytes
               || qMax(pixelSize.width(), pixelSize.height()) > kMaxUploadEdge;
    }
};

// Checks a file without decoding its pixels (safe on the UI thread): it exists, is not one of
// `attached`, and is an image that can be read.
ReferenceFile inspectReferenceFile(const QString &path, const QStringList &attached);
// The file dialog's filter: every raster format this Qt can read.
QString referenceImageFilter();
