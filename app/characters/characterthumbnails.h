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

// Character thumbnails for the composer and the Characters page: the character's first image
// is downloaded into the profile once, then thumbnailed off the UI thread. Which file holds
// which image URL is kept in `indexPath` (a small JSON file), so the chips show their
// pictures offline after a restart too.
class CharacterThumbnails final : public QObject
{
    Q_OBJECT
public:
    // `indexPath` empty: nothing is remembered between runs.
    CharacterThumbnails(BackendClient &client, ImageDownloader &downloader,
                        ThumbnailCache &thumbnails, QString indexPath = {},
                        QObject *parent = nullptr);

    static constexpr int edge = 96;

    // thumbnailReady(id, image) follows (maybe at once); nothing when the image cannot be had.
    void request(const QString &id, const QString &url);

Q_SIGNALS:
    void thumbnailReady(const QString &id, const QImage &image);

private:
    void onStored(const QUrl &url, const StoredImage &image);
    void onFailed(const QUrl &url, const ApiError &error);
    void onThumbnail(const QString &key, const QImage &image);

    BackendClient &m_client;
    ImageDownloader &m_downloader;
    ThumbnailCache &m_thumbnails;
    void saveIndex() const;

    QString m_indexPath;
    QHash<QUrl, QString> m_localFiles; // downloaded, this run or an earlier one
    QHash<QUrl, QStringList> m_waiting; // url -> character ids
    QHash<QString, QStringList> m_keys; // thumbnail key (local path) -> character ids
};
