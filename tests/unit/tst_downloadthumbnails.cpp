// ImageDownloader makes the gallery's thumbnail from the decode that verified the download:
// keyed by the stored file's path, or by the caller's key when only the thumbnail is kept (no
// file then); a request for the file upgrades a thumbnail-only download, queued or verifying.
#include "media/imagedownloader.h"
#include "media/imagelimits.h"
#include "media/thumbnailfile.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kEdge = 64;

QByteArray pngBytes(const QColor &color)
{
    QImage image(300, 150, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "png");
    return bytes;
}

const QUrl kUrl(u"http://img.test/uploads/1.png"_s);

// Stands in for BackendClient::download(): records each request; the test answers them.
struct FakeNetwork
{
    QList<std::pair<QUrl, DownloadDone>> requests;

    StartDownload starter()
    {
        return [this](const QUrl &u, QObject *, DownloadDone done) -> AbortDownload {
            requests.append({u, std::move(done)});
            return [] {};
        };
    }

    void answer(int index, const QByteArray &bytes)
    {
        requests.at(index).second(DownloadedImage{requests.at(index).first, u"image/png"_s, bytes});
    }
};

int filesUnder(const QString &dir)
{
    return int(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size());
}

} // namespace

class TestDownloadThumbnails final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { configureImageLimits(); }
    void init();
    void keptImageGetsItsThumbnail();
    void thumbnailOnlyKeepsNoFile();
    void fileAskedForWhileQueued();
    void fileAskedForWhileVerifying();

private:
    StoredImage storedOnly(QSignalSpy &stored);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeNetwork> m_network;
    std::unique_ptr<ImageDownloader> m_downloader;
    QString m_images;
    QString m_thumbs;
};

void TestDownloadThumbnails::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_images = m_dir->filePath(u"images"_s);
    m_thumbs = m_dir->filePath(u"thumbs"_s);
    m_network = std::make_unique<FakeNetwork>();
    m_downloader = std::make_unique<ImageDownloader>(m_network->starter(), ImageStore(m_images));
    m_downloader->setThumbnails({m_thumbs, kEdge, 85});
}

StoredImage TestDownloadThumbnails::storedOnly(QSignalSpy &stored)
{
    if (stored.isEmpty() && !stored.wait())
        return {};
    QTest::qWait(0); // nothing else may follow
    return stored.size() == 1 ? stored.first().at(1).value<StoredImage>() : StoredImage{};
}

void TestDownloadThumbnails::keptImageGetsItsThumbnail()
{
    QSignalSpy stored(m_downloader.get(), &ImageDownloader::imageStored);
    m_downloader->fetch(kUrl);
    m_network->answer(0, pngBytes(Qt::red));
    const StoredImage image = storedOnly(stored);
    QVERIFY(QFileInfo::exists(image.path));
    QCOMPARE(QSize(image.width, image.height), QSize(300, 150));
    QVERIFY(!image.thumbnail.isEmpty());
    QCOMPARE(image.thumbnail,
             ThumbnailFile::existing(ThumbnailFile::stem(m_thumbs, image.path, kEdge)));
    QCOMPARE(QImageReader(image.thumbnail).size(), QSize(kEdge, kEdge / 2));
}

void TestDownloadThumbnails::thumbnailOnlyKeepsNoFile()
{
    QSignalSpy stored(m_downloader.get(), &ImageDownloader::imageStored);
    m_downloader->fetch(kUrl, ImageDownloader::Priority::Backfill,
                        ImageDownloader::Keep::ThumbnailOnly, u"/uploads/1.png"_s);
    m_network->answer(0, pngBytes(Qt::green));
    const StoredImage image = storedOnly(stored);
    QVERIFY(image.path.isEmpty());
    QCOMPARE(QSize(image.width, image.height), QSize(300, 150));
    QCOMPARE(image.thumbnail,
             ThumbnailFile::existing(ThumbnailFile::stem(m_thumbs, u"/uploads/1.png"_s, kEdge)));
    QVERIFY(!image.thumbnail.isEmpty());
    QCOMPARE(filesUnder(m_images), 0);
}

void TestDownloadThumbnails::fileAskedForWhileQueued()
{
    QSignalSpy stored(m_downloader.get(), &ImageDownloader::imageStored);
    m_downloader->setMaxConcurrent(1);
    m_downloader->fetch(QUrl(u"http://img.test/uploads/0.png"_s));
    m_downloader->fetch(kUrl, ImageDownloader::Priority::Backfill,
                        ImageDownloader::Keep::ThumbnailOnly, u"k"_s);
    m_downloader->fetch(kUrl); // the gallery wants the file now
    m_network->answer(0, pngBytes(Qt::black));
    QCOMPARE(m_network->requests.size(), 2);
    QCOMPARE(m_network->requests.at(1).first, kUrl);
    QTRY_COMPARE(stored.size(), 1);
    m_network->answer(1, pngBytes(Qt::blue));
    QTRY_COMPARE(stored.size(), 2);
    const auto image = stored.at(1).at(1).value<StoredImage>();
    QCOMPARE(stored.at(1).at(0).toUrl(), kUrl);
    QVERIFY(QFileInfo::exists(image.path));
}

void TestDownloadThumbnails::fileAskedForWhileVerifying()
{
    QSignalSpy stored(m_downloader.get(), &ImageDownloader::imageStored);
    m_downloader->fetch(kUrl, ImageDownloader::Priority::Backfill,
                        ImageDownloader::Keep::ThumbnailOnly, u"k"_s);
    m_network->answer(0, pngBytes(Qt::yellow)); // verification starts on a worker
    m_downloader->fetch(kUrl);
    // The thumbnail-only result is not reported: the file is fetched again and stored.
    QTRY_COMPARE(m_network->requests.size(), 2);
    QCOMPARE(stored.size(), 0);
    m_network->answer(1, pngBytes(Qt::yellow));
    const StoredImage image = storedOnly(stored);
    QVERIFY(QFileInfo::exists(image.path));
    QVERIFY(!image.thumbnail.isEmpty());
}

QTEST_GUILESS_MAIN(TestDownloadThumbnails)
#include "tst_downloadthumbnails.moc"
