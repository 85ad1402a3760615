#include "jobs/jobqueue.h"

#include "jobs/jobqueueactive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

namespace {
Q_LOGGING_CATEGORY(lcJobs, "studio.jobs")
}

namespace {

bool countsAsInFlight(JobState state)
{
    return state == JobState::Submitting || state == JobState::Pending
           || state == JobState::Unknown;
}

// Copies a reference into refs/ under its content hash so the job survives a restart even
// if the original file moves.
Result<QString> copyIntoProfile(const QString &path, const QString &referencesDir)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::make(ApiError::Kind::Local,
                              QStringLiteral("Could not read the reference %1 (%2). Check that "
                                             "the file exists and is readable.")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return ApiError::make(
            ApiError::Kind::Local,
            QStringLiteral("Could not read the reference %1.").arg(QDir::toNativeSeparators(path)));
    const auto suffix = QFileInfo(path).suffix().toLower();
    const QString name =
        QString::fromLatin1(hash.result().toHex()) + (suffix.isEmpty() ? QString() : u'.' + suffix);
    QDir().mkpath(referencesDir);
    const auto target = QDir(referencesDir).filePath(name);
    if (!QFileInfo::exists(target) && !QFile::copy(path, target))
        return ApiError::make(ApiError::Kind::Local,
                              QStringLiteral("Could not copy the reference %1 into the profile "
                                             "folder. Check the free disk space.")
                                  .arg(QDir::toNativeSeparators(path)));
    return target;
}

} // namespace

// Task errors recorded by the server, turned into a sentence that says what to do.
QString JobQueueDetail::taskFailureSentence(const QString &serverError)
{
    if (serverError.startsWith(u"Content policy violation", Qt::CaseInsensitive))
        return QStringLiteral("The model refused this prompt under its content policy. "
                              "Change the prompt or the references and try again.");
    if (serverError.isEmpty())
        return QStringLiteral("The server could not make this image. Try again.");
    return QStringLiteral("The server could not make this image (it said: %1). Try again; "
                          "if it keeps failing, change the prompt.")
        .arg(serverError);
}

JobQueue::JobQueue(JobStore &store, BackendClient &client, ImageDownloader &downloader,
                   QString referencesDir, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_downloader(downloader)
    , m_referencesDir(std::move(referencesDir))
    , m_hooks(std::move(hooks))
{
    m_workers.setMaxThreadCount(1);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &JobQueue::pollRound);
    connect(&m_downloader, &ImageDownloader::imageStored, this, &JobQueue::onImageStored);
    connect(&m_downloader, &ImageDownloader::imageFailed, this, &JobQueue::onImageFailed);
}

JobQueue::~JobQueue()
{
    m_workers.waitForDone();
}

void JobQueue::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    for (auto &[id, active] : m_active)
        if (active->call)
            active->call->abort();
    m_active.clear();
    m_pollWaiting.clear();
    m_pollTimer.stop();
    if (m_sharedPoll)
        m_sharedPoll->abort();
    m_accountId = accountId;
    m_typicalMs = 0;
    if (m_accountId.isEmpty())
        return;
    learnTypicalDuration();
    // Resume what an earlier run left: nothing the user submitted is lost.
    for (auto job : m_store.list(m_accountId, /*unfinishedOnly=*/true)) {
        switch (job.state) {
        case JobState::Queued:
            break;
        case JobState::Submitting:
            // The upload may or may not have reached the server: never resend blindly.
            job.state = JobState::Unknown;
            job.userMessage = QStringLiteral("Checking with the server whether this job "
                                             "arrived before the program stopped.");
            save(job);
            scheduleReconcile(job.id);
            break;
        case JobState::Unknown:
            scheduleReconcile(job.id);
            break;
        case JobState::Pending:
            if (job.taskId.isEmpty())
                scheduleReconcile(job.id);
            else
                schedulePoll(job.id);
            break;
        default:
            break;
        }
    }
    for (const auto &job : m_store.list(m_accountId, false, 50))
        if (job.state == JobState::Completed && job.localImagePath.isEmpty()
            && !job.imageUrl.isEmpty())
            startDownload(job.id);
    pump();
}

void JobQueue::setMaxInFlight(int jobs)
{
    m_maxInFlight = qMax(1, jobs);
    pump();
}

void JobQueue::pause()
{
    m_paused = true;
}

void JobQueue::resume()
{
    m_paused = false;
    for (const auto &job : jobs(true)) {
        if (job.state != JobState::Pending || job.taskId.isEmpty()
            || m_pollWaiting.contains(job.id))
            continue;
        // Not waiting for a look and none on its way (a look due while paused was dropped).
        const auto it = m_active.find(job.id);
        if (it == m_active.end() || !it->second->call)
            schedulePoll(job.id);
    }
    armPollTimer();
    pump();
}

QList<Job> JobQueue::jobs(bool unfinishedOnly) const
{
    return m_accountId.isEmpty() ? QList<Job>{} : m_store.list(m_accountId, unfinishedOnly);
}

int JobQueue::inFlight() const
{
    int n = 0;
    for (const auto &job : jobs(true))
        n += countsAsInFlight(job.state) ? 1 : 0;
    return n;
}

Result<Job> JobQueue::enqueue(const JobRequest &request)
{
    if (m_accountId.isEmpty())
        return ApiError::make(ApiError::Kind::Unauthorized,
                              QStringLiteral("Sign in before sending a job."));
    if (request.prompt.trimmed().isEmpty())
        return ApiError::make(ApiError::Kind::Validation,
                              QStringLiteral("Write a prompt first: it tells the model what to "
                                             "make."));
    if (request.kind == JobKind::Edit && request.referencePaths.isEmpty())
        return ApiError::make(ApiError::Kind::Validation,
                              QStringLiteral("An edit needs at least one image. Add the image "
                                             "to edit, then send again."));
    if (request.referencePaths.size() > 5)
        return ApiError::make(ApiError::Kind::Validation,
                              QStringLiteral("At most 5 images can go with one job; remove %1.")
                                  .arg(request.referencePaths.size() - 5));
    if (!acceptedAspectRatios().contains(request.aspectRatio))
        return ApiError::make(
            ApiError::Kind::Validation,
            QStringLiteral("The aspect ratio %1 is not one the server accepts "
                           "(%2).")
                .arg(request.aspectRatio, acceptedAspectRatios().join(QStringLiteral(", "))));
    if (!acceptedResolutions().contains(request.resolution))
        return ApiError::make(ApiError::Kind::Validation,
                              QStringLiteral("The resolution must be 1K, 2K or 4K."));

    Job job;
    job.accountId = m_accountId;
    job.request = request;
    job.request.referencePaths.clear();
    for (const auto &path : request.referencePaths) {
        auto copied = copyIntoProfile(path, m_referencesDir);
        if (!copied)
            return copied.error();
        job.request.referencePaths.append(copied.value());
    }
    job.state = JobState::Queued;
    if (!m_store.insert(job))
        return ApiError::make(ApiError::Kind::Local,
                              QStringLiteral("Could not save the job in the profile database "
                                             "(%1). Nothing was sent.")
                                  .arg(m_store.lastError()));
    Q_EMIT jobAdded(job);
    QTimer::singleShot(0, this, [this] { pump(); });
    return job;
}

bool JobQueue::cancel(qint64 jobId)
{
    auto job = current(jobId);
    if (!job || isFinal(job->state))
        return false;
    const bool sent = job->state != JobState::Queued;
    if (auto it = m_active.find(jobId); it != m_active.end() && it->second->call)
        it->second->call->abort();
    forget(jobId);
    job->userMessage = sent ? QStringLiteral("Cancelled here. The server may still finish this "
                                             "job and charge for it; it will then appear in "
                                             "the history.")
                            : QStringLiteral("Cancelled before it was sent; nothing was charged.");
    finishJob(*job, JobState::Cancelled);
    pump();
    return true;
}

bool JobQueue::retry(qint64 jobId)
{
    auto job = current(jobId);
    if (!job || (job->state != JobState::Failed && job->state != JobState::Cancelled))
        return false;
    forget(jobId);
    job->state = JobState::Queued;
    job->errorKind.clear();
    job->serverMessage.clear();
    job->userMessage.clear();
    job->taskId.clear();
    job->imageId.clear();
    job->imageUrl.clear();
    job->completedAt = {};
    save(*job);
    pump();
    return true;
}

void JobQueue::pump()
{
    if (m_paused || m_accountId.isEmpty())
        return;
    const auto all = jobs(true);
    int running = 0;
    for (const auto &job : all)
        running += countsAsInFlight(job.state) ? 1 : 0;
    // Oldest first: the list is newest first.
    for (auto it = all.crbegin(); it != all.crend() && running < m_maxInFlight; ++it) {
        if (it->state != JobState::Queued)
            continue;
        if (auto a = m_active.find(it->id); a != m_active.end() && a->second->timer.isActive())
            continue; // waiting out a retry delay
        startSubmit(it->id);
        ++running;
    }
}

void JobQueue::startSubmit(qint64 jobId)
{
    auto sending = current(jobId);
    if (!sending)
        return;
    sending->state = JobState::Submitting;
    sending->attempts += 1;
    sending->submittedAt = QDateTime::currentDateTimeUtc();
    sending->userMessage.clear();
    save(*sending);
    auto &state = active(jobId);
    state.uploadBegan = false;
    state.serverAnswered = false;

    const auto paths = sending->request.referencePaths;
    auto prepare = m_hooks.prepareReferences;
    auto future = QtConcurrent::run(&m_workers, [prepare, paths]() -> Result<QList<UploadFile>> {
        if (paths.isEmpty() || !prepare)
            return QList<UploadFile>{};
        return prepare(paths);
    });
    auto *watcher = new QFutureWatcher<Result<QList<UploadFile>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, jobId] {
        watcher->deleteLater();
        const auto prepared = watcher->result();
        auto job = current(jobId);
        if (!job || job->state != JobState::Submitting)
            return;
        if (!prepared) {
            forget(jobId);
            failJob(*job, prepared.error());
            pump();
            return;
        }
        auto *call = m_client.submit(job->request, prepared.value());
        auto &a = active(jobId);
        a.call = call;
        connect(call, &ApiCallBase::progress, this, [this, jobId](qint64 done, qint64) {
            if (done > 0)
                active(jobId).uploadBegan = true;
        });
        connect(call, &ApiCallBase::finished, this,
                [this, jobId, call] { onSubmitted(jobId, call->result()); });
    });
    watcher->setFuture(future);
}

void JobQueue::onSubmitted(qint64 jobId, const Result<SubmitReceipt> &result)
{
    auto job = current(jobId);
    if (!job || job->state != JobState::Submitting)
        return;
    auto &a = active(jobId);
    a.call = nullptr;
    if (result) {
        const auto &receipt = result.value();
        a.retryIndex = 0;
        job->errorKind.clear();
        job->serverMessage.clear();
        if (receipt.isAsync()) {
            job->taskId = receipt.taskId;
            job->state = JobState::Pending;
            save(*job);
            schedulePoll(jobId);
        } else {
            job->imageId = receipt.imageId;
            job->imageUrl = receipt.imageUrl;
            job->completedAt = QDateTime::currentDateTimeUtc();
            job->state = JobState::Completed;
            save(*job);
            Q_EMIT balanceMayHaveChanged();
            startDownload(jobId);
        }
        pump();
        return;
    }

    const auto &error = result.error();
    job->errorKind = ApiError::kindName(error.kind);
    job->serverMessage = error.serverMessage;
    using K = ApiError::Kind;
    switch (error.kind) {
    case K::Unauthorized:
        // Not sent: wait for a new sign-in, keep the job.
        job->state = JobState::Queued;
        job->userMessage = QStringLiteral("Waiting for you to sign in again; the job is kept.");
        save(*job);
        forget(jobId);
        pause();
        return;
    case K::RateLimited:
        requeueLater(jobId, qMax(1, error.retryAfterSeconds) * 1000, error.userMessage, error);
        return;
    case K::Network:
        if (!a.uploadBegan) {
            const int delay = m_timing.retryDelaysMs.value(
                qMin(a.retryIndex, int(m_timing.retryDelaysMs.size()) - 1));
            a.retryIndex += 1;
            requeueLater(jobId, delay,
                         QStringLiteral("Waiting for the network: %1").arg(error.userMessage),
                         error);
            return;
        }
        break;
    case K::Timeout:
    case K::ServerError:
    case K::BadResponse:
    case K::TooLarge:
        break;
    default:
        // Validation, stars, local, TLS: retrying would not help.
        forget(jobId);
        failJob(*job, error);
        pump();
        return;
    }
    // The server may have received the job: find out before anything else happens.
    a.serverAnswered = error.kind == K::ServerError && error.httpStatus < 502;
    job->state = JobState::Unknown;
    // "Could not reach the server" would be wrong here: the job went out, the answer broke.
    const QString what = error.kind == K::Network
                             ? QStringLiteral("The connection broke after the job was sent.")
                             : error.userMessage;
    job->userMessage = QStringLiteral("%1 Checking the history to see whether the server made "
                                      "the image; it will not be sent twice.")
                           .arg(what);
    save(*job);
    scheduleReconcile(jobId);
}

void JobQueue::requeueLater(qint64 jobId, int delayMs, const QString &notice, const ApiError &cause)
{
    auto job = current(jobId);
    if (!job)
        return;
    job->state = JobState::Queued;
    job->userMessage = notice;
    job->errorKind = ApiError::kindName(cause.kind);
    job->serverMessage = cause.serverMessage;
    save(*job);
    Q_EMIT noticeChanged(notice);
    auto &a = active(jobId);
    a.timer.disconnect();
    a.timer.setSingleShot(true);
    connect(&a.timer, &QTimer::timeout, this, [this] { pump(); });
    a.timer.start(delayMs);
    pump();
}

void JobQueue::scheduleReconcile(qint64 jobId)
{
    auto &a = active(jobId);
    const auto &delays = m_timing.reconcileDelaysMs;
    // A 5xx means the server finished with the job: one look at the history settles it.
    if (a.reconcileIndex >= delays.size() || (a.serverAnswered && a.reconcileIndex >= 1)) {
        auto job = current(jobId);
        if (!job)
            return;
        if (a.historyLooks == 0) {
            // The history could not be read even once: whether the server made (and charged
            // for) the image is still unknown, so keep asking rather than invite a resend.
            job->userMessage = QStringLiteral("Could not check the history yet to see whether "
                                              "the server made this image; trying again. It "
                                              "will not be sent twice.");
            save(*job);
            a.timer.disconnect();
            a.timer.setSingleShot(true);
            connect(&a.timer, &QTimer::timeout, this, [this, jobId] { reconcile(jobId); });
            a.timer.start(delays.isEmpty() ? 60000 : qMax(1000, delays.last()));
            return;
        }
        const bool serverAnswered = a.serverAnswered;
        forget(jobId); // `a` is gone from here on
        ApiError error;
        error.kind = ApiError::Kind::ServerError;
        error.serverMessage = job->serverMessage;
        error.userMessage =
            serverAnswered
                ? QStringLiteral("The server could not make this image and kept no record of it, "
                                 "so nothing was charged. Retry it, or change the prompt if it "
                                 "keeps failing.")
                : QStringLiteral("The server never confirmed this job and its history has no "
                                 "record of it, so nothing was charged. Retry it when you like.");
        failJob(*job, error);
        pump();
        return;
    }
    const int delay = delays.at(a.reconcileIndex);
    a.reconcileIndex += 1;
    a.timer.disconnect();
    a.timer.setSingleShot(true);
    connect(&a.timer, &QTimer::timeout, this, [this, jobId] { reconcile(jobId); });
    a.timer.start(delay);
}

void JobQueue::reconcile(qint64 jobId)
{
    auto unknown = current(jobId);
    if (!unknown || unknown->state != JobState::Unknown)
        return;
    auto *call = m_client.fetchImages(100, 0);
    active(jobId).call = call;
    connect(call, &ApiCallBase::finished, this, [this, jobId, call] {
        auto job = current(jobId);
        if (!job || job->state != JobState::Unknown)
            return;
        active(jobId).call = nullptr;
        const auto &result = call->result();
        if (!result) {
            if (result.error().kind == ApiError::Kind::Unauthorized) {
                pause();
                return;
            }
            scheduleReconcile(jobId); // could not look: look again later
            return;
        }
        // Records already claimed by another job of this account cannot be this one.
        QSet<QString> claimed;
        for (const auto &other : m_store.list(m_accountId, false, 500))
            if (other.id != jobId) {
                if (!other.imageId.isEmpty())
                    claimed.insert(other.imageId);
                if (!other.taskId.isEmpty())
                    claimed.insert(other.taskId);
            }
        const auto anchor = job->submittedAt.isValid() ? job->submittedAt : job->createdAt;
        const GeneratedImage *best = nullptr;
        qint64 bestDistance = std::numeric_limits<qint64>::max();
        for (const auto &record : result.value().images) {
            if (record.prompt != job->request.prompt || claimed.contains(record.id)
                || (!record.taskId.isEmpty() && claimed.contains(record.taskId)))
                continue;
            if (!job->taskId.isEmpty() && !record.taskId.isEmpty() && record.taskId != job->taskId)
                continue;
            const qint64 distance = qAbs(record.createdAt.msecsTo(anchor));
            if (distance <= m_timing.reconcileWindowMs && distance < bestDistance) {
                best = &record;
                bestDistance = distance;
            }
        }
        if (best) {
            applyServerRecord(jobId, *best);
        } else {
            active(jobId).historyLooks += 1;
            scheduleReconcile(jobId);
        }
    });
}

void JobQueue::applyServerRecord(qint64 jobId, const GeneratedImage &record)
{
    auto job = current(jobId);
    if (!job)
        return;
    qCInfo(lcJobs) << "job" << jobId << "matched server record" << record.id;
    job->imageId = record.id;
    if (!record.taskId.isEmpty())
        job->taskId = record.taskId;
    job->userMessage.clear();
    switch (record.status) {
    case ImageStatus::Completed:
        job->imageUrl = record.imageUrl;
        job->completedAt =
            record.completedAt.isValid() ? record.completedAt : QDateTime::currentDateTimeUtc();
        job->state = JobState::Completed;
        save(*job);
        active(jobId).reconcileIndex = 0;
        Q_EMIT balanceMayHaveChanged();
        startDownload(jobId);
        break;
    case ImageStatus::Failed:
        forget(jobId);
        job->serverMessage = record.error;
        job->userMessage = JobQueueDetail::taskFailureSentence(record.error);
        finishJob(*job, JobState::Failed);
        break;
    case ImageStatus::Pending:
        if (!job->taskId.isEmpty()) {
            job->state = JobState::Pending;
            save(*job);
            active(jobId).pollIndex = 0;
            schedulePoll(jobId);
        } else {
            save(*job);
            scheduleReconcile(jobId); // a synchronous server still working on it
        }
        break;
    }
    pump();
}

void JobQueue::startDownload(qint64 jobId)
{
    auto job = current(jobId);
    if (!job || job->imageUrl.isEmpty())
        return;
    const auto url = m_client.resolveImageUrl(job->imageUrl);
    auto &waiters = m_downloadWaiters[url];
    if (!waiters.contains(jobId))
        waiters.append(jobId);
    m_downloader.fetch(url, ImageDownloader::Priority::JobResult);
}

void JobQueue::onImageStored(const QUrl &url, const StoredImage &image)
{
    for (const auto jobId : m_downloadWaiters.take(url)) {
        auto job = current(jobId);
        if (!job || job->state != JobState::Completed)
            continue;
        job->localImagePath = image.path;
        job->userMessage.clear();
        forget(jobId);
        finishJob(*job, JobState::Completed);
        Q_EMIT resultStored(*job, image);
    }
}

void JobQueue::onImageFailed(const QUrl &url, const ApiError &error)
{
    for (const auto jobId : m_downloadWaiters.take(url)) {
        auto job = current(jobId);
        if (!job || job->state != JobState::Completed)
            continue;
        auto &a = active(jobId);
        a.downloadAttempts += 1;
        job->userMessage = QStringLiteral("The image is ready on the server but could not be "
                                          "downloaded yet: %1")
                               .arg(error.userMessage);
        save(*job);
        if (a.downloadAttempts < 4 && error.isTransient()) {
            a.timer.disconnect();
            a.timer.setSingleShot(true);
            connect(&a.timer, &QTimer::timeout, this, [this, jobId] { startDownload(jobId); });
            a.timer.start(2000 * a.downloadAttempts);
            continue;
        }
        forget(jobId);
        Q_EMIT jobFinished(*job);
    }
}

void JobQueue::save(const Job &job)
{
    if (!m_store.update(job))
        qCWarning(lcJobs) << "could not save job" << job.id << m_store.lastError();
    Q_EMIT jobChanged(job);
}

void JobQueue::finishJob(Job job, JobState state)
{
    job.state = state;
    if (!job.completedAt.isValid())
        job.completedAt = QDateTime::currentDateTimeUtc();
    save(job);
    Q_EMIT jobFinished(job);
}

void JobQueue::failJob(Job job, const ApiError &error)
{
    job.errorKind = ApiError::kindName(error.kind);
    job.serverMessage = error.serverMessage;
    job.userMessage = error.userMessage;
    finishJob(std::move(job), JobState::Failed);
}

JobQueue::Active &JobQueue::active(qint64 jobId)
{
    auto &slot = m_active[jobId];
    if (!slot)
        slot = std::make_unique<Active>();
    return *slot;
}

void JobQueue::forget(qint64 jobId)
{
    m_active.erase(jobId);
    m_pollWaiting.remove(jobId);
}

std::optional<Job> JobQueue::current(qint64 jobId) const
{
    auto job = m_store.load(jobId);
    if (!job || job->accountId != m_accountId)
        return std::nullopt;
    return job;
}
