#pragma once

// A stand-in for the server the job parts talk to: every call is recorded and stays open until
// the test answers it, so a test decides what the server says and when. No network.

#include "jobs/jobbackend.h"

#include <QMetaMethod>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>

template<class T>
class FakeCall final : public ApiCall<T>
{
public:
    using ApiCall<T>::ApiCall;
    void answer(Result<T> result) { this->finish(std::move(result)); }
    void abort() override { this->finish(ApiError::cancelled()); }
    // The last bytes stay with the client: the server never has the request whole.
    void holdBackRequest() override
    {
        *heldBack = true;
        QTimer::singleShot(0, this, [this] {
            this->finish(
                ApiError::networkFailure(QStringLiteral("fake"), QStringLiteral("held back")));
        });
    }
    // Outlives the call (the client deletes it once finished).
    std::shared_ptr<bool> heldBack = std::make_shared<bool>(false);

protected:
    // The fake server has a call's whole request at once: a submission says so as soon as
    // its caller listens, as a real upload would when its last bytes go.
    void connectNotify(const QMetaMethod &signal) override
    {
        if (signal == QMetaMethod::fromSignal(&ApiCallBase::requestHandedOver))
            Q_EMIT this->requestHandedOver();
    }
};

class FakeJobBackend final : public JobBackend
{
public:
    struct Submission
    {
        JobRequest request;
        QPointer<FakeCall<SubmitReceipt>> call;
        std::shared_ptr<bool> heldBack; // its last bytes were held back
    };
    struct TaskLook
    {
        QString taskId;
        QPointer<FakeCall<Task>> call;
    };
    struct HistoryLook
    {
        int limit = 0;
        QPointer<FakeCall<ImagesPage>> call;
    };

    ApiCall<SubmitReceipt> *submit(const JobRequest &request, const QList<UploadFile> &) override
    {
        auto *call = new FakeCall<SubmitReceipt>(&m_owner);
        submissions.push_back({request, call, call->heldBack});
        return submissions.back().call;
    }
    ApiCall<Task> *fetchTask(const QString &taskId) override
    {
        taskLooks.push_back({taskId, new FakeCall<Task>(&m_owner)});
        return taskLooks.back().call;
    }
    ApiCall<ImagesPage> *fetchImages(int limit, int) override
    {
        historyLooks.push_back({limit, new FakeCall<ImagesPage>(&m_owner)});
        return historyLooks.back().call;
    }
    QUrl resolveImageUrl(const QString &url) const override
    {
        return QUrl(QStringLiteral("http://img.test")).resolved(QUrl(url));
    }

    std::deque<Submission> submissions;
    std::deque<TaskLook> taskLooks;
    std::deque<HistoryLook> historyLooks;

private:
    QObject m_owner;
};

inline Task taskAnswer(const QString &taskId, TaskStatus status, const QString &imageUrl = {},
                       const QString &error = {})
{
    Task task;
    task.taskId = taskId;
    task.status = status;
    if (!imageUrl.isEmpty())
        task.resultImageUrls << imageUrl;
    task.error = error;
    task.completedAt = QDateTime::currentDateTimeUtc();
    return task;
}

inline GeneratedImage serverRecord(const QString &id, const QString &taskId, ImageStatus status,
                                   const QString &prompt = {}, const QString &imageUrl = {})
{
    GeneratedImage record;
    record.id = id;
    record.taskId = taskId;
    record.status = status;
    record.prompt = prompt;
    record.imageUrl = imageUrl;
    record.createdAt = QDateTime::currentDateTimeUtc();
    if (status == ImageStatus::Completed)
        record.completedAt = record.createdAt;
    return record;
}

inline ImagesPage pageOf(QList<GeneratedImage> records)
{
    ImagesPage page;
    page.total = records.size();
    page.limit = int(records.size());
    page.images = std::move(records);
    return page;
}
