#include "jobs/jobsubmitter.h"

#include "backend/referencepreparer.h"
#include "jobs/jobmessages.h"
#include "jobs/maskedit.h"
#include "jobs/rearm.h"
#include "threading/pool.h"

#include <QFutureWatcher>

using namespace JobMessages;

JobSubmitter::JobSubmitter(JobBackend &backend, PrepareReferences prepare, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_prepare(std::move(prepare))
    , m_prepareWithin([](const QStringList &paths, qint64 totalBytes) {
        return ReferencePreparer::prepareAll(paths, totalBytes);
    })
{
    m_workers.setMaxThreadCount(1);
}

JobSubmitter::~JobSubmitter()
{
    waitForPool(m_workers);
}

JobSubmitter::Attempt &JobSubmitter::attempt(qint64 jobId)
{
    auto &slot = m_attempts[jobId];
    if (!slot)
        slot = std::make_unique<Attempt>();
    return *slot;
}

void JobSubmitter::submit(const Job &job)
{
    auto &a = attempt(job.id);
    a.request = job.request;
    prepareAndSend(job.id, 0);
}

void JobSubmitter::prepareAndSend(qint64 jobId, qint64 totalBytes)
{
    auto &a = attempt(jobId);
    a.uploadBegan = false;
    a.preparing = true;
    auto prepare = m_prepare;
    auto within = m_prepareWithin;
    auto future = runInPool(
        m_workers,
        [prepare, within, request = a.request, totalBytes]() -> Result<QList<UploadFile>> {
            // A brush edit sends a highlighted copy of its image second (written here, once).
            const auto uploads = MaskEdit::uploadPaths(request);
            if (!uploads)
                return uploads.error();
            const QStringList &paths = uploads.value();
            if (paths.isEmpty())
                return QList<UploadFile>{};
            if (totalBytes > 0)
                return within(paths, totalBytes);
            if (!prepare)
                return QList<UploadFile>{};
            return prepare(paths);
        });
    auto *watcher = new QFutureWatcher<Result<QList<UploadFile>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, jobId, totalBytes] {
        watcher->deleteLater();
        const auto it = m_attempts.find(jobId);
        if (it == m_attempts.end() || !it->second->preparing)
            return; // forgotten meanwhile
        it->second->preparing = false;
        const auto prepared = watcher->result();
        if (prepared) {
            send(jobId, it->second->request, prepared.value());
            return;
        }
        forget(jobId);
        // Below the quality floor after a 413: the proxy will never take these pictures.
        Q_EMIT refused(jobId, totalBytes > 0 ? ApiError::make(ApiError::Kind::TooLarge,
                                                              said("jobs.picturesTooLarge"), 413,
                                                              prepared.error().serverMessage)
                                             : prepared.error());
    });
    watcher->setFuture(future);
}

void JobSubmitter::send(qint64 jobId, const JobRequest &request, const QList<UploadFile> &images)
{
    auto *call = m_backend.submit(request, images);
    auto &a = attempt(jobId);
    a.call = call;
    a.referenceBytes = 0;
    for (const auto &image : images)
        a.referenceBytes += image.data.size();
    connect(call, &ApiCallBase::progress, this, [this, jobId](qint64 done, qint64) {
        if (const auto it = m_attempts.find(jobId); it != m_attempts.end() && done > 0)
            it->second->uploadBegan = true;
    });
    // Direct: recorded before the last bytes leave, and they stay here when it could not be.
    connect(
        call, &ApiCallBase::requestHandedOver, this,
        [this, jobId, call] {
            auto problem = m_markHandedOver ? m_markHandedOver(jobId) : std::nullopt;
            const auto it = m_attempts.find(jobId);
            if (!problem || it == m_attempts.end())
                return;
            it->second->heldBack = std::move(problem);
            call->holdBackRequest();
        },
        Qt::DirectConnection);
    connect(call, &ApiCallBase::finished, this,
            [this, jobId, call] { answered(jobId, call->result()); });
}

void JobSubmitter::resendSmaller(qint64 jobId, const ApiError &error)
{
    auto &a = attempt(jobId);
    const qint64 budget = a.referenceBytes / 2;
    if (a.request.referencePaths.isEmpty() || budget <= 0 || !m_prepareWithin) {
        // Nothing to make smaller: the prompt alone is over the proxy's limit.
        forget(jobId);
        Q_EMIT refused(jobId,
                       ApiError::make(ApiError::Kind::TooLarge, said("jobs.picturesTooLarge"),
                                      error.httpStatus, error.serverMessage));
        return;
    }
    Q_EMIT resendingSmaller(jobId,
                            said("jobs.resendingSmaller",
                                 {QString::number(double(budget) / (1024.0 * 1024.0), 'f', 1)}));
    prepareAndSend(jobId, budget);
}

void JobSubmitter::answered(qint64 jobId, const Result<SubmitReceipt> &result)
{
    const auto it = m_attempts.find(jobId);
    if (it == m_attempts.end())
        return;
    auto &a = *it->second;
    a.call = nullptr;
    if (result) {
        a.retryIndex = 0;
        Q_EMIT submitted(jobId, result.value());
        return;
    }
    const auto &error = result.error();
    if (a.heldBack) {
        // The server never had the whole request: not sent, and free to go once it is recorded.
        const UserMessage why = *a.heldBack;
        forget(jobId);
        Q_EMIT notSent(jobId, error, why, 0);
        return;
    }
    using K = ApiError::Kind;
    switch (error.kind) {
    case K::Unauthorized:
        forget(jobId);
        Q_EMIT notSent(jobId, error, said("jobs.waitingForSignIn"), -1);
        return;
    case K::RateLimited: {
        const int delay = qMax(1, error.retryAfterSeconds) * 1000;
        rearm(a.wait, delay, this, [this] { Q_EMIT waitOver(); });
        Q_EMIT notSent(jobId, error, fromError(error), delay);
        return;
    }
    case K::Network:
        if (!a.uploadBegan) {
            const int delay =
                m_retryDelaysMs.value(qMin(a.retryIndex, int(m_retryDelaysMs.size()) - 1));
            a.retryIndex += 1;
            rearm(a.wait, delay, this, [this] { Q_EMIT waitOver(); });
            Q_EMIT notSent(jobId, error,
                           said("jobs.waitingForNetwork", {fromError(error).toStorage()}), delay);
            return;
        }
        // "Could not reach the server" would be wrong here: the job went out, the answer broke.
        Q_EMIT outcomeUnknown(jobId, error, said("jobs.connectionBrokeChecking"), false);
        return;
    case K::TooLarge:
        if (error.httpStatus == 413) {
            resendSmaller(jobId, error); // refused before the server saw it: nothing charged
            return;
        }
        [[fallthrough]];
    case K::Timeout:
    case K::ServerError:
    case K::BadResponse:
        Q_EMIT outcomeUnknown(jobId, error,
                              said("jobs.answerFailedChecking", {fromError(error).toStorage()}),
                              error.kind == K::ServerError && error.httpStatus < 502);
        return;
    default:
        forget(jobId);
        Q_EMIT refused(jobId, error);
        return;
    }
}

bool JobSubmitter::isWaiting(qint64 jobId) const
{
    const auto it = m_attempts.find(jobId);
    return it != m_attempts.end() && it->second->wait.isActive();
}

void JobSubmitter::forget(qint64 jobId)
{
    const auto it = m_attempts.find(jobId);
    if (it == m_attempts.end())
        return;
    const QPointer<ApiCallBase> call = it->second->call;
    m_attempts.erase(it);
    if (call)
        call->abort(); // its answer finds no attempt and is dropped
}

void JobSubmitter::clear()
{
    while (!m_attempts.empty())
        forget(m_attempts.begin()->first);
}
