// "Regenerate" of a brush edit sends the same marked area again, as Retry does: the gallery's
// request carries the job's stored mask and its keep-unmasked choice.
#include "gallery/gallerycore.h"
#include "history/historystore.h"
#include "studiofixture.h"

#include <QImage>

using namespace studiotest;

class TestRegenerateBrushEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void regenerateKeepsTheMask()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir dir;
        auto services = openServices(dir.filePath(u"profile"_s), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));

        QImage photo(96, 54, QImage::Format_RGB32);
        photo.fill(Qt::darkCyan);
        QImage mask(96, 54, QImage::Format_Grayscale8);
        mask.fill(Qt::black);
        for (int y = 0; y < 20; ++y)
            for (int x = 70; x < 96; ++x)
                mask.setPixel(x, y, qRgb(255, 255, 255)); // the top-right corner changes
        const QString photoPath = dir.filePath(u"photo.png"_s);
        const QString maskPath = dir.filePath(u"mask.png"_s);
        QVERIFY(photo.save(photoPath) && mask.save(maskPath));

        JobRequest request;
        request.kind = JobKind::Edit;
        request.prompt = u"a red moon in the corner"_s;
        request.aspectRatio = u"16:9"_s;
        request.referencePaths = {photoPath};
        request.maskPath = maskPath;
        request.keepUnmasked = false;
        const auto queued = services->jobs().enqueue(request);
        QVERIFY2(queued, queued ? "" : qPrintable(queued.error().userMessage));
        const auto job = waitFinished(*services, queued.value().id);
        QVERIFY(job && job->state == JobState::Completed);
        const QString storedMask = job->request.maskPath;
        QVERIFY(storedMask != maskPath); // copied into the profile with the job

        const auto rows = galleryRows(*services, request.prompt);
        QVERIFY(!rows.isEmpty());
        const auto record = services->history().recordByRowId(rows.first().rowId);
        QVERIFY(record && record.value());
        const JobRequest again = services->gallery().regenerate(*record.value());
        QCOMPARE(again.kind, JobKind::Edit);
        QCOMPARE(again.maskPath, storedMask);
        QCOMPARE(again.keepUnmasked, false);
        QCOMPARE(again.referencePaths.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRegenerateBrushEdit)
#include "tst_regeneratebrushedit.moc"
