#pragma once

#include "media/imagedownloader.h"

// Adapts BackendClient::download() to ImageDownloader's StartDownload. Kept in its own file:
// only programs that link the real client pull it in.
StartDownload downloadThrough(BackendClient &client);
