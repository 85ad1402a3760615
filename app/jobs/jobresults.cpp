#include "jobs/jobresults.h"

#include "jobs/jobmessages.h"

using namespace JobMessages;

JobResults::JobResults(ImageDownloader &downloader, ResultDownloads::ResolveUrl resolve,
                       JobStore &store, JobWriter &writer, CompletedJob completed, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_writer(writer)
    , m_completed(std::move(completed))
    , m_downloads(downloader, std::move(resolve))
{
    connect(&m_downloads, &ResultDownloads::stored, this, &JobResults::onStored);
    connect(&m_downloads, &ResultDownloads::failed, this, &JobResults::onFailed);
    connect(&m_brushEdits, &MaskEditFinisher::combined, this,
            [this](const Job &done, const StoredImage &shown) {
                if (auto job = m_completed(done.id)) {
                    job->serverImagePath = done.serverImagePath;
                    link(*job, shown);
                }
            });
}

void JobResults::fetchUnsaved(const QString &accountId)
{
    for (const auto &job : m_store.unsavedResults(accountId)) // none without an account
        fetch(job);
}

void JobResults::onStored(qint64 jobId, const StoredImage &image)
{
    auto job = m_completed(jobId);
    if (job && !m_brushEdits.combine(*job, image)) // a brush edit comes back combined
        link(*job, image);
}

void JobResults::link(Job job, const StoredImage &image)
{
    job.localImagePath = image.path;
    job.clearMessage();
    m_downloads.forget(job.id);
    if (!job.completedAt.isValid())
        job.completedAt = QDateTime::currentDateTimeUtc();
    // Not linked when the database has no room: the file stays in images/, the retry links it
    // (the same bytes are found where they are) and the row still says "not saved yet".
    if (m_writer.save(job, &image)) {
        Q_EMIT jobFinished(job);
        Q_EMIT resultStored(job, image);
    }
}

void JobResults::onFailed(qint64 jobId, const ApiError &error, bool retrying)
{
    auto job = m_completed(jobId);
    if (!job)
        return;
    if (ImageStore::isDiskFull(error)) {
        // Kept as "completed, not saved yet": stored by the retry, or at the next start.
        m_downloads.forget(jobId);
        job->setMessage(said("jobs.resultNotSaved"));
        if (m_writer.save(*job))
            m_writer.failed(jobId, said("jobs.diskFull"));
        Q_EMIT jobFinished(*job);
        return;
    }
    job->setMessage(said("jobs.downloadWaiting", {fromError(error).toStorage()}));
    m_writer.save(*job);
    if (!retrying) {
        m_downloads.forget(jobId);
        Q_EMIT jobFinished(*job);
    }
}
