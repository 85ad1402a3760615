#include "history/historyrecord.h"

#include "domain/job.h"
#include "history/profilepaths.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

enum Column {
    RowId,
    AccountId,
    Id,
    UserId,
    TaskId,
    Prompt,
    Type,
    Kind,
    ImageUrl,
    OriginImageUrl,
    ReferenceImageUrls,
    CharacterIds,
    Status,
    Error,
    CreatedAt,
    CompletedAt,
    Favorite,
    Hidden,
    LocalFile,
    FileSize,
    Width,
    Height,
    JobId,
    LastSeenOnServer,
    GoneFromServer,
    ImageGone,
};

template<class T>
std::optional<T> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return static_cast<T>(value.toLongLong());
}

} // namespace

QString historyRecordColumns(const QString &alias)
{
    static const QStringList names = {
        u"row_id"_s,
        u"account_id"_s,
        u"id"_s,
        u"user_id"_s,
        u"task_id"_s,
        u"prompt"_s,
        u"type"_s,
        u"kind"_s,
        u"image_url"_s,
        u"origin_image_url"_s,
        u"reference_image_urls"_s,
        u"character_ids"_s,
        u"status"_s,
        u"error"_s,
        u"created_at"_s,
        u"completed_at"_s,
        u"favorite"_s,
        u"hidden"_s,
        u"local_file"_s,
        u"file_size"_s,
        u"width"_s,
        u"height"_s,
        u"job_id"_s,
        u"last_seen_on_server"_s,
        u"gone_from_server"_s,
        u"image_gone"_s,
    };
    QString list;
    for (const auto &name : names) {
        if (!list.isEmpty())
            list += u", "_s;
        list += alias + u'.' + name;
    }
    return list;
}

HistoryRecord readHistoryRecord(const QSqlQuery &q)
{
    HistoryRecord r;
    r.rowId = q.value(RowId).toLongLong();
    r.accountId = q.value(AccountId).toString();
    r.id = q.value(Id).toString();
    r.userId = q.value(UserId).toString();
    r.taskId = q.value(TaskId).toString();
    r.prompt = q.value(Prompt).toString();
    r.typeRaw = q.value(Type).toString();
    r.kind = imageTypeFromName(q.value(Kind).toString()).value_or(ImageType::Other);
    r.imageUrl = q.value(ImageUrl).toString();
    r.originImageUrl = q.value(OriginImageUrl).toString();
    r.referenceImageUrls = parseJsonStringArray(q.value(ReferenceImageUrls).toString());
    r.characterIds = parseJsonStringArray(q.value(CharacterIds).toString());
    r.status = imageStatusFromName(q.value(Status).toString()).value_or(ImageStatus::Pending);
    r.error = q.value(Error).toString();
    r.createdAtMs = q.value(CreatedAt).toLongLong();
    r.completedAtMs = optionalInt<qint64>(q.value(CompletedAt));
    r.favorite = q.value(Favorite).toInt() != 0;
    r.hidden = q.value(Hidden).toInt() != 0;
    r.localFile = q.value(LocalFile).toString();
    if (!r.localFile.isEmpty() && !QDir::isAbsolutePath(r.localFile)) // stored in the profile
        r.localFile = ProfilePaths::ofQuery(q).resolve(r.localFile);
    r.fileSize = optionalInt<qint64>(q.value(FileSize));
    r.width = optionalInt<int>(q.value(Width));
    r.height = optionalInt<int>(q.value(Height));
    r.jobId = optionalInt<qint64>(q.value(JobId));
    r.lastSeenOnServerMs = optionalInt<qint64>(q.value(LastSeenOnServer));
    r.goneFromServer = q.value(GoneFromServer).toInt() != 0;
    r.imageGone = q.value(ImageGone).toInt() != 0;
    return r;
}

QString jsonStringArray(const QStringList &list)
{
    if (list.isEmpty())
        return u"[]"_s;
    // Written by hand, without a QJsonDocument round trip through UTF-8: a sync writes one or
    // two per record and a list of lookup keys per page.
    qsizetype size = 2;
    for (const auto &item : list)
        size += item.size() + 3;
    QString json;
    json.reserve(size);
    json += u'[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            json += u',';
        json += u'"';
        for (const QChar c : list.at(i)) {
            const char16_t u = c.unicode();
            if (u == u'"' || u == u'\\') {
                json += u'\\';
                json += c;
            } else if (u < 0x20) {
                json += u"\\u00"_s;
                json += QChar(u"0123456789abcdef"[u >> 4]);
                json += QChar(u"0123456789abcdef"[u & 0xf]);
            } else {
                json += c;
            }
        }
        json += u'"';
    }
    json += u']';
    return json;
}

QStringList parseJsonStringArray(const QString &json)
{
    if (json.size() <= 2) // "[]" or empty: the common case, no parse
        return {};
    QStringList list;
    const auto array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array)
        list.append(value.toString());
    return list;
}

QString HistoryRecord::errorText() const
{
    return jobMessageText(UserMessage::fromStorage(error));
}
