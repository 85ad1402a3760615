#pragma once

#include "backend/apicall.h"
#include "backend/backendclient.h"
#include "domain/job.h"
#include "domain/records.h"

#include <QList>
#include <QUrl>

// The four things the job queue asks of the server. BackendClient is the production one
// (ClientJobBackend); tests hand the queue a fake, so the state machine runs without a network.
class JobBackend
{
public:
    virtual ~JobBackend() = default;

    // The calls delete themselves after finished(), as BackendClient's do.
    virtual ApiCall<SubmitReceipt> *submit(const JobRequest &request,
                                           const QList<UploadFile> &images) = 0;
    virtual ApiCall<Task> *fetchTask(const QString &taskId) = 0;
    virtual ApiCall<ImagesPage> *fetchImages(int limit, int skip) = 0;
    virtual QUrl resolveImageUrl(const QString &url) const = 0;
};

// JobBackend over the real client.
class ClientJobBackend final : public JobBackend
{
public:
    explicit ClientJobBackend(BackendClient &client)
        : m_client(client)
    { }

    ApiCall<SubmitReceipt> *submit(const JobRequest &request,
                                   const QList<UploadFile> &images) override
    {
        return m_client.submit(request, images);
    }
    ApiCall<Task> *fetchTask(const QString &taskId) override { return m_client.fetchTask(taskId); }
    ApiCall<ImagesPage> *fetchImages(int limit, int skip) override
    {
        return m_client.fetchImages(limit, skip);
    }
    QUrl resolveImageUrl(const QString &url) const override
    {
        return m_client.resolveImageUrl(url);
    }

private:
    BackendClient &m_client;
};
