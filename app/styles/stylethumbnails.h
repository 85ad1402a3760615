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

// The Styles picker's pictures: each style's image is downloaded into the profile once
// (ImageDownloader), then thumbnailed off the UI thread (ThumbnailCache). Which file holds
// which URL is kept in `indexPath` (a small JSON file), so the picker shows them offline.
class StyleThumbnails final : public QObject
{
    Q_OBJECT
public:
    static constexpr int edge = 160;

    // `indexPath` empty: nothing is remembered between runs.
    StyleThumbnails(BackendClient &client, ImageDownloader &downloader, ThumbnailCache &thumbnails,
                    QString indexPath = {}, QObject *parent = nullptr);

    // thumbnailReady(styleId, image) follows (maybe at once); nothing when the image cannot be
    // had (offline and never downloaded): the picker keeps its placeholder.
    void request(const QString &styleId, const QString &url);
    // The local file of a style's image, when it was downloaded (this run or an earlier one).
    QString localFile(const QString &url) const;

Q_SIGNALS:
    void thumbnailReady(const QString &styleId, const QImage &image);

private:
    void onStored(const QUrl &url, const StoredImage &image);
    void onFailed(const QUrl &url, const ApiError &error);
    void onThumbnail(const QString &key, const QImage &image);
    void saveIndex() const;

    BackendClient &m_client;
    ImageDownloader &m_downloader;
    ThumbnailCache &m_thumbnails;
    QString m_indexPath;
    QHash<QUrl, QString> m_localFiles;
    QHash<QUrl, QStringList> m_waiting; // url -> style ids
    QHash<QString, QStringList> m_keys; // thumbnail key (local path) -> style ids
};
