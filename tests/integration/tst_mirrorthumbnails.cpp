// The offline mirror makes each record's gallery thumbnail as it stores the image, against the
// dev server: the gallery's ThumbnailCache then finds it on disk and decodes no original; "only
// images I open" keeps the thumbnail of every completed record and no image file; "the newest
// N GB" gives the records past the limit their thumbnails too.
#include "history/historystore.h"
#include "history/imagebacklog.h"
#include "media/imagedownloader.h"
#include "media/imagemirror.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailfile.h"
#include "studiofixture.h"
#include "studiosettings.h"
#include "support/slowdown.h"

#include <QDir>
#include <QDirIterator>

using namespace studiotest;

namespace {

void keepImages(const QString &profile, StudioSettings::KeepImages keep, int newestGB = 0)
{
    QVERIFY(QDir().mkpath(profile));
    StudioSettings settings(Profile(profile).settingsPath());
    settings.setKeepImages(keep);
    if (newestGB > 0)
        settings.setKeepNewestGB(newestGB);
    settings.sync();
}

// The completed records of the account that are not gone from the server, as the gallery
// reads them.
QList<HistoryRecord> completedRecords(AppServices &services)
{
    QList<HistoryRecord> records;
    QSqlQuery q(services.database().connection());
    q.prepare(u"SELECT row_id FROM generated_images WHERE account_id = :account AND "
              "status = 'completed' AND image_gone = 0 ORDER BY created_at DESC"_s);
    q.bindValue(u":account"_s, services.accountId());
    if (!q.exec())
        return records;
    while (q.next()) {
        const auto record = services.history().recordByRowId(q.value(0).toLongLong());
        if (record && record.value())
            records.append(*record.value());
    }
    return records;
}

// The thumbnail file the gallery's card of `record` would read: keyed by its file, or by its
// image URL when only the thumbnail is kept.
QString thumbnailOf(AppServices &services, const HistoryRecord &record)
{
    const QString key =
        record.localFile.isEmpty() ? ImageMirror::thumbnailKey(record.imageUrl) : record.localFile;
    return ThumbnailFile::existing(
        ThumbnailFile::stem(services.thumbnails().diskDir(), key, ThumbnailCache::galleryEdge));
}

int filesUnder(const QString &dir)
{
    int files = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    return files;
}

int uploadGets(DevServerProcess &server)
{
    return server.devState().value(u"uploadGets"_s).toInt();
}

} // namespace

class TestMirrorThumbnails final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyImageGetsItsThumbnail();
    void onlyImagesIOpenKeepsThumbnailsOnly();
    void pastTheSizeLimitThumbnailsOnly();

private:
    DevServerProcess m_server;
    QTemporaryDir m_work;
};

void TestMirrorThumbnails::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(m_server.start({u"--flavor"_s, u"sync"_s, u"--seed-history"_s, u"60"_s,
                             u"--missing-uploads"_s, u"0.1"_s}),
             qPrintable(m_server.errorString()));
}

void TestMirrorThumbnails::everyImageGetsItsThumbnail()
{
    auto services = openServices(QDir(m_work.path()).filePath(u"every"_s), m_server.origin(), true);
    QVERIFY(services);
    QSignalSpy finished(&services->imageMirror(), &ImageMirror::passFinished);
    QVERIFY(signIn(*services, u"+15550004444"_s));
    QVERIFY(finished.wait(TestTime::scaled(30000)));

    const QList<HistoryRecord> records = completedRecords(*services);
    QVERIFY(records.size() >= 30); // 60 seeded, about 10 % not completed and 10 % gone
    for (const HistoryRecord &record : records) {
        QVERIFY2(!record.localFile.isEmpty(), qPrintable(record.imageUrl));
        QVERIFY2(!thumbnailOf(*services, record).isEmpty(), qPrintable(record.localFile));
    }
    // Thumbnails are kept within the gallery's disk budget (25 KB per record).
    const QString dir = services->thumbnails().diskDir();
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        bytes += QFileInfo(it.next()).size();
    QVERIFY2(bytes / records.size() <= qint64(25) * 1000,
             QByteArray::number(bytes / records.size()).constData());

    // The gallery's cache reads the mirror's files and decodes no original.
    ThumbnailCache cache(dir);
    QSignalSpy ready(&cache, &ThumbnailCache::thumbnailReady);
    QSet<QString> files; // records can share a file (the same bytes)
    for (const HistoryRecord &record : records) {
        if (!files.contains(record.localFile))
            cache.request(record.localFile, record.localFile, ThumbnailCache::galleryEdge);
        files.insert(record.localFile);
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), int(files.size()), 20000);
    QCOMPARE(cache.sourceDecodeCount(), 0);
    QCOMPARE(cache.diskHitCount(), int(files.size()));
}

void TestMirrorThumbnails::onlyImagesIOpenKeepsThumbnailsOnly()
{
    const QString profile = QDir(m_work.path()).filePath(u"opened-only"_s);
    keepImages(profile, StudioSettings::KeepImages::OnlyOpened);
    auto services = openServices(profile, m_server.origin(), true);
    QVERIFY(services);
    ImageMirror &mirror = services->imageMirror();
    QSignalSpy finished(&mirror, &ImageMirror::passFinished);
    QVERIFY(signIn(*services, u"+15550005555"_s));
    QVERIFY(finished.wait(TestTime::scaled(30000)));

    const QList<HistoryRecord> records = completedRecords(*services);
    QVERIFY(records.size() >= 30); // 60 seeded, about 10 % not completed and 10 % gone
    for (const HistoryRecord &record : records) {
        QVERIFY2(record.localFile.isEmpty(), qPrintable(record.localFile)); // still "not kept"
        QVERIFY2(!thumbnailOf(*services, record).isEmpty(), qPrintable(record.imageUrl));
    }
    QCOMPARE(mirror.thumbnailsOnlyThisPass(), int(records.size()));
    QCOMPARE(mirror.downloadedThisPass(), 0);
    QCOMPARE(filesUnder(services->profile().imagesDir()), 0);
    QCOMPARE(services->imageBacklog().counts(services->accountId()).value().here, 0);

    // The next pass finds every thumbnail here and downloads nothing again.
    const int gets = uploadGets(m_server);
    mirror.start();
    QVERIFY(finished.wait(TestTime::scaled(10000)));
    QCOMPARE(uploadGets(m_server), gets);
    QCOMPARE(mirror.thumbnailsOnlyThisPass(), 0);
}

void TestMirrorThumbnails::pastTheSizeLimitThumbnailsOnly()
{
    const QString profile = QDir(m_work.path()).filePath(u"newest"_s);
    keepImages(profile, StudioSettings::KeepImages::Newest, 1);
    auto services = openServices(profile, m_server.origin(), true);
    QVERIFY(services);
    ImageMirror &mirror = services->imageMirror();
    // The first image stored reaches the limit; the downloads already running keep theirs.
    mirror.setByteLimit(1);
    QSignalSpy finished(&mirror, &ImageMirror::passFinished);
    QVERIFY(signIn(*services, u"+15550006666"_s));
    QVERIFY(finished.wait(TestTime::scaled(30000)));
    QCOMPARE(mirror.state(), ImageMirror::State::LimitReached);

    const QList<HistoryRecord> records = completedRecords(*services);
    QVERIFY(records.size() >= 30); // 60 seeded, about 10 % not completed and 10 % gone
    int files = 0;
    for (const HistoryRecord &record : records) {
        files += record.localFile.isEmpty() ? 0 : 1;
        QVERIFY2(!thumbnailOf(*services, record).isEmpty(), qPrintable(record.imageUrl));
    }
    const int inFlight = 2 * services->downloader().maxConcurrent();
    QVERIFY2(files >= 1 && files <= inFlight, QByteArray::number(files).constData());
    QCOMPARE(mirror.downloadedThisPass(), files);
    QCOMPARE(mirror.thumbnailsOnlyThisPass(), int(records.size()) - files);
}

QTEST_MAIN(TestMirrorThumbnails)
#include "tst_mirrorthumbnails.moc"
