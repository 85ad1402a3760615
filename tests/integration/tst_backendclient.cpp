#include "backend/backendclient.h"
#include "backend/httpexchange.h"
#include "backend/requestbudget.h"
#include "support/cannedhttpserver.h"
#include "support/devserverprocess.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kToken = "secret-token-123";
const QByteArray kUser =
    R"({"status":"success","data":{"user":{"id":"u1","phoneNumber":"+989121234567","stars":5}}})";

QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

// Waits for the call and copies its result (the call deletes itself afterwards).
template<class T>
std::optional<Result<T>> resultOf(ApiCall<T> *call, int timeoutMs = 15000)
{
    std::optional<Result<T>> out;
    QObject context;
    QObject::connect(call, &ApiCallBase::finished, &context,
                     [&out, call] { out.emplace(call->result()); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        qWarning("call did not finish in %d ms", timeoutMs);
    return out;
}

QString describe(const ApiError &e)
{
    return ApiError::kindName(e.kind) + u' ' + QString::number(e.httpStatus) + u' ' + e.userMessage;
}

// One part of a recorded multipart body.
struct Part
{
    QByteArray disposition;
    QByteArray contentType;
    QByteArray data;
};

QList<Part> multipartParts(const RecordedRequest &request)
{
    const auto type = request.header("Content-Type");
    const QByteArray boundary = "--" + type.mid(type.indexOf("boundary=") + 9);
    QList<Part> parts;
    qsizetype pos = request.body.indexOf(boundary);
    while (pos >= 0) {
        const auto start = pos + boundary.size();
        if (request.body.mid(start, 2) == "--")
            break;
        const auto next = request.body.indexOf(boundary, start);
        if (next < 0)
            break;
        const auto chunk = request.body.mid(start + 2, next - start - 4); // skip CRLFs
        const auto headerEnd = chunk.indexOf("\r\n\r\n");
        Part part;
        for (const auto &line : chunk.left(headerEnd).split('\n')) {
            const auto l = line.trimmed();
            if (l.startsWith("Content-Disposition:"))
                part.disposition = l.mid(20).trimmed();
            else if (l.startsWith("Content-Type:"))
                part.contentType = l.mid(13).trimmed();
        }
        part.data = chunk.mid(headerEnd + 4);
        parts.append(part);
        pos = next;
    }
    return parts;
}

} // namespace

// BackendClient over real sockets: a canned server for what the dev server cannot fake, and
// (marked DEVSERVER) the dev server itself for the contract's happy paths.
class TestBackendClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void noOriginAndTokenToApiOrigin();
    void downloadCarriesNoToken();
    void redirectToAnotherPortCarriesNoToken();
    void redirectWithinOriginKeepsToken();
    void redirectLoopStops();
    void downloadRefusesHtml();
    void downloadRefusesOversizeByContentLength();
    void downloadRefusesOversizeWhileStreaming();
    void downloadAcceptsImage();
    void jsonBodyIsCapped();
    void stalledBodyTimesOut();
    void rateLimitedThenSucceeds();
    void rateLimitedTooOftenGivesUp();
    void multipartFieldsAndPartTypes();
    void multipartOmitsEmptyOptionalFields();
    void editWithoutImagesFailsLocally();
    void unauthorizedSignalsAndReachability();
    void unreachableServerIsNetworkError();
    void insufficientStarsUsesKnownBalance();
    void tlsFailureIsNeverIgnored();
    void errorAnswersMapToKinds_data();
    void errorAnswersMapToKinds();
    void abortGivesCancelled();
    void resolvesImageUrls();

    // DEVSERVER: these run against nanobanana-devserver; skipped while it is a stub.
    void devServerSignInAndHistory();

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RequestBudget> m_budget;
    std::unique_ptr<BackendClient> m_client;
    std::unique_ptr<CannedHttpServer> m_api;
    std::unique_ptr<CannedHttpServer> m_other;
};

void TestBackendClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_budget = std::make_unique<RequestBudget>();
    m_client = std::make_unique<BackendClient>(*m_network, *m_budget);
    m_api = std::make_unique<CannedHttpServer>();
    m_other = std::make_unique<CannedHttpServer>();
    QVERIFY(m_api->listen());
    QVERIFY(m_other->listen());
    m_client->setOrigin(m_api->origin());
    m_client->setAccessToken(QString::fromLatin1(kToken));
}

void TestBackendClient::cleanup()
{
    m_client.reset();
    m_budget.reset();
    m_network.reset();
    m_api.reset();
    m_other.reset();
}

void TestBackendClient::noOriginAndTokenToApiOrigin()
{
    m_api->enqueue(CannedHttpServer::json(200, kUser));
    const auto r = resultOf(m_client->fetchMe());
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().stars, 5.0);
    QCOMPARE(m_api->requestCount(), 1);
    const auto &request = m_api->requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/api/v1/users/me"));
    QCOMPARE(request.header("Authorization"), "Bearer " + kToken);
    QVERIFY(!request.hasHeader("Origin"));

    // A POST with a JSON body too.
    m_api->enqueue(CannedHttpServer::json(200, R"({"status":"success","message":"sent"})"));
    const auto sent = resultOf(m_client->sendCode(u"+989121234567"_s));
    QVERIFY(sent && sent->ok());
    const auto &post = m_api->requests().last();
    QVERIFY(!post.hasHeader("Origin"));
    QCOMPARE(QJsonDocument::fromJson(post.body)[u"phoneNumber"].toString(), u"+989121234567"_s);
}

void TestBackendClient::downloadCarriesNoToken()
{
    m_api->enqueue(CannedHttpServer::response(200, "image/png", pngBytes()));
    m_other->enqueue(CannedHttpServer::response(200, "image/png", pngBytes()));
    // Same host as the API (/uploads needs no token) and another origin.
    const auto same =
        resultOf(m_client->download(m_client->resolveImageUrl(u"/uploads/nero/generated/a.png"_s)));
    QVERIFY(same && same->ok());
    const auto other = resultOf(m_client->download(m_other->origin().resolved(QUrl(u"/x.png"_s))));
    QVERIFY(other && other->ok());
    QCOMPARE(m_api->requests().first().target, QByteArray("/uploads/nero/generated/a.png"));
    QVERIFY(!m_api->requests().first().hasHeader("Authorization"));
    QVERIFY(!m_other->requests().first().hasHeader("Authorization"));
    QVERIFY(!m_other->requests().first().hasHeader("Origin"));

    // An image host's 401 is not the session's business.
    QSignalSpy unauthorized(m_client.get(), &BackendClient::unauthorized);
    m_other->enqueue(CannedHttpServer::json(401, R"({"error":"No token provided"})"));
    const auto refused =
        resultOf(m_client->download(m_other->origin().resolved(QUrl(u"/y.png"_s))));
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().kind, ApiError::Kind::BadResponse);
    QVERIFY(refused->error().userMessage.contains(u"missing on the server"));
    QCOMPARE(unauthorized.count(), 0);
}

void TestBackendClient::redirectToAnotherPortCarriesNoToken()
{
    const QByteArray target = m_other->origin().toEncoded() + "/api/v1/users/me";
    m_api->enqueue(CannedHttpServer::response(302, "text/plain", "moved", {{"Location", target}}));
    m_other->enqueue(CannedHttpServer::json(200, kUser));
    const auto r = resultOf(m_client->fetchMe());
    QVERIFY(r.has_value());
    QCOMPARE(m_api->requestCount(), 1);
    QCOMPARE(m_api->requests().first().header("Authorization"), "Bearer " + kToken);
    // Issue 15: an API call is not followed to another origin at all (before, it was followed
    // without the token, and what that origin answered was taken for the server's word).
    QCOMPARE(m_other->requestCount(), 0);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().message.code, u"core.redirect.otherOrigin"_s);
}

void TestBackendClient::redirectWithinOriginKeepsToken()
{
    m_api->enqueue(
        CannedHttpServer::response(307, "text/plain", "", {{"Location", "/api/v1/users/me2"}}));
    m_api->enqueue(CannedHttpServer::json(200, kUser));
    const auto r = resultOf(m_client->fetchMe());
    QVERIFY(r && r->ok());
    QCOMPARE(m_api->requestCount(), 2);
    QCOMPARE(m_api->requests().at(1).target, QByteArray("/api/v1/users/me2"));
    QCOMPARE(m_api->requests().at(1).header("Authorization"), "Bearer " + kToken);
}

void TestBackendClient::redirectLoopStops()
{
    m_api->setHandler([](const RecordedRequest &) {
        return CannedResponse{CannedHttpServer::response(302, {}, {}, {{"Location", "/again"}}),
                              false};
    });
    const auto r = resultOf(m_client->fetchMe());
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::BadResponse);
    QCOMPARE(m_api->requestCount(), 1 + HttpExchange::kMaxRedirects);
}

void TestBackendClient::downloadRefusesHtml()
{
    m_api->enqueue(CannedHttpServer::response(200, "text/html; charset=utf-8",
                                              "<!DOCTYPE html><html><body>app</body></html>"));
    const auto r = resultOf(m_client->download(m_client->resolveImageUrl(u"/uploads/gone.png"_s)));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::BadResponse);
    QVERIFY2(r->error().userMessage.contains(u"missing on the server"),
             qPrintable(r->error().userMessage));
}

void TestBackendClient::downloadRefusesOversizeByContentLength()
{
    // Announces 50 MB and sends a few bytes, then stalls: refused from the header alone.
    m_api->enqueue(CannedResponse{"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                                  "Content-Length: 50000000\r\n\r\n\x89PNG",
                                  true});
    const auto r =
        resultOf(m_client->download(m_client->resolveImageUrl(u"/uploads/a.png"_s), 1000));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::TooLarge);
}

void TestBackendClient::downloadRefusesOversizeWhileStreaming()
{
    QByteArray raw = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\n"
                     "Connection: close\r\n\r\n";
    const QByteArray chunk(4096, 'x');
    for (int i = 0; i < 64; ++i)
        raw += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    raw += "0\r\n\r\n";
    m_api->enqueue(CannedResponse{raw, false});
    const auto r =
        resultOf(m_client->download(m_client->resolveImageUrl(u"/uploads/a.png"_s), 10'000));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::TooLarge);
}

void TestBackendClient::downloadAcceptsImage()
{
    const auto png = pngBytes();
    m_api->enqueue(CannedHttpServer::response(200, "image/png", png));
    auto *call = m_client->download(m_client->resolveImageUrl(u"/uploads/a.png"_s));
    QSignalSpy progress(call, &ApiCallBase::progress);
    const auto r = resultOf(call);
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().data, png);
    QCOMPARE(r->value().contentType, u"image/png"_s);
    QVERIFY(progress.count() > 0);

    // image/* that is not an image at all.
    m_api->enqueue(CannedHttpServer::response(200, "image/png", "not a png"));
    const auto bad = resultOf(m_client->download(m_client->resolveImageUrl(u"/uploads/b.png"_s)));
    QVERIFY(bad && !bad->ok());
    QCOMPARE(bad->error().kind, ApiError::Kind::BadResponse);
}

void TestBackendClient::jsonBodyIsCapped()
{
    m_api->enqueue(CannedResponse{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Content-Length: 40000000\r\n\r\n{\"data\":",
                                  true});
    const auto byLength = resultOf(m_client->fetchImages(1000, 0));
    QVERIFY(byLength && !byLength->ok());
    QCOMPARE(byLength->error().kind, ApiError::Kind::TooLarge);

    // 33 MiB streamed without a length.
    QByteArray raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    const QByteArray chunk(qsizetype(1024) * 1024, ' ');
    for (int i = 0; i < 33; ++i)
        raw += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    raw += "0\r\n\r\n";
    m_api->enqueue(CannedResponse{raw, false});
    const auto streamed = resultOf(m_client->fetchImages(1000, 0));
    QVERIFY(streamed && !streamed->ok());
    QCOMPARE(streamed->error().kind, ApiError::Kind::TooLarge);
}

void TestBackendClient::stalledBodyTimesOut()
{
    BackendClient::Timeouts timeouts;
    timeouts.shortMs = 300;
    m_client->setTimeouts(timeouts);
    m_api->enqueue(CannedResponse{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Content-Length: 1000\r\n\r\n{\"status\":\"succ",
                                  true});
    const auto r = resultOf(m_client->fetchImages(50, 0));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::Timeout);
    QVERIFY(r->error().outcomeUnknown());
}

void TestBackendClient::rateLimitedThenSucceeds()
{
    QSignalSpy waiting(m_budget.get(), &RequestBudget::rateLimited);
    m_api->enqueue(CannedHttpServer::response(
        429, "text/plain; charset=utf-8", "Too many requests from this IP, please try again later",
        {{"Retry-After", "1"},
         {"RateLimit-Limit", "100"},
         {"RateLimit-Remaining", "0"},
         {"RateLimit-Reset", "1"}}));
    m_api->enqueue(CannedHttpServer::json(
        200, kUser,
        {{"RateLimit-Limit", "100"}, {"RateLimit-Remaining", "99"}, {"RateLimit-Reset", "900"}}));
    const auto r = resultOf(m_client->fetchMe());
    QVERIFY(r.has_value());
    QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : describe(r->error())));
    QCOMPARE(m_api->requestCount(), 2);
    QVERIFY(waiting.count() >= 1);
    QCOMPARE(waiting.first().first().toInt(), 1);
    QCOMPARE(m_budget->pacer().remaining(), 99);
}

void TestBackendClient::rateLimitedTooOftenGivesUp()
{
    m_budget->setMaxRetries(1);
    m_api->setHandler([](const RecordedRequest &) {
        return CannedResponse{CannedHttpServer::response(429, "text/plain", "Too many requests",
                                                         {{"Retry-After", "0"}}),
                              false};
    });
    const auto r = resultOf(m_client->fetchImages(50, 0));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::RateLimited);
    QCOMPARE(r->error().retryAfterSeconds, 0);
    QCOMPARE(m_api->requestCount(), 2);
}

void TestBackendClient::multipartFieldsAndPartTypes()
{
    m_api->enqueue(CannedHttpServer::json(
        200,
        R"({"status":"success","data":{"imageUrl":"/uploads/nero/generated/1.png","imageId":"65f000000000000000000001","prompt":"cat","aspectRatio":"16:9"}})"));
    JobRequest request;
    request.kind = JobKind::Edit;
    request.prompt = u"a cat, «quoted» \"prompt\""_s;
    request.aspectRatio = u"16:9"_s;
    request.resolution = u"2K"_s;
    request.characterImageUrls = {u"/uploads/nero/characters/u/1.png"_s,
                                  u"https://cdn.example/2.png"_s};
    request.templateId = u"tpl-7"_s;
    const QList<UploadFile> images{{u"one.png"_s, u"image/png"_s, pngBytes()},
                                   {u"twö \"2\".jpg"_s, u"image/jpeg"_s, QByteArray(300, 'j')}};
    auto *call = m_client->submit(request, images);
    QSignalSpy progress(call, &ApiCallBase::progress);
    const auto r = resultOf(call);
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().imageId, u"65f000000000000000000001"_s);
    QVERIFY(progress.count() > 0);

    const auto &recorded = m_api->requests().first();
    QCOMPARE(recorded.method, QByteArray("POST"));
    QCOMPARE(recorded.target, QByteArray("/api/v1/nanobanana/edit"));
    QVERIFY(recorded.header("Content-Type").startsWith("multipart/form-data; boundary="));
    QCOMPARE(recorded.header("Authorization"), "Bearer " + kToken);
    QVERIFY(!recorded.hasHeader("Origin"));

    const auto parts = multipartParts(recorded);
    QCOMPARE(parts.size(), 7);
    QCOMPARE(parts[0].disposition, QByteArray(R"(form-data; name="prompt")"));
    QCOMPARE(QString::fromUtf8(parts[0].data), request.prompt);
    QCOMPARE(parts[1].disposition, QByteArray(R"(form-data; name="imageSize")"));
    QCOMPARE(parts[1].data, QByteArray("16:9"));
    QCOMPARE(parts[2].disposition, QByteArray(R"(form-data; name="resolution")"));
    QCOMPARE(parts[2].data, QByteArray("2K"));
    QCOMPARE(parts[3].disposition, QByteArray(R"(form-data; name="characterImageUrls")"));
    QCOMPARE(QJsonDocument::fromJson(parts[3].data).array().toVariantList(),
             QVariantList({u"/uploads/nero/characters/u/1.png"_s, u"https://cdn.example/2.png"_s}));
    QCOMPARE(parts[4].disposition, QByteArray(R"(form-data; name="templateId")"));
    QCOMPARE(parts[4].data, QByteArray("tpl-7"));
    QCOMPARE(parts[5].disposition, QByteArray(R"(form-data; name="images"; filename="one.png")"));
    QCOMPARE(parts[5].contentType, QByteArray("image/png"));
    QCOMPARE(parts[5].data, pngBytes());
    QCOMPARE(parts[6].disposition,
             QByteArray(R"(form-data; name="images"; filename="tw_ _2_.jpg")"));
    QCOMPARE(parts[6].contentType, QByteArray("image/jpeg"));
    QCOMPARE(parts[6].data, QByteArray(300, 'j'));
}

void TestBackendClient::multipartOmitsEmptyOptionalFields()
{
    m_api->enqueue(CannedHttpServer::json(
        201, R"({"status":"success","data":{"taskId":"t-1","status":"pending"}})"));
    JobRequest request;
    request.prompt = u"plain"_s;
    const auto r = resultOf(m_client->submit(request, {}));
    QVERIFY(r && r->ok());
    QVERIFY(r->value().isAsync());
    const auto &recorded = m_api->requests().first();
    QCOMPARE(recorded.target, QByteArray("/api/v1/nanobanana/generate"));
    const auto parts = multipartParts(recorded);
    QCOMPARE(parts.size(), 3);
    QVERIFY(!recorded.body.contains("characterImageUrls"));
    QVERIFY(!recorded.body.contains("templateId"));
    QCOMPARE(parts[1].data, QByteArray("1:1"));
    QCOMPARE(parts[2].data, QByteArray("1K"));
}

void TestBackendClient::editWithoutImagesFailsLocally()
{
    JobRequest request;
    request.kind = JobKind::Edit;
    request.prompt = u"x"_s;
    const auto r = resultOf(m_client->submit(request, {}));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::Validation);
    QCOMPARE(m_api->requestCount(), 0);
}

void TestBackendClient::unauthorizedSignalsAndReachability()
{
    QSignalSpy unauthorized(m_client.get(), &BackendClient::unauthorized);
    QSignalSpy reachable(m_client.get(), &BackendClient::reachabilityChanged);
    m_api->enqueue(CannedHttpServer::json(401, R"({"error":"Invalid or expired token"})"));
    const auto r = resultOf(m_client->fetchImages(50, 0));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::Unauthorized);
    QCOMPARE(r->error().serverMessage, u"Invalid or expired token"_s);
    QCOMPARE(unauthorized.count(), 1);
    QCOMPARE(reachable.count(), 1);
    QCOMPARE(reachable.first().first().toBool(), true);
}

void TestBackendClient::unreachableServerIsNetworkError()
{
    QSignalSpy reachable(m_client.get(), &BackendClient::reachabilityChanged);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const auto port = closed.serverPort();
    closed.close(); // nothing listens there now
    m_client->setOrigin(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    const auto r = resultOf(m_client->fetchMe());
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::Network);
    QVERIFY(r->error().userMessage.startsWith(
        u"Could not reach the server at 127.0.0.1:%1."_s.arg(port)));
    QCOMPARE(reachable.count(), 1);
    QCOMPARE(reachable.first().first().toBool(), false);

    m_client->setOrigin(m_api->origin());
    m_api->enqueue(CannedHttpServer::json(200, kUser));
    QVERIFY(resultOf(m_client->fetchMe())->ok());
    QCOMPARE(reachable.count(), 2);
    QCOMPARE(reachable.last().first().toBool(), true);
}

void TestBackendClient::insufficientStarsUsesKnownBalance()
{
    m_api->enqueue(CannedHttpServer::json(200, kUser)); // 5 stars
    QVERIFY(resultOf(m_client->fetchMe())->ok());
    m_api->enqueue(CannedHttpServer::json(
        403, R"({"status":"error","message":"INSUFFICIENT_STARS: not enough stars"})"));
    JobRequest request;
    request.prompt = u"big"_s;
    request.resolution = u"4K"_s;
    const auto r = resultOf(m_client->submit(request, {}));
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::InsufficientStars);
    QCOMPARE(r->error().userMessage,
             u"You are out of stars: this needs 20 and you have 5. Top up, then try again."_s);
}

void TestBackendClient::tlsFailureIsNeverIgnored()
{
    // https to a port that speaks plain HTTP: the handshake fails and nothing is sent.
    m_client->setOrigin(QUrl(u"https://127.0.0.1:%1"_s.arg(m_api->port())));
    m_api->setHandler([](const RecordedRequest &) {
        return CannedResponse{CannedHttpServer::json(200, kUser), false};
    });
    const auto r = resultOf(m_client->fetchMe());
    QVERIFY(r && !r->ok());
    QCOMPARE(ApiError::kindName(r->error().kind), ApiError::kindName(ApiError::Kind::Tls));
    QVERIFY(r->error().userMessage.contains(u"secure connection"));
}

void TestBackendClient::errorAnswersMapToKinds_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("kind");
    QTest::newRow("500 hidden") << CannedHttpServer::json(
        500, R"({"status":"error","message":"Internal server error"})")
                                << int(ApiError::Kind::ServerError);
    QTest::newRow("404 html") << CannedHttpServer::response(404, "text/html",
                                                            "<pre>Cannot GET /x</pre>")
                              << int(ApiError::Kind::NotFound);
    QTest::newRow("200 html") << CannedHttpServer::response(200, "text/html", "<html></html>")
                              << int(ApiError::Kind::BadResponse);
    QTest::newRow("200 truncated") << CannedHttpServer::json(200, R"({"status":"success","da)")
                                   << int(ApiError::Kind::BadResponse);
    QTest::newRow("502 proxy") << CannedHttpServer::response(502, "text/html",
                                                             "<title>502 Bad Gateway</title>")
                               << int(ApiError::Kind::ServerError);
}

void TestBackendClient::errorAnswersMapToKinds()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, kind);
    m_api->enqueue(raw);
    const auto r = resultOf(m_client->fetchCharacters());
    QVERIFY(r && !r->ok());
    QCOMPARE(ApiError::kindName(r->error().kind), ApiError::kindName(ApiError::Kind(kind)));
    QVERIFY(!r->error().userMessage.isEmpty());
}

void TestBackendClient::abortGivesCancelled()
{
    m_api->enqueue(CannedResponse{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", true});
    auto *call = m_client->fetchMe();
    QTRY_COMPARE(m_api->requestCount(), 1);
    call->abort();
    const auto r = resultOf(call);
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, ApiError::Kind::Cancelled);

    // Aborted while still waiting for the budget: no request at all.
    auto *queued = m_client->fetchImages(10, 0);
    queued->abort();
    const auto q = resultOf(queued);
    QVERIFY(q && !q->ok());
    QCOMPARE(q->error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(m_api->requestCount(), 1);
}

void TestBackendClient::resolvesImageUrls()
{
    m_client->setOrigin(QUrl(u"http://localhost:2000/"_s));
    QCOMPARE(m_client->apiBase(), QUrl(u"http://localhost:2000/api/v1"_s));
    QCOMPARE(m_client->resolveImageUrl(u"/uploads/nero/generated/1-a.png"_s),
             QUrl(u"http://localhost:2000/uploads/nero/generated/1-a.png"_s));
    QCOMPARE(m_client->resolveImageUrl(u"uploads/x.png"_s),
             QUrl(u"http://localhost:2000/uploads/x.png"_s));
    QCOMPARE(m_client->resolveImageUrl(u"https://cdn.example/a.png?x=1"_s),
             QUrl(u"https://cdn.example/a.png?x=1"_s));
    QCOMPARE(m_client->resolveImageUrl(u"//cdn.example/b.png"_s),
             QUrl(u"http://cdn.example/b.png"_s));
    QVERIFY(m_client->resolveImageUrl(QString()).isEmpty());
}

// DEVSERVER ---------------------------------------------------------------------------------

void TestBackendClient::devServerSignInAndHistory()
{
    DevServerProcess server;
    if (!server.start(
            {u"--otp"_s, u"123456"_s, u"--seed-history"_s, u"3"_s, u"--flavor"_s, u"sync"_s}))
        QSKIP(qPrintable(u"dev server not available (stub?): "_s + server.errorString()));
    m_client->setOrigin(server.origin());
    m_client->setAccessToken({});

    const auto phone = u"+989121234567"_s;
    const auto sent = resultOf(m_client->sendCode(phone));
    QVERIFY2(sent && sent->ok(), qPrintable(!sent        ? u"no answer"_s
                                            : sent->ok() ? QString()
                                                         : describe(sent->error())));
    const auto auth = resultOf(m_client->verifyCode(phone, u"123456"_s));
    QVERIFY2(auth && auth->ok(), qPrintable(!auth        ? u"no answer"_s
                                            : auth->ok() ? QString()
                                                         : describe(auth->error())));
    QVERIFY(!auth->value().accessToken.isEmpty());
    m_client->setAccessToken(auth->value().accessToken);

    const auto me = resultOf(m_client->fetchMe());
    QVERIFY(me && me->ok());
    const auto page = resultOf(m_client->fetchImages(100, 0));
    QVERIFY(page && page->ok());

    JobRequest request;
    request.prompt = u"a banana in space"_s;
    const auto receipt = resultOf(m_client->submit(request, {}), 60'000);
    QVERIFY2(receipt && receipt->ok(), qPrintable(!receipt        ? u"no answer"_s
                                                  : receipt->ok() ? QString()
                                                                  : describe(receipt->error())));
    if (!receipt->value().imageUrl.isEmpty()) {
        const auto image =
            resultOf(m_client->download(m_client->resolveImageUrl(receipt->value().imageUrl)));
        QVERIFY(image && image->ok());
    }

    // Without a token: the contract's {error} 401.
    m_client->setAccessToken({});
    const auto anonymous = resultOf(m_client->fetchMe());
    QVERIFY(anonymous && !anonymous->ok());
    QCOMPARE(anonymous->error().kind, ApiError::Kind::Unauthorized);
}

QTEST_GUILESS_MAIN(TestBackendClient)
#include "tst_backendclient.moc"
