#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QUrl>

class BackendClient;
class ImageDownloader;
class ThumbnailCache;
struct StoredImage;
struct ApiError;

// Pictures of keyed items that live on the server (a character's image, a style's picture):
// each URL is downloaded into the profile once (ImageDownloader), then thumbnailed off the UI
// thread (ThumbnailCache). Which file holds which URL is kept in `indexPath` (a small JSON file,
// paths relative to the profile), so the pictures show offline after a restart too.
class RemoteThumbnails : public QObject
{
    Q_OBJECT
public:
    // Thumbnails `edge` pixels on their longer side. `indexPath` empty: nothing is remembered
    // between runs.
    RemoteThumbnails(BackendClient &client, ImageDownloader &downloader, ThumbnailCache &thumbnails,
                     int edge, QString indexPath = {}, QObject *parent = nullptr);

    // thumbnailReady(key, image) follows (maybe at once); nothing when the image cannot be had
    // (offline and never downloaded): the caller keeps its placeholder.
    void request(const QString &key, const QString &url);
    // The local file of an image, when it was downloaded (this run or an earlier one).
    QString localFile(const QString &url) const;

Q_SIGNALS:
    void thumbnailReady(const QString &key, const QImage &image);

private:
    void onStored(const QUrl &url, const StoredImage &image);
    void onFailed(const QUrl &url, const ApiError &error);
    void onThumbnail(const QString &file, const QImage &image);
    void saveIndex() const;

    BackendClient &m_client;
    ImageDownloader &m_downloader;
    ThumbnailCache &m_thumbnails;
    int m_edge;
    QString m_indexPath;
    QHash<QUrl, QString> m_localFiles; // downloaded, this run or an earlier one
    QHash<QUrl, QStringList> m_waiting; // url -> keys
    QHash<QString, QStringList> m_keys; // thumbnail key (local path) -> keys
};
