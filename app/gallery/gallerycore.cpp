#include "gallery/gallerycore.h"

#include "backend/backendclient.h"
#include "characters/charactercache.h"
#include "history/historystore.h"
#include "jobs/jobstore.h"
#include "session/session.h"

#include <QFileInfo>

#include <cmath>
#include <limits>

GalleryCore::GalleryCore(HistoryStore &history, JobStore &jobs, CharacterCache &characters,
                         BackendClient &client, Session &session, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_jobs(jobs)
    , m_characters(characters)
    , m_client(client)
    , m_session(session)
{
    connect(&m_session, &Session::stateChanged, this, &GalleryCore::accountMayHaveChanged);
    connect(&m_session, &Session::restored, this, &GalleryCore::accountMayHaveChanged);
}

QString GalleryCore::accountId() const
{
    return m_session.accountId();
}

Result<bool> GalleryCore::setFavorite(const QList<qint64> &rowIds, bool favorite)
{
    for (const qint64 rowId : rowIds) {
        auto done = m_history.setFavorite(rowId, favorite);
        if (!done)
            return done.error();
    }
    return true;
}

Result<bool> GalleryCore::setHidden(const QList<qint64> &rowIds, bool hidden)
{
    for (const qint64 rowId : rowIds) {
        auto done = m_history.setHidden(rowId, hidden);
        if (!done)
            return done.error();
    }
    return true;
}

Result<HistoryRecord> GalleryCore::record(qint64 rowId)
{
    auto found = m_history.recordByRowId(rowId);
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::make(ApiError::Kind::NotFound, UserMessage::of("core.gallery.imageGone"));
    return *found.value();
}

Result<HistoryRecord> GalleryCore::record(const QString &serverId)
{
    auto found = m_history.record(accountId(), serverId);
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::make(ApiError::Kind::NotFound, UserMessage::of("core.gallery.imageGone"));
    return *found.value();
}

Result<qint64> GalleryCore::rowOfJob(const Job &job)
{
    if (!job.imageId.isEmpty()) {
        auto record = m_history.record(job.accountId, job.imageId);
        if (record && record.value())
            return record.value()->rowId;
    }
    // Idempotent: the job's existing gallery row comes back.
    return m_history.insertLocalJobRow(job.accountId, job);
}

QString GalleryCore::nearestAspectRatio(int width, int height)
{
    if (width <= 0 || height <= 0)
        return QStringLiteral("1:1");
    const double target = std::log(double(width) / height);
    QString best = QStringLiteral("1:1");
    double bestDistance = std::numeric_limits<double>::max();
    for (const QString &ratio : acceptedAspectRatios()) {
        const auto parts = ratio.split(u':');
        if (parts.size() != 2)
            continue;
        const double w = parts.at(0).toDouble();
        const double h = parts.at(1).toDouble();
        if (w <= 0 || h <= 0)
            continue;
        const double distance = std::abs(std::log(w / h) - target);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = ratio;
        }
    }
    return best;
}

QStringList GalleryCore::localReferencePaths(const HistoryRecord &record)
{
    QStringList paths;
    if (!record.jobId)
        return paths;
    const auto job = m_jobs.load(*record.jobId);
    if (!job)
        return paths;
    for (const QString &path : job->request.referencePaths)
        if (QFileInfo::exists(path))
            paths << path;
    return paths;
}

JobRequest GalleryCore::regenerate(const HistoryRecord &record)
{
    JobRequest request = regenerateRequest(record, localReferencePaths(record));
    if (!record.jobId)
        return request;
    const auto job = m_jobs.load(*record.jobId);
    if (job && job->request.isBrushEdit() && QFileInfo::exists(job->request.maskPath)) {
        request.maskPath = job->request.maskPath;
        request.keepUnmasked = job->request.keepUnmasked;
    }
    return request;
}

QStringList GalleryCore::characterLabels(const QStringList &characterIds)
{
    QStringList labels;
    const QString account = accountId();
    for (const QString &id : characterIds) {
        const auto character = m_characters.find(account, id);
        labels << (character && !character->name.isEmpty() ? character->name : id);
    }
    return labels;
}

QUrl GalleryCore::resolveImageUrl(const QString &url) const
{
    return m_client.resolveImageUrl(url);
}

JobRequest GalleryCore::regenerateRequest(const HistoryRecord &record,
                                          const QStringList &localReferences)
{
    JobRequest request;
    request.kind = record.kind == ImageType::ImageToImage ? JobKind::Edit : JobKind::Generate;
    request.prompt = record.prompt;
    request.aspectRatio = nearestAspectRatio(record.width.value_or(0), record.height.value_or(0));
    request.resolution = QStringLiteral("1K");
    request.referencePaths = localReferences;
    request.characterIds = record.characterIds;
    return request;
}
