// The status bar's "Saving for offline · 1 of 3" with pause/resume, over a real ImageMirror
// whose downloads a fake answers when the test says so.
#include "appservices.h"
#include "common/mirrorstatus.h"
#include "history/historystore.h"
#include "history/imagebacklog.h"
#include "media/imagedownloader.h"
#include "media/imagemirror.h"

#include <QApplication>
#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

class TestMirrorStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsProgressAndHidesWhenDone();
    void pauseAndResume();
    void saysInTheStatusBarWhenEveryImageIsSaved();
    void saysWhereTheChosenSizeStoppedIt();
    void thumbnailsOnlySaysWhatItKeeps();

private:
    void release();

    std::unique_ptr<QTemporaryDir> m_profile; // a new one per test
    std::unique_ptr<AppServices> m_services;
    QList<std::pair<QUrl, DownloadDone>> m_held;
    std::unique_ptr<ImageDownloader> m_downloader;
    std::unique_ptr<ImageMirror> m_mirror;
};

void TestMirrorStatus::init()
{
    QLocale::setDefault(QLocale::c());
    // The profile's database, through the services (ui/ tests include no QtSql header).
    AppServices::Options services;
    m_profile = std::make_unique<QTemporaryDir>();
    services.profilePath = m_profile->path();
    services.server = QUrl(u"http://127.0.0.1:9"_s);
    services.fileOnlyTokens = true;
    m_services = std::make_unique<AppServices>(services);
    QVERIFY(m_services->open().ok());
    m_held.clear();
    m_downloader = std::make_unique<ImageDownloader>(
        [this](const QUrl &url, QObject *, DownloadDone done) -> AbortDownload {
            m_held.append({url, std::move(done)});
            return [] {};
        },
        ImageStore(m_services->profile().imagesDir()));
    QList<GeneratedImage> records;
    for (int i = 0; i < 3; ++i) {
        GeneratedImage g;
        g.id = u"%1"_s.arg(i + 1, 24, 10, QChar(u'0'));
        g.prompt = u"record %1"_s.arg(i);
        g.typeRaw = u"TEXTTOIAMGE"_s;
        g.type = ImageType::TextToImage;
        g.imageUrl = u"/img/%1.png"_s.arg(i);
        g.status = ImageStatus::Completed;
        g.createdAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + qint64{i} * 1000, Qt::UTC);
        records.append(g);
    }
    QVERIFY(m_services->history().upsertServerRecords(u"acc"_s, records, 1).ok());
    ImageMirror::Options options;
    options.minFreeBytes = 0;
    m_mirror = std::make_unique<ImageMirror>(
        *m_downloader, m_services->history(), m_services->imageBacklog(),
        [](const QString &url) { return QUrl(u"http://images.test"_s).resolved(QUrl(url)); },
        m_services->profile().imagesDir(), options);
    m_mirror->setAccount(u"acc"_s);
    m_downloader->setMaxConcurrent(1);
}

void TestMirrorStatus::cleanup()
{
    m_mirror.reset();
    m_downloader.reset();
    m_services.reset();
}

void TestMirrorStatus::release()
{
    const auto held = std::exchange(m_held, {});
    for (const auto &[url, done] : held) {
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(QColor::fromRgb(QRgb(0xff000000u | qHash(url.path()))));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        done(DownloadedImage{url, u"image/png"_s, bytes});
    }
}

void TestMirrorStatus::showsProgressAndHidesWhenDone()
{
    MirrorStatus status(*m_mirror);
    QVERIFY(status.isHidden()); // nothing started
    m_mirror->start();
    QCOMPARE(status.text(), u"Saving for offline · 0 of 3"_s);
    QVERIFY(!status.isHidden());
    QTRY_COMPARE(m_held.size(), 1);
    release();
    QTRY_COMPARE(status.text(), u"Saving for offline · 1 of 3"_s);
    QSignalSpy finished(m_mirror.get(), &ImageMirror::passFinished);
    while (finished.isEmpty()) {
        QTRY_VERIFY(!m_held.isEmpty() || !finished.isEmpty());
        release();
    }
    QVERIFY(status.isHidden()); // the library is saved
}

void TestMirrorStatus::saysInTheStatusBarWhenEveryImageIsSaved()
{
    QStatusBar bar;
    auto *status = new MirrorStatus(*m_mirror, &bar);
    bar.addPermanentWidget(status);
    QSignalSpy finished(m_mirror.get(), &ImageMirror::passFinished);
    m_mirror->start();
    QVERIFY(bar.currentMessage().isEmpty());
    while (finished.isEmpty()) {
        QTRY_VERIFY(!m_held.isEmpty() || !finished.isEmpty());
        release();
    }
    QCOMPARE(bar.currentMessage(), u"Saved for offline · all 3 images"_s);
    // A later pass with nothing to save says nothing again.
    bar.clearMessage();
    m_mirror->start();
    QTest::qWait(50);
    QVERIFY(bar.currentMessage().isEmpty());
}

void TestMirrorStatus::pauseAndResume()
{
    MirrorStatus status(*m_mirror);
    m_mirror->start();
    QCOMPARE(status.pauseButton()->text(), u"Pause"_s);
    status.pauseButton()->click();
    QCOMPARE(m_mirror->state(), ImageMirror::State::Paused);
    QCOMPARE(status.text(), u"Saving for offline paused · 0 of 3"_s);
    QCOMPARE(status.pauseButton()->text(), u"Resume"_s);
    QVERIFY(!status.isHidden()); // paused is still shown, with the way back
    status.pauseButton()->click();
    QCOMPARE(m_mirror->state(), ImageMirror::State::Running);
    QCOMPARE(status.pauseButton()->text(), u"Pause"_s);
}

void TestMirrorStatus::saysWhereTheChosenSizeStoppedIt()
{
    MirrorStatus status(*m_mirror);
    m_mirror->setByteLimit(1); // the first image reaches it
    m_mirror->start();
    QTRY_COMPARE(m_held.size(), 1);
    release();
    QTRY_COMPARE(m_mirror->state(), ImageMirror::State::LimitReached);
    QTRY_COMPARE(status.text(), u"Kept the newest images for offline, up to 1 byte(s) · 1 of 3"_s);
    QVERIFY(!status.isHidden());
    QVERIFY(status.pauseButton()->isHidden()); // the user's own choice: nothing to pause
}

// "Only images I open": the pass keeps thumbnails and no image, and says so; no "Saved for
// offline · all N images" follows, as no image was saved.
void TestMirrorStatus::thumbnailsOnlySaysWhatItKeeps()
{
    m_downloader->setThumbnails({m_services->profile().thumbnailsDir(), 256, 85});
    m_mirror->setEnabled(false);
    QStatusBar bar;
    auto *status = new MirrorStatus(*m_mirror, &bar);
    bar.addPermanentWidget(status);
    QSignalSpy finished(m_mirror.get(), &ImageMirror::passFinished);
    m_mirror->start();
    QTRY_COMPARE(m_held.size(), 1);
    QCOMPARE(status->text(), u"Keeping thumbnails for offline · 0 made"_s);
    release();
    QTRY_COMPARE(status->text(), u"Keeping thumbnails for offline · 1 made"_s);
    while (finished.isEmpty()) {
        QTRY_VERIFY(!m_held.isEmpty() || !finished.isEmpty());
        release();
    }
    QVERIFY(status->isHidden());
    QVERIFY(bar.currentMessage().isEmpty());
}

QTEST_MAIN(TestMirrorStatus)
#include "tst_mirrorstatus.moc"
