#include "cli/jsonviews.h"

#include <QJsonArray>

namespace {

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject jobToJson(const Job &job)
{
    return QJsonObject{
        {QStringLiteral("job"), job.id},
        {QStringLiteral("kind"), jobKindName(job.request.kind)},
        {QStringLiteral("state"), jobStateName(job.state)},
        {QStringLiteral("prompt"), job.request.prompt},
        {QStringLiteral("ratio"), job.request.aspectRatio},
        {QStringLiteral("resolution"), job.request.resolution},
        {QStringLiteral("references"), QJsonArray::fromStringList(job.request.referencePaths)},
        {QStringLiteral("characters"), QJsonArray::fromStringList(job.request.characterIds)},
        {QStringLiteral("taskId"), textOrNull(job.taskId)},
        {QStringLiteral("imageId"), textOrNull(job.imageId)},
        {QStringLiteral("imageUrl"), textOrNull(job.imageUrl)},
        {QStringLiteral("file"), textOrNull(job.localImagePath)},
        {QStringLiteral("error"), textOrNull(job.userMessage)},
        {QStringLiteral("serverMessage"), textOrNull(job.serverMessage)},
        {QStringLiteral("attempts"), job.attempts},
        {QStringLiteral("createdAt"), timeOrNull(job.createdAt)},
        {QStringLiteral("submittedAt"), timeOrNull(job.submittedAt)},
        {QStringLiteral("completedAt"), timeOrNull(job.completedAt)},
    };
}

QJsonObject recordToJson(const HistoryRecord &r)
{
    QJsonObject o{
        {QStringLiteral("id"), textOrNull(r.id)},
        {QStringLiteral("row"), r.rowId},
        {QStringLiteral("prompt"), r.prompt},
        {QStringLiteral("type"), imageTypeName(r.kind)},
        {QStringLiteral("serverType"), r.typeRaw},
        {QStringLiteral("status"), imageStatusName(r.status)},
        {QStringLiteral("error"), textOrNull(r.errorText())},
        {QStringLiteral("taskId"), textOrNull(r.taskId)},
        {QStringLiteral("imageUrl"), textOrNull(r.imageUrl)},
        {QStringLiteral("referenceImageUrls"), QJsonArray::fromStringList(r.referenceImageUrls)},
        {QStringLiteral("characterIds"), QJsonArray::fromStringList(r.characterIds)},
        {QStringLiteral("createdAt"), timeOrNull(r.createdAt())},
        {QStringLiteral("completedAt"), timeOrNull(r.completedAt())},
        {QStringLiteral("favorite"), r.favorite},
        {QStringLiteral("hidden"), r.hidden},
        {QStringLiteral("goneFromServer"), r.goneFromServer},
        {QStringLiteral("imageGone"), r.imageGone},
        {QStringLiteral("file"), textOrNull(r.localFile)},
    };
    if (r.width && r.height) {
        o.insert(QStringLiteral("width"), *r.width);
        o.insert(QStringLiteral("height"), *r.height);
    }
    if (r.jobId)
        o.insert(QStringLiteral("job"), *r.jobId);
    return o;
}

QString recordKey(const HistoryRecord &record)
{
    return record.id.isEmpty() ? QString::number(record.rowId) : record.id;
}

QJsonArray lineageToJson(const QList<LineageEntry> &entries)
{
    QJsonArray array;
    for (const auto &entry : entries)
        array.append(QJsonObject{{QStringLiteral("id"), recordKey(entry.record)},
                                 {QStringLiteral("row"), entry.record.rowId},
                                 {QStringLiteral("kind"), lineageKindName(entry.kind)},
                                 {QStringLiteral("prompt"), entry.record.prompt}});
    return array;
}

QJsonObject userToJson(const User &user)
{
    return QJsonObject{
        {QStringLiteral("id"), user.id},
        {QStringLiteral("name"), textOrNull(user.name)},
        {QStringLiteral("phoneNumber"), textOrNull(user.phoneNumber)},
        {QStringLiteral("email"), textOrNull(user.email)},
        {QStringLiteral("subscription"), textOrNull(user.subscription)},
        {QStringLiteral("stars"), user.stars},
    };
}

QJsonObject characterToJson(const Character &character)
{
    QJsonArray images;
    for (const auto &image : character.images)
        images.append(image.url);
    return QJsonObject{
        {QStringLiteral("id"), character.id},
        {QStringLiteral("name"), character.name},
        {QStringLiteral("images"), images},
        {QStringLiteral("createdAt"), timeOrNull(character.createdAt)},
    };
}

QString shortTime(qint64 msUtc)
{
    return QDateTime::fromMSecsSinceEpoch(msUtc, Qt::UTC)
        .toLocalTime()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString elide(const QString &text, int width)
{
    QString flat = text.simplified();
    return flat.size() <= width ? flat : flat.left(width - 1) + QChar(0x2026);
}
