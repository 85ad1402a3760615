// The offline image mirror against the dev server, some of whose uploads are gone (200
// text/html, as the real server answers): it fills a profile after the sync, a restart fetches
// nothing again, gone images are marked and not retried, "only images I open" keeps no image file
// (only thumbnails), and failing uploads are waited out.
#include "history/historystore.h"
#include "history/imagebacklog.h"
#include "media/imagedownloader.h"
#include "media/imagemirror.h"
#include "studiofixture.h"
#include "studiosettings.h"
#include "support/slowdown.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

using namespace studiotest;

namespace {

const QString kOtherPhone = QStringLiteral("+15550002222");
const QString kThirdPhone = QStringLiteral("+15550003333");

int uploadGets(DevServerProcess &server)
{
    return server.devState().value(u"uploadGets"_s).toInt();
}

// Completed records of the account with an image URL, from the local mirror.
qint64 completedWithImage(AppServices &services)
{
    return services.imageBacklog().counts(services.accountId()).value().withImage;
}

} // namespace

class TestImageMirrorDevServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fillsTheLibraryAfterSync();
    void restartFetchesNothingAgain();
    void onlyImagesIOpenKeepsNoImageFiles();
    void waitsOutFailingUploads();

private:
    DevServerProcess m_server;
    QTemporaryDir m_work;
    QString m_profile;
    qint64 m_here = 0;
    qint64 m_gone = 0;
};

void TestImageMirrorDevServer::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(m_server.start({u"--flavor"_s, u"sync"_s, u"--seed-history"_s, u"150"_s,
                             u"--missing-uploads"_s, u"0.1"_s}),
             qPrintable(m_server.errorString()));
    m_profile = QDir(m_work.path()).filePath(u"profile"_s);
}

void TestImageMirrorDevServer::fillsTheLibraryAfterSync()
{
    auto services = openServices(m_profile, m_server.origin(), true);
    QVERIFY(services);
    ImageMirror &mirror = services->imageMirror();
    QSignalSpy finished(&mirror, &ImageMirror::passFinished);
    const int getsBefore = uploadGets(m_server);
    QElapsedTimer clock;
    clock.start();
    // The desktop app syncs after sign-in, and the mirror follows the sync by itself.
    QVERIFY(signIn(*services));
    QVERIFY(finished.wait(TestTime::scaled(20000)));
    const double seconds = clock.elapsed() / 1000.0;

    const QJsonObject user = userState(m_server);
    const qint64 onServer = user.value(u"imagesOnServer"_s).toInteger();
    const qint64 completed = completedWithImage(*services);
    QVERIFY(onServer > 80);
    QVERIFY2(completed > onServer, "the dev server left no upload missing");
    const auto counts = services->imageBacklog().counts(services->accountId()).value();
    QCOMPARE(counts.here, onServer);
    QCOMPARE(counts.gone, completed - onServer);
    QCOMPARE(counts.missing(), 0);
    QCOMPARE(mirror.done(), onServer);
    QCOMPARE(mirror.total(), onServer);
    // Every image asked for once: a gone one is verified without asking again.
    const int gets = uploadGets(m_server) - getsBefore;
    QCOMPARE(gets, int(completed));
    qInfo("mirror: %lld images stored, %lld gone, %d GETs, %.2f s with the sync, %.1f images/s",
          counts.here, counts.gone, gets, seconds, counts.here / seconds);

    // Each stored file is on disk and linked to its row.
    QSqlQuery q(services->database().connection());
    QVERIFY(q.exec(u"SELECT local_file FROM generated_images WHERE local_file IS NOT NULL"_s));
    int files = 0;
    while (q.next()) {
        QVERIFY(QFileInfo::exists(
            ProfilePaths::ofDatabase(services->database().path()).resolve(q.value(0).toString())));
        ++files;
    }
    QCOMPARE(files, onServer);
    m_here = counts.here;
    m_gone = counts.gone;
}

void TestImageMirrorDevServer::restartFetchesNothingAgain()
{
    auto services = openServices(m_profile, m_server.origin());
    QVERIFY(services);
    QVERIFY(restoreSession(*services));
    ImageMirror &mirror = services->imageMirror();
    QSignalSpy finished(&mirror, &ImageMirror::passFinished);
    const int getsBefore = uploadGets(m_server);
    mirror.start();
    QVERIFY(finished.wait(TestTime::scaled(10000)));
    QCOMPARE(uploadGets(m_server) - getsBefore, 0);
    QCOMPARE(mirror.downloadedThisPass(), 0);
    QCOMPARE(mirror.done(), m_here);
    QCOMPARE(mirror.counts().gone, m_gone);
}

void TestImageMirrorDevServer::onlyImagesIOpenKeepsNoImageFiles()
{
    const QString profile = QDir(m_work.path()).filePath(u"opened-only"_s);
    QVERIFY(QDir().mkpath(profile));
    {
        StudioSettings settings(Profile(profile).settingsPath());
        settings.setKeepImages(StudioSettings::KeepImages::OnlyOpened);
        settings.sync();
    }
    auto services = openServices(profile, m_server.origin(), true);
    QVERIFY(services);
    QSignalSpy synced(&services->sync(), &SyncScheduler::finished);
    // Issue 12: thumbnails of every record are kept in all three settings, so the mirror
    // downloads each image for its thumbnail (tst_mirrorthumbnails) and keeps no file.
    QSignalSpy finished(&services->imageMirror(), &ImageMirror::passFinished);
    QVERIFY(signIn(*services, kOtherPhone));
    QVERIFY(synced.wait(TestTime::scaled(20000)));
    QVERIFY(completedWithImage(*services) > 80);
    QVERIFY(finished.wait(TestTime::scaled(20000)));
    QVERIFY(services->downloader().isIdle());
    QCOMPARE(services->imageBacklog().counts(services->accountId()).value().here, 0);
    QCOMPARE(services->imageMirror().downloadedThisPass(), 0);
    QVERIFY(QDir(services->profile().imagesDir())
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                .isEmpty());
}

void TestImageMirrorDevServer::waitsOutFailingUploads()
{
    DevServerProcess failing;
    QVERIFY2(failing.start({u"--flavor"_s, u"sync"_s, u"--seed-history"_s, u"20"_s,
                            u"--upload-errors"_s, u"0.15"_s}),
             qPrintable(failing.errorString()));
    auto services = openServices(QDir(m_work.path()).filePath(u"failing"_s), failing.origin());
    QVERIFY(services);
    QVERIFY(signIn(*services, kThirdPhone));
    QVERIFY(runSync(*services));
    ImageMirror &mirror = services->imageMirror();
    QSignalSpy states(&mirror, &ImageMirror::stateChanged);
    QSignalSpy finished(&mirror, &ImageMirror::passFinished);
    const qint64 onServer = userState(failing, kThirdPhone).value(u"imagesOnServer"_s).toInteger();
    QElapsedTimer clock;
    clock.start();
    // A row that failed every try of a pass waits for the next pass (the next sync).
    for (int pass = 0; pass < 3 && mirror.done() < onServer; ++pass) {
        mirror.start();
        QVERIFY(finished.wait(TestTime::scaled(20000)));
    }
    QCOMPARE(mirror.done(), onServer);
    QCOMPARE(mirror.counts().gone, 0); // a 503 is not a miss
    bool waited = false;
    for (const auto &args : states)
        waited |= args.first().value<ImageMirror::State>() == ImageMirror::State::Waiting;
    QVERIFY(waited);
    // At least one pause was waited out (the first is 2 s, Retry-After says 1 s).
    QVERIFY2(clock.elapsed() >= 1000, QByteArray::number(clock.elapsed()).constData());
    const int gets = failing.devState().value(u"uploadGets"_s).toInt();
    qInfo("failing uploads: %lld images in %.2f s, %d GETs", onServer, clock.elapsed() / 1000.0,
          gets);
}

QTEST_MAIN(TestImageMirrorDevServer)
#include "tst_imagemirror_devserver.moc"
