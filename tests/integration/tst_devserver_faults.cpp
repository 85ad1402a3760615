// Dev server behaviour beyond the shapes: rate limiter, faults, flavours, image origin, logs,
// persistence and the /__dev control routes.
#include "support/devserverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString phone = u"+15551230001"_s;

QJsonObject dataOf(const DevServerProcess::HttpResult &r)
{
    return r.json.value(u"data").toObject();
}

QJsonObject newestRecord(DevServerProcess &server, const QByteArray &token)
{
    const auto r = server.request("GET", u"/api/v1/nanobanana/images?limit=1"_s, {}, {}, token);
    return dataOf(r).value(u"images").toArray().first().toObject();
}

qint64 historyTotal(DevServerProcess &server, const QByteArray &token)
{
    const auto r = server.request("GET", u"/api/v1/nanobanana/images?limit=1"_s, {}, {}, token);
    return qint64(dataOf(r).value(u"pagination").toObject().value(u"total").toDouble());
}

double stars(DevServerProcess &server, const QByteArray &token)
{
    const auto r = server.request("GET", u"/api/v1/users/me"_s, {}, {}, token);
    return dataOf(r).value(u"user").toObject().value(u"stars").toDouble();
}

// What a raw client saw: the bytes until it stopped waiting, and whether the server closed.
struct RawExchange
{
    QByteArray bytes;
    bool closed = false;
    QByteArray header(const QByteArray &name) const
    {
        const auto head = bytes.left(bytes.indexOf("\r\n\r\n"));
        const auto lines = head.split('\n');
        for (const auto &line : lines) {
            if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }
    QByteArray body() const
    {
        const auto at = bytes.indexOf("\r\n\r\n");
        return at < 0 ? QByteArray() : bytes.mid(at + 4);
    }
};

// Sends a GET and reads until the server closes, `enough` bytes arrived, or `quietMs` passed.
RawExchange rawGet(quint16 port, const QByteArray &path, qsizetype enough, int quietMs)
{
    RawExchange out;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return out;
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    while (disconnected.isEmpty() && out.bytes.size() < enough) {
        if (!readyRead.wait(quietMs) && socket.bytesAvailable() == 0 && disconnected.isEmpty())
            break;
        out.bytes += socket.readAll();
    }
    out.bytes += socket.readAll();
    out.closed = !disconnected.isEmpty() || socket.state() == QAbstractSocket::UnconnectedState;
    return out;
}

} // namespace

class TestDevServerFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rateLimiter();
    void faults_data();
    void faults();
    void faultRateFromCommandLine();
    void syncFlavourAnswersAfterLatency();
    void syncFailureCreatesNoRecordAndNoCharge();
    void asyncTaskWalk();
    void asyncFailure();
    void imageOriginRecordsAuthorization();
    void requestLogCarriesSha256();
    void dataDirKeepsStateAcrossRestarts();
    void devRoutesDriftAndStars();
    void smsOutage();
    void slowAnswersDoNotBlockOthers();
};

void TestDevServerFaults::rateLimiter()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--rate-limit"_s, u"100/900"_s}), qPrintable(server.errorString()));
    for (int i = 1; i <= 100; ++i) {
        const auto r = server.request("GET", u"/api/v1/templates"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("RateLimit-Policy"), QByteArray("100;w=900"));
        QCOMPARE(r.header("RateLimit-Limit"), QByteArray("100"));
        QCOMPARE(r.header("RateLimit-Remaining").toInt(), 100 - i);
        const auto reset = r.header("RateLimit-Reset").toInt();
        QVERIFY(reset > 0 && reset <= 900);
    }
    const auto limited = server.request("GET", u"/api/v1/templates"_s);
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.header("Content-Type").startsWith("text/plain"));
    QCOMPARE(limited.body, QByteArray("Too many requests from this IP, please try again later"));
    const auto retryAfter = limited.header("Retry-After").toInt();
    QVERIFY(retryAfter > 0 && retryAfter <= 900);
    QCOMPARE(limited.header("RateLimit-Remaining"), QByteArray("0"));
    // Outside /api nothing is limited and no RateLimit headers are sent.
    const auto health = server.request("GET", u"/health"_s);
    QCOMPARE(health.status, 200);
    QVERIFY(health.header("RateLimit-Limit").isEmpty());
    QCOMPARE(server.request("GET", u"/uploads/nero/templates/anime.png"_s).status, 200);
    QCOMPARE(server.devState().value(u"tooManyRequests").toInt(), 1);
}

void TestDevServerFaults::faults_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("500") << u"500"_s;
    QTest::newRow("html") << u"html"_s;
    QTest::newRow("truncated-json") << u"truncated-json"_s;
    QTest::newRow("reset") << u"reset"_s;
    QTest::newRow("stall") << u"stall"_s;
    QTest::newRow("huge-body") << u"huge-body"_s;
}

void TestDevServerFaults::faults()
{
    QFETCH(QString, kind);
    DevServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.setFault(kind, 1.0, u"/templates"_s));

    const auto r = rawGet(server.port(), "/api/v1/templates", qsizetype(1024) * 1024, 1500);
    if (kind == "500"_L1) {
        QVERIFY(r.bytes.startsWith("HTTP/1.1 500 "));
        QCOMPARE(QJsonDocument::fromJson(r.body()).object().value(u"message").toString(),
                 u"Internal server error"_s);
    } else if (kind == "html"_L1) {
        QVERIFY(r.bytes.startsWith("HTTP/1.1 200 "));
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
    } else if (kind == "truncated-json"_L1) {
        QVERIFY(r.closed);
        QVERIFY(r.body().startsWith('{'));
        QVERIFY(r.header("Content-Length").toLongLong() > r.body().size());
        QVERIFY(QJsonDocument::fromJson(r.body()).isNull());
    } else if (kind == "reset"_L1) {
        QVERIFY(r.closed);
        QVERIFY(r.bytes.isEmpty());
    } else if (kind == "stall"_L1) {
        QVERIFY(!r.closed); // still open after the client gave up waiting
        QVERIFY(r.bytes.startsWith("HTTP/1.1 200 "));
        QVERIFY(r.header("Content-Length").toLongLong() > r.body().size());
    } else if (kind == "huge-body"_L1) {
        QVERIFY(r.header("Content-Length").toLongLong() >= 200LL * 1024 * 1024);
        QVERIFY(r.bytes.size() >= qsizetype(1024) * 1024);
    }
    // Faults stay on /api routes that match the route filter.
    QCOMPARE(server.request("GET", u"/api/v1/categories"_s).status, 200);
    QCOMPARE(server.request("GET", u"/health"_s).status, 200);
    QCOMPARE(server.devState().value(u"fault").toObject().value(u"kind").toString(), kind);
    QVERIFY(server.setFault(u"none"_s));
    QCOMPARE(server.request("GET", u"/api/v1/templates"_s).status, 200);
}

void TestDevServerFaults::faultRateFromCommandLine()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--fault"_s, u"500:0.5"_s, u"--random-seed"_s, u"3"_s}),
             qPrintable(server.errorString()));
    int failures = 0;
    for (int i = 0; i < 40; ++i)
        failures += server.request("GET", u"/api/v1/templates"_s).status == 500;
    QVERIFY2(failures > 0 && failures < 40, qPrintable(QString::number(failures)));
    QCOMPARE(server.request("GET", u"/health"_s).status, 200);
}

void TestDevServerFaults::syncFlavourAnswersAfterLatency()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--flavor"_s, u"sync"_s, u"--latency-ms"_s, u"3000"_s}),
             qPrintable(server.errorString()));
    const auto token = server.signIn(phone);
    const auto form = DevServerProcess::multipart({{"prompt", "a red fox"}, {"imageSize", "16:9"}});
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(server.origin().toString() + u"/api/v1/nanobanana/generate"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, form.second);
    request.setRawHeader("Authorization", "Bearer " + token);
    auto *reply = network.post(request, form.first);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    // Other requests are answered while the generation is outstanding.
    QCOMPARE(server.request("GET", u"/health"_s).status, 200);
    QCOMPARE(server.request("GET", u"/api/v1/users/me"_s, {}, {}, token).status, 200);
    QVERIFY(!reply->isFinished());
    QCOMPARE(historyTotal(server, token), 0);
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const auto data = QJsonDocument::fromJson(reply->readAll()).object().value(u"data").toObject();
    reply->deleteLater();
    const auto imageId = data.value(u"imageId").toString();
    QCOMPARE(imageId.size(), 24);
    QCOMPARE(data.value(u"prompt").toString(), u"a red fox"_s);
    QCOMPARE(data.value(u"aspectRatio").toString(), u"16:9"_s);
    const auto imageUrl = data.value(u"imageUrl").toString();
    QVERIFY(imageUrl.startsWith("/uploads/nero/generated/"_L1));

    const auto record = newestRecord(server, token);
    QCOMPARE(record.value(u"id").toString(), imageId);
    QVERIFY(!record.contains(u"taskId"));
    QCOMPARE(record.value(u"status").toString(), u"completed"_s);
    QVERIFY(record.value(u"createdAt").toString() < record.value(u"completedAt").toString());
    QCOMPARE(stars(server, token), 20.0);
    const auto task = server.request("GET", u"/api/v1/nanobanana/task/anything"_s, {}, {}, token);
    QCOMPARE(task.status, 404);
    QVERIFY(task.json.value(u"message").toString().startsWith("Route "_L1));

    const auto image = server.request("GET", imageUrl);
    QCOMPARE(image.header("Content-Type"), QByteArray("image/png"));
    QImage decoded;
    QVERIFY(decoded.loadFromData(image.body, "PNG"));
    QCOMPARE(decoded.size(), QSize(1024, 576));
}

void TestDevServerFaults::syncFailureCreatesNoRecordAndNoCharge()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--flavor"_s, u"sync"_s, u"--fail-rate"_s, u"1"_s}),
             qPrintable(server.errorString()));
    const auto token = server.signIn(phone);
    const auto form = DevServerProcess::multipart({{"prompt", "refused"}});
    const auto r =
        server.request("POST", u"/api/v1/nanobanana/generate"_s, form.first, form.second, token);
    QCOMPARE(r.status, 500);
    QCOMPARE(r.json.value(u"message").toString(), u"Internal server error"_s);
    QCOMPARE(historyTotal(server, token), 0);
    QCOMPARE(stars(server, token), 30.0);
    QCOMPARE(server.devState().value(u"generatePosts").toInt(), 1);
}

void TestDevServerFaults::asyncTaskWalk()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--latency-ms"_s, u"1500"_s}), qPrintable(server.errorString()));
    const auto token = server.signIn(phone);
    const auto form = DevServerProcess::multipart(
        {{"prompt", "an old castle"}, {"images", "ref", "r.png", "image/png"}});
    const auto submitted =
        server.request("POST", u"/api/v1/nanobanana/edit"_s, form.first, form.second, token);
    QCOMPARE(submitted.status, 200);
    const auto taskId = dataOf(submitted).value(u"taskId").toString();
    QCOMPARE(dataOf(submitted).value(u"status").toString(), u"pending"_s);
    const auto pending = newestRecord(server, token);
    QCOMPARE(pending.value(u"taskId").toString(), taskId);
    QCOMPARE(pending.value(u"status").toString(), u"pending"_s);
    QCOMPARE(pending.value(u"type").toString(), u"IMAGETOIAMGE"_s);
    QVERIFY(!pending.contains(u"imageUrl"));
    QVERIFY(!pending.contains(u"completedAt"));

    const QStringList order{u"pending"_s, u"processing"_s, u"completed"_s};
    QStringList seen;
    const auto poll = [&] {
        const auto r = server.request("GET", u"/api/v1/nanobanana/task/"_s + taskId, {}, {}, token);
        auto status = dataOf(r).value(u"task").toObject().value(u"status").toString();
        if (seen.isEmpty() || seen.last() != status)
            seen.append(status);
        return status;
    };
    QTRY_COMPARE_WITH_TIMEOUT(poll(), u"completed"_s, 10000);
    QCOMPARE(seen.first(), u"pending"_s);
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY2(order.indexOf(seen.at(i)) > order.indexOf(seen.at(i - 1)),
                 qPrintable(seen.join(u',')));
    const auto done = newestRecord(server, token);
    QCOMPARE(done.value(u"status").toString(), u"completed"_s);
    QVERIFY(done.value(u"imageUrl").toString().startsWith("/uploads/nero/generated/"_L1));
    QVERIFY(done.value(u"referenceImageUrls")
                .toArray()
                .first()
                .toString()
                .startsWith("/uploads/nero/references/"_L1));
    QCOMPARE(stars(server, token), 20.0);
}

void TestDevServerFaults::asyncFailure()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--fail-rate"_s, u"1"_s}), qPrintable(server.errorString()));
    const auto token = server.signIn(phone);
    const auto form = DevServerProcess::multipart({{"prompt", "refused"}});
    const auto submitted =
        server.request("POST", u"/api/v1/nanobanana/generate"_s, form.first, form.second, token);
    const auto taskId = dataOf(submitted).value(u"taskId").toString();
    const auto taskStatus = [&] {
        return dataOf(server.request("GET", u"/api/v1/nanobanana/task/"_s + taskId, {}, {}, token))
            .value(u"task")
            .toObject();
    };
    QTRY_COMPARE_WITH_TIMEOUT(taskStatus().value(u"status").toString(), u"failed"_s, 10000);
    const auto error = taskStatus().value(u"error").toString();
    QVERIFY2(error.startsWith("Content policy violation: "_L1)
                 || error.startsWith("Generation failed: "_L1),
             qPrintable(error));
    const auto record = newestRecord(server, token);
    QCOMPARE(record.value(u"status").toString(), u"failed"_s);
    QCOMPARE(record.value(u"error").toString(), error);
    QVERIFY(!record.contains(u"imageUrl"));
    QCOMPARE(stars(server, token), 30.0);
}

void TestDevServerFaults::imageOriginRecordsAuthorization()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--image-origin"_s, u"http://127.0.0.1:0"_s}),
             qPrintable(server.errorString()));
    const auto imageOrigin = server.devState().value(u"imageOrigin").toString();
    QVERIFY(imageOrigin.startsWith("http://127.0.0.1:"_L1));
    QVERIFY(imageOrigin != server.origin().toString());
    const auto token = server.signIn(phone);
    const auto form = DevServerProcess::multipart({{"prompt", "a lighthouse"}});
    server.request("POST", u"/api/v1/nanobanana/generate"_s, form.first, form.second, token);
    QTRY_COMPARE_WITH_TIMEOUT(newestRecord(server, token).value(u"status").toString(),
                              u"completed"_s, 10000);
    const auto imageUrl = newestRecord(server, token).value(u"imageUrl").toString();
    QVERIFY2(imageUrl.startsWith(imageOrigin + u"/uploads/"_s), qPrintable(imageUrl));

    QNetworkAccessManager network;
    const auto fetch = [&network](const QString &url, const QByteArray &auth) {
        QNetworkRequest request{QUrl(url)};
        if (!auth.isEmpty())
            request.setRawHeader("Authorization", auth);
        auto *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        reply->deleteLater();
        return reply->header(QNetworkRequest::ContentTypeHeader).toString();
    };
    QCOMPARE(fetch(imageUrl, {}), u"image/png"_s);
    QCOMPARE(server.devState().value(u"imageOriginSawAuthorization").toBool(), false);
    fetch(imageUrl, "Bearer " + token);
    QCOMPARE(server.devState().value(u"imageOriginSawAuthorization").toBool(), true);
}

void TestDevServerFaults::requestLogCarriesSha256()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto logPath = dir.filePath(u"requests.jsonl"_s);
    DevServerProcess server;
    QVERIFY2(server.start({u"--log-requests"_s, logPath}), qPrintable(server.errorString()));
    const auto token = server.signIn(phone);
    const QByteArray bytes = QByteArray("reference image bytes ") + QByteArray(5000, '\x7f');
    const auto form = DevServerProcess::multipart(
        {{"prompt", "log me"}, {"images", bytes, "ref.webp", "image/webp"}});
    QCOMPARE(
        server.request("POST", u"/api/v1/nanobanana/edit"_s, form.first, form.second, token).status,
        200);

    QFile log(logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QJsonObject line;
    while (!log.atEnd()) {
        const auto o = QJsonDocument::fromJson(log.readLine()).object();
        if (o.value(u"path").toString() == "/api/v1/nanobanana/edit"_L1)
            line = o;
    }
    QVERIFY(!line.isEmpty());
    QCOMPARE(line.value(u"method").toString(), u"POST"_s);
    QCOMPARE(line.value(u"hasAuthorization").toBool(), true);
    QCOMPARE(line.value(u"hasOrigin").toBool(), false);
    QVERIFY(line.value(u"fields").toArray().contains(u"prompt"_s));
    const auto file = line.value(u"files").toArray().first().toObject();
    QCOMPARE(file.value(u"field").toString(), u"images"_s);
    QCOMPARE(file.value(u"filename").toString(), u"ref.webp"_s);
    QCOMPARE(file.value(u"contentType").toString(), u"image/webp"_s);
    QCOMPARE(qint64(file.value(u"size").toDouble()), qint64(bytes.size()));
    QCOMPARE(
        file.value(u"sha256").toString(),
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
}

void TestDevServerFaults::dataDirKeepsStateAcrossRestarts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList args{u"--data"_s, dir.path(), u"--seed-history"_s, u"20"_s};
    QByteArray token;
    QString characterUrl;
    {
        DevServerProcess server;
        QVERIFY2(server.start(args), qPrintable(server.errorString()));
        token = server.signIn(phone);
        const auto form = DevServerProcess::multipart({{"prompt", "keep me"}});
        server.request("POST", u"/api/v1/nanobanana/generate"_s, form.first, form.second, token);
        QTRY_COMPARE_WITH_TIMEOUT(newestRecord(server, token).value(u"status").toString(),
                                  u"completed"_s, 10000);
        const auto character =
            DevServerProcess::multipart({{"name", "Kept"},
                                         {"images", "one", "1.png", "image/png"},
                                         {"images", "two", "2.png", "image/png"},
                                         {"images", "three", "3.png", "image/png"}});
        const auto created = server.request("POST", u"/api/v1/characters"_s, character.first,
                                            character.second, token);
        QCOMPARE(created.status, 201);
        characterUrl = dataOf(created)
                           .value(u"character")
                           .toObject()
                           .value(u"images")
                           .toArray()
                           .first()
                           .toObject()
                           .value(u"url")
                           .toString();
        QCOMPARE(historyTotal(server, token), 21);
        server.stop();
    }
    DevServerProcess server;
    QVERIFY2(server.start(args), qPrintable(server.errorString()));
    QCOMPARE(server.request("GET", u"/api/v1/users/me"_s, {}, {}, token).status,
             200); // same secret
    QCOMPARE(historyTotal(server, token), 21);
    QCOMPARE(newestRecord(server, token).value(u"prompt").toString(), u"keep me"_s);
    QCOMPARE(stars(server, token), 20.0);
    const auto served = server.request("GET", characterUrl);
    QCOMPARE(served.body, QByteArray("one"));
    QCOMPARE(served.header("Content-Type"), QByteArray("image/png"));
}

void TestDevServerFaults::devRoutesDriftAndStars()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--seed-history"_s, u"10"_s}), qPrintable(server.errorString()));
    const auto token = server.signIn(phone);
    const auto before = newestRecord(server, token).value(u"id").toString();
    QVERIFY(server.addImages(phone, 3));
    QCOMPARE(historyTotal(server, token), 13);
    const auto newest = newestRecord(server, token).value(u"id").toString();
    QVERIFY(newest != before);
    QVERIFY(server.removeImage(phone, newest));
    QCOMPARE(historyTotal(server, token), 12);
    QVERIFY(!server.removeImage(phone, newest));
    QVERIFY(server.setStars(phone, -5));
    QCOMPARE(stars(server, token), -5.0);
    const auto state = server.devState();
    QCOMPARE(state.value(u"users").toArray().first().toObject().value(u"images").toInt(), 12);
    QVERIFY(!server.setStars(u"+10000000000"_s, 1)); // unknown user
}

void TestDevServerFaults::smsOutage()
{
    DevServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QByteArray body = R"({"phoneNumber":"+15551230001"})";
    QCOMPARE(server.request("POST", u"/__dev/sms"_s, R"({"down":true})").status, 200);
    const auto down = server.request("POST", u"/api/v1/auth/send-code"_s, body, "application/json");
    QCOMPARE(down.status, 503);
    QCOMPARE(down.json.value(u"status").toString(), u"error"_s);
    QCOMPARE(server.request("POST", u"/__dev/sms"_s, R"({"down":false})").status, 200);
    QCOMPARE(server.request("POST", u"/api/v1/auth/send-code"_s, body, "application/json").status,
             200);
}

void TestDevServerFaults::slowAnswersDoNotBlockOthers()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--slow-ms"_s, u"3000"_s}), qPrintable(server.errorString()));
    QNetworkAccessManager network;
    auto *reply = network.get(QNetworkRequest(QUrl(server.apiBase().toString() + u"/templates"_s)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QCOMPARE(server.request("GET", u"/health"_s).status, 200); // /health is never slowed
    QVERIFY(!reply->isFinished());
    QVERIFY(finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
}

QTEST_MAIN(TestDevServerFaults)
#include "tst_devserver_faults.moc"
