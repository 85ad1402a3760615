// ContentHash::sha256 (OpenSSL's libcrypto) gives Qt's SHA-256 digest for every length,
// so stored images keep their names.
#include "media/contenthash.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

class TestContentHash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownDigest();
    void matchesQtForEveryTailLength();
    void matchesQtForAnImageSizedBuffer();
};

void TestContentHash::knownDigest()
{
    // FIPS 180-2, appendix B.1 and B.2.
    QCOMPARE(ContentHash::sha256("abc").toHex(),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(
        ContentHash::sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").toHex(),
        QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    QCOMPARE(ContentHash::sha256(QByteArrayView()).toHex(),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void TestContentHash::matchesQtForEveryTailLength()
{
    QByteArray bytes;
    QRandomGenerator random(12);
    for (int size = 0; size <= 300; ++size) {
        QCOMPARE(ContentHash::sha256(bytes),
                 QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        bytes.append(char(random.bounded(256)));
    }
}

void TestContentHash::matchesQtForAnImageSizedBuffer()
{
    QByteArray bytes(500 * 1024 + 37, Qt::Uninitialized);
    QRandomGenerator random(7);
    for (char &c : bytes)
        c = char(random.bounded(256));
    QCOMPARE(ContentHash::sha256(bytes),
             QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
}

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_contenthash.moc"
