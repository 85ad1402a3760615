#pragma once

#include <QByteArray>

// The SHA-256 that names stored images (ImageStore), through OpenSSL's libcrypto, which uses
// the CPU's SHA extensions where it has them: Qt's portable SHA-256 took about 4 ms of the
// mirror's ~20 ms of work per 500 KB image here. Same digest as QCryptographicHash;
// thread-safe.
class ContentHash final
{
public:
    static QByteArray sha256(QByteArrayView bytes); // 32 raw bytes
};
