#include "history/historyquery.h"
#include "history/historystore.h"
#include "media/imagedownloader.h"
#include "studiofixture.h"
#include "support/requestlog.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace studiotest;

namespace {

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// Noise does not compress: a 3000x2000 RGB PNG of it is well over 10 MiB.
QString writeNoisyPng(const QString &path)
{
    QImage image(3000, 2000, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = 0xff000000u | (random.generate() & 0x00ffffffu);
    }
    image.save(path, "PNG", 0);
    return path;
}

} // namespace

// The bearer token never reaches the image origin, and references arrive as the user's files
// when within the limits, downscaled when not.
class TestImageOrigin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void noTokenOnImageOriginAndReferencesIntact()
    {
        QTemporaryDir logDir;
        const auto log = logDir.filePath(u"requests.jsonl"_s);
        DevServerProcess server;
        QVERIFY2(server.start({u"--image-origin"_s, u"http://127.0.0.1:0"_s, u"--seed-history"_s,
                               u"12"_s, u"--latency-ms"_s, u"300"_s, u"--log-requests"_s, log}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));

        // References: one small PNG and one small JPEG (sent as they are), one noisy PNG over
        // 10 MiB and one long-edged JPEG (both downscaled).
        QTemporaryDir files;
        QImage small(320, 200, QImage::Format_RGB32);
        small.fill(Qt::darkCyan);
        const auto smallPng = files.filePath(u"small.png"_s);
        QVERIFY(small.save(smallPng));
        const auto smallJpeg = files.filePath(u"small.jpg"_s);
        QVERIFY(small.save(smallJpeg, "JPEG", 85));
        const auto bigPng = writeNoisyPng(files.filePath(u"noisy.png"_s));
        QVERIFY(QFileInfo(bigPng).size() > qint64(10) * 1024 * 1024);
        QImage wide(4000, 1000, QImage::Format_RGB32);
        wide.fill(Qt::yellow);
        const auto wideJpeg = files.filePath(u"wide.jpg"_s);
        QVERIFY(wide.save(wideJpeg, "JPEG", 90));

        JobRequest request = generateRequest(u"four references and a fox"_s);
        request.referencePaths = {smallPng, smallJpeg, bigPng, wideJpeg};
        auto queued = services->jobs().enqueue(request);
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().userMessage));
        const auto job = waitFinished(*services, queued.value().id, 60000);
        QVERIFY(job);
        QCOMPARE(jobStateName(job->state), u"completed"_s);
        QVERIFY(!job->localImagePath.isEmpty());

        QJsonArray parts;
        for (const auto &line : readRequestLog(log))
            if (line.value(u"path"_s).toString().endsWith(u"/nanobanana/generate"_s))
                parts = line.value(u"files"_s).toArray();
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0).toObject().value(u"sha256"_s).toString(), sha256Of(smallPng));
        QCOMPARE(parts.at(0).toObject().value(u"contentType"_s).toString(), u"image/png"_s);
        QCOMPARE(parts.at(1).toObject().value(u"sha256"_s).toString(), sha256Of(smallJpeg));
        QCOMPARE(parts.at(1).toObject().value(u"contentType"_s).toString(), u"image/jpeg"_s);
        for (int i : {2, 3}) {
            const auto part = parts.at(i).toObject();
            QVERIFY(part.value(u"size"_s).toDouble() <= 10 * 1024 * 1024);
            QVERIFY(part.value(u"sha256"_s).toString() != sha256Of(i == 2 ? bigPng : wideJpeg));
        }

        // The stored references, fetched back from the server, respect the edge limit.
        QVERIFY(runSync(*services));
        const auto rows = galleryRows(*services, job->request.prompt);
        QCOMPARE(rows.size(), 1);
        const auto record = services->history().record(services->accountId(), rows.first().id);
        QVERIFY(record && record.value());
        const auto refs = record.value()->referenceImageUrls;
        QCOMPARE(refs.size(), 4);
        for (const auto &ref : refs) {
            const auto url = services->client().resolveImageUrl(ref);
            QVERIFY2(url.port() != server.port(), qPrintable(url.toString()));
            auto *call = services->client().download(url);
            QSignalSpy done(call, &ApiCallBase::finished);
            QVERIFY(done.wait(20000));
            const auto result = call->result();
            QVERIFY2(result, qPrintable(result ? QString() : result.error().userMessage));
            const auto image = QImage::fromData(result.value().data);
            QVERIFY(!image.isNull());
            QVERIFY2(qMax(image.width(), image.height()) <= 2048,
                     qPrintable(u"%1x%2"_s.arg(image.width()).arg(image.height())));
        }

        // History images too come from the image origin, without the token.
        auto &downloader = services->downloader();
        QSignalSpy stored(&downloader, &ImageDownloader::imageStored);
        QSignalSpy failed(&downloader, &ImageDownloader::imageFailed);
        HistoryQuery query;
        query.accountId = services->accountId();
        query.statuses = {ImageStatus::Completed};
        query.limit = 5;
        const auto page = services->reader().page(query);
        QVERIFY(page);
        int asked = 0;
        for (const auto &row : page.value().rows) {
            if (row.imageUrl.isEmpty() || row.id == rows.first().id)
                continue;
            downloader.fetch(services->client().resolveImageUrl(row.imageUrl));
            ++asked;
        }
        QVERIFY(asked > 0);
        QTRY_COMPARE_WITH_TIMEOUT(stored.size() + failed.size(), asked, 30000);
        QCOMPARE(failed.size(), 0);

        const auto state = server.devState();
        QVERIFY(state.value(u"imageOriginRequests"_s).toInt() >= asked + 1 + 4);
        QCOMPARE(state.value(u"imageOriginSawAuthorization"_s).toBool(), false);
        int imageLines = 0;
        for (const auto &line : readRequestLog(log)) {
            if (line.value(u"origin"_s).toString() != u"image")
                continue;
            ++imageLines;
            QVERIFY(!line.value(u"hasAuthorization"_s).toBool());
            QVERIFY(!line.value(u"hasOrigin"_s).toBool());
        }
        QVERIFY(imageLines > 0);
    }
};

QTEST_GUILESS_MAIN(TestImageOrigin)
#include "tst_imageorigin.moc"
