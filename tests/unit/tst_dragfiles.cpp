#include "gallery/dragfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The names images get when they leave the app as files (drag and drop, Ctrl+C).
class TestDragFiles final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_png; // a PNG stored under a hash-like name without extension

    HistoryRecord record(const QString &prompt, qint64 rowId = 7) const
    {
        HistoryRecord r;
        r.rowId = rowId;
        r.prompt = prompt;
        r.localFile = m_png;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_png = m_dir.filePath(u"ab12cd34"_s);
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QVERIFY(image.save(m_png, "PNG"));
    }

    void readableNames_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << u"a red bicycle"_s << u"a red bicycle.png"_s;
        QTest::newRow("separators and reserved characters")
            << u"cats/dogs: \"best\" <friends>?"_s << u"cats dogs best friends.png"_s;
        QTest::newRow("persian kept") << u"گربه فضانورد روی ماه"_s << u"گربه فضانورد روی ماه.png"_s;
        QTest::newRow("long ends at a word")
            << u"a lighthouse made of bananas at dusk, oil painting, dramatic light, high detail"_s
            << u"a lighthouse made of bananas at dusk, oil painting,.png"_s;
        QTest::newRow("dots trimmed") << u"...hidden."_s << u"hidden.png"_s;
        QTest::newRow("nothing usable") << u" / "_s << u"image-7.png"_s;
    }

    void readableNames()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, name);
        QCOMPARE(DragFiles::readableName(record(prompt)), name);
    }

    void prepareLinksWithUniqueNames()
    {
        QTemporaryDir out;
        HistoryRecord missing = record(u"not here"_s, 9);
        missing.localFile.clear();
        const QList<QUrl> urls = DragFiles::prepare(
            {record(u"twin"_s, 1), record(u"twin"_s, 2), missing}, out.filePath(u"drag"_s));
        QCOMPARE(urls.size(), 2);
        QCOMPARE(QFileInfo(urls.at(0).toLocalFile()).fileName(), u"twin.png"_s);
        QCOMPARE(QFileInfo(urls.at(1).toLocalFile()).fileName(), u"twin (2).png"_s);
        QFile original(m_png);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        for (const QUrl &url : urls) {
            QFile copy(url.toLocalFile());
            QVERIFY(copy.open(QIODevice::ReadOnly));
            QCOMPARE(copy.readAll(), bytes);
        }
        // Again (a second drag of the same cards): replaced, not piled up.
        QCOMPARE(DragFiles::prepare({record(u"twin"_s, 1)}, out.filePath(u"drag"_s)).size(), 1);
        QCOMPARE(QDir(out.filePath(u"drag"_s)).entryList(QDir::Files).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDragFiles)
#include "tst_dragfiles.moc"
