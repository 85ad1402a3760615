#include "media/imagestore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray encode(const QColor &color, const char *format)
{
    QImage image(20, 10, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

StoredImage storeOrFail(const ImageStore &store, const QByteArray &bytes, const QString &type)
{
    const Result<VerifiedImage> verified = ImageVerifier::verify(bytes, type);
    if (!verified)
        qFatal("fixture does not verify: %s", qPrintable(verified.error().userMessage));
    const Result<StoredImage> stored = store.store(bytes, verified.value());
    if (!stored)
        qFatal("store failed: %s", qPrintable(stored.error().userMessage));
    return stored.value();
}

} // namespace

// Checks that ImageStore files originals by content hash, once, with the real extension.
class TestImageStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashPath()
    {
        QTemporaryDir dir;
        const ImageStore store(dir.path() + u"/images"_s);
        const QByteArray png = encode(Qt::red, "png");
        const StoredImage stored = storeOrFail(store, png, u"image/png"_s);

        const QString hex =
            QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        QCOMPARE(stored.sha256, hex);
        QCOMPARE(stored.path, dir.path() + u"/images/"_s + hex.left(2) + u"/"_s + hex + u".png"_s);
        QCOMPARE(stored.size, png.size());
        QCOMPARE(stored.width, 20);
        QCOMPARE(stored.height, 10);

        QFile file(stored.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), png);
    }

    void idempotent()
    {
        QTemporaryDir dir;
        const ImageStore store(dir.path());
        const QByteArray png = encode(Qt::green, "png");
        const StoredImage first = storeOrFail(store, png, u"image/png"_s);
        const QDateTime written = QDateTime::currentDateTimeUtc().addSecs(-3600);
        {
            // Back-date the file: a rewrite would move its modification time forward.
            QFile file(first.path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(written, QFileDevice::FileModificationTime));
        }
        const StoredImage second = storeOrFail(store, png, u"image/png"_s);
        QCOMPARE(second.path, first.path);
        QCOMPARE(QFileInfo(second.path).lastModified().toUTC().toSecsSinceEpoch(),
                 written.toSecsSinceEpoch());

        const QStringList folders = QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(folders.size(), 1);
        QCOMPARE(QDir(dir.path() + u'/' + folders.first()).entryList(QDir::Files).size(), 1);
    }

    void differentBytesDifferentPaths()
    {
        QTemporaryDir dir;
        const ImageStore store(dir.path());
        const StoredImage a = storeOrFail(store, encode(Qt::red, "png"), u"image/png"_s);
        const StoredImage b = storeOrFail(store, encode(Qt::blue, "png"), u"image/png"_s);
        QVERIFY(a.path != b.path);
        QVERIFY(QFileInfo::exists(a.path));
        QVERIFY(QFileInfo::exists(b.path));
    }

    void extensionFromRealFormat_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("png") << QByteArray("png") << u"image/png"_s << u"png"_s;
        QTest::newRow("jpeg") << QByteArray("jpeg") << u"image/jpeg"_s << u"jpg"_s;
        QTest::newRow("jpeg labelled png") << QByteArray("jpeg") << u"image/png"_s << u"jpg"_s;
    }

    void extensionFromRealFormat()
    {
        QFETCH(QByteArray, format);
        QFETCH(QString, contentType);
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const ImageStore store(dir.path());
        const StoredImage stored =
            storeOrFail(store, encode(Qt::magenta, format.constData()), contentType);
        QCOMPARE(QFileInfo(stored.path).suffix(), suffix);
    }

    void unwritableFolderIsAnError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.path() + u"/images"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        const ImageStore store(blocker.fileName());
        const QByteArray png = encode(Qt::red, "png");
        const Result<StoredImage> result =
            store.store(png, ImageVerifier::verify(png, u"image/png"_s).value());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::Local);
        QVERIFY(!result.error().userMessage.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageStore)
#include "tst_imagestore.moc"
