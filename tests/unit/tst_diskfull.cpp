// A full disk, in the database (a VFS whose writes fail as a full disk's do) and for the images
// (ImageStore told there is no room): every failure is a sentence, nothing is sent whose row
// does not say so, and a result the disk had no room for is saved once there is room again.
#include "fullvfs.h"
#include "history/historydatabase.h"
#include "history/historystore.h"
#include "jobqueuerun.h"
#include "jobs/jobqueue.h"
#include "media/imagelimits.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;

QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "png");
    return bytes;
}

JobRequest request(const QString &prompt)
{
    JobRequest r;
    r.prompt = prompt;
    return r;
}

// The bytes the images' disk has free, for every ImageStore of the test.
std::atomic<qint64> imagesFree{-1};

int filesIn(const QString &dir)
{
    int n = 0;
    for (QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestDiskFull final : public QObject
{
    Q_OBJECT

private:
    // The shared fixture with an ImageStore told how much room the images' disk has.
    struct Run : JobQueueRun
    {
        explicit Run(const QString &folder, JobQueue::Hooks hooks = {})
            : JobQueueRun(folder, pngBytes(), std::move(hooks),
                          [](const QString &) { return imagesFree.load(); })
        {
            JobQueue::Timing timing;
            timing.pollDelaysMs = {20, 30, 40};
            timing.learnFromRecentJobs = false;
            queue->setTiming(timing);
            queue->setStorageRetryMs(50);
            queue->setAccount(kAccount);
        }
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Run> m_run;
    Run &run() { return *m_run; }

    // A job sent and completed by the server with an image to download.
    qint64 completedOnServer(const QString &prompt)
    {
        const auto queued = run().queue->enqueue(request(prompt));
        if (!queued)
            return 0;
        if (!QTest::qWaitFor([&] { return run().server.submissions.size() == 1; }, 5000))
            return 0;
        SubmitReceipt receipt;
        receipt.imageId = u"aaaaaaaaaaaaaaaaaaaaaaa1"_s;
        receipt.imageUrl = u"/uploads/result.png"_s;
        run().server.submissions.at(0).call->answer(receipt);
        return queued.value().id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        configureImageLimits();
        fullvfs::install();
    }

    void init()
    {
        fullvfs::full = false;
        imagesFree = -1;
        m_dir = std::make_unique<QTemporaryDir>();
        m_run = std::make_unique<Run>(m_dir->path());
        QVERIFY(m_run->opened);
    }

    void cleanup()
    {
        fullvfs::full = false;
        m_run.reset();
        m_dir.reset();
    }

    void imageStoreSaysTheDiskIsFullBeforeWriting()
    {
        imagesFree = 10;
        const ImageStore store(m_dir->path() + u"/images"_s,
                               [](const QString &) { return imagesFree.load(); });
        const QByteArray bytes = pngBytes();
        const auto stored = store.store(bytes, VerifiedImage{"png", 8, 8});
        QVERIFY(!stored);
        QVERIFY(ImageStore::isDiskFull(stored.error()));
        QCOMPARE(stored.error().userMessage,
                 u"The disk is full: free some space, then try again."_s);
        QCOMPARE(filesIn(m_dir->path() + u"/images"_s), 0); // not even a temporary file
        imagesFree = -1;
        QVERIFY(store.store(bytes, VerifiedImage{"png", 8, 8}));
    }

    void fullDatabaseRefusesTheJobInASentence()
    {
        fullvfs::full = true;
        const auto queued = run().queue->enqueue(request(u"a heron"_s));
        QVERIFY(!queued);
        QCOMPARE(
            queued.error().userMessage,
            u"The disk is full: free some space, then send the job again. Nothing was sent."_s);
        QTest::qWait(0);
        QCOMPARE(run().server.submissions.size(), size_t(0));
    }

    void nothingIsSentWhoseRowIsNotWritten()
    {
        QSignalSpy writeFailed(run().queue.get(), &JobQueue::writeFailed);
        const auto queued = run().queue->enqueue(request(u"an otter"_s));
        QVERIFY(queued);
        const qint64 id = queued.value().id;
        fullvfs::full = true; // before the queue marks it `submitting`
        QTRY_COMPARE(writeFailed.size(), 1);
        QCOMPARE(writeFailed.at(0).at(0).toLongLong(), id);
        QCOMPARE(writeFailed.at(0).at(1).value<UserMessage>().text(),
                 u"The disk is full: free some space; your job is kept."_s);
        QCOMPARE(run().server.submissions.size(), size_t(0));
        QCOMPARE(run().queue->job(id)->state, JobState::Queued);

        // Room again: the retry sends it, once.
        fullvfs::full = false;
        QTRY_COMPARE(run().server.submissions.size(), size_t(1));
        QCOMPARE(run().queue->job(id)->state, JobState::Submitting);
        QTest::qWait(200);
        QCOMPARE(run().server.submissions.size(), size_t(1));
    }

    void requestWhoseHandOverCannotBeRecordedIsHeldBack()
    {
        // The disk fills between the `submitting` row and the moment the last bytes would go:
        // sent unmarked, a restart would send the job a second time.
        m_run.reset();
        JobQueue::Hooks hooks;
        auto first = std::make_shared<std::atomic<bool>>(true);
        hooks.prepareReferences = [first](const QStringList &) -> Result<QList<UploadFile>> {
            if (first->exchange(false))
                fullvfs::full = true;
            return QList<UploadFile>{};
        };
        m_run = std::make_unique<Run>(m_dir->path(), std::move(hooks));
        QSignalSpy writeFailed(run().queue.get(), &JobQueue::writeFailed);
        QFile reference(m_dir->path() + u"/reference.png"_s); // prepared after the row is written
        QVERIFY(reference.open(QIODevice::WriteOnly));
        reference.write(pngBytes());
        reference.close();
        JobRequest edit = request(u"a grebe"_s);
        edit.kind = JobKind::Edit;
        edit.referencePaths = {reference.fileName()};
        const auto queued = run().queue->enqueue(edit);
        QVERIFY(queued);
        const qint64 id = queued.value().id;
        QTRY_COMPARE(run().server.submissions.size(), size_t(1));
        QTRY_VERIFY(!writeFailed.isEmpty());
        QCOMPARE(writeFailed.at(0).at(1).value<UserMessage>().text(),
                 u"The disk is full: free some space; your job is kept."_s);
        QVERIFY(*run().server.submissions.at(0).heldBack);
        QVERIFY(!run().store->requestSentAt(id).isValid());

        // Room again: the job goes once more, this time whole.
        fullvfs::full = false;
        QTRY_COMPARE(run().server.submissions.size(), size_t(2));
        QVERIFY(!*run().server.submissions.at(1).heldBack);
        QVERIFY(run().store->requestSentAt(id).isValid());
        QCOMPARE(run().queue->job(id)->state, JobState::Submitting);
    }

    void resultWithoutRoomIsSavedOnceThereIsRoom()
    {
        QSignalSpy writeFailed(run().queue.get(), &JobQueue::writeFailed);
        QSignalSpy finished(run().queue.get(), &JobQueue::jobFinished);
        QSignalSpy stored(run().queue.get(), &JobQueue::resultStored);
        imagesFree = 10; // no room for the image
        const qint64 id = completedOnServer(u"a kingfisher"_s);
        QVERIFY(id);
        QTRY_COMPARE(writeFailed.size(), 1);
        QCOMPARE(finished.size(), 1);
        // Completed, not saved yet: stored so, and said.
        auto job = run().queue->job(id);
        QCOMPARE(job->state, JobState::Completed);
        QVERIFY(job->localImagePath.isEmpty());
        QVERIFY(job->userMessage.startsWith(u"Finished, not saved yet: the disk is full."_s));
        QCOMPARE(run().store->unsavedResults(kAccount).size(), 1);
        QCOMPARE(filesIn(m_dir->path() + u"/images"_s), 0);

        imagesFree = -1; // room again: the retry stores it by itself
        QTRY_COMPARE(stored.size(), 1);
        job = run().queue->job(id);
        QVERIFY(QFileInfo::exists(job->localImagePath));
        QVERIFY(job->userMessage.isEmpty());
        QVERIFY(run().store->unsavedResults(kAccount).isEmpty());
        QVERIFY(run()
                    .column(u"SELECT local_file FROM generated_images WHERE job_id = ?"_s, id)
                    .endsWith(QFileInfo(job->localImagePath).fileName()));
    }

    void fileWrittenButNotLinkedIsLinkedLater()
    {
        QSignalSpy writeFailed(run().queue.get(), &JobQueue::writeFailed);
        QSignalSpy stored(run().queue.get(), &JobQueue::resultStored);
        const qint64 id = completedOnServer(u"a dipper"_s);
        QVERIFY(id);
        // The image reaches images/ but the database has no room to link it.
        fullvfs::full = true;
        QTRY_COMPARE(writeFailed.size(), 1);
        QCOMPARE(filesIn(m_dir->path() + u"/images"_s), 1);
        fullvfs::full = false;
        QVERIFY(run().queue->job(id)->localImagePath.isEmpty());
        QCOMPARE(run().queue->job(id)->state, JobState::Completed);

        // Linked by the retry: the same file, no second copy.
        QTRY_COMPARE(stored.size(), 1);
        QVERIFY(QFileInfo::exists(run().queue->job(id)->localImagePath));
        QCOMPARE(filesIn(m_dir->path() + u"/images"_s), 1);
    }

    void restartSavesWhatWasNotSaved()
    {
        imagesFree = 10;
        QSignalSpy writeFailed(run().queue.get(), &JobQueue::writeFailed);
        const qint64 id = completedOnServer(u"a wren"_s);
        QVERIFY(id);
        QTRY_COMPARE(writeFailed.size(), 1);
        m_run.reset();

        imagesFree = -1;
        m_run = std::make_unique<Run>(m_dir->path());
        QTRY_VERIFY(!run().queue->job(id)->localImagePath.isEmpty());
        QVERIFY(QFileInfo::exists(run().queue->job(id)->localImagePath));
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
