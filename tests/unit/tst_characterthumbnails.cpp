#include "backend/backendclient.h"
#include "backend/requestbudget.h"
#include "characters/characterthumbnails.h"
#include "media/imagedownloader.h"
#include "media/imagestore.h"
#include "media/thumbnailcache.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray pngBytes()
{
    QImage image(64, 64, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "png");
    return bytes;
}

// Downloads that count themselves and answer like the server, or like no network at all.
StartDownload downloads(int &requests, const bool &online)
{
    return [&requests, &online](const QUrl &url, QObject *context,
                                const DownloadDone &done) -> AbortDownload {
        ++requests;
        QMetaObject::invokeMethod(
            context,
            [url, done, up = online] {
                if (up)
                    done(DownloadedImage{url, u"image/png"_s, pngBytes()});
                else
                    done(ApiError::make(ApiError::Kind::Network, u"Offline."_s));
            },
            Qt::QueuedConnection);
        return [] {};
    };
}

} // namespace

// A character's picture, once downloaded, is shown again after a restart without the network:
// the chips and the Characters page work offline.
class TestCharacterThumbnails final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRestartShowsThePictureWithoutTheNetwork()
    {
        QTemporaryDir profile;
        QNetworkAccessManager network;
        RequestBudget budget;
        BackendClient client(network, budget);
        client.setOrigin(QUrl(u"http://server.test"_s));
        const QString index = profile.filePath(u"characters.json"_s);
        int requests = 0;
        bool online = true;
        const StartDownload start = downloads(requests, online);

        {
            ImageDownloader downloader(start, ImageStore(profile.filePath(u"images"_s)));
            ThumbnailCache thumbnails(profile.filePath(u"thumbs"_s));
            CharacterThumbnails characters(client, downloader, thumbnails, index);
            QSignalSpy ready(&characters, &CharacterThumbnails::thumbnailReady);
            characters.request(u"rex"_s, u"/uploads/rex.png"_s);
            QTRY_VERIFY(!ready.isEmpty());
            QCOMPARE(ready.last().at(0).toString(), u"rex"_s);
            QCOMPARE(requests, 1);
        }

        // The next run, offline.
        online = false;
        ImageDownloader downloader(start, ImageStore(profile.filePath(u"images"_s)));
        ThumbnailCache thumbnails(profile.filePath(u"thumbs"_s));
        CharacterThumbnails characters(client, downloader, thumbnails, index);
        QSignalSpy ready(&characters, &CharacterThumbnails::thumbnailReady);
        characters.request(u"rex"_s, u"/uploads/rex.png"_s);
        QTRY_VERIFY(!ready.isEmpty());
        QVERIFY(!ready.last().at(1).value<QImage>().isNull());
        QCOMPARE(requests, 1); // nothing asked of the network
    }

    void aMovedProfileKeepsThePictures()
    {
        QTemporaryDir parent;
        const QString before = parent.filePath(u"profile"_s);
        const QString after = parent.filePath(u"moved"_s);
        QVERIFY(QDir().mkpath(before));
        QNetworkAccessManager network;
        RequestBudget budget;
        BackendClient client(network, budget);
        client.setOrigin(QUrl(u"http://server.test"_s));
        int requests = 0;
        bool online = true;
        const StartDownload start = downloads(requests, online);
        {
            ImageDownloader downloader(start, ImageStore(before + u"/images"_s));
            ThumbnailCache thumbnails(before + u"/thumbs"_s);
            CharacterThumbnails characters(client, downloader, thumbnails,
                                           before + u"/characters.json"_s);
            QSignalSpy ready(&characters, &CharacterThumbnails::thumbnailReady);
            characters.request(u"rex"_s, u"/uploads/rex.png"_s);
            QTRY_VERIFY(!ready.isEmpty());
        }
        QFile index(before + u"/characters.json"_s);
        QVERIFY(index.open(QIODevice::ReadOnly));
        QVERIFY2(!index.readAll().contains(before.toUtf8()), "the index names the profile's place");
        index.close();

        QVERIFY(QDir().rename(before, after));
        online = false;
        ImageDownloader downloader(start, ImageStore(after + u"/images"_s));
        ThumbnailCache thumbnails(after + u"/thumbs"_s);
        CharacterThumbnails characters(client, downloader, thumbnails,
                                       after + u"/characters.json"_s);
        QSignalSpy ready(&characters, &CharacterThumbnails::thumbnailReady);
        characters.request(u"rex"_s, u"/uploads/rex.png"_s);
        QTRY_VERIFY(!ready.isEmpty());
        QVERIFY(!ready.last().at(1).value<QImage>().isNull());
        QCOMPARE(requests, 1); // found where the profile is now, not downloaded again
    }
};

QTEST_MAIN(TestCharacterThumbnails)
#include "tst_characterthumbnails.moc"
