#include "media/backenddownload.h"

#include <QPointer>

StartDownload downloadThrough(BackendClient &client)
{
    return [&client](const QUrl &url, QObject *context, DownloadDone done) -> AbortDownload {
        ApiCall<DownloadedImage> *call = client.download(url);
        QObject::connect(call, &ApiCallBase::finished, context,
                         [call, done = std::move(done)] { done(call->result()); });
        const QPointer<ApiCallBase> guard(call);
        return [guard] {
            if (guard)
                guard->abort();
        };
    };
}
