#include "media/imagedownloader.h"
#include "media/imagelimits.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray pngBytes(const QColor &color)
{
    QImage image(16, 8, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "png");
    return bytes;
}

QUrl url(int n)
{
    return QUrl(u"http://img.test/uploads/%1.png"_s.arg(n));
}

// Stands in for BackendClient::download(): records each request; the test answers them.
struct FakeNetwork
{
    struct Request
    {
        QUrl url;
        DownloadDone done;
        bool aborted = false;
    };
    QList<std::shared_ptr<Request>> requests;

    StartDownload starter()
    {
        return [this](const QUrl &u, QObject *, DownloadDone done) -> AbortDownload {
            auto request = std::make_shared<Request>(Request{u, std::move(done)});
            requests.append(request);
            return [request] {
                request->aborted = true;
                request->done(ApiError::make(ApiError::Kind::Cancelled, u"Cancelled."_s));
            };
        };
    }

    QList<QUrl> urls() const
    {
        QList<QUrl> out;
        for (const auto &r : requests)
            out << r->url;
        return out;
    }

    void answer(int index, const QByteArray &bytes, const QString &type = u"image/png"_s)
    {
        requests.at(index)->done(DownloadedImage{requests.at(index)->url, type, bytes});
    }
};

} // namespace

// Checks ImageDownloader's queueing, priorities, de-duplication, verification and cancel.
class TestImageDownloader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { configureImageLimits(); }

    void storesVerifiedImage()
    {
        QTemporaryDir dir;
        FakeNetwork network;
        ImageDownloader downloader(network.starter(), ImageStore(dir.path()));
        QSignalSpy stored(&downloader, &ImageDownloader::imageStored);
        QSignalSpy idle(&downloader, &ImageDownloader::becameIdle);

        downloader.fetch(url(1), ImageDownloader::Priority::JobResult);
        QCOMPARE(network.requests.size(), 1);
        network.answer(0, pngBytes(Qt::red));
        QVERIFY(stored.wait());
        QCOMPARE(stored.first().at(0).toUrl(), url(1));
        const auto image = stored.first().at(1).value<StoredImage>();
        QVERIFY(QFileInfo::exists(image.path));
        QVERIFY(image.path.startsWith(dir.path()));
        QCOMPARE(QSize(image.width, image.height), QSize(16, 8));
        QTRY_COMPARE(idle.count(), 1);
        QVERIFY(downloader.isIdle());
    }

    void failures_data()
    {
        QTest::addColumn<bool>("networkError");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::newRow("html fallback")
            << false << QByteArray("<html>app</html>") << int(ApiError::Kind::BadResponse);
        QTest::newRow("truncated png")
            << false << pngBytes(Qt::blue).left(30) << int(ApiError::Kind::BadResponse);
        QTest::newRow("network error") << true << QByteArray() << int(ApiError::Kind::Network);
    }

    void failures()
    {
        QFETCH(bool, networkError);
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        QTemporaryDir dir;
        FakeNetwork network;
        ImageDownloader downloader(network.starter(), ImageStore(dir.path()));
        QSignalSpy failed(&downloader, &ImageDownloader::imageFailed);
        QSignalSpy stored(&downloader, &ImageDownloader::imageStored);

        downloader.fetch(url(1));
        if (networkError)
            network.requests.first()->done(ApiError::make(ApiError::Kind::Network, u"Offline."_s));
        else
            network.answer(0, bytes);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toUrl(), url(1));
        QCOMPARE(int(failed.first().at(1).value<ApiError>().kind), kind);
        QCOMPARE(stored.count(), 0);
        QVERIFY(downloader.isIdle());
    }

    void boundedAndJobResultsFirst()
    {
        QTemporaryDir dir;
        FakeNetwork network;
        ImageDownloader downloader(network.starter(), ImageStore(dir.path()));
        QSignalSpy stored(&downloader, &ImageDownloader::imageStored);

        for (int i = 1; i <= 5; ++i)
            downloader.fetch(url(i), ImageDownloader::Priority::Backfill);
        QCOMPARE(network.requests.size(), 3);
        QCOMPARE(downloader.activeCount(), 3);
        QCOMPARE(downloader.queuedCount(), 2);

        downloader.fetch(url(9), ImageDownloader::Priority::JobResult);
        downloader.fetch(url(5), ImageDownloader::Priority::JobResult); // promoted
        QCOMPARE(network.requests.size(), 3);

        network.answer(0, pngBytes(Qt::red));
        network.answer(1, pngBytes(Qt::green));
        QCOMPARE(network.urls().mid(3), (QList<QUrl>{url(9), url(5)}));
        network.answer(2, pngBytes(Qt::blue));
        QCOMPARE(network.urls().size(), 6);
        QCOMPARE(network.urls().last(), url(4));
        network.answer(3, pngBytes(Qt::yellow));
        network.answer(4, pngBytes(Qt::cyan));
        network.answer(5, pngBytes(Qt::magenta));
        QTRY_COMPARE(stored.count(), 6);
    }

    void sameUrlFetchedOnce()
    {
        QTemporaryDir dir;
        FakeNetwork network;
        ImageDownloader downloader(network.starter(), ImageStore(dir.path()));
        QSignalSpy stored(&downloader, &ImageDownloader::imageStored);
        downloader.fetch(url(1));
        downloader.fetch(url(1), ImageDownloader::Priority::JobResult);
        downloader.fetch(url(1));
        QCOMPARE(network.requests.size(), 1);
        network.answer(0, pngBytes(Qt::red));
        QVERIFY(stored.wait());
        QCOMPARE(stored.count(), 1);
    }

    void cancelAbortsAndStartsNext()
    {
        QTemporaryDir dir;
        FakeNetwork network;
        ImageDownloader downloader(network.starter(), ImageStore(dir.path()));
        downloader.setMaxConcurrent(1);
        QSignalSpy failed(&downloader, &ImageDownloader::imageFailed);
        QSignalSpy stored(&downloader, &ImageDownloader::imageStored);
        downloader.fetch(url(1));
        downloader.fetch(url(2));
        downloader.fetch(url(3));
        QCOMPARE(network.requests.size(), 1);

        downloader.cancel(url(1));
        QVERIFY(network.requests.at(0)->aborted);
        QCOMPARE(network.urls(), (QList<QUrl>{url(1), url(2)}));
        downloader.cancel(url(3)); // queued: simply dropped
        QVERIFY(!downloader.contains(url(3)));

        network.answer(1, pngBytes(Qt::red));
        QVERIFY(stored.wait());
        QCOMPARE(network.requests.size(), 2);
        QCOMPARE(failed.count(), 0); // cancelling reports nothing
        QVERIFY(downloader.isIdle());
    }

    void cancelBackfillKeepsJobResults()
    {
        QTemporaryDir dir;
        FakeNetwork network;
        ImageDownloader downloader(network.starter(), ImageStore(dir.path()));
        downloader.fetch(url(1), ImageDownloader::Priority::Backfill);
        downloader.fetch(url(2), ImageDownloader::Priority::JobResult);
        downloader.fetch(url(3), ImageDownloader::Priority::Backfill);
        downloader.fetch(url(4), ImageDownloader::Priority::Backfill);
        downloader.cancelBackfill();
        QVERIFY(downloader.contains(url(2)));
        QVERIFY(!downloader.contains(url(1)));
        QVERIFY(!downloader.contains(url(4)));
        QCOMPARE(network.requests.size(), 3); // url 4 never started
    }

    void relativeUrlRefused()
    {
        QTemporaryDir dir;
        FakeNetwork network;
        ImageDownloader downloader(network.starter(), ImageStore(dir.path()));
        QSignalSpy failed(&downloader, &ImageDownloader::imageFailed);
        downloader.fetch(QUrl(u"/uploads/x.png"_s));
        QVERIFY(failed.wait());
        QCOMPARE(network.requests.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestImageDownloader)
#include "tst_imagedownloader.moc"
