#pragma once

#include "domain/job.h"
#include "jobs/jobwriter.h"
#include "jobs/maskeditfinisher.h"
#include "jobs/resultdownloads.h"

#include <QObject>

#include <functional>
#include <optional>

// Brings a completed job's image into the profile: downloads it, combines a brush edit kept
// exact, links it to the job's rows, and keeps the job "completed, not saved yet" when the
// disk has no room, to be saved by a retry or at the next start.
class JobResults final : public QObject
{
    Q_OBJECT
public:
    // The job while it is still `completed` and this account's; none once it is not.
    using CompletedJob = std::function<std::optional<Job>(qint64 jobId)>;

    JobResults(ImageDownloader &downloader, ResultDownloads::ResolveUrl resolve, JobStore &store,
               JobWriter &writer, CompletedJob completed, QObject *parent = nullptr);

    void fetch(const Job &job) { m_downloads.fetch(job.id, job.imageUrl); }
    // The account's results "completed, not saved yet" (no room, a download cut short), again.
    void fetchUnsaved(const QString &accountId);
    void forget(qint64 jobId) { m_downloads.forget(jobId); }
    void clear() { m_downloads.clear(); }

Q_SIGNALS:
    // Done with the job: its image is stored, or it could not be and nothing more is tried.
    void jobFinished(const Job &job);
    // The job's image is stored in the profile (its row and gallery row say so).
    void resultStored(const Job &job, const StoredImage &image);

private:
    void onStored(qint64 jobId, const StoredImage &image);
    void link(Job job, const StoredImage &image); // to the job's rows
    void onFailed(qint64 jobId, const ApiError &error, bool retrying);

    JobStore &m_store;
    JobWriter &m_writer;
    CompletedJob m_completed;
    ResultDownloads m_downloads;
    MaskEditFinisher m_brushEdits;
};
