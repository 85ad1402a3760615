#pragma once

#include <QByteArray>

// The SHA-256 that names stored images (ImageStore), with the CPU's SHA extensions where it
// has them: Qt's portable SHA-256 took about 4 ms of the mirror's ~20 ms of work per 500 KB
// image here, the SHA-NI rounds a tenth of that. Same digest either way; thread-safe.
class ContentHash final
{
public:
    static QByteArray sha256(QByteArrayView bytes); // 32 raw bytes
    static bool usesCpuExtensions();
};
