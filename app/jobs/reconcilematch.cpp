#include "jobs/reconcilematch.h"

#include "history/historyquery.h"

#include <limits>

namespace {

QString comparable(const QString &prompt)
{
    return HistoryReader::normalizeForSearch(prompt.normalized(QString::NormalizationForm_C));
}

} // namespace

bool samePrompt(const QString &a, const QString &b)
{
    return a == b || comparable(a) == comparable(b);
}

std::optional<GeneratedImage> matchServerRecord(const Job &job,
                                                const QList<GeneratedImage> &records,
                                                const QSet<QString> &claimedIds, qint64 windowMs)
{
    const auto anchor = job.submittedAt.isValid() ? job.submittedAt : job.createdAt;
    const QString prompt = comparable(job.request.prompt);
    const GeneratedImage *best = nullptr;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (const auto &record : records) {
        if (claimedIds.contains(record.id)
            || (!record.taskId.isEmpty() && claimedIds.contains(record.taskId)))
            continue;
        if (!job.taskId.isEmpty() && !record.taskId.isEmpty() && record.taskId != job.taskId)
            continue;
        if (record.prompt != job.request.prompt && comparable(record.prompt) != prompt)
            continue;
        const qint64 distance = qAbs(record.createdAt.msecsTo(anchor));
        if (distance <= windowMs && distance < bestDistance) {
            best = &record;
            bestDistance = distance;
        }
    }
    if (!best)
        return std::nullopt;
    return *best;
}
