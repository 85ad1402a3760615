// JobResults: a completed job's image is downloaded and linked to its rows; without room it
// stays "completed, not saved yet" and is saved by fetchUnsaved once there is room; a job that
// is no longer completed (cancelled meanwhile) gets nothing.
#include "history/historydatabase.h"
#include "jobs/jobresults.h"
#include "jobs/jobstore.h"
#include "jobs/jobwriter.h"
#include "media/imagedownloader.h"
#include "media/imagelimits.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;
std::atomic<qint64> imagesFree{-1};

QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::darkYellow);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "png");
    return bytes;
}

} // namespace

class TestJobResults final : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        QTemporaryDir dir;
        HistoryDatabase database{dir.path() + u"/studio.sqlite"_s};
        std::unique_ptr<JobStore> store;
        std::unique_ptr<JobWriter> writer;
        std::unique_ptr<ImageDownloader> downloader;
        std::unique_ptr<JobResults> results;
        int downloads = 0;

        bool open()
        {
            if (!database.open().ok())
                return false;
            store = std::make_unique<JobStore>(database);
            writer = std::make_unique<JobWriter>(*store);
            writer->setRetryMs(60000);
            downloader = std::make_unique<ImageDownloader>(
                [this](const QUrl &url, QObject *context,
                       const DownloadDone &done) -> AbortDownload {
                    ++downloads;
                    QTimer::singleShot(0, context, [url, done] {
                        done(DownloadedImage{url, u"image/png"_s, pngBytes()});
                    });
                    return [] {};
                },
                ImageStore(dir.path() + u"/images"_s,
                           [](const QString &) { return imagesFree.load(); }));
            results = std::make_unique<JobResults>(
                *downloader,
                [](const QString &url) { return QUrl(u"http://img.test"_s).resolved(QUrl(url)); },
                *store, *writer,
                [this](qint64 id) -> std::optional<Job> {
                    auto job = store->load(id);
                    if (!job || job->state != JobState::Completed)
                        return std::nullopt;
                    return job;
                });
            return true;
        }
        // A job the server finished, written as the queue writes it before fetching.
        Job completed(const QString &prompt, const QString &url)
        {
            JobRequest request;
            request.prompt = prompt;
            auto job = writer->insert(kAccount, request).value();
            job.state = JobState::Completed;
            job.imageUrl = url;
            job.completedAt = QDateTime::currentDateTimeUtc();
            writer->save(job);
            return job;
        }
    };

private Q_SLOTS:
    void initTestCase() { configureImageLimits(); }
    void init() { imagesFree = -1; }

    void storedAndLinked()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy stored(f.results.get(), &JobResults::resultStored);
        QSignalSpy finished(f.results.get(), &JobResults::jobFinished);
        const Job job = f.completed(u"a heron"_s, u"/uploads/heron.png"_s);
        f.results->fetch(job);
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(finished.size(), 1);
        const auto saved = f.store->load(job.id);
        QVERIFY(QFileInfo::exists(saved->localImagePath));
        QCOMPARE(stored.at(0).at(0).value<Job>().localImagePath, saved->localImagePath);
        QVERIFY(f.store->unsavedResults(kAccount).isEmpty());
    }

    void noRoomIsNotSavedYetThenSaved()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy stored(f.results.get(), &JobResults::resultStored);
        QSignalSpy finished(f.results.get(), &JobResults::jobFinished);
        imagesFree = 10;
        const Job job = f.completed(u"a wren"_s, u"/uploads/wren.png"_s);
        f.results->fetch(job);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(stored.size(), 0);
        QVERIFY(f.writer->isHolding());
        QVERIFY(f.store->load(job.id)->userMessage.startsWith(u"Finished, not saved yet"_s));
        QCOMPARE(f.store->unsavedResults(kAccount).size(), 1);

        imagesFree = -1;
        f.results->fetchUnsaved(kAccount);
        QTRY_COMPARE(stored.size(), 1);
        QVERIFY(QFileInfo::exists(f.store->load(job.id)->localImagePath));
        QVERIFY(f.store->unsavedResults(kAccount).isEmpty());
    }

    void jobNoLongerCompletedGetsNothing()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy stored(f.results.get(), &JobResults::resultStored);
        Job job = f.completed(u"a dipper"_s, u"/uploads/dipper.png"_s);
        f.results->fetch(job);
        job.state = JobState::Cancelled; // before the download came back
        QVERIFY(f.store->update(job));
        QTest::qWait(100);
        QCOMPARE(f.downloads, 1);
        QCOMPARE(stored.size(), 0);
        QVERIFY(f.store->load(job.id)->localImagePath.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobResults)
#include "tst_jobresults.moc"
