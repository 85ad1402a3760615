// DevServer: the /__dev control routes (tests only) and the /uploads file server.
#include "devserver/devserver.h"
#include "devserver/responses.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace devserver {

void DevServer::handleDev(const HttpRequest &request, const Reply &reply)
{
    const auto &path = request.path;
    const auto fail = [&reply](int status, const QString &message) {
        reply(Responses::json(status, {{u"error"_s, message}}));
    };
    if (request.method == "GET" && path == "/__dev/state"_L1) {
        QJsonArray users;
        const auto all = m_store.users();
        for (const auto &u : all) {
            users.append(QJsonObject{{u"id"_s, u.id},
                                     {u"phoneNumber"_s, u.phoneNumber},
                                     {u"stars"_s, u.stars},
                                     {u"images"_s, double(m_store.images(u.id).size())},
                                     {u"characters"_s, double(m_store.characters(u.id).size())},
                                     {u"tasks"_s, m_store.taskCount(u.id)},
                                     {u"imagesOnServer"_s, imagesOnServer(u.id)}});
        }
        reply(Responses::json(
            200, {{u"users"_s, users},
                  {u"flavor"_s, m_options.flavor == Flavor::Sync ? u"sync"_s : u"async"_s},
                  {u"imageOrigin"_s, m_imageOrigin},
                  {u"imageOriginRequests"_s, m_imageOriginRequests},
                  {u"uploadGets"_s, m_uploadGets},
                  {u"imageOriginSawAuthorization"_s, m_imageOriginSawAuthorization},
                  {u"generatePosts"_s, m_generatePosts},
                  {u"editPosts"_s, m_editPosts},
                  {u"tooManyRequests"_s, m_tooManyRequests},
                  {u"smsDown"_s, m_smsDown},
                  {u"proxy"_s, QJsonObject{{u"maxBodyBytes"_s, double(m_proxy->maxBodyBytes)},
                                           {u"refused"_s, m_proxy->refused}}},
                  {u"fault"_s, QJsonObject{{u"kind"_s, faultKindName(m_fault.kind)},
                                           {u"rate"_s, m_fault.rate},
                                           {u"route"_s, m_fault.route}}}}));
        return;
    }
    if (request.method != "POST")
        return fail(404, u"unknown dev route"_s);
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(
        request.body.isEmpty() ? QByteArray("{}") : request.body, &parseError);
    if (!doc.isObject())
        return fail(400, u"the body must be a JSON object"_s);
    const auto body = doc.object();
    if (path == "/__dev/fault"_L1) {
        const auto kind = faultKindFromName(body.value(u"kind").toString(u"none"_s));
        const auto rate = body.value(u"rate").toDouble(1.0);
        if (!kind || rate < 0 || rate > 1)
            return fail(
                400, u"kind is none, truncated-json, html, reset, stall, huge-body, huge-chunked, "
                     u"redirect-away, redirect-same or 500; rate 0..1"_s);
        m_fault = {*kind, rate, body.value(u"route").toString()};
        reply(Responses::json(200, {{u"kind"_s, faultKindName(m_fault.kind)},
                                    {u"rate"_s, m_fault.rate},
                                    {u"route"_s, m_fault.route}}));
        return;
    }
    if (path == "/__dev/proxy"_L1) {
        // nginx in front of the API: {"maxBodyBytes": N} (0: none).
        const auto limit = body.value(u"maxBodyBytes").toDouble(-1);
        if (limit < 0)
            return fail(400, u"maxBodyBytes must be a number of bytes (0: no limit)"_s);
        m_proxy->maxBodyBytes = qint64(limit);
        reply(Responses::json(200, {{u"maxBodyBytes"_s, limit}}));
        return;
    }
    if (path == "/__dev/sms"_L1) {
        m_smsDown = body.value(u"down").toBool();
        reply(Responses::json(200, {{u"down"_s, m_smsDown}}));
        return;
    }
    static const QLatin1StringView usersPrefix("/__dev/users/");
    if (!path.startsWith(usersPrefix))
        return fail(404, u"unknown dev route"_s);
    const auto rest = path.mid(usersPrefix.size());
    const auto slash = rest.lastIndexOf(u'/');
    if (slash <= 0)
        return fail(404, u"unknown dev route"_s);
    auto *user = m_store.userByPhone(rest.left(slash));
    if (!user)
        return fail(404, u"no user with phone number %1"_s.arg(rest.left(slash)));
    const auto action = rest.mid(slash + 1);
    if (action == "stars"_L1) {
        if (!body.value(u"stars").isDouble())
            return fail(400, u"stars must be a number"_s);
        user->stars = body.value(u"stars").toDouble();
        user->updatedMs = nowMs();
        m_store.markDirty();
        reply(Responses::json(200, {{u"stars"_s, user->stars}}));
    } else if (action == "images"_L1) {
        const auto count = body.value(u"count").toInt(1);
        if (count < 1 || count > 100000)
            return fail(400, u"count must be 1..100000"_s);
        m_store.addDriftImages(user->id, count, nowMs());
        reply(Responses::json(200, {{u"total"_s, double(m_store.images(user->id).size())}}));
    } else if (action == "remove-image"_L1) {
        if (!m_store.removeImage(user->id, body.value(u"id").toString()))
            return fail(404, u"no such image"_s);
        reply(Responses::json(200, {{u"total"_s, double(m_store.images(user->id).size())}}));
    } else {
        fail(404, u"unknown dev route"_s);
    }
}

// Completed records whose image the server still has (not --missing-uploads).
double DevServer::imagesOnServer(const QString &userId) const
{
    int count = 0;
    for (const auto &record : m_store.images(userId)) {
        if (record.status == "completed"_L1 && !record.imageUrl.isEmpty()
            && !uploadMissing(record.imageUrl.mid(record.imageUrl.indexOf("/uploads/"_L1)),
                              m_options.missingUploads))
            ++count;
    }
    return count;
}

void DevServer::serveUpload(const HttpRequest &request, const Reply &answer)
{
    // --upload-latency-ms: every answer waits, as a hosted file's round trip and transfer do;
    // the wait costs no CPU, so the client's own work is what a benchmark compares.
    const int latencyMs = m_options.uploadLatencyMs;
    const Reply reply =
        latencyMs <= 0 ? answer : Reply([this, answer, latencyMs](const HttpResponse &r) {
            QTimer::singleShot(latencyMs, this, [answer, r] { answer(r); });
        });
    if (request.method != "GET" && request.method != "HEAD")
        return reply(Responses::cannot(request.method, request.target));
    const auto &path = request.path;
    const auto immutable = [](HttpResponse r) {
        r.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        return r;
    };
    ++m_uploadGets;
    if (m_options.uploadErrorRate > 0 && m_random.generateDouble() < m_options.uploadErrorRate) {
        HttpResponse r;
        r.status = 503;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "Service Unavailable";
        r.setHeader("Retry-After", "1");
        return reply(r);
    }
    if (uploadMissing(path, m_options.missingUploads))
        return reply(Responses::webAppFallback()); // gone, as the real server says it
    if (const auto *file = m_store.upload(path)) {
        HttpResponse r;
        r.contentType = file->contentType;
        r.body = file->data;
        return reply(immutable(r));
    }
    if (const auto *spec = m_store.render(path)) {
        m_renderer.render(path, *spec, [reply, immutable](const QByteArray &png) {
            HttpResponse r;
            r.contentType = "image/png";
            r.body = png;
            reply(immutable(r));
        });
        return;
    }
    reply(Responses::webAppFallback()); // the web app's catch-all page
}

} // namespace devserver
