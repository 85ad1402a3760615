#include "devserver/devserver.h"

#include "devserver/responses.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcDevServer)
Q_LOGGING_CATEGORY(lcDevServer, "studio.devserver")

using namespace Qt::StringLiterals;

namespace devserver {

namespace {

QByteArray jwtSecret(const QString &dataDir, const QByteArray &salt)
{
    // A persisted secret keeps tokens valid across restarts of `./dev run`.
    if (!dataDir.isEmpty() && QDir().mkpath(dataDir)) {
        QFile file(dataDir + "/jwt-secret"_L1);
        if (file.open(QIODevice::ReadOnly)) {
            const auto secret = file.readAll();
            if (secret.size() >= 32)
                return secret + salt;
        }
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), 8);
        secret = secret.toHex();
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(secret);
        return secret + salt;
    }
    static QByteArray perRun;
    if (perRun.isEmpty()) {
        perRun = QByteArray(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(perRun.data()), 8);
    }
    return perRun + salt;
}

QByteArray rawHead(int status, const QByteArray &contentType,
                   const QList<QPair<QByteArray, QByteArray>> &headers, qint64 contentLength)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                     + "\r\nX-Powered-By: Express\r\nContent-Type: " + contentType + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    return out + "Content-Length: " + QByteArray::number(contentLength)
           + "\r\nConnection: close\r\n\r\n";
}

} // namespace

QString DevServer::Body::field(const QString &name) const
{
    if (form.hasField(name))
        return form.field(name);
    const auto v = json.value(name);
    if (v.isString())
        return v.toString();
    if (v.isDouble() || v.isBool())
        return v.toVariant().toString();
    if (v.isArray() || v.isObject())
        return QString::fromUtf8(v.isArray()
                                     ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

bool DevServer::Body::hasField(const QString &name) const
{
    return form.hasField(name) || (json.contains(name) && !json.value(name).isNull());
}

DevServer::DevServer(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_store(m_options.dataDir, m_options.seedHistory)
    , m_accessJwt(jwtSecret(m_options.dataDir, "access"))
    , m_refreshJwt(jwtSecret(m_options.dataDir, "refresh"))
    , m_random(static_cast<quint32>(m_options.randomSeed))
{
    m_otp = m_options.otp;
    if (m_otp.isEmpty())
        m_otp = u"%1"_s.arg(QRandomGenerator::system()->bounded(100000, 999999));
    m_fault = {m_options.fault, m_options.faultRate, m_options.faultRoute};
    m_renderer.setCacheMegabytes(m_options.imageCacheMb);
    m_proxy->maxBodyBytes = m_options.proxyMaxBodyBytes;
}

DevServer::~DevServer()
{
    m_store.saveNow();
}

qint64 DevServer::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString DevServer::origin() const
{
    return u"http://127.0.0.1:%1"_s.arg(port());
}

bool DevServer::start(QString *error)
{
    m_api = std::make_unique<HttpListener>(
        false, [this](HttpConnection *c, const HttpRequest &r) { onRequest(c, r); }, m_proxy, this);
    if (!m_api->listen(m_options.port)) {
        *error =
            u"cannot listen on 127.0.0.1:%1: %2"_s.arg(m_options.port).arg(m_api->errorString());
        return false;
    }
    m_store.setOrigin(origin());
    if (m_options.imageOriginEnabled) {
        m_images = std::make_unique<HttpListener>(
            true, [this](HttpConnection *c, const HttpRequest &r) { onImageOriginRequest(c, r); },
            nullptr, this);
        if (!m_images->listen(m_options.imageOriginPort)) {
            *error =
                u"cannot listen on the image origin port %1: %2"_s.arg(m_options.imageOriginPort)
                    .arg(m_images->errorString());
            return false;
        }
        m_imageOrigin = u"http://127.0.0.1:%1"_s.arg(m_images->port());
    }
    if (!m_options.logRequestsFile.isEmpty()) {
        m_log.setFileName(m_options.logRequestsFile);
        if (!m_log.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            *error =
                u"cannot open the request log %1: %2"_s.arg(m_log.fileName(), m_log.errorString());
            return false;
        }
    }
    return m_store.load(error);
}

void DevServer::logRequest(const HttpRequest &request)
{
    if (!m_log.isOpen())
        return;
    QJsonArray fields;
    QJsonArray files;
    QString templateId; // the style a generation asked for, so tests can see it arrive
    if (const auto boundary = multipartBoundary(request.header("content-type"));
        !boundary.isEmpty()) {
        if (const auto form = parseMultipart(request.body, boundary)) {
            for (const auto &part : form->parts) {
                if (!part.isFile) {
                    fields.append(part.name);
                    if (part.name == "templateId"_L1)
                        templateId = QString::fromUtf8(part.data);
                    continue;
                }
                files.append(QJsonObject{
                    {u"field"_s, part.name},
                    {u"filename"_s, part.fileName},
                    {u"contentType"_s, QString::fromLatin1(part.contentType)},
                    {u"size"_s, double(part.data.size())},
                    {u"sha256"_s, QString::fromLatin1(QCryptographicHash::hash(
                                                          part.data, QCryptographicHash::Sha256)
                                                          .toHex())}});
            }
        }
    }
    const QJsonObject line{{u"time"_s, Responses::isoTime(nowMs())},
                           {u"origin"_s, request.viaImageOrigin ? u"image"_s : u"api"_s},
                           {u"method"_s, QString::fromLatin1(request.method)},
                           {u"path"_s, request.path},
                           {u"query"_s, QString::fromUtf8(request.rawQuery)},
                           {u"hasAuthorization"_s, request.hasHeader("authorization")},
                           {u"hasOrigin"_s, request.hasHeader("origin")},
                           {u"bodySize"_s, double(request.body.size())},
                           {u"fields"_s, fields},
                           {u"files"_s, files}};
    QJsonObject logged = line;
    if (!templateId.isEmpty())
        logged.insert(u"templateId"_s, templateId);
    m_log.write(QJsonDocument(logged).toJson(QJsonDocument::Compact) + '\n');
    m_log.flush();
}

bool DevServer::countRequest(const HttpRequest &request,
                             QList<QPair<QByteArray, QByteArray>> *headers, int *retryAfter)
{
    if (m_options.rateLimit <= 0)
        return true;
    const auto windowMs = qint64(m_options.rateWindowSeconds) * 1000;
    const auto now = nowMs();
    auto &bucket = m_buckets[request.peer.toString()];
    if (bucket.count == 0 || now - bucket.windowStartMs >= windowMs) {
        bucket.windowStartMs = now;
        bucket.count = 0;
    }
    ++bucket.count;
    const auto reset = qMax<qint64>(1, (bucket.windowStartMs + windowMs - now + 999) / 1000);
    const auto remaining = qMax(0, m_options.rateLimit - bucket.count);
    headers->append({"RateLimit-Policy", QByteArray::number(m_options.rateLimit) + ";w="
                                             + QByteArray::number(m_options.rateWindowSeconds)});
    headers->append({"RateLimit-Limit", QByteArray::number(m_options.rateLimit)});
    headers->append({"RateLimit-Remaining", QByteArray::number(remaining)});
    headers->append({"RateLimit-Reset", QByteArray::number(reset)});
    *retryAfter = static_cast<int>(reset);
    return bucket.count <= m_options.rateLimit;
}

void DevServer::onRequest(HttpConnection *connection, const HttpRequest &request)
{
    logRequest(request);
    const QPointer<HttpConnection> conn(connection);
    const auto direct = [conn](const HttpResponse &r) {
        if (conn)
            conn->respond(r);
    };
    const auto &path = request.path;
    if (path == "/health"_L1) {
        if (request.method == "GET" || request.method == "HEAD")
            direct(Responses::json(
                200, {{u"status"_s, u"ok"_s}, {u"timestamp"_s, Responses::isoTime(nowMs())}}));
        else
            direct(Responses::cannot(request.method, request.target));
        return;
    }
    if (path.startsWith("/uploads/"_L1)) {
        serveUpload(request, direct);
        return;
    }
    if (path.startsWith("/__dev/"_L1)) {
        handleDev(request, direct);
        return;
    }
    if (path == "/api"_L1 || path.startsWith("/api/"_L1)) {
        QList<QPair<QByteArray, QByteArray>> headers;
        int retryAfter = 0;
        if (!countRequest(request, &headers, &retryAfter)) {
            ++m_tooManyRequests;
            HttpResponse r;
            r.status = 429;
            r.contentType = "text/plain; charset=utf-8";
            r.body = "Too many requests from this IP, please try again later";
            r.headers = headers;
            r.setHeader("Retry-After", QByteArray::number(retryAfter));
            direct(r);
            return;
        }
        const Reply reply = [this, conn, headers, path,
                             target = request.target](const HttpResponse &response) {
            auto r = response;
            r.headers += headers;
            deliver(conn, r, path, target);
        };
        if (request.hasHeader("origin")) {
            // The deployed CORS check rejects unknown origins, and the error handler hides it.
            reply(Responses::internalError());
            return;
        }
        handleApi(request, path, reply);
        return;
    }
    if (request.method == "GET" || request.method == "HEAD")
        direct(Responses::webAppFallback());
    else
        direct(Responses::cannot(request.method, request.target));
}

void DevServer::onImageOriginRequest(HttpConnection *connection, const HttpRequest &request)
{
    logRequest(request);
    ++m_imageOriginRequests;
    if (request.hasHeader("authorization")) {
        m_imageOriginSawAuthorization = true;
        qCWarning(lcDevServer) << "the image origin received an Authorization header for"
                               << request.path;
    }
    const QPointer<HttpConnection> conn(connection);
    const auto direct = [conn](const HttpResponse &r) {
        if (conn)
            conn->respond(r);
    };
    if (request.path.startsWith("/uploads/"_L1))
        serveUpload(request, direct);
    else
        direct(Responses::cannot(request.method, request.target));
}

void DevServer::deliver(const QPointer<HttpConnection> &connection, const HttpResponse &response,
                        const QString &path, const QByteArray &target)
{
    const auto send = [this, connection, response, path, target] {
        if (!connection)
            return;
        const auto fault = m_fault;
        // A same-origin redirect is made once: its target carries the marker.
        const bool applies = fault.kind != FaultKind::None
                             && (fault.route.isEmpty() || path.contains(fault.route))
                             && !target.contains("__redirected=1")
                             && (fault.rate >= 1.0 || m_random.generateDouble() < fault.rate);
        if (applies)
            sendFaulty(connection, response, fault.kind, target);
        else
            connection->respond(response);
    };
    if (m_options.slowMs > 0)
        QTimer::singleShot(m_options.slowMs, this, send);
    else
        send();
}

void DevServer::sendFaulty(HttpConnection *connection, const HttpResponse &response, FaultKind kind,
                           const QByteArray &target)
{
    auto body = response.body;
    if (body.size() < 8)
        body = R"({"status":"success","data":{"padding":"0123456789"}})";
    switch (kind) {
    case FaultKind::None:
        connection->respond(response);
        return;
    case FaultKind::TruncatedJson:
        connection->writeRawAndClose(
            rawHead(200, "application/json; charset=utf-8", response.headers, body.size())
            + body.left(body.size() / 2));
        return;
    case FaultKind::Html: {
        auto r = Responses::html(200, "<!DOCTYPE html>\n<html><head><title>Service</title></head>"
                                      "<body><h1>Temporarily unavailable</h1></body></html>\n");
        r.headers = response.headers;
        connection->respond(r);
        return;
    }
    case FaultKind::Reset:
        connection->reset();
        return;
    case FaultKind::Stall:
        connection->writeRaw(
            rawHead(200, "application/json; charset=utf-8", response.headers, body.size())
            + body.left(body.size() / 2));
        return;
    case FaultKind::HugeBody: {
        constexpr qint64 total = 200LL * 1024 * 1024;
        const QByteArray prefix = R"({"status":"success","data":{"images":[)";
        QByteArray chunk;
        while (chunk.size() < qsizetype(64) * 1024)
            chunk += R"({"id":"0123456789abcdef01234567","prompt":"huge body fault"},)";
        connection->streamRepeated(
            rawHead(200, "application/json; charset=utf-8", response.headers, total) + prefix,
            chunk, total - prefix.size());
        return;
    }
    case FaultKind::ServerError: {
        auto r = Responses::internalError();
        r.headers = response.headers;
        connection->respond(r);
        return;
    }
    case FaultKind::HugeChunked: {
        constexpr qint64 total = 200LL * 1024 * 1024;
        QByteArray chunk = R"({"status":"success","data":{"images":[)";
        while (chunk.size() < qsizetype(64) * 1024)
            chunk += R"({"id":"0123456789abcdef01234567","prompt":"huge chunked fault"},)";
        QByteArray head = "HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\n"
                          "Content-Type: application/json; charset=utf-8\r\n";
        for (const auto &h : response.headers)
            head += h.first + ": " + h.second + "\r\n";
        connection->streamChunked(head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                                  chunk, total);
        return;
    }
    case FaultKind::RedirectAway:
    case FaultKind::RedirectSame: {
        const bool away = kind == FaultKind::RedirectAway;
        // "localhost" names this server under another host: another origin all the same.
        const QByteArray elsewhere = m_imageOrigin.isEmpty()
                                         ? "http://localhost:" + QByteArray::number(port())
                                         : m_imageOrigin.toLatin1();
        const QByteArray location =
            away ? QByteArray(elsewhere + target)
                 : QByteArray(target + (target.contains('?') ? "&" : "?") + "__redirected=1");
        HttpResponse r;
        r.status = away ? 302 : 307;
        r.contentType = "text/plain; charset=utf-8";
        r.body =
            (away ? "Found. Redirecting to " : "Temporary Redirect. Redirecting to ") + location;
        r.headers = response.headers;
        r.setHeader("Location", location);
        connection->respond(r);
        return;
    }
    }
}

UserRecord *DevServer::authenticate(const HttpRequest &request, HttpResponse *failure,
                                    bool *unknownUser)
{
    *unknownUser = false;
    const auto header = request.header("authorization");
    const auto token = header.startsWith("Bearer ") ? header.mid(7).trimmed() : QByteArray();
    if (token.isEmpty()) {
        *failure = Responses::authError(u"No token provided"_s);
        return nullptr;
    }
    const auto payload = m_accessJwt.verify(token, nowMs() / 1000);
    if (!payload) {
        *failure = Responses::authError(u"Invalid or expired token"_s);
        return nullptr;
    }
    auto *user = m_store.userById(payload->value(u"userId").toString());
    if (!user) {
        *unknownUser = true;
        *failure = Responses::authError(u"Invalid or expired token"_s);
    }
    return user;
}

DevServer::Body DevServer::parseBody(const HttpRequest &request) const
{
    Body b;
    const auto contentType = request.header("content-type");
    const auto lower = contentType.toLower();
    if (lower.startsWith("multipart/")) {
        const auto form = parseMultipart(request.body, multipartBoundary(contentType));
        if (form)
            b.form = *form;
        else
            b.malformed = true;
    } else if (lower.contains("json") && !request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            b.malformed = true;
        else
            b.json = doc.object();
    }
    return b;
}

QString DevServer::publicUrl(const QString &url) const
{
    if (!m_imageOrigin.isEmpty() && url.startsWith(u'/'))
        return m_imageOrigin + url;
    return url;
}

QString DevServer::storeUpload(const QString &folder, const FormPart &part, QString *stem)
{
    *stem = m_store.newFileStem(nowMs());
    const auto type = part.contentType.toLower();
    QString ext = type.contains("png")                            ? u"png"_s
                  : type.contains("jpeg") || type.contains("jpg") ? u"jpg"_s
                  : type.contains("webp")                         ? u"webp"_s
                  : type.contains("gif")                          ? u"gif"_s
                                                                  : QString();
    if (ext.isEmpty()) {
        const auto dot = part.fileName.lastIndexOf(u'.');
        const auto suffix = dot >= 0 ? part.fileName.mid(dot + 1).toLower() : QString();
        static const QRegularExpression safe(u"^[a-z0-9]{1,5}$"_s);
        ext = safe.match(suffix).hasMatch() ? suffix : u"bin"_s;
    }
    QString path = folder + u'/' + *stem + u'.' + ext;
    m_store.putUpload(path, {part.contentType, part.data});
    return path;
}

} // namespace devserver
