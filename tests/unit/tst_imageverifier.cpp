#include "media/imagelimits.h"
#include "media/imageverifier.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace {

QByteArray encode(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("cannot encode test image: %s", qPrintable(writer.errorString()));
    return bytes;
}

QImage sample(int width, int height, QImage::Format format = QImage::Format_RGB32)
{
    QImage image(width, height, format);
    image.fill(QColor(40, 120, 200, 255));
    QPainter painter(&image);
    painter.fillRect(0, 0, width / 2, height / 2, Qt::yellow);
    return image;
}

// A real 1×1 PNG whose header then claims 20000×20000 (CRC fixed so libpng trusts it).
QByteArray bombPng()
{
    QByteArray png = encode(sample(1, 1), "png");
    // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow.
    qToBigEndian<quint32>(20000, png.data() + 16);
    qToBigEndian<quint32>(20000, png.data() + 20);
    // The chunk CRC-32 covers the type and the data (17 bytes).
    quint32 c = 0xffffffffu;
    for (const char ch : QByteArrayView(png).sliced(12, 17)) {
        c ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }
    qToBigEndian<quint32>(c ^ 0xffffffffu, png.data() + 29);
    return png;
}

} // namespace

// Checks which downloaded bodies ImageVerifier keeps and how it refuses the others.
class TestImageVerifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { configureImageLimits(); }

    void verify_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<int>("errorKind");
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QSize>("size");

        const int none = -1;
        const int bad = int(ApiError::Kind::BadResponse);
        const int tooLarge = int(ApiError::Kind::TooLarge);
        const QByteArray png = encode(sample(64, 48), "png");

        QTest::newRow("png") << png << u"image/png"_s << true << none << QByteArray("png")
                             << QSize(64, 48);
        QTest::newRow("png with charset param") << png << u"Image/PNG; charset=binary"_s << true
                                                << none << QByteArray("png") << QSize(64, 48);
        QTest::newRow("jpeg") << encode(sample(80, 60), "jpeg", 85) << u"image/jpeg"_s << true
                              << none << QByteArray("jpeg") << QSize(80, 60);
        QTest::newRow("png labelled jpeg")
            << png << u"image/jpeg"_s << true << none << QByteArray("png") << QSize(64, 48);
        if (QImageWriter::supportedImageFormats().contains("webp")) {
            QTest::newRow("webp") << encode(sample(32, 32), "webp", 80) << u"image/webp"_s << true
                                  << none << QByteArray("webp") << QSize(32, 32);
        }
        QTest::newRow("4K RGBA png")
            << encode(sample(4096, 4096, QImage::Format_ARGB32), "png") << u"image/png"_s << true
            << none << QByteArray("png") << QSize(4096, 4096);
        QTest::newRow("21:9 4K png") << encode(sample(4096, 1755), "png") << u"image/png"_s << true
                                     << none << QByteArray("png") << QSize(4096, 1755);

        QTest::newRow("20000x20000 bomb")
            << bombPng() << u"image/png"_s << false << tooLarge << QByteArray() << QSize();
        QTest::newRow("html fallback page")
            << QByteArray("<!doctype html><html><body>app</body></html>") << u"text/html"_s << false
            << bad << QByteArray() << QSize();
        QTest::newRow("html labelled png")
            << QByteArray("<!doctype html><html><body>app</body></html>") << u"image/png"_s << false
            << bad << QByteArray() << QSize();
        QTest::newRow("truncated png") << png.left(png.size() / 2) << u"image/png"_s << false << bad
                                       << QByteArray() << QSize();
        const QByteArray jpeg = encode(sample(200, 200), "jpeg", 90);
        QTest::newRow("truncated jpeg") << jpeg.left(jpeg.size() * 2 / 3) << u"image/jpeg"_s
                                        << false << bad << QByteArray() << QSize();
        QTest::newRow("wrong content type")
            << png << u"application/octet-stream"_s << false << bad << QByteArray() << QSize();
        QTest::newRow("bare image/")
            << png << u"image/"_s << false << bad << QByteArray() << QSize();
        QTest::newRow("no content type")
            << png << QString() << false << bad << QByteArray() << QSize();
        QTest::newRow("empty body")
            << QByteArray() << u"image/png"_s << false << bad << QByteArray() << QSize();
        QTest::newRow("random bytes") << QByteArray(4096, '\x5a') << u"image/png"_s << false << bad
                                      << QByteArray() << QSize();
    }

    void verify()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, contentType);
        QFETCH(bool, accepted);
        QFETCH(int, errorKind);
        QFETCH(QByteArray, format);
        QFETCH(QSize, size);

        const Result<VerifiedImage> result = ImageVerifier::verify(bytes, contentType);
        QCOMPARE(result.ok(), accepted);
        if (accepted) {
            QCOMPARE(result.value().format, format);
            QCOMPARE(QSize(result.value().width, result.value().height), size);
        } else {
            QCOMPARE(int(result.error().kind), errorKind);
            QVERIFY(!result.error().userMessage.isEmpty());
        }
    }

    void extensions()
    {
        QCOMPARE(ImageVerifier::extensionForFormat("jpeg"), u"jpg"_s);
        QCOMPARE(ImageVerifier::extensionForFormat("png"), u"png"_s);
        QCOMPARE(ImageVerifier::extensionForFormat("webp"), u"webp"_s);
    }

    void limits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("4096 square") << QSize(4096, 4096) << true;
        QTest::newRow("21:9 4K") << QSize(4096, 1755) << true;
        QTest::newRow("edge cap") << QSize(8192, 100) << true;
        QTest::newRow("over edge cap") << QSize(8193, 100) << false;
        QTest::newRow("over pixel cap") << QSize(8192, 8192) << false;
        QTest::newRow("bomb") << QSize(20000, 20000) << false;
        QTest::newRow("empty") << QSize(0, 10) << false;
        QTest::newRow("negative") << QSize(-1, -1) << false;
    }

    void limits()
    {
        QFETCH(QSize, size);
        QFETCH(bool, accepted);
        QCOMPARE(ImageLimits::acceptsSize(size), accepted);
    }
};

QTEST_GUILESS_MAIN(TestImageVerifier)
#include "tst_imageverifier.moc"
