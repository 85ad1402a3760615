// DevServer: API dispatch, sign-in, profile, templates and categories.
#include "devserver/devserver.h"
#include "devserver/responses.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace devserver {

namespace {

struct TemplateInfo
{
    const char *id;
    const char *category;
    const char *prompt;
    const char *tags;
};

const TemplateInfo templates[] = {
    {"watercolor", "art", "in soft watercolor with visible paper texture", "paint,soft"},
    {"cinematic", "photo", "as a cinematic still, anamorphic lens, dramatic light", "film,photo"},
    {"pixel-art", "art", "as 16-bit pixel art with a limited palette", "retro,game"},
    {"product-shot", "product", "as a clean studio product shot on a white background",
     "studio,commerce"},
    {"anime", "art", "in a detailed anime illustration style", "anime,illustration"},
    {"isometric", "3d", "as an isometric 3D diorama", "3d,render"},
};

} // namespace

void DevServer::handleApi(const HttpRequest &request, const QString &path, const Reply &reply)
{
    const auto notFound = [&request, &reply] {
        reply(request.method == "GET" ? Responses::routeNotFound(request.target)
                                      : Responses::cannot(request.method, request.target));
    };
    if (!path.startsWith("/api/v1/"_L1)) {
        notFound();
        return;
    }
    const auto sub = path.mid(7);
    if (handleAuthRoutes(request, sub, reply) || handleGenerationRoutes(request, sub, reply)
        || handleCharacterRoutes(request, sub, reply))
        return;
    notFound();
}

QJsonObject DevServer::userJson(const UserRecord &user) const
{
    QJsonObject o{{u"id"_s, user.id},
                  {u"subscription"_s, u"free"_s},
                  {u"stars"_s, user.stars},
                  {u"isVerified"_s, true},
                  {u"role"_s, u"user"_s},
                  {u"createdAt"_s, Responses::isoTime(user.createdMs)},
                  {u"updatedAt"_s, Responses::isoTime(user.updatedMs)}};
    if (!user.phoneNumber.isEmpty())
        o.insert(u"phoneNumber"_s, user.phoneNumber);
    if (!user.email.isEmpty())
        o.insert(u"email"_s, user.email);
    if (!user.name.isEmpty())
        o.insert(u"name"_s, user.name);
    return o;
}

bool DevServer::handleAuthRoutes(const HttpRequest &request, const QString &path,
                                 const Reply &reply)
{
    static const QRegularExpression phonePattern(u"^\\+?\\d{10,15}$"_s);
    const bool post = request.method == "POST";
    const bool get = request.method == "GET";
    const auto signIn = [this](UserRecord &user, bool isNew, bool withIsNew) {
        const auto now = nowMs() / 1000;
        QJsonObject payload{{u"userId"_s, user.id}, {u"iat"_s, double(now)}};
        if (!user.phoneNumber.isEmpty())
            payload.insert(u"phoneNumber"_s, user.phoneNumber);
        else
            payload.insert(u"email"_s, user.email);
        auto access = payload;
        access.insert(u"exp"_s, double(now + m_options.tokenTtlSeconds));
        auto refresh = payload;
        refresh.insert(u"exp"_s, double(now + 30LL * 24 * 3600));
        QJsonObject data{{u"user"_s, userJson(user)},
                         {u"accessToken"_s, QString::fromLatin1(m_accessJwt.sign(access))},
                         {u"refreshToken"_s, QString::fromLatin1(m_refreshJwt.sign(refresh))}};
        if (withIsNew)
            data.insert(u"isNewUser"_s, isNew);
        return Responses::success(data);
    };

    if (post && path == "/auth/send-code"_L1) {
        const auto body = parseBody(request);
        if (body.malformed)
            return reply(Responses::internalError()), true;
        const auto phone = body.field(u"phoneNumber"_s);
        if (!phonePattern.match(phone).hasMatch())
            return reply(Responses::validation(u"phoneNumber"_s, u"Invalid phone number format"_s)),
                   true;
        if (m_smsDown)
            return reply(Responses::error(503, u"Failed to send verification code"_s)), true;
        reply(Responses::successMessage(u"Verification code sent successfully"_s));
        return true;
    }
    if (post && path == "/auth/verify-code"_L1) {
        const auto body = parseBody(request);
        if (body.malformed)
            return reply(Responses::internalError()), true;
        const auto phone = body.field(u"phoneNumber"_s);
        if (!phonePattern.match(phone).hasMatch())
            return reply(Responses::validation(u"phoneNumber"_s, u"Invalid phone number format"_s)),
                   true;
        if (body.field(u"code"_s) != m_otp)
            return reply(Responses::error(400, u"Invalid or expired verification code"_s)), true;
        auto *user = m_store.userByPhone(phone);
        const bool isNew = !user;
        if (!user)
            user = &m_store.createUser(phone, nowMs());
        reply(signIn(*user, isNew, false));
        return true;
    }
    if (post && path == "/auth/google"_L1) {
        const auto body = parseBody(request);
        if (body.malformed)
            return reply(Responses::internalError()), true;
        const auto email = body.field(u"email"_s);
        if (body.field(u"googleId"_s).isEmpty() || !email.contains(u'@'))
            return reply(Responses::validation(u"email"_s,
                                               u"googleId and a valid email are required"_s)),
                   true;
        const QString key = u"google:"_s + email;
        auto *user = m_store.userByPhone(key);
        const bool isNew = !user;
        if (!user) {
            user = &m_store.createUser(key, nowMs());
            user->phoneNumber.clear();
            user->email = email;
            user->name = body.field(u"name"_s);
        }
        reply(signIn(*user, isNew, true));
        return true;
    }
    if (get && path == "/users/me"_L1) {
        HttpResponse failure;
        bool unknown = false;
        const auto *user = authenticate(request, &failure, &unknown);
        if (unknown)
            return reply(Responses::success({{u"user"_s, QJsonValue::Null}})), true;
        if (!user)
            return reply(failure), true;
        reply(Responses::success({{u"user"_s, userJson(*user)}}));
        return true;
    }
    if (get && path == "/templates"_L1) {
        QJsonArray list;
        for (const auto &t : templates) {
            const auto url = u"/uploads/nero/templates/%1.png"_s.arg(QLatin1StringView(t.id));
            m_store.putRender(url, {QLatin1StringView(t.prompt), u"1:1"_s, u"1K"_s});
            list.append(QJsonObject{
                {u"id"_s, QLatin1StringView(t.id)},
                {u"imageUrl"_s, publicUrl(url)},
                {u"prompt"_s, QLatin1StringView(t.prompt)},
                {u"category"_s, QLatin1StringView(t.category)},
                {u"tags"_s, QJsonArray::fromStringList(QString::fromLatin1(t.tags).split(u','))}});
        }
        reply(Responses::success({{u"templates"_s, list}}));
        return true;
    }
    if (get && path == "/categories"_L1) {
        QJsonArray list;
        for (const auto *name : {"art", "photo", "product", "3d"})
            list.append(QJsonObject{{u"id"_s, QLatin1StringView(name)},
                                    {u"name"_s, QLatin1StringView(name)}});
        reply(Responses::success({{u"categories"_s, list}}));
        return true;
    }
    return false;
}

} // namespace devserver
