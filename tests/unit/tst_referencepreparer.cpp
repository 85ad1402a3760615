#include "backend/referencepreparer.h"
#include "media/imagelimits.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Random pixels, so that JPEG and PNG cannot compress them much.
QImage noise(int width, int height, QImage::Format format, quint32 seed)
{
    QImage image(width, height, format);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y)
        random.fillRange(reinterpret_cast<quint32 *>(image.scanLine(y)), width);
    return image;
}

QImage gradient(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgb(x * 255 / width, y * 255 / height, 128);
    }
    return image;
}

QByteArray encoded(const QImage &image, const char *format, int quality = -1)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.write(image);
    return out;
}

// A JPEG with an EXIF APP1 segment carrying only Orientation = `orientation`.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff("MM\0\x2a\0\0\0\x08", 8); // big-endian, first IFD at 8
    tiff += QByteArray("\0\x01", 2); // one entry
    tiff += QByteArray("\x01\x12\0\x03\0\0\0\x01", 8); // Orientation, SHORT, count 1
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xff);
    tiff += QByteArray(2, '\0');
    tiff += QByteArray(4, '\0'); // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = int(payload.size()) + 2;
    QByteArray app1("\xff\xe1", 2);
    app1 += char(length >> 8);
    app1 += char(length & 0xff);
    return jpeg.left(2) + app1 + payload + jpeg.mid(2);
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    auto path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QSize decodedSize(const QByteArray &bytes)
{
    return QImage::fromData(bytes).size();
}

} // namespace

// Local files become uploads within the backend's limits.
class TestReferencePreparer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void smallFileIsByteIdentical_data();
    void smallFileIsByteIdentical();
    void largeImageIsDownscaled();
    void exifOrientationIsAppliedWhenReencoding();
    void oversizeFileComesOutUnderTheCap();
    void fiveLargeFilesFitOneRequest();
    void unusableFilesAreNamedErrors_data();
    void unusableFilesAreNamedErrors();

private:
    QTemporaryDir m_dir;
};

void TestReferencePreparer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    configureImageLimits();
}

void TestReferencePreparer::smallFileIsByteIdentical_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("uploadName");

    const auto small = gradient(300, 200);
    QTest::newRow("png") << u"a.png"_s << encoded(small, "png") << u"image/png"_s << u"a.png"_s;
    QTest::newRow("jpeg") << u"b.jpeg"_s << encoded(small, "jpeg", 85) << u"image/jpeg"_s
                          << u"b.jpg"_s;
    // The bytes decide, not the extension.
    QTest::newRow("png named jpg")
        << u"c.jpg"_s << encoded(small, "png") << u"image/png"_s << u"c.png"_s;
    QTest::newRow("jpeg without extension")
        << u"photo"_s << encoded(small, "jpeg", 85) << u"image/jpeg"_s << u"photo.jpg"_s;
    QTest::newRow("gif") << u"d.gif"_s
                         << QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAAB"
                                                   "AAEAAAIBRAA7")
                         << u"image/gif"_s << u"d.gif"_s;
    // A small JPEG keeps its EXIF: sent unchanged, the server sees what the camera wrote.
    QTest::newRow("jpeg with exif")
        << u"e.jpg"_s << withExifOrientation(encoded(small, "jpeg", 85), 6) << u"image/jpeg"_s
        << u"e.jpg"_s;
}

void TestReferencePreparer::smallFileIsByteIdentical()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QString, uploadName);
    QVERIFY(!bytes.isEmpty());
    const auto path = write(m_dir, fileName, bytes);
    QVERIFY(!path.isEmpty());

    const auto r = ReferencePreparer::prepare(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().userMessage));
    QCOMPARE(r.value().data, bytes);
    QCOMPARE(r.value().contentType, contentType);
    QCOMPARE(r.value().fileName, uploadName);
}

void TestReferencePreparer::largeImageIsDownscaled()
{
    const auto path = write(m_dir, u"big.jpg"_s, encoded(gradient(3000, 2000), "jpeg", 90));
    const auto r = ReferencePreparer::prepare(path);
    QVERIFY(r.ok());
    QCOMPARE(r.value().contentType, u"image/jpeg"_s);
    QCOMPARE(ReferencePreparer::sniffContentType(r.value().data), u"image/jpeg"_s);
    const auto size = decodedSize(r.value().data);
    QCOMPARE(std::max(size.width(), size.height()), UploadLimits::kMaxReferenceEdge);
    QCOMPARE(size.width() * 2000 / 3000, size.height()); // aspect ratio kept

    // Transparency survives: a large PNG with alpha stays PNG.
    QImage alpha(2600, 1000, QImage::Format_ARGB32);
    alpha.fill(qRgba(200, 10, 10, 120));
    const auto pngPath = write(m_dir, u"alpha.png"_s, encoded(alpha, "png"));
    const auto png = ReferencePreparer::prepare(pngPath);
    QVERIFY(png.ok());
    QCOMPARE(png.value().contentType, u"image/png"_s);
    QVERIFY(QImage::fromData(png.value().data).hasAlphaChannel());
    QCOMPARE(decodedSize(png.value().data).width(), UploadLimits::kMaxReferenceEdge);
}

void TestReferencePreparer::exifOrientationIsAppliedWhenReencoding()
{
    // Stored landscape 3000x2000, orientation 6 (rotate 90° clockwise to view): portrait.
    const auto jpeg = withExifOrientation(encoded(gradient(3000, 2000), "jpeg", 90), 6);
    const auto path = write(m_dir, u"rotated.jpg"_s, jpeg);
    {
        QImageReader check(path);
        check.setAutoTransform(true);
        QCOMPARE(check.transformation(), QImageIOHandler::TransformationRotate90);
    }
    const auto r = ReferencePreparer::prepare(path);
    QVERIFY(r.ok());
    const auto size = decodedSize(r.value().data);
    QVERIFY2(size.height() > size.width(),
             qPrintable(u"%1x%2"_s.arg(size.width()).arg(size.height())));
    QCOMPARE(size.height(), UploadLimits::kMaxReferenceEdge);
    // The new file has no orientation left to apply twice.
    QBuffer buffer;
    buffer.setData(r.value().data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader out(&buffer);
    QCOMPARE(out.transformation(), QImageIOHandler::TransformationNone);
}

void TestReferencePreparer::oversizeFileComesOutUnderTheCap()
{
    // 2000x1600 noise with random alpha: about 12.8 MB of PNG within the edge limit.
    const auto bytes = encoded(noise(2000, 1600, QImage::Format_ARGB32, 1), "png");
    QVERIFY(bytes.size() > UploadLimits::kMaxReferenceBytes);
    const auto path = write(m_dir, u"huge.png"_s, bytes);
    const auto r = ReferencePreparer::prepare(path);
    QVERIFY(r.ok());
    QVERIFY(r.value().data.size() <= UploadLimits::kMaxReferenceBytes);
    QCOMPARE(r.value().contentType, u"image/png"_s);
    QVERIFY(!decodedSize(r.value().data).isEmpty());
}

void TestReferencePreparer::fiveLargeFilesFitOneRequest()
{
    QStringList paths;
    qint64 input = 0;
    for (int i = 0; i < 5; ++i) {
        const auto bytes = encoded(noise(2000, 1600, QImage::Format_RGB32, 10 + i), "jpeg", 97);
        input += bytes.size();
        paths << write(m_dir, u"many-%1.jpg"_s.arg(i), bytes);
    }
    QVERIFY2(input > UploadLimits::kMaxRequestBytes, qPrintable(QString::number(input)));

    const auto r = ReferencePreparer::prepareAll(paths);
    QVERIFY(r.ok());
    QCOMPARE(r.value().size(), 5);
    qint64 total = 0;
    for (const auto &f : r.value()) {
        total += f.data.size();
        QVERIFY(f.data.size() <= UploadLimits::kMaxReferenceBytes);
        QVERIFY(!decodedSize(f.data).isEmpty());
    }
    QVERIFY2(total <= UploadLimits::kMaxRequestBytes, qPrintable(QString::number(total)));
}

void TestReferencePreparer::unusableFilesAreNamedErrors_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes"); // null: the file does not exist

    QTest::newRow("text") << u"notes.txt"_s << QByteArray("just some words\n");
    QTest::newRow("text named png") << u"fake.png"_s << QByteArray("<html>no</html>");
    QTest::newRow("empty") << u"empty.jpg"_s << QByteArray("");
    QTest::newRow("truncated png")
        << u"cut.png"_s << encoded(gradient(3000, 2000), "png").left(100);
    QTest::newRow("missing") << u"missing.png"_s << QByteArray();
}

void TestReferencePreparer::unusableFilesAreNamedErrors()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    const auto path = bytes.isNull() ? m_dir.filePath(fileName) : write(m_dir, fileName, bytes);
    const auto r = ReferencePreparer::prepare(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ApiError::Kind::Local);
    QVERIFY2(r.error().userMessage.contains(fileName), qPrintable(r.error().userMessage));

    const auto all = ReferencePreparer::prepareAll({path});
    QVERIFY(!all.ok());
    QCOMPARE(all.error().kind, ApiError::Kind::Local);
}

QTEST_GUILESS_MAIN(TestReferencePreparer)
#include "tst_referencepreparer.moc"
