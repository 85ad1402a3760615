// Exports ask for room first (GalleryExport::lacksRoomFor, used by Export… and the CLI's
// `export --with-images`): a disk that cannot take the images plus a small floor is said at
// once, before a single file is written.
#include "gallery/galleryexport.h"
#include "history/storagefault.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExportRoom final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void room_data()
    {
        QTest::addColumn<qint64>("available");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<bool>("refused");
        const qint64 mb = qint64{1024} * 1024;
        QTest::newRow("plenty") << 100 * mb << 50 * mb << false;
        QTest::newRow("fits but eats the floor") << 100 * mb << 95 * mb << true;
        QTest::newRow("more than the disk") << 10 * mb << 200 * mb << true;
        QTest::newRow("nothing to copy, disk nearly full") << 1 * mb << 0ll << true;
        QTest::newRow("nothing to copy, room") << 100 * mb << 0ll << false;
        QTest::newRow("free space unknown") << -1ll << 200 * mb << false;
    }

    void room()
    {
        QFETCH(qint64, available);
        QFETCH(qint64, bytes);
        QFETCH(bool, refused);
        QString askedFor;
        const auto problem =
            GalleryExport::lacksRoomFor(u"/exports/today"_s, bytes, [&](const QString &folder) {
                askedFor = folder;
                return available;
            });
        QCOMPARE(askedFor, u"/exports/today"_s);
        QCOMPARE(problem.has_value(), refused);
        if (problem)
            QCOMPARE(problem->userMessage, u"The disk is full: free some space, then try again."_s);
        QCOMPARE(StorageFault::leavesTooLittle(available, bytes), refused);
    }

    void realDiskHasRoomForNothing()
    {
        // The folder need not exist: its nearest existing parent is asked.
        QVERIFY(!GalleryExport::lacksRoomFor(QDir::tempPath() + u"/not/there/yet"_s, 0));
    }
};

QTEST_GUILESS_MAIN(TestExportRoom)
#include "tst_exportroom.moc"
