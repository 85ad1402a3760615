#pragma once

#include "media/remotethumbnails.h"

#include <utility>

// Character thumbnails for the composer's chips and the Characters page: each character's first
// image, kept in the profile (characters.json) so the chips show their pictures offline.
class CharacterThumbnails final : public RemoteThumbnails
{
public:
    static constexpr int edge = 96;

    // `indexPath` empty: nothing is remembered between runs.
    CharacterThumbnails(BackendClient &client, ImageDownloader &downloader,
                        ThumbnailCache &thumbnails, QString indexPath = {},
                        QObject *parent = nullptr)
        : RemoteThumbnails(client, downloader, thumbnails, edge, std::move(indexPath), parent)
    { }
};
