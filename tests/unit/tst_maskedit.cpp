#include "domain/jobrequestcheck.h"
#include "history/historydatabase.h"
#include "history/profilepaths.h"
#include "jobqueuerun.h"
#include "jobs/jobqueue.h"
#include "jobs/maskedit.h"
#include "media/imagelimits.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;
constexpr QSize kSize(64, 48);

QImage noise(quint32 seed)
{
    QImage image(kSize, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < kSize.height(); ++y)
        for (int x = 0; x < kSize.width(); ++x)
            image.setPixel(x, y, 0xff000000u | (random.generate() & 0xffffffu));
    return image;
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "png");
    return bytes;
}

// The left half marked, hard-edged; column 32 half covered (the soft edge).
QImage leftHalfMask()
{
    QImage mask(kSize, QImage::Format_Grayscale8);
    mask.fill(0);
    for (int y = 0; y < kSize.height(); ++y) {
        uchar *line = mask.scanLine(y);
        std::fill(line, line + 32, uchar(255));
        line[32] = 128;
    }
    return mask;
}

} // namespace

// A brush edit through the job queue (a fake server): the mask is stored with the job, the
// highlighted copy goes second, and the result is combined and kept beside the server's own.
class TestMaskEdit final : public QObject
{
    Q_OBJECT

    // What the submitter was asked to upload, in order, caught on its worker thread. A base of
    // Run listed before the queue's, so it is there before the queue and outlives it.
    struct Uploads
    {
        QStringList uploads()
        {
            QMutexLocker lock(&mutex);
            return uploaded;
        }
        JobQueue::Hooks recordingHooks()
        {
            JobQueue::Hooks hooks;
            hooks.prepareReferences =
                [this](const QStringList &paths) -> Result<QList<UploadFile>> {
                QMutexLocker lock(&mutex);
                uploaded = paths;
                return QList<UploadFile>{};
            };
            return hooks;
        }
        QMutex mutex;
        QStringList uploaded;
    };

    // The shared fixture, signed in, whose uploads are recorded instead of prepared.
    struct Run : Uploads, JobQueueRun
    {
        Run(const QString &folder, const QByteArray &resultBytes)
            : JobQueueRun(folder, resultBytes, recordingHooks())
        {
            queue->setAccount(kAccount);
        }
    };

private Q_SLOTS:
    void initTestCase() { configureImageLimits(); }

    void sentenceFollowsThePromptsScript()
    {
        const QString english = MaskEdit::sentenceFor(u"make the sky purple"_s);
        const QString persian = MaskEdit::sentenceFor(u"آسمان را بنفش کن"_s);
        QVERIFY(english.contains(u"highlighted"_s));
        QVERIFY(MaskEdit::isMostlyArabicScript(persian));
        QVERIFY(!MaskEdit::isMostlyArabicScript(english));
        // Mostly Persian with a brand name in Latin letters is still Persian.
        QCOMPARE(MaskEdit::sentenceFor(u"لوگوی Nike را بردار و آسمان را آبی کن"_s), persian);
        QCOMPARE(MaskEdit::sentenceFor(u"123 !!"_s), english);

        const QString once = MaskEdit::withSentence(u"  make it blue "_s);
        QCOMPARE(once, u"make it blue\n\n"_s + english);
        QCOMPARE(MaskEdit::withSentence(once), once); // a regenerated prompt gets it once
        QCOMPARE(MaskEdit::withoutSentence(once), u"make it blue"_s);
        QCOMPARE(MaskEdit::withoutSentence(u"plain"_s), u"plain"_s);
    }

    void checkKnowsTheHighlightedCopy()
    {
        JobRequest request;
        request.kind = JobKind::Edit;
        request.prompt = u"x"_s;
        request.maskPath = u"/m.png"_s;
        request.referencePaths = {u"a"_s, u"b"_s, u"c"_s, u"d"_s};
        QVERIFY(!checkJobRequest(request));
        request.referencePaths << u"e"_s; // five, and the highlighted copy: six
        const auto tooMany = checkJobRequest(request);
        QVERIFY(tooMany);
        QCOMPARE(tooMany->message.code, u"jobs.maskTooManyImages"_s);
        request.referencePaths.clear();
        QCOMPARE(checkJobRequest(request)->message.code, u"jobs.editNeedsImage"_s);
        request.kind = JobKind::Generate;
        request.referencePaths = {u"a"_s};
        QCOMPARE(checkJobRequest(request)->message.code, u"jobs.maskNeedsImage"_s);
    }

    void brushEditIsSentCombinedAndKept()
    {
        QTemporaryDir dir;
        const QImage original = noise(1);
        const QImage result = noise(2);
        const QString originalPath = dir.filePath(u"photo.png"_s);
        const QString maskPath = dir.filePath(u"mask.png"_s);
        QVERIFY(original.save(originalPath));
        QVERIFY(leftHalfMask().save(maskPath));

        qint64 id = 0;
        {
            Run run(dir.path(), png(result));
            QVERIFY(run.opened);
            JobRequest request;
            request.kind = JobKind::Edit;
            request.prompt = MaskEdit::withSentence(u"a red door"_s);
            request.referencePaths = {originalPath};
            request.maskPath = maskPath;
            const auto queued = run.queue->enqueue(request);
            QVERIFY2(queued, queued ? "" : qPrintable(queued.error().userMessage));
            id = queued.value().id;
            // The mask was copied into the profile with the job.
            const QString storedMask = run.queue->job(id)->request.maskPath;
            QVERIFY(storedMask.startsWith(dir.filePath(u"refs/"_s)));

            QTRY_COMPARE(run.server.submissions.size(), size_t(1));
            const QStringList uploads = run.uploads();
            QCOMPARE(uploads.size(), 2);
            QCOMPARE(QFile(uploads.at(0)).size(), QFile(originalPath).size()); // untouched first
            const QImage highlighted(uploads.at(1));
            QCOMPARE(highlighted.size(), kSize);
            QCOMPARE(highlighted.pixel(60, 10), original.pixel(60, 10)); // unmarked: as it was
            QVERIFY(highlighted.pixel(10, 10) != original.pixel(10, 10)); // marked: tinted
            QVERIFY(run.server.submissions.at(0).request.prompt.endsWith(
                MaskEdit::sentenceFor(u"a red door"_s)));

            SubmitReceipt receipt;
            receipt.imageId = u"aaaaaaaaaaaaaaaaaaaaaaa1"_s;
            receipt.imageUrl = u"/uploads/door.png"_s;
            run.server.submissions.at(0).call->answer(receipt);
            QTRY_VERIFY(!run.queue->job(id)->localImagePath.isEmpty());
        }

        // After a restart: the job still knows its mask, both files are there.
        Run again(dir.path(), {});
        QVERIFY(again.opened);
        const auto job = again.queue->job(id);
        QVERIFY(job);
        QVERIFY(job->request.isBrushEdit());
        QVERIFY(job->request.keepUnmasked);
        QVERIFY(QFileInfo::exists(job->serverImagePath));
        QVERIFY(job->serverImagePath != job->localImagePath);
        QCOMPARE(MaskEdit::serverResultBeside(job->localImagePath), job->serverImagePath);

        const QImage combined(job->localImagePath);
        const QImage server(job->serverImagePath);
        QCOMPARE(server.convertToFormat(QImage::Format_RGB32), result);
        for (int y = 0; y < kSize.height(); ++y)
            for (int x = 0; x < kSize.width(); ++x) {
                const QRgb c = combined.pixel(x, y);
                if (x < 32)
                    QCOMPARE(c, result.pixel(x, y)); // marked: the server's
                else if (x > 32)
                    QCOMPARE(c, original.pixel(x, y)); // unmarked: the original's, bit for bit
                else
                    QVERIFY(c != original.pixel(x, y) || c == result.pixel(x, y));
            }

        // The gallery row shows the combined file and keeps the server's beside it.
        QSqlQuery q(again.database.connection());
        q.prepare(u"SELECT local_file, server_local_file FROM generated_images WHERE job_id = ?"_s);
        q.bindValue(0, id);
        QVERIFY(q.exec() && q.next());
        // Stored relative to the profile (schema 8), the job's files once resolved.
        const auto paths = ProfilePaths::ofDatabase(again.database.path());
        QCOMPARE(paths.resolve(q.value(0).toString()), job->localImagePath);
        QCOMPARE(paths.resolve(q.value(1).toString()), job->serverImagePath);
    }

    void withoutKeepTheServersResultIsShown()
    {
        QTemporaryDir dir;
        const QString originalPath = dir.filePath(u"photo.png"_s);
        const QString maskPath = dir.filePath(u"mask.png"_s);
        QVERIFY(noise(3).save(originalPath));
        QVERIFY(leftHalfMask().save(maskPath));
        const QByteArray resultBytes = png(noise(4));
        Run run(dir.path(), resultBytes);
        JobRequest request;
        request.kind = JobKind::Edit;
        request.prompt = u"x"_s;
        request.referencePaths = {originalPath};
        request.maskPath = maskPath;
        request.keepUnmasked = false;
        const auto queued = run.queue->enqueue(request);
        QVERIFY(queued);
        QTRY_COMPARE(run.server.submissions.size(), size_t(1));
        SubmitReceipt receipt;
        receipt.imageId = u"aaaaaaaaaaaaaaaaaaaaaaa2"_s;
        receipt.imageUrl = u"/uploads/x.png"_s;
        run.server.submissions.at(0).call->answer(receipt);
        QTRY_VERIFY(!run.queue->job(queued.value().id)->localImagePath.isEmpty());
        const auto job = run.queue->job(queued.value().id);
        QVERIFY(job->serverImagePath.isEmpty());
        QFile file(job->localImagePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), resultBytes);
        QVERIFY(!job->request.keepUnmasked);
    }

    void aPlainEditIsUntouched()
    {
        JobRequest request;
        request.referencePaths = {u"/a.png"_s, u"/b.png"_s};
        const auto paths = MaskEdit::uploadPaths(request);
        QVERIFY(paths);
        QCOMPARE(paths.value(), request.referencePaths);
        Job job;
        job.request = request;
        StoredImage image;
        image.path = u"/images/ab/ab.png"_s;
        QCOMPARE(MaskEdit::finishResult(job, image).path, image.path);
        QVERIFY(job.serverImagePath.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMaskEdit)
#include "tst_maskedit.moc"
