#include "media/contenthash.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

QByteArray ContentHash::sha256(QByteArrayView bytes)
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), reinterpret_cast<uchar *>(digest.data()),
                   &length, EVP_sha256(), nullptr)
            != 1
        || length != 32) {
        // libcrypto could not run (no memory for its context): Qt's own gives the same digest.
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    }
    digest.resize(int(length));
    return digest;
}
