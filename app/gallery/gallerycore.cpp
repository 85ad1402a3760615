#include "gallery/gallerycore.h"

#include "appservices.h"
#include "characters/charactercache.h"
#include "history/historystore.h"
#include "jobs/jobstore.h"

#include <QFileInfo>

#include <cmath>
#include <limits>

namespace GalleryCore {

Result<bool> setFavorite(AppServices &services, const QList<qint64> &rowIds, bool favorite)
{
    for (const qint64 rowId : rowIds) {
        auto done = services.history().setFavorite(rowId, favorite);
        if (!done)
            return done.error();
    }
    return true;
}

Result<bool> setHidden(AppServices &services, const QList<qint64> &rowIds, bool hidden)
{
    for (const qint64 rowId : rowIds) {
        auto done = services.history().setHidden(rowId, hidden);
        if (!done)
            return done.error();
    }
    return true;
}

Result<HistoryRecord> record(AppServices &services, qint64 rowId)
{
    auto found = services.history().recordByRowId(rowId);
    if (!found)
        return found.error();
    if (!found.value())
        return ApiError::make(ApiError::Kind::NotFound,
                              QStringLiteral("That image is no longer in the local history."));
    return *found.value();
}

QString nearestAspectRatio(int width, int height)
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

QStringList localReferencePaths(AppServices &services, const HistoryRecord &record)
{
    QStringList paths;
    if (!record.jobId)
        return paths;
    const auto job = services.jobStore().load(*record.jobId);
    if (!job)
        return paths;
    for (const QString &path : job->request.referencePaths)
        if (QFileInfo::exists(path))
            paths << path;
    return paths;
}

QStringList characterLabels(AppServices &services, const QStringList &characterIds)
{
    QStringList labels;
    const QString account = services.accountId();
    for (const QString &id : characterIds) {
        const auto character = services.characters().find(account, id);
        labels << (character && !character->name.isEmpty() ? character->name : id);
    }
    return labels;
}

JobRequest regenerateRequest(const HistoryRecord &record, const QStringList &localReferences)
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

} // namespace GalleryCore
