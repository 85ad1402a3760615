#pragma once

#include "media/remotethumbnails.h"

#include <utility>

// The Styles picker's pictures, kept in the profile (style-images.json) so the picker shows
// them offline.
class StyleThumbnails final : public RemoteThumbnails
{
public:
    static constexpr int edge = 160;

    // `indexPath` empty: nothing is remembered between runs.
    StyleThumbnails(BackendClient &client, ImageDownloader &downloader, ThumbnailCache &thumbnails,
                    QString indexPath = {}, QObject *parent = nullptr)
        : RemoteThumbnails(client, downloader, thumbnails, edge, std::move(indexPath), parent)
    { }
};
