#include "gallery/galleryexport.h"
#include "gallery/imagestory.h"
#include "gallery/xmpstory.h"

#include <QBuffer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

QByteArray encoded(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    return image.save(&buffer, format, quality) ? bytes : QByteArray();
}

quint32 le32(const QByteArray &b, qsizetype at)
{
    return quint32(quint8(b[at])) | quint32(quint8(b[at + 1])) << 8
           | quint32(quint8(b[at + 2])) << 16 | quint32(quint8(b[at + 3])) << 24;
}

// A JPEG's APPn segments as (marker, payload), read here independently of the code under test.
QList<std::pair<int, QByteArray>> jpegSegments(const QByteArray &jpeg)
{
    QList<std::pair<int, QByteArray>> out;
    for (qsizetype at = 2; at + 4 <= jpeg.size() && quint8(jpeg[at]) == 0xff;) {
        const int marker = quint8(jpeg[at + 1]);
        if (marker < 0xe0 || marker > 0xef)
            break;
        const int length = (quint8(jpeg[at + 2]) << 8) | quint8(jpeg[at + 3]);
        out.append({marker, jpeg.mid(at + 4, length - 2)});
        at += 2 + length;
    }
    return out;
}

// A WebP's chunks as (fourcc, payload).
QList<std::pair<QByteArray, QByteArray>> webpChunks(const QByteArray &webp)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    for (qsizetype at = 12; at + 8 <= webp.size();) {
        const quint32 size = le32(webp, at + 4);
        out.append({webp.mid(at, 4), webp.mid(at + 8, size)});
        at += 8 + size + (size % 2);
    }
    return out;
}

struct ReadStory
{
    QString description;
    QString recordId;
};

ReadStory readXmp(const QByteArray &xml)
{
    ReadStory story;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == u"li"
            && reader.namespaceUri() == u"http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            story.description = reader.readElementText();
        else if (reader.name() == u"record")
            story.recordId = QJsonDocument::fromJson(reader.readElementText().toUtf8())
                                 .object()
                                 .value(u"id"_s)
                                 .toString();
    }
    return story;
}

const QByteArray kXmpHeader("http://ns.adobe.com/xap/1.0/\0", 29);

} // namespace

// Exported JPEG and WebP files carry their record as XMP, which any image tool reads: the
// Persian prompt survives as UTF-8, and the picture still decodes, unchanged in size.
class TestXmpStory final : public QObject
{
    Q_OBJECT

private:
    QImage m_picture{40, 24, QImage::Format_RGB32};

    HistoryRecord record() const
    {
        HistoryRecord r;
        r.rowId = 9;
        r.id = u"6c22def"_s;
        r.prompt = u"روباه قرمز در جنگل مه‌آلود, a red fox & <friends>"_s;
        r.createdAtMs = 1'764'000'000'000;
        return r;
    }

private Q_SLOTS:
    void initTestCase() { m_picture.fill(QColor(u"#4a90d9"_s)); }

    void jpegCarriesItsStoryAfterItsHeader()
    {
        const QByteArray jpeg = encoded(m_picture, "JPEG", 90);
        QVERIFY(XmpStory::isJpeg(jpeg));
        const QByteArray out = ImageStory::withStory(jpeg, record());
        const auto segments = jpegSegments(out);
        QVERIFY(segments.size() >= 2);
        QCOMPARE(segments.first().first, 0xe0); // JFIF stays first
        const auto xmp = std::find_if(segments.begin(), segments.end(), [](const auto &s) {
            return s.first == 0xe1 && s.second.startsWith(kXmpHeader);
        });
        QVERIFY(xmp != segments.end());
        const ReadStory story = readXmp(xmp->second.mid(kXmpHeader.size()));
        QCOMPARE(story.description, record().prompt);
        QCOMPARE(story.recordId, u"6c22def"_s);
        const QImage read = QImage::fromData(out, "JPEG");
        QCOMPARE(read.size(), m_picture.size());
    }

    void aSecondExportReplacesTheStory()
    {
        const QByteArray once = ImageStory::withStory(encoded(m_picture, "JPEG"), record());
        HistoryRecord other = record();
        other.prompt = u"a blue whale"_s;
        const auto segments = jpegSegments(ImageStory::withStory(once, other));
        const auto xmps = std::count_if(segments.begin(), segments.end(), [](const auto &s) {
            return s.first == 0xe1 && s.second.startsWith(kXmpHeader);
        });
        QCOMPARE(xmps, 1);
    }

    void aRecordTooLongForOneJpegSegmentKeepsThePrompt()
    {
        HistoryRecord r = record();
        for (int i = 0; i < 2000; ++i)
            r.referenceImageUrls.append(
                u"https://example.invalid/uploads/reference-%1.png"_s.arg(i));
        const auto segments = jpegSegments(ImageStory::withStory(encoded(m_picture, "JPEG"), r));
        const auto xmp = std::find_if(segments.begin(), segments.end(), [](const auto &s) {
            return s.first == 0xe1 && s.second.startsWith(kXmpHeader);
        });
        QVERIFY(xmp != segments.end());
        const ReadStory story = readXmp(xmp->second.mid(kXmpHeader.size()));
        QCOMPARE(story.description, r.prompt);
        QVERIFY(story.recordId.isEmpty());
    }

    void webpCarriesItsStory_data()
    {
        QTest::addColumn<int>("quality");
        QTest::addColumn<bool>("alpha");
        QTest::newRow("lossy (VP8)") << 80 << false;
        QTest::newRow("lossless (VP8L)") << 100 << false;
        QTest::newRow("with alpha (VP8X already)") << 80 << true;
    }

    void webpCarriesItsStory()
    {
        QFETCH(int, quality);
        QFETCH(bool, alpha);
        QImage picture =
            m_picture.convertToFormat(alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        if (alpha)
            picture.setPixelColor(0, 0, QColor(0, 0, 0, 0));
        const QByteArray webp = encoded(picture, "WEBP", quality);
        QVERIFY(XmpStory::isWebp(webp));
        const QByteArray out = ImageStory::withStory(webp, record());
        QCOMPARE(qsizetype(le32(out, 4)), out.size() - 8); // the RIFF size is right
        const auto chunks = webpChunks(out);
        QCOMPARE(chunks.first().first, QByteArray("VP8X"));
        const QByteArray header = chunks.first().second;
        QVERIFY(quint8(header[0]) & 0x04); // the XMP flag
        QCOMPARE(int(le32(header + QByteArray(1, '\0'), 4) & 0xffffff) + 1, picture.width());
        QCOMPARE(int(le32(header.mid(7) + QByteArray(1, '\0'), 0)) + 1, picture.height());
        QCOMPARE(chunks.last().first, QByteArray("XMP "));
        QCOMPARE(readXmp(chunks.last().second).description, record().prompt);
        const QImage read = QImage::fromData(out, "WEBP");
        QCOMPARE(read.size(), picture.size());
        QCOMPARE(read.hasAlphaChannel(), alpha);
    }

    void exportWritesTheStoryIntoAJpeg()
    {
        QTemporaryDir dir;
        const QString stored = dir.filePath(u"stored"_s);
        QVERIFY(m_picture.save(stored, "JPEG"));
        HistoryRecord r = record();
        r.localFile = stored;
        QTemporaryDir out;
        const auto done = GalleryExport::exportRecords({r}, out.path());
        QVERIFY(done);
        QFile exported(out.filePath(u"6c22def.jpg"_s));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(exported.readAll().contains(u"روباه"_s.toUtf8()));
    }

    void otherFormatsAreLeftAsTheyAre()
    {
        const QByteArray gif = encoded(m_picture, "BMP");
        QCOMPARE(XmpStory::withXmp(gif, {u"x"_s, {}, {}}), gif);
        const QByteArray damaged = QByteArray("\xff\xd8\xff\xe0\x7f\xff", 6);
        QCOMPARE(XmpStory::withXmp(damaged, {u"x"_s, {}, {}}), damaged);
    }
};

QTEST_GUILESS_MAIN(TestXmpStory)
#include "tst_xmpstory.moc"
