// ImageMirror against a fake download: newest first, only while the shared lane is empty, the
// "gone" rule (two misses, or one while the same host serves other images), backoff, pause,
// and the backlog queries underneath (schema 6).
#include "backend/backendclient.h"
#include "backend/requestbudget.h"
#include "domain/apierror.h"
#include "history/imagebacklog.h"
#include "historyfixture.h"
#include "media/historyimagebackfill.h"
#include "media/imagedownloader.h"
#include "media/imagemirror.h"

#include <QBuffer>
#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc"_s;

QByteArray png(QColor color)
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// A server of images: each URL answers an image, a miss (200 text/html), or an error; answers
// come on the next event-loop pass, or wait for release() when held.
class FakeImageServer final
{
public:
    enum class Answer { Image, Missing, Busy };

    StartDownload starter()
    {
        return [this](const QUrl &url, QObject *context, DownloadDone done) -> AbortDownload {
            requested.append(url);
            if (hold) {
                held.append({url, std::move(done)});
                return [] {};
            }
            QMetaObject::invokeMethod(
                context, [this, url, done = std::move(done)] { done(answer(url)); },
                Qt::QueuedConnection);
            return [] {};
        };
    }

    Result<DownloadedImage> answer(const QUrl &url) const
    {
        switch (answers.value(url.path(), Answer::Image)) {
        case Answer::Missing:
            return ApiError::imageMissing(200, u"text/html; charset=utf-8"_s);
        case Answer::Busy:
            return ApiError::rateLimited(429, u"Too many requests"_s, 0);
        case Answer::Image:
            break;
        }
        // Distinct bytes per URL: the store keys files by content.
        return DownloadedImage{url, u"image/png"_s,
                               png(QColor::fromRgb(QRgb(qHash(url.path())) | 0xff000000u))};
    }

    void releaseAll()
    {
        const auto waiting = std::exchange(held, {});
        for (const auto &[url, done] : waiting)
            done(answer(url));
    }

    QHash<QString, Answer> answers; // by path
    QList<QUrl> requested;
    bool hold = false;
    QList<std::pair<QUrl, DownloadDone>> held;
};

} // namespace

class TestImageMirror final : public QObject, private HistoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void backlogQueries();
    void newestFirstAndCounts();
    void secondPassFetchesNothing();
    void missVerifiedBySameHost();
    void lonelyMissNeedsASecondRun();
    void waitsForTheSharedLane();
    void queuesTheNextWhileImagesVerify();
    void backsOffOnBusyServer();
    void pauseStopsFeeding();
    void lowSpaceStops();
    void disabledDownloadsNothing();
    void visibleBackfillSkipsGone();
    void visibleCellsKeepThumbnailsOnlyWhenAsked();
    void meteredConnectionWaits();
    void newestUpToASize();
    void neverReplacesAFileThatArrivedMeanwhile();

private:
    // `count` completed records, record 0 the oldest; /img/<i>.png on one host.
    void seed(int count);
    std::unique_ptr<ImageMirror> makeMirror(const ImageMirror::Options &options = testOptions());
    // No free-space floor: the test machine's disk is not the point.
    static ImageMirror::Options testOptions()
    {
        ImageMirror::Options options;
        options.minFreeBytes = 0;
        return options;
    }
    bool runPass(ImageMirror &mirror, int timeoutMs = 10000);
    static QString path(int i) { return u"/img/%1.png"_s.arg(i); }

    QTemporaryDir m_images;
    FakeImageServer m_server;
    std::unique_ptr<ImageDownloader> m_downloader;
    std::unique_ptr<ImageBacklog> m_backlog;
};

void TestImageMirror::init()
{
    QVERIFY(openFresh());
    m_server = {};
    m_downloader =
        std::make_unique<ImageDownloader>(m_server.starter(), ImageStore(m_images.path()));
    m_backlog = std::make_unique<ImageBacklog>(*m_db);
}

void TestImageMirror::cleanup()
{
    m_downloader.reset();
    m_backlog.reset();
    closeAll();
}

void TestImageMirror::seed(int count)
{
    QList<GeneratedImage> records;
    const auto base = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    for (int i = 0; i < count; ++i) {
        GeneratedImage g;
        g.id = u"%1"_s.arg(i + 1, 24, 10, QChar(u'0'));
        g.userId = kAccount;
        g.prompt = u"record %1"_s.arg(i);
        g.type = ImageType::TextToImage;
        g.typeRaw = u"TEXTTOIAMGE"_s;
        g.imageUrl = path(i);
        g.status = ImageStatus::Completed;
        g.createdAt = base.addSecs(i);
        g.completedAt = base.addSecs(i + 5);
        records.append(g);
    }
    QVERIFY(m_store->upsertServerRecords(kAccount, records, 1).ok());
}

std::unique_ptr<ImageMirror> TestImageMirror::makeMirror(const ImageMirror::Options &options)
{
    auto mirror = std::make_unique<ImageMirror>(
        *m_downloader, *m_store, *m_backlog,
        [](const QString &url) { return QUrl(u"http://images.test"_s).resolved(QUrl(url)); },
        m_images.path(), options);
    mirror->setAccount(kAccount);
    return mirror;
}

bool TestImageMirror::runPass(ImageMirror &mirror, int timeoutMs)
{
    QSignalSpy finished(&mirror, &ImageMirror::passFinished);
    mirror.start();
    return finished.wait(timeoutMs) || !finished.isEmpty();
}

void TestImageMirror::backlogQueries()
{
    seed(5);
    auto page = m_backlog->nextMissing(kAccount, std::nullopt, 2);
    QVERIFY(page.ok());
    QCOMPARE(page.value().size(), 2);
    QCOMPARE(page.value().at(0).imageUrl, path(4));
    QCOMPARE(page.value().at(1).imageUrl, path(3));
    const BacklogCursor cursor{page.value().last().createdAtMs, page.value().last().rowId};
    page = m_backlog->nextMissing(kAccount, cursor, 10);
    QCOMPARE(page.value().size(), 3);
    QCOMPARE(page.value().at(0).imageUrl, path(2));
    QVERIFY(m_backlog->nextMissing(u"other"_s, std::nullopt, 10).value().isEmpty());

    const qint64 row = page.value().at(0).rowId;
    QCOMPARE(m_backlog->recordMiss(row).value(), 1);
    QCOMPARE(m_backlog->recordMiss(row).value(), 2);
    QVERIFY(m_backlog->markGone(row).value());
    QVERIFY(m_store->recordByRowId(row).value()->imageGone);
    auto counts = m_backlog->counts(kAccount).value();
    QCOMPARE(counts.withImage, 5);
    QCOMPARE(counts.gone, 1);
    QCOMPARE(counts.here, 0);
    QCOMPARE(m_backlog->nextMissing(kAccount, std::nullopt, 10).value().size(), 4);

    // A file on disk outweighs a miss: the record is no longer gone.
    QVERIFY(m_store->setLocalFile(row, u"/x.png"_s, 10, 8, 8).value());
    QVERIFY(!m_store->recordByRowId(row).value()->imageGone);
    counts = m_backlog->counts(kAccount).value();
    QCOMPARE(counts.gone, 0);
    QCOMPARE(counts.here, 1);
    QCOMPARE(counts.missing(), 4);
}

void TestImageMirror::newestFirstAndCounts()
{
    seed(120); // more than one backlog page
    m_downloader->setMaxConcurrent(1);
    auto mirror = makeMirror();
    QSignalSpy saved(mirror.get(), &ImageMirror::imageSaved);
    QVERIFY(runPass(*mirror));
    QCOMPARE(saved.size(), 120);
    QCOMPARE(m_server.requested.size(), 120);
    for (int i = 0; i < 120; ++i)
        QCOMPARE(m_server.requested.at(i).path(), path(119 - i));
    QCOMPARE(mirror->done(), 120);
    QCOMPARE(mirror->total(), 120);
    QCOMPARE(mirror->state(), ImageMirror::State::Done);
    QVERIFY(!m_store->record(kAccount, u"%1"_s.arg(1, 24, 10, QChar(u'0')))
                 .value()
                 ->localFile.isEmpty());
}

void TestImageMirror::secondPassFetchesNothing()
{
    seed(10);
    auto mirror = makeMirror();
    QVERIFY(runPass(*mirror));
    QCOMPARE(m_server.requested.size(), 10);
    // A restart: a new mirror reads the backlog again and finds it empty.
    auto again = makeMirror();
    QVERIFY(runPass(*again));
    QCOMPARE(m_server.requested.size(), 10);
    QCOMPARE(again->downloadedThisPass(), 0);
    QCOMPARE(again->done(), 10);
}

void TestImageMirror::missVerifiedBySameHost()
{
    seed(6);
    m_server.answers.insert(path(5), FakeImageServer::Answer::Missing); // the newest: first
    m_server.answers.insert(path(1), FakeImageServer::Answer::Missing);
    m_downloader->setMaxConcurrent(1);
    auto mirror = makeMirror();
    QSignalSpy gone(mirror.get(), &ImageMirror::imageGone);
    QVERIFY(runPass(*mirror));
    // path(5) missed before any image of the host arrived: verified by the next one stored;
    // path(1) missed while the host served others: gone at once.
    QCOMPARE(gone.size(), 2);
    QCOMPARE(mirror->counts().gone, 2);
    QCOMPARE(mirror->done(), 4);
    QCOMPARE(mirror->total(), 4);
    // Gone ones are not asked again on the next start.
    auto again = makeMirror();
    QVERIFY(runPass(*again));
    QCOMPARE(m_server.requested.size(), 6);
}

void TestImageMirror::lonelyMissNeedsASecondRun()
{
    seed(2);
    m_server.answers.insert(path(0), FakeImageServer::Answer::Missing);
    m_server.answers.insert(path(1), FakeImageServer::Answer::Missing);
    auto mirror = makeMirror();
    QVERIFY(runPass(*mirror));
    // Nothing from the host arrived: an outage's fallback page looks the same. Not gone yet.
    QCOMPARE(mirror->counts().gone, 0);
    QCOMPARE(m_server.requested.size(), 2);
    // Within the same run they are not asked again.
    QVERIFY(runPass(*mirror));
    QCOMPARE(m_server.requested.size(), 2);
    // The next run misses again: now verified.
    auto again = makeMirror();
    QVERIFY(runPass(*again));
    QCOMPARE(m_server.requested.size(), 4);
    QCOMPARE(again->counts().gone, 2);
    auto third = makeMirror();
    QVERIFY(runPass(*third));
    QCOMPARE(m_server.requested.size(), 4);
}

void TestImageMirror::waitsForTheSharedLane()
{
    seed(20);
    m_downloader->setMaxConcurrent(2);
    m_server.hold = true;
    auto mirror = makeMirror();
    mirror->start();
    QTRY_COMPARE(m_server.requested.size(), 2);
    // One waits in the lane behind the two running; no more are queued.
    QCOMPARE(m_downloader->queuedCount(), 1);
    // A visible cell asks now: it goes right behind, not behind the whole backlog.
    const QUrl visible(u"http://images.test/visible.png"_s);
    m_downloader->fetch(visible, ImageDownloader::Priority::Backfill);
    QCOMPARE(m_downloader->queuedCount(), 2);
    m_server.releaseAll();
    QTRY_VERIFY(m_server.requested.size() >= 4);
    QVERIFY(m_server.requested.mid(0, 4).contains(visible));
    m_server.hold = false;
    m_server.releaseAll();
    QSignalSpy finished(mirror.get(), &ImageMirror::passFinished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(mirror->done(), 20);
}

void TestImageMirror::queuesTheNextWhileImagesVerify()
{
    seed(20);
    m_downloader->setMaxConcurrent(2);
    m_server.hold = true;
    auto mirror = makeMirror();
    QSignalSpy stored(m_downloader.get(), &ImageDownloader::imageStored);
    mirror->start();
    QTRY_COMPARE(m_server.requested.size(), 2);
    QCOMPARE(m_downloader->queuedCount(), 1);
    // The first download answers: the URL waiting in the lane takes its slot at once...
    auto [url, done] = m_server.held.takeFirst();
    done(m_server.answer(url));
    QCOMPARE(m_server.requested.size(), 3);
    QCOMPARE(m_downloader->queuedCount(), 0);
    // ...and the mirror queues the next one before the answered image has verified, so no slot
    // idles while images verify.
    QCoreApplication::sendPostedEvents(mirror.get(), QEvent::MetaCall);
    QCOMPARE(stored.size(), 0);
    QCOMPARE(m_downloader->queuedCount(), 1);
    m_server.hold = false;
    m_server.releaseAll();
    QSignalSpy finished(mirror.get(), &ImageMirror::passFinished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(mirror->done(), 20);
}

void TestImageMirror::backsOffOnBusyServer()
{
    seed(4);
    m_server.answers.insert(path(3), FakeImageServer::Answer::Busy);
    m_downloader->setMaxConcurrent(1);
    ImageMirror::Options options = testOptions();
    options.backoffMs = {200, 400};
    auto mirror = makeMirror(options);
    QSignalSpy states(mirror.get(), &ImageMirror::stateChanged);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(runPass(*mirror));
    // Three tries of the busy one (attemptsPerPass), two pauses between them: 200 + 400 ms.
    QCOMPARE(m_server.requested.count(QUrl(u"http://images.test"_s + path(3))), 3);
    QVERIFY2(clock.elapsed() >= 550, QByteArray::number(clock.elapsed()).constData());
    bool waited = false;
    for (const auto &args : states)
        waited |= args.first().value<ImageMirror::State>() == ImageMirror::State::Waiting;
    QVERIFY(waited);
    QCOMPARE(mirror->done(), 3);
    QCOMPARE(mirror->failedThisPass(), 1);
    QCOMPARE(mirror->counts().gone, 0); // busy is not gone
}

void TestImageMirror::pauseStopsFeeding()
{
    seed(10);
    m_downloader->setMaxConcurrent(1);
    m_server.hold = true;
    auto mirror = makeMirror();
    mirror->start();
    QTRY_COMPARE(m_server.requested.size(), 1);
    mirror->pause();
    m_server.hold = false;
    m_server.releaseAll();
    // What was in the lane finishes; nothing new starts.
    QTRY_VERIFY(m_downloader->isIdle());
    const auto asked = m_server.requested.size();
    QCoreApplication::processEvents();
    QCOMPARE(m_server.requested.size(), asked);
    QCOMPARE(mirror->state(), ImageMirror::State::Paused);
    QSignalSpy finished(mirror.get(), &ImageMirror::passFinished);
    mirror->resume();
    QVERIFY(finished.wait(10000));
    QCOMPARE(mirror->done(), 10);
}

void TestImageMirror::lowSpaceStops()
{
    seed(3);
    ImageMirror::Options options = testOptions();
    options.minFreeBytes = std::numeric_limits<qint64>::max(); // no disk has that much free
    auto mirror = makeMirror(options);
    mirror->start();
    QTRY_COMPARE(mirror->state(), ImageMirror::State::LowSpace);
    QVERIFY(m_server.requested.isEmpty());
}

void TestImageMirror::disabledDownloadsNothing()
{
    seed(3);
    auto mirror = makeMirror();
    mirror->setEnabled(false); // "Keep on this computer: only images I open"
    mirror->start();
    QCOMPARE(mirror->state(), ImageMirror::State::Idle);
    QCoreApplication::processEvents();
    QVERIFY(m_server.requested.isEmpty());
    QSignalSpy finished(mirror.get(), &ImageMirror::passFinished);
    mirror->setEnabled(true);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_server.requested.size(), 3);
}

void TestImageMirror::visibleBackfillSkipsGone()
{
    seed(2);
    const auto rows = m_backlog->nextMissing(kAccount, std::nullopt, 10).value();
    QVERIFY(m_backlog->markGone(rows.at(0).rowId).value());
    QNetworkAccessManager network;
    RequestBudget budget;
    BackendClient client(network, budget);
    client.setOrigin(QUrl(u"http://images.test"_s));
    HistoryImageBackfill backfill(*m_downloader, *m_store, client);
    QSignalSpy saved(&backfill, &HistoryImageBackfill::imageSaved);
    // Both cells come into view: only the one not gone is asked for.
    backfill.want({rows.at(0).rowId, rows.at(1).rowId});
    QVERIFY(saved.wait(10000));
    QCOMPARE(m_server.requested.size(), 1);
    QCOMPARE(m_server.requested.first().path(), rows.at(1).imageUrl);
}

void TestImageMirror::visibleCellsKeepThumbnailsOnlyWhenAsked()
{
    seed(3);
    QTemporaryDir thumbs;
    m_downloader->setThumbnails({thumbs.path(), 256, 85});
    const auto rows = m_backlog->nextMissing(kAccount, std::nullopt, 10).value();
    QNetworkAccessManager network;
    RequestBudget budget;
    BackendClient client(network, budget);
    client.setOrigin(QUrl(u"http://images.test"_s));
    HistoryImageBackfill backfill(*m_downloader, *m_store, client);
    backfill.setKeepFiles(false); // "only images I open": a card shown is not an image opened
    QSignalSpy thumbnails(&backfill, &HistoryImageBackfill::thumbnailSaved);
    QSignalSpy saved(&backfill, &HistoryImageBackfill::imageSaved);
    const auto filesHere = [this] {
        int files = 0;
        for (QDirIterator it(m_images.path(), QDir::Files, QDirIterator::Subdirectories);
             it.hasNext(); it.next())
            ++files;
        return files;
    };
    const int files = filesHere();
    backfill.want({rows.at(0).rowId, rows.at(1).rowId});
    QTRY_COMPARE(thumbnails.size(), 2);
    QCOMPARE(saved.size(), 0);
    QCOMPARE(filesHere(), files);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(m_store->recordByRowId(rows.at(i).rowId).value()->localFile.isEmpty());
        QVERIFY(m_downloader->hasThumbnail(ImageMirror::thumbnailKey(rows.at(i).imageUrl)));
    }
    // Shown again, they are not downloaded again: their cards read the kept thumbnails.
    backfill.want({rows.at(0).rowId, rows.at(1).rowId});
    QCOMPARE(backfill.pending(), 0);
    QCOMPARE(m_server.requested.size(), 2);
    // Kept as files again (every image): the third card's image is stored.
    backfill.setKeepFiles(true);
    backfill.want({rows.at(2).rowId});
    QVERIFY(saved.wait(10000));
    QVERIFY(!m_store->recordByRowId(rows.at(2).rowId).value()->localFile.isEmpty());
}

void TestImageMirror::meteredConnectionWaits()
{
    seed(3);
    auto mirror = makeMirror();
    mirror->setMetered(true);
    mirror->start();
    QCOMPARE(mirror->state(), ImageMirror::State::Metered);
    QCoreApplication::processEvents();
    QVERIFY(m_server.requested.isEmpty());
    // The user's pause outlasts the metered connection.
    mirror->pause();
    mirror->setMetered(false);
    QCOMPARE(mirror->state(), ImageMirror::State::Paused);
    QSignalSpy finished(mirror.get(), &ImageMirror::passFinished);
    mirror->resume();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_server.requested.size(), 3);
}

void TestImageMirror::newestUpToASize()
{
    seed(120);
    m_downloader->setMaxConcurrent(1);
    const qint64 oneImage =
        m_server.answer(QUrl(u"http://images.test"_s + path(119))).value().data.size();
    auto mirror = makeMirror();
    mirror->setByteLimit(10 * oneImage);
    mirror->start();
    QTRY_COMPARE(mirror->state(), ImageMirror::State::LimitReached);
    QCoreApplication::processEvents(); // what was in flight lands
    // The newest ten (and the one or two already on their way when the tenth landed), no more.
    QVERIFY2(m_server.requested.size() >= 10 && m_server.requested.size() <= 12,
             qPrintable(QString::number(m_server.requested.size())));
    for (int i = 0; i < m_server.requested.size(); ++i)
        QCOMPARE(m_server.requested.at(i).path(), path(119 - i));
    QVERIFY(mirror->bytesHere() >= 10 * oneImage);

    // A restart counts what is on disk and does not go on; every image again fetches the rest.
    const auto before = m_server.requested.size();
    auto again = makeMirror();
    again->setByteLimit(10 * oneImage);
    again->start();
    QTRY_COMPARE(again->state(), ImageMirror::State::LimitReached);
    QCOMPARE(m_server.requested.size(), before);
    QSignalSpy finished(again.get(), &ImageMirror::passFinished);
    again->setByteLimit(0);
    QVERIFY(finished.wait(10000));
    QCOMPARE(again->done(), 120);
}

void TestImageMirror::neverReplacesAFileThatArrivedMeanwhile()
{
    // A job's own result (a brush edit's combined image) lands while the mirror's download of
    // the server's copy is on its way: the mirror's copy must not replace it.
    seed(1);
    const qint64 row = m_backlog->nextMissing(kAccount, std::nullopt, 1).value().first().rowId;
    m_server.hold = true;
    auto mirror = makeMirror();
    mirror->start();
    QTRY_COMPARE(m_server.held.size(), 1);
    const QString combined = m_images.filePath(u"combined.png"_s);
    QVERIFY(m_store->setLocalFile(row, combined, 10, 8, 8).value());
    QSignalSpy finished(mirror.get(), &ImageMirror::passFinished);
    m_server.releaseAll();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_store->recordByRowId(row).value()->localFile, combined);
    QCOMPARE(mirror->failedThisPass(), 0);
    QVERIFY(!m_store->fillLocalFile(row, u"/elsewhere.png"_s, 10, 8, 8).value());
}

QTEST_GUILESS_MAIN(TestImageMirror)
#include "tst_imagemirror.moc"
