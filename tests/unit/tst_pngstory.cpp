#include "gallery/galleryexport.h"
#include "gallery/imagestory.h"
#include "gallery/pngstory.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Exported PNGs carry their record in iTXt chunks: image tools (here, Qt's own PNG reader,
// which reads iTXt as UTF-8) show the prompt, Persian too, and the picture is unchanged.
class TestPngStory final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makePng(const QString &name) const
    {
        QImage image(16, 8, QImage::Format_RGB32);
        image.fill(QColor(u"#4a90d9"_s));
        const QString path = m_dir.filePath(name);
        return image.save(path, "PNG") ? path : QString();
    }

    HistoryRecord record(const QString &path) const
    {
        HistoryRecord r;
        r.rowId = 5;
        r.id = u"6b11abc"_s;
        r.prompt = u"روباه قرمز در جنگل مه‌آلود, a red fox"_s;
        r.localFile = path;
        return r;
    }

private Q_SLOTS:
    void exportedPngShowsItsPromptInAnyLanguage()
    {
        const QString source = makePng(u"stored"_s);
        QVERIFY(!source.isEmpty());
        const QString target = m_dir.filePath(u"out.png"_s);
        QVERIFY(ImageStory::copyWithStory(source, target, record(source)));
        QImageReader reader(target);
        QCOMPARE(reader.text(u"Description"_s), record(source).prompt);
        const auto json = QJsonDocument::fromJson(reader.text(u"NanoBanana"_s).toUtf8()).object();
        QCOMPARE(json.value(u"id"_s).toString(), u"6b11abc"_s);
        const QImage read = reader.read();
        QVERIFY2(!read.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(read.pixelColor(3, 3), QColor(u"#4a90d9"_s));
    }

    void exportRecordsWritesTheStory()
    {
        const QString source = makePng(u"stored2"_s);
        QTemporaryDir out;
        const auto done = GalleryExport::exportRecords({record(source)}, out.path());
        QVERIFY(done);
        QCOMPARE(done.value().images, 1);
        QImageReader reader(out.filePath(u"6b11abc.png"_s));
        QCOMPARE(reader.text(u"Description"_s), record(source).prompt);
    }

    void saveAsWritesTheStory()
    {
        const QString source = makePng(u"stored3"_s);
        const HistoryRecord r = record(source);
        const QString target = m_dir.filePath(u"saved.png"_s);
        QVERIFY(GalleryExport::saveImageAs(source, target, &r));
        QCOMPARE(QImageReader(target).text(u"Description"_s), r.prompt);
    }

    void notAPngIsCopiedAsItIs()
    {
        const QByteArray jpegish = QByteArrayLiteral("\xff\xd8\xff\xe0 not a png");
        QCOMPARE(PngStory::withTexts(jpegish, {{u"Description"_s, u"x"_s}}), jpegish);
    }
};

QTEST_GUILESS_MAIN(TestPngStory)
#include "tst_pngstory.moc"
