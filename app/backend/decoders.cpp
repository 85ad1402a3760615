#include "backend/decoders.h"

#include "backend/backendlog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <optional>
#include <type_traits>

namespace {

using namespace Qt::StringLiterals;

// The JSON root object of a success answer, or the error the caller returns.
Result<QJsonObject> successRoot(const HttpAnswer &answer)
{
    if (!answer.isSuccess())
        return errorFromAnswer(answer);
    if (answer.contentType.contains(u"html", Qt::CaseInsensitive)
        || answer.body.trimmed().startsWith('<'))
        return errorFromAnswer(answer);
    if (answer.body.trimmed().isEmpty())
        return ApiError::badResponse(UserMessage::of("core.answer.empty"), answer.status);
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError::badResponse(
            UserMessage::of("core.answer.invalidJson",
                            {parseError.errorString(), QString::number(parseError.offset)}),
            answer.status);
    if (!doc.isObject())
        return ApiError::badResponse(UserMessage::of("core.answer.notAnObject"), answer.status);
    const auto root = doc.object();
    if (root.value(u"status").toString() == u"error") {
        auto e = errorFromAnswer(
            HttpAnswer{500, answer.contentType, answer.body, answer.reasonPhrase, -1});
        e.httpStatus = answer.status;
        return e;
    }
    return root;
}

// root.data as an object (BadResponse when missing or not an object).
Result<QJsonObject> dataObject(const HttpAnswer &answer)
{
    auto root = successRoot(answer);
    if (!root)
        return root.error();
    const auto data = root.value().value(u"data");
    if (!data.isObject())
        return ApiError::badResponse(UserMessage::of("core.answer.noData"), answer.status);
    return data.toObject();
}

QString str(const QJsonObject &o, QLatin1StringView key)
{
    const auto v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

QString idOf(const QJsonObject &o)
{
    auto id = str(o, "id"_L1);
    return id.isEmpty() ? str(o, "_id"_L1) : id;
}

// A number that may come as "25".
double num(const QJsonObject &o, QLatin1StringView key, double fallback = 0)
{
    const auto v = o.value(key);
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return fallback;
}

// A count, offset or position: whole and within T's range. A number too large for it (5e64,
// "1e400", "nan", found by ./dev fuzz) is clamped or falls back, never converted out of range,
// which is undefined behaviour.
template<class T>
T whole(const QJsonObject &o, QLatin1StringView key, T fallback)
{
    static_assert(std::is_same_v<T, int> || std::is_same_v<T, qint64>);
    constexpr double limit = std::is_same_v<T, int> ? 2147483647.0 : 9.0e18;
    const double d = num(o, key, double(fallback));
    if (std::isnan(d))
        return fallback;
    return T(std::clamp(d, -limit, limit));
}

bool boolean(const QJsonObject &o, QLatin1StringView key)
{
    const auto v = o.value(key);
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return v.toString() == u"true";
    return v.isDouble() && v.toDouble() != 0;
}

QStringList strings(const QJsonObject &o, QLatin1StringView key)
{
    QStringList out;
    const auto v = o.value(key);
    if (v.isString() && !v.toString().isEmpty())
        out << v.toString(); // a single URL where a list was expected
    for (const auto &item : v.toArray())
        if (item.isString())
            out << item.toString();
    return out;
}

QDateTime date(const QJsonObject &o, QLatin1StringView key)
{
    return parseServerDate(str(o, key));
}

User userFrom(const QJsonObject &o)
{
    User u;
    u.id = idOf(o);
    u.phoneNumber = str(o, "phoneNumber"_L1);
    u.email = str(o, "email"_L1);
    u.name = str(o, "name"_L1);
    u.profilePicture = str(o, "profilePicture"_L1);
    u.subscription = str(o, "subscription"_L1);
    u.stars = num(o, "stars"_L1);
    u.isVerified = boolean(o, "isVerified"_L1);
    u.role = str(o, "role"_L1);
    u.createdAt = date(o, "createdAt"_L1);
    u.updatedAt = date(o, "updatedAt"_L1);
    return u;
}

ImageStatus imageStatusFrom(const QString &raw, bool hasImage)
{
    if (auto s = imageStatusFromName(raw.toLower()))
        return *s;
    return hasImage ? ImageStatus::Completed : ImageStatus::Pending; // "processing" and others
}

GeneratedImage imageFrom(const QJsonObject &o)
{
    GeneratedImage g;
    g.id = idOf(o);
    g.userId = str(o, "userId"_L1);
    g.taskId = str(o, "taskId"_L1);
    g.prompt = str(o, "prompt"_L1);
    g.typeRaw = str(o, "type"_L1);
    g.type = imageTypeFromServer(g.typeRaw);
    g.imageUrl = str(o, "imageUrl"_L1);
    g.originImageUrl = str(o, "originImageUrl"_L1);
    g.referenceImageUrls = strings(o, "referenceImageUrls"_L1);
    g.characterIds = strings(o, "characterIds"_L1);
    g.status = imageStatusFrom(str(o, "status"_L1), !g.imageUrl.isEmpty());
    g.error = str(o, "error"_L1);
    g.createdAt = date(o, "createdAt"_L1);
    g.completedAt = date(o, "completedAt"_L1);
    return g;
}

Character characterFrom(const QJsonObject &o)
{
    Character c;
    c.id = idOf(o);
    c.userId = str(o, "userId"_L1);
    c.name = str(o, "name"_L1);
    for (const auto &v : o.value(u"images").toArray()) {
        if (v.isString()) { // tolerate a bare URL
            c.images.append(CharacterImage{{}, v.toString(), {}, int(c.images.size())});
            continue;
        }
        const auto io = v.toObject();
        CharacterImage img{idOf(io), str(io, "url"_L1), str(io, "publicId"_L1),
                           whole<int>(io, "order"_L1, int(c.images.size()))};
        if (!img.url.isEmpty())
            c.images.append(img);
    }
    c.createdAt = date(o, "createdAt"_L1);
    c.updatedAt = date(o, "updatedAt"_L1);
    return c;
}

StyleTemplate templateFrom(const QJsonObject &o)
{
    StyleTemplate t;
    t.id = idOf(o);
    t.imageUrl = str(o, "imageUrl"_L1);
    t.prompt = str(o, "prompt"_L1);
    t.category = str(o, "category"_L1);
    if (t.category.isEmpty() && o.value(u"category").isObject())
        t.category = str(o.value(u"category").toObject(), "name"_L1);
    t.tags = strings(o, "tags"_L1);
    return t;
}

// The list under data.<key> (or data itself when it is an array), bad records skipped.
template<class T, class F>
Result<QList<T>> listFrom(const HttpAnswer &answer, QLatin1StringView key, F make,
                          int *skipped = nullptr, QJsonObject *dataOut = nullptr)
{
    auto root = successRoot(answer);
    if (!root)
        return root.error();
    const auto data = root.value().value(u"data");
    if (dataOut)
        *dataOut = data.toObject(); // the caller's other fields, without parsing the body again
    const auto array = data.isArray() ? data.toArray() : data.toObject().value(key);
    if (!array.isArray())
        return ApiError::badResponse(UserMessage::of("core.answer.noList", {key}), answer.status);
    QList<T> out;
    int bad = 0;
    for (const auto &v : array.toArray()) {
        if (!v.isObject() || idOf(v.toObject()).isEmpty()) {
            ++bad;
            continue;
        }
        out.append(make(v.toObject()));
    }
    if (bad > 0)
        qCWarning(lcBackend) << "skipped" << bad << "unreadable records in" << key;
    if (skipped)
        *skipped = bad;
    return out;
}

} // namespace

namespace {

// The server's own form, "2026-02-24T12:25:39.123Z" (or without the milliseconds), read
// without QDateTime's general parser: a history page holds two per record. Anything else
// (an offset, no zone, other digits) is left to the general parser.
std::optional<QDateTime> parseUtcIsoFast(const QString &text)
{
    const qsizetype n = text.size();
    if ((n != 24 && n != 20) || text.at(n - 1) != u'Z')
        return std::nullopt;
    const QChar *c = text.constData();
    const auto digits = [c](qsizetype at, qsizetype count, int *out) {
        int value = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            const char16_t d = c[i].unicode();
            if (d < u'0' || d > u'9')
                return false;
            value = value * 10 + (d - u'0');
        }
        *out = value;
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':'
        || !digits(0, 4, &year) || !digits(5, 2, &month) || !digits(8, 2, &day)
        || !digits(11, 2, &hour) || !digits(14, 2, &minute) || !digits(17, 2, &second))
        return std::nullopt;
    if (n == 24 && (c[19] != u'.' || !digits(20, 3, &ms)))
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime parseServerDate(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (auto fast = parseUtcIsoFast(text))
        return *fast;
    auto dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime && !text.endsWith(u'Z'))
        dt.setTimeSpec(Qt::UTC); // the server writes UTC; a missing zone means UTC too
    return dt.toUTC();
}

Result<Done> decodeDone(const HttpAnswer &answer)
{
    if (answer.isSuccess() && answer.body.trimmed().isEmpty())
        return Done{};
    auto root = successRoot(answer);
    if (!root)
        return root.error();
    return Done{str(root.value(), "message"_L1)};
}

Result<AuthResult> decodeAuthResult(const HttpAnswer &answer)
{
    auto data = dataObject(answer);
    if (!data)
        return data.error();
    const auto &d = data.value();
    AuthResult r;
    r.accessToken = str(d, "accessToken"_L1);
    if (r.accessToken.isEmpty())
        r.accessToken = str(d, "token"_L1);
    if (r.accessToken.isEmpty())
        return ApiError::badResponse(UserMessage::of("core.answer.noAccessToken"), answer.status);
    r.refreshToken = str(d, "refreshToken"_L1);
    if (!d.value(u"user").isObject())
        return ApiError::badResponse(UserMessage::of("core.answer.noUser"), answer.status);
    r.user = userFrom(d.value(u"user").toObject());
    return r;
}

Result<User> decodeMe(const HttpAnswer &answer)
{
    auto data = dataObject(answer);
    if (!data)
        return data.error();
    const auto user = data.value().value(u"user");
    if (user.isNull() || user.isUndefined()) {
        // A valid token for an account the server no longer has: signing in again is the fix.
        return ApiError::unauthorized(
            answer.status, QCoreApplication::translate("BackendClient", "user not found"));
    }
    if (!user.isObject())
        return ApiError::badResponse(UserMessage::of("core.answer.userNotAnObject"), answer.status);
    return userFrom(user.toObject());
}

Result<SubmitReceipt> decodeSubmitReceipt(const HttpAnswer &answer)
{
    auto data = dataObject(answer);
    if (!data)
        return data.error();
    const auto &d = data.value();
    SubmitReceipt r;
    r.imageId = str(d, "imageId"_L1);
    r.imageUrl = str(d, "imageUrl"_L1);
    r.taskId = str(d, "taskId"_L1);
    r.prompt = str(d, "prompt"_L1);
    r.aspectRatio = str(d, "aspectRatio"_L1);
    if (r.taskId.isEmpty() && r.imageId.isEmpty() && r.imageUrl.isEmpty())
        return ApiError::badResponse(UserMessage::of("core.answer.noTaskNorImage"), answer.status);
    return r;
}

Result<Task> decodeTask(const HttpAnswer &answer)
{
    auto data = dataObject(answer);
    if (!data)
        return data.error();
    const auto task = data.value().value(u"task");
    if (!task.isObject())
        return ApiError::badResponse(UserMessage::of("core.answer.noTask"), answer.status);
    const auto o = task.toObject();
    Task t;
    t.id = idOf(o);
    t.taskId = str(o, "taskId"_L1);
    if (t.taskId.isEmpty())
        t.taskId = t.id;
    t.userId = str(o, "userId"_L1);
    t.prompt = str(o, "prompt"_L1);
    t.type = str(o, "type"_L1);
    const auto status = str(o, "status"_L1).toLower();
    t.status = status == u"completed"    ? TaskStatus::Completed
               : status == u"failed"     ? TaskStatus::Failed
               : status == u"processing" ? TaskStatus::Processing
                                         : TaskStatus::Pending;
    t.referenceImageUrls = strings(o, "referenceImageUrls"_L1);
    t.imageSize = str(o, "imageSize"_L1);
    t.resultImageUrls = strings(o, "resultImageUrls"_L1);
    t.error = str(o, "error"_L1);
    t.createdAt = date(o, "createdAt"_L1);
    t.updatedAt = date(o, "updatedAt"_L1);
    t.completedAt = date(o, "completedAt"_L1);
    if (t.status == TaskStatus::Completed && t.resultImageUrls.isEmpty())
        return ApiError::badResponse(UserMessage::of("core.answer.finishedWithoutImage"),
                                     answer.status);
    return t;
}

Result<ImagesPage> decodeImagesPage(const HttpAnswer &answer)
{
    int skipped = 0;
    QJsonObject data;
    auto list = listFrom<GeneratedImage>(answer, "images"_L1, imageFrom, &skipped, &data);
    if (!list)
        return list.error();
    ImagesPage page;
    page.images = std::move(list.value());
    page.skipped = skipped;
    const auto p = data.value(u"pagination").toObject();
    const int count = int(page.images.size()) + skipped;
    page.skip = whole<int>(p, "skip"_L1, 0);
    page.limit = whole<int>(p, "limit"_L1, count);
    page.total = whole<qint64>(p, "total"_L1, qint64(page.skip) + count);
    page.hasMore =
        p.contains(u"hasMore") ? boolean(p, "hasMore"_L1) : qint64(page.skip) + count < page.total;
    return page;
}

Result<QList<Character>> decodeCharacters(const HttpAnswer &answer)
{
    return listFrom<Character>(answer, "characters"_L1, characterFrom);
}

Result<Character> decodeCharacter(const HttpAnswer &answer)
{
    auto data = dataObject(answer);
    if (!data)
        return data.error();
    const auto c = data.value().value(u"character");
    if (!c.isObject() || idOf(c.toObject()).isEmpty())
        return ApiError::badResponse(UserMessage::of("core.answer.noCharacter"), answer.status);
    return characterFrom(c.toObject());
}

Result<QList<StyleTemplate>> decodeTemplates(const HttpAnswer &answer)
{
    return listFrom<StyleTemplate>(answer, "templates"_L1, templateFrom);
}

Result<QList<StyleCategory>> decodeCategories(const HttpAnswer &answer)
{
    return listFrom<StyleCategory>(answer, "categories"_L1, [](const QJsonObject &o) {
        const QString id = idOf(o);
        const QString name = str(o, "name"_L1);
        return StyleCategory{id, name.isEmpty() ? id : name};
    });
}
