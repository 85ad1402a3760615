#include "appservices.h"
#include "gallery/gallerypage.h"
#include "media/historyimagebackfill.h"
#include "studiofixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

// A burst of history changes (sync pages, job updates, saved images) reaches the gallery of
// the whole window as one refresh, not one per debounce on the way.
class TestGalleryRefresh final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    StudioFixture m_studio;

    // Waits out a burst: the first refresh, then as long again as any debounce on the way
    // could take, so that a second refresh would have come.
    static int refreshesOfBurst(QSignalSpy &refreshed)
    {
        if (!refreshed.wait(5000))
            return 0;
        refreshed.wait(600);
        return int(refreshed.count());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("NANOBANANA_NO_KEYCHAIN", "1");
        QVERIFY(m_dir.isValid());
        QString error;
        // No server answers there; the profile has no token, so the session is signed out.
        QVERIFY2(
            m_studio.start(m_dir.filePath(u"profile"_s), QUrl(u"http://127.0.0.1:9"_s), &error),
            qPrintable(error));
    }

    void cleanupTestCase() { m_studio.stop(); }

    void aBurstOfHistoryChangesRefreshesTheGalleryOnce()
    {
        QSignalSpy refreshed(m_studio.window->gallery(), &GalleryPage::refreshed);
        for (int i = 0; i < 6; ++i)
            Q_EMIT m_studio.services->historyChanged();
        QCOMPARE(refreshesOfBurst(refreshed), 1);
    }

    void savedImagesJoinTheSameRefresh()
    {
        QSignalSpy refreshed(m_studio.window->gallery(), &GalleryPage::refreshed);
        auto &backfill = m_studio.services->imageBackfill();
        Q_EMIT backfill.imageSaved(1);
        Q_EMIT m_studio.services->historyChanged();
        Q_EMIT backfill.imageSaved(2);
        Q_EMIT backfill.imageSaved(3);
        QCOMPARE(refreshesOfBurst(refreshed), 1);
    }

    void burstsApartRefreshOnceEach()
    {
        QSignalSpy refreshed(m_studio.window->gallery(), &GalleryPage::refreshed);
        Q_EMIT m_studio.services->historyChanged();
        QCOMPARE(refreshesOfBurst(refreshed), 1);
        Q_EMIT m_studio.services->historyChanged();
        Q_EMIT m_studio.services->historyChanged();
        QCOMPARE(refreshesOfBurst(refreshed), 2);
    }

    // Changes that never pause (the offline mirror saving image after image) must not put the
    // refresh off for as long as they last.
    void aSteadyStreamStillRefreshes()
    {
        QSignalSpy refreshed(m_studio.window->gallery(), &GalleryPage::refreshed);
        QTimer stream;
        stream.setInterval(20);
        connect(&stream, &QTimer::timeout, this,
                [this] { Q_EMIT m_studio.services->historyChanged(); });
        stream.start();
        QTest::qWait(1000);
        stream.stop();
        QVERIFY2(refreshed.size() >= 3, qPrintable(QString::number(refreshed.size())));
    }
};

QTEST_MAIN(TestGalleryRefresh)
#include "tst_galleryrefresh.moc"
