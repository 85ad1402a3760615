// ExportImageFetch: before an export, the chosen records' missing images are fetched; gone
// ones, refused ones and a lost connection are counted and said in one sentence.
#include "domain/apierror.h"
#include "gallery/exportimagefetch.h"
#include "history/imagebacklog.h"
#include "historyfixture.h"
#include "media/imagedownloader.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc"_s;

QByteArray png(int seed)
{
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(QRgb(0xff000000u | uint(seed * 7919))));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestExportImageFetch final : public QObject, private HistoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fetchesWhatIsMissing();
    void offlineSaysWhy();
    void nothingToFetch();

private:
    QList<HistoryRecord> seed(int count);
    std::unique_ptr<ExportImageFetch> makeFetch();
    ExportImageFetch::Outcome run(ExportImageFetch &fetch, const QList<HistoryRecord> &records);

    QTemporaryDir m_images;
    QSet<QString> m_missing; // paths answering 200 text/html
    bool m_offline = false;
    QList<QUrl> m_requested;
    std::unique_ptr<ImageDownloader> m_downloader;
    std::unique_ptr<ImageBacklog> m_backlog;
};

void TestExportImageFetch::init()
{
    QVERIFY(openFresh());
    m_missing.clear();
    m_offline = false;
    m_requested.clear();
    StartDownload start = [this](const QUrl &url, QObject *context,
                                 DownloadDone done) -> AbortDownload {
        m_requested.append(url);
        Result<DownloadedImage> answer =
            m_offline ? Result<DownloadedImage>(ApiError::networkFailure(url.host()))
            : m_missing.contains(url.path())
                ? Result<DownloadedImage>(ApiError::imageMissing(200, u"text/html"_s))
                : Result<DownloadedImage>(
                    DownloadedImage{url, u"image/png"_s, png(int(m_requested.size()))});
        QMetaObject::invokeMethod(
            context, [done = std::move(done), answer] { done(answer); }, Qt::QueuedConnection);
        return [] {};
    };
    m_downloader = std::make_unique<ImageDownloader>(start, ImageStore(m_images.path()));
    m_backlog = std::make_unique<ImageBacklog>(*m_db);
}

void TestExportImageFetch::cleanup()
{
    m_downloader.reset();
    m_backlog.reset();
    closeAll();
}

QList<HistoryRecord> TestExportImageFetch::seed(int count)
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
        g.imageUrl = u"/img/%1.png"_s.arg(i);
        g.status = ImageStatus::Completed;
        g.createdAt = base.addSecs(i);
        records.append(g);
    }
    [&] { QVERIFY(m_store->upsertServerRecords(kAccount, records, 1).ok()); }();
    QList<HistoryRecord> out;
    for (const auto &g : records)
        out.append(*m_store->record(kAccount, g.id).value());
    return out;
}

std::unique_ptr<ExportImageFetch> TestExportImageFetch::makeFetch()
{
    return std::make_unique<ExportImageFetch>(
        *m_downloader, *m_store, *m_backlog,
        [](const QString &url) { return QUrl(u"http://images.test"_s).resolved(QUrl(url)); });
}

ExportImageFetch::Outcome TestExportImageFetch::run(ExportImageFetch &fetch,
                                                    const QList<HistoryRecord> &records)
{
    QSignalSpy finished(&fetch, &ExportImageFetch::finished);
    fetch.start(records);
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<ExportImageFetch::Outcome>();
}

void TestExportImageFetch::fetchesWhatIsMissing()
{
    auto records = seed(5);
    QVERIFY(m_store->setLocalFile(records[0].rowId, u"/already.png"_s, 1, 4, 4).value());
    records[0].localFile = u"/already.png"_s;
    QVERIFY(m_backlog->markGone(records[1].rowId).value());
    records[1].imageGone = true;
    m_missing.insert(u"/img/2.png"_s);
    auto fetch = makeFetch();
    const auto outcome = run(*fetch, records);
    QCOMPARE(m_requested.size(), 3); // not the one here, not the one known gone
    QCOMPARE(outcome.fetched, 2);
    QCOMPARE(outcome.gone, 2);
    QCOMPARE(outcome.failed, 0);
    QVERIFY(!outcome.offline);
    QVERIFY(!outcome.records.at(3).localFile.isEmpty());
    QVERIFY(!outcome.records.at(4).localFile.isEmpty());
    QVERIFY(outcome.records.at(2).localFile.isEmpty());
    QCOMPARE(m_store->recordByRowId(records[3].rowId).value()->localFile,
             outcome.records.at(3).localFile);
    QCOMPARE(ExportImageFetch::shortfallText(outcome),
             u"2 images could not be included: 2 gone from the server."_s);
    QCOMPARE(ExportImageFetch::shortfallText(1, 2, true),
             u"3 images could not be included: 1 gone from the server; 2 not downloaded because "
             "the server could not be reached."_s);
}

void TestExportImageFetch::offlineSaysWhy()
{
    const auto records = seed(3);
    m_offline = true;
    auto fetch = makeFetch();
    const auto outcome = run(*fetch, records);
    QCOMPARE(outcome.failed, 3);
    QVERIFY(outcome.offline);
    QVERIFY(ExportImageFetch::shortfallText(outcome).contains(u"could not be reached"_s));
}

void TestExportImageFetch::nothingToFetch()
{
    auto records = seed(1);
    QVERIFY(m_store->setLocalFile(records[0].rowId, u"/a.png"_s, 1, 4, 4).value());
    records[0].localFile = u"/a.png"_s;
    auto fetch = makeFetch();
    const auto outcome = run(*fetch, records);
    QVERIFY(m_requested.isEmpty());
    QCOMPARE(outcome.records.size(), 1);
    QVERIFY(ExportImageFetch::shortfallText(outcome).isEmpty());
}

QTEST_GUILESS_MAIN(TestExportImageFetch)
#include "tst_exportimagefetch.moc"
