// Contract tests of nanobanana-devserver: one row per route and error path of CONTRACT.md.
#include "support/devserverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Part = DevServerProcess::FormPart;

const QString richPhone = u"+15550000001"_s;
const QString poorPhone = u"+15550000002"_s;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Part file(const QByteArray &field, qsizetype size, const QByteArray &type = "image/png")
{
    return {field, QByteArray(size, 'x'), field + ".png", type};
}

// Walks "a.b.c" through nested objects; undefined when a step is missing.
QJsonValue valueAt(const QJsonObject &root, const QString &path)
{
    QJsonValue v = root;
    const auto steps = path.split(u'.');
    for (const auto &step : steps) {
        if (!v.isObject() || !v.toObject().contains(step))
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(step);
    }
    return v;
}

QString text(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString();
}

// Any null anywhere breaks "absent fields are omitted, never null".
bool containsNull(const QJsonValue &v)
{
    if (v.isNull())
        return true;
    if (v.isObject()) {
        const auto o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (containsNull(it.value()))
                return true;
        }
    }
    if (v.isArray()) {
        const auto a = v.toArray();
        for (const auto &e : a) {
            if (containsNull(e))
                return true;
        }
    }
    return false;
}

} // namespace

class TestDevServerContract final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void routes_data();
    void routes();
    void tokenPayload();
    void bearerPrefixIsCaseSensitive();
    void historyRecordsOmitAbsentFields();
    void asyncGenerationChargesAfterSuccess();
    void characterLifecycle();
    void originHeaderIsRejected();
    void rawRequests_data();
    void rawRequests();
    void tokenExpiresWithTokenTtl();

private:
    DevServerProcess m_server;
    QByteArray m_rich;
    QByteArray m_poor;
    QString m_richTask;
};

void TestDevServerContract::initTestCase()
{
    QVERIFY2(m_server.start({u"--seed-history"_s, u"200"_s, u"--latency-ms"_s, u"200"_s}),
             qPrintable(m_server.errorString()));
    m_rich = m_server.signIn(richPhone);
    m_poor = m_server.signIn(poorPhone);
    QVERIFY(!m_rich.isEmpty());
    QVERIFY(!m_poor.isEmpty());
    QVERIFY(m_server.setStars(poorPhone, 5));
    const auto form = DevServerProcess::multipart({{"prompt", "a castle"}});
    const auto submitted =
        m_server.request("POST", u"/api/v1/nanobanana/generate"_s, form.first, form.second, m_rich);
    QCOMPARE(submitted.status, 200);
    m_richTask = valueAt(submitted.json, u"data.taskId"_s).toString();
    QVERIFY(!m_richTask.isEmpty());
}

void TestDevServerContract::routes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("token"); // none | rich | poor | forged
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("family"); // json | html | text
    QTest::addColumn<QStringList>("present"); // key path, or key path=value
    QTest::addColumn<QStringList>("absent");

    const QByteArray appJson = "application/json";
    const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    const auto m = [](const QList<Part> &parts) { return DevServerProcess::multipart(parts); };

    row("health") << QByteArray("GET") << u"/health"_s << QByteArray() << QByteArray() << u"none"_s
                  << 200 << u"json"_s << QStringList{u"status=ok"_s, u"timestamp"_s}
                  << QStringList{};
    row("send-code") << QByteArray("POST") << u"/api/v1/auth/send-code"_s
                     << json({{u"phoneNumber"_s, u"+989121234567"_s}}) << appJson << u"none"_s
                     << 200 << u"json"_s << QStringList{u"status=success"_s, u"message"_s}
                     << QStringList{u"data"_s};
    row("send-code bad phone") << QByteArray("POST") << u"/api/v1/auth/send-code"_s
                               << json({{u"phoneNumber"_s, u"12ab"_s}}) << appJson << u"none"_s
                               << 400 << u"json"_s
                               << QStringList{u"status=error"_s, u"message"_s, u"errors"_s}
                               << QStringList{};
    row("send-code short phone") << QByteArray("POST") << u"/api/v1/auth/send-code"_s
                                 << json({{u"phoneNumber"_s, u"+123456789"_s}}) << appJson
                                 << u"none"_s << 400 << u"json"_s << QStringList{u"status=error"_s}
                                 << QStringList{};
    row("send-code bad json") << QByteArray("POST") << u"/api/v1/auth/send-code"_s
                              << QByteArray("{\"phoneNumber\":") << appJson << u"none"_s << 500
                              << u"json"_s << QStringList{u"message=Internal server error"_s}
                              << QStringList{};
    row("verify-code wrong code") << QByteArray("POST") << u"/api/v1/auth/verify-code"_s
                                  << json({{u"phoneNumber"_s, richPhone}, {u"code"_s, u"000000"_s}})
                                  << appJson << u"none"_s << 400 << u"json"_s
                                  << QStringList{u"message=Invalid or expired verification code"_s}
                                  << QStringList{};
    row("verify-code") << QByteArray("POST") << u"/api/v1/auth/verify-code"_s
                       << json({{u"phoneNumber"_s, u"+15550000003"_s}, {u"code"_s, u"123456"_s}})
                       << appJson << u"none"_s << 200 << u"json"_s
                       << QStringList{u"data.accessToken"_s,
                                      u"data.refreshToken"_s,
                                      u"data.user.id"_s,
                                      u"data.user.stars=30"_s,
                                      u"data.user.phoneNumber=+15550000003"_s,
                                      u"data.user.subscription"_s,
                                      u"data.user.isVerified"_s,
                                      u"data.user.role"_s,
                                      u"data.user.createdAt"_s,
                                      u"data.user.updatedAt"_s}
                       << QStringList{u"data.user.email"_s, u"data.user.name"_s,
                                      u"data.user.profilePicture"_s};
    row("me") << QByteArray("GET") << u"/api/v1/users/me"_s << QByteArray() << QByteArray()
              << u"rich"_s << 200 << u"json"_s
              << QStringList{u"data.user.id"_s, u"data.user.stars"_s} << QStringList{};
    row("me no token") << QByteArray("GET") << u"/api/v1/users/me"_s << QByteArray() << QByteArray()
                       << u"none"_s << 401 << u"json"_s << QStringList{u"error=No token provided"_s}
                       << QStringList{u"status"_s, u"message"_s};
    row("me forged token") << QByteArray("GET") << u"/api/v1/users/me"_s << QByteArray()
                           << QByteArray() << u"forged"_s << 401 << u"json"_s
                           << QStringList{u"error=Invalid or expired token"_s}
                           << QStringList{u"status"_s};
    row("images default limit") << QByteArray("GET") << u"/api/v1/nanobanana/images"_s
                                << QByteArray() << QByteArray() << u"rich"_s << 200 << u"json"_s
                                << QStringList{u"data.pagination.limit=50"_s,
                                               u"data.pagination.skip=0"_s,
                                               u"data.pagination.hasMore=true"_s,
                                               u"data.pagination.total=201"_s}
                                << QStringList{};
    row("images limit=0") << QByteArray("GET") << u"/api/v1/nanobanana/images?limit=0"_s
                          << QByteArray() << QByteArray() << u"rich"_s << 200 << u"json"_s
                          << QStringList{u"data.pagination.limit=50"_s} << QStringList{};
    row("images limit garbage") << QByteArray("GET") << u"/api/v1/nanobanana/images?limit=lots"_s
                                << QByteArray() << QByteArray() << u"rich"_s << 200 << u"json"_s
                                << QStringList{u"data.pagination.limit=50"_s} << QStringList{};
    row("images no maximum") << QByteArray("GET")
                             << u"/api/v1/nanobanana/images?limit=100000&skip=1"_s << QByteArray()
                             << QByteArray() << u"rich"_s << 200 << u"json"_s
                             << QStringList{u"data.pagination.limit=100000"_s,
                                            u"data.pagination.skip=1"_s,
                                            u"data.pagination.hasMore=false"_s}
                             << QStringList{};
    row("images negative skip") << QByteArray("GET") << u"/api/v1/nanobanana/images?skip=-1"_s
                                << QByteArray() << QByteArray() << u"rich"_s << 500 << u"json"_s
                                << QStringList{u"status=error"_s,
                                               u"message=Internal server error"_s}
                                << QStringList{};
    row("images no token") << QByteArray("GET") << u"/api/v1/nanobanana/images"_s << QByteArray()
                           << QByteArray() << u"none"_s << 401 << u"json"_s
                           << QStringList{u"error=No token provided"_s} << QStringList{};

    const auto noPrompt = m({{"imageSize", "1:1"}});
    row("generate no prompt") << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s
                              << noPrompt.first << noPrompt.second << u"rich"_s << 400 << u"json"_s
                              << QStringList{u"message=Prompt is required"_s} << QStringList{};
    const auto editNoImage = m({{"prompt", "make it blue"}});
    row("edit no image") << QByteArray("POST") << u"/api/v1/nanobanana/edit"_s << editNoImage.first
                         << editNoImage.second << u"rich"_s << 400 << u"json"_s
                         << QStringList{u"message=At least one image is required for editing"_s}
                         << QStringList{};
    QList<Part> sixFiles{{"prompt", "six"}};
    for (int i = 0; i < 6; ++i)
        sixFiles.append(file("images", 100));
    const auto six = m(sixFiles);
    row("generate 6 files") << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s << six.first
                            << six.second << u"rich"_s << 500 << u"json"_s
                            << QStringList{u"message=Internal server error"_s} << QStringList{};
    const auto big = m({{"prompt", "big"}, file("images", qsizetype(11) * 1024 * 1024)});
    row("generate 11 MiB file") << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s
                                << big.first << big.second << u"rich"_s << 500 << u"json"_s
                                << QStringList{u"message=Internal server error"_s} << QStringList{};
    const auto badRatio = m({{"prompt", "p"}, {"imageSize", "1024x1024"}});
    row("generate bad aspect ratio")
        << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s << badRatio.first
        << badRatio.second << u"rich"_s << 400 << u"json"_s
        << QStringList{u"status=error"_s, u"errors"_s} << QStringList{};
    row("generate garbage multipart")
        << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s
        << QByteArray("--x\r\ngarbage\r\n\r\n") << QByteArray("multipart/form-data; boundary=x")
        << u"rich"_s << 500 << u"json"_s << QStringList{u"message=Internal server error"_s}
        << QStringList{};
    row("generate multipart without boundary")
        << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s << QByteArray("prompt=x")
        << QByteArray("multipart/form-data") << u"rich"_s << 500 << u"json"_s
        << QStringList{u"message=Internal server error"_s} << QStringList{};
    row("generate unterminated multipart")
        << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s
        << QByteArray("--x\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nfox")
        << QByteArray("multipart/form-data; boundary=x") << u"rich"_s << 500 << u"json"_s
        << QStringList{u"message=Internal server error"_s} << QStringList{};
    const auto badCharacters = m({{"prompt", "p"}, {"characterImageUrls", "not json"}});
    row("generate bad characterImageUrls")
        << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s << badCharacters.first
        << badCharacters.second << u"rich"_s << 500 << u"json"_s << QStringList{} << QStringList{};
    const auto cheap = m({{"prompt", "a fox"}});
    row("generate insufficient stars")
        << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s << cheap.first << cheap.second
        << u"poor"_s << 403 << u"json"_s << QStringList{u"status=error"_s} << QStringList{};
    row("generate no token") << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s
                             << cheap.first << cheap.second << u"none"_s << 401 << u"json"_s
                             << QStringList{u"error=No token provided"_s} << QStringList{};
    row("generate async") << QByteArray("POST") << u"/api/v1/nanobanana/generate"_s << cheap.first
                          << cheap.second << u"rich"_s << 200 << u"json"_s
                          << QStringList{u"status=success"_s, u"data.taskId"_s,
                                         u"data.status=pending"_s, u"data.message"_s}
                          << QStringList{u"data.imageUrl"_s};
    row("task") << QByteArray("GET") << u"/api/v1/nanobanana/task/{task}"_s << QByteArray()
                << QByteArray() << u"rich"_s << 200 << u"json"_s
                << QStringList{u"data.task.id"_s,
                               u"data.task.taskId"_s,
                               u"data.task.userId"_s,
                               u"data.task.status"_s,
                               u"data.task.imageSize=1:1"_s,
                               u"data.task.resultImageUrls"_s,
                               u"data.task.referenceImageUrls"_s,
                               u"data.task.createdAt"_s,
                               u"data.task.updatedAt"_s}
                << QStringList{};
    row("task unknown") << QByteArray("GET") << u"/api/v1/nanobanana/task/task_nope"_s
                        << QByteArray() << QByteArray() << u"rich"_s << 404 << u"json"_s
                        << QStringList{u"status=error"_s} << QStringList{};
    row("task of another user") << QByteArray("GET") << u"/api/v1/nanobanana/task/{task}"_s
                                << QByteArray() << QByteArray() << u"poor"_s << 404 << u"json"_s
                                << QStringList{u"status=error"_s} << QStringList{u"data"_s};
    row("characters") << QByteArray("GET") << u"/api/v1/characters"_s << QByteArray()
                      << QByteArray() << u"rich"_s << 200 << u"json"_s
                      << QStringList{u"data.characters"_s} << QStringList{};
    const auto twoImages = m({{"name", "Ana"}, file("images", 10), file("images", 10)});
    row("character with 2 images")
        << QByteArray("POST") << u"/api/v1/characters"_s << twoImages.first << twoImages.second
        << u"rich"_s << 400 << u"json"_s << QStringList{u"status=error"_s} << QStringList{};
    QList<Part> sixImages{{"name", "Ana"}};
    for (int i = 0; i < 6; ++i)
        sixImages.append(file("images", 10));
    const auto sixCharacter = m(sixImages);
    row("character with 6 images")
        << QByteArray("POST") << u"/api/v1/characters"_s << sixCharacter.first
        << sixCharacter.second << u"rich"_s << 500 << u"json"_s
        << QStringList{u"message=Internal server error"_s} << QStringList{};
    const auto noName = m({file("images", 10), file("images", 10), file("images", 10)});
    row("character without name") << QByteArray("POST") << u"/api/v1/characters"_s << noName.first
                                  << noName.second << u"rich"_s << 400 << u"json"_s
                                  << QStringList{u"status=error"_s} << QStringList{};
    row("character put unknown") << QByteArray("PUT")
                                 << u"/api/v1/characters/000000000000000000000000"_s
                                 << m({{"name", "B"}}).first << m({{"name", "B"}}).second
                                 << u"rich"_s << 404 << u"json"_s << QStringList{u"status=error"_s}
                                 << QStringList{};
    row("character delete unknown")
        << QByteArray("DELETE") << u"/api/v1/characters/000000000000000000000000"_s << QByteArray()
        << QByteArray() << u"rich"_s << 404 << u"json"_s << QStringList{u"status=error"_s}
        << QStringList{};
    row("characters no token") << QByteArray("GET") << u"/api/v1/characters"_s << QByteArray()
                               << QByteArray() << u"none"_s << 401 << u"json"_s
                               << QStringList{u"error"_s} << QStringList{};
    row("templates") << QByteArray("GET") << u"/api/v1/templates"_s << QByteArray() << QByteArray()
                     << u"none"_s << 200 << u"json"_s << QStringList{u"data.templates"_s}
                     << QStringList{};
    row("categories") << QByteArray("GET") << u"/api/v1/categories"_s << QByteArray()
                      << QByteArray() << u"none"_s << 200 << u"json"_s
                      << QStringList{u"data.categories"_s} << QStringList{};
    row("unknown GET") << QByteArray("GET") << u"/api/v1/nope?x=1"_s << QByteArray() << QByteArray()
                       << u"rich"_s << 404 << u"json"_s
                       << QStringList{u"status=error"_s,
                                      u"message=Route /api/v1/nope?x=1 not found"_s}
                       << QStringList{};
    row("unknown POST") << QByteArray("POST") << u"/api/v1/nope"_s << QByteArray("{}") << appJson
                        << u"rich"_s << 404 << u"html"_s
                        << QStringList{u"Cannot POST /api/v1/nope"_s} << QStringList{};
    row("DELETE on a GET route") << QByteArray("DELETE") << u"/api/v1/users/me"_s << QByteArray()
                                 << QByteArray() << u"rich"_s << 404 << u"html"_s
                                 << QStringList{u"Cannot DELETE /api/v1/users/me"_s}
                                 << QStringList{};
    row("missing upload") << QByteArray("GET") << u"/uploads/nero/generated/none.png"_s
                          << QByteArray() << QByteArray() << u"none"_s << 200 << u"html"_s
                          << QStringList{} << QStringList{};
}

void TestDevServerContract::routes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, token);
    QFETCH(int, status);
    QFETCH(QString, family);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    path.replace(u"{task}"_s, m_richTask);
    QByteArray bearer;
    if (token == "rich"_L1)
        bearer = m_rich;
    else if (token == "poor"_L1)
        bearer = m_poor;
    else if (token == "forged"_L1)
        bearer = m_rich.left(m_rich.size() - 2) + (m_rich.endsWith("AA") ? "BB" : "AA");

    const auto r = m_server.request(method, path, body, contentType, bearer);
    QCOMPARE(r.status, status);
    const auto type = r.header("Content-Type");
    if (family == "json"_L1) {
        QVERIFY2(type.startsWith("application/json"), type.constData());
        QVERIFY2(!r.json.isEmpty(), r.body.left(200).constData());
        QVERIFY(!containsNull(r.json) || path.endsWith("/users/me"_L1));
        for (const auto &entry : std::as_const(present)) {
            const auto eq = entry.indexOf(u'=');
            const auto key = eq < 0 ? entry : entry.left(eq);
            const auto v = valueAt(r.json, key);
            QVERIFY2(!v.isUndefined(), qPrintable(u"missing "_s + key));
            if (eq >= 0)
                QCOMPARE(text(v), entry.mid(eq + 1));
        }
        for (const auto &key : std::as_const(absent))
            QVERIFY2(valueAt(r.json, key).isUndefined(), qPrintable(u"present: "_s + key));
    } else {
        QVERIFY2(type.startsWith(family == "html"_L1 ? "text/html" : "text/plain"),
                 type.constData());
        for (const auto &needle : std::as_const(present))
            QVERIFY(r.body.contains(needle.toUtf8()));
    }
    if (token == "poor"_L1 && status == 403)
        QVERIFY(text(valueAt(r.json, u"message"_s)).startsWith("INSUFFICIENT_STARS"_L1));
    if (path.startsWith("/api/"_L1)) // the rate limiter is off: no RateLimit headers
        QVERIFY(r.header("RateLimit-Limit").isEmpty());
}

void TestDevServerContract::tokenPayload()
{
    const auto parts = m_rich.split('.');
    QCOMPARE(parts.size(), 3);
    const auto header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding))
            .object();
    QCOMPARE(header.value(u"alg").toString(), u"HS256"_s);
    const auto payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding))
            .object();
    QVERIFY(!payload.value(u"userId").toString().isEmpty());
    QCOMPARE(payload.value(u"phoneNumber").toString(), richPhone);
    QCOMPARE(qint64(payload.value(u"exp").toDouble() - payload.value(u"iat").toDouble()),
             7LL * 24 * 3600);
}

void TestDevServerContract::bearerPrefixIsCaseSensitive()
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_server.origin().toString() + u"/api/v1/users/me"_s));
    request.setRawHeader("Authorization", "bearer " + m_rich);
    auto *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(u"error").toString(),
             u"No token provided"_s);
    reply->deleteLater();
}

void TestDevServerContract::historyRecordsOmitAbsentFields()
{
    const auto r =
        m_server.request("GET", u"/api/v1/nanobanana/images?limit=1000"_s, {}, {}, m_rich);
    QCOMPARE(r.status, 200);
    const auto images = valueAt(r.json, u"data.images"_s).toArray();
    QVERIFY(images.size() > 200);
    static const QRegularExpression hex24(u"^[0-9a-f]{24}$"_s);
    static const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    static const QStringList types{u"TEXTTOIAMGE"_s, u"IMAGETOIAMGE"_s, u"THUMBNAIL"_s,
                                   u"PRODUCT"_s};
    QString previous;
    QHash<QString, int> statuses;
    int absoluteRefs = 0;
    int withTask = 0;
    for (const auto &v : images) {
        const auto o = v.toObject();
        QVERIFY(!containsNull(o));
        QVERIFY(hex24.match(o.value(u"id").toString()).hasMatch());
        QVERIFY(types.contains(o.value(u"type").toString()));
        QVERIFY(o.value(u"referenceImageUrls").isArray());
        QVERIFY(o.value(u"characterIds").isArray());
        const auto status = o.value(u"status").toString();
        ++statuses[status];
        QCOMPARE(o.contains(u"imageUrl"), status == "completed"_L1);
        QCOMPARE(o.contains(u"error"), status == "failed"_L1);
        QCOMPARE(o.contains(u"completedAt"), status != "pending"_L1);
        const auto created = o.value(u"createdAt").toString();
        QVERIFY2(iso.match(created).hasMatch(), qPrintable(created));
        if (!previous.isEmpty())
            QVERIFY2(created <= previous, "newest first");
        previous = created;
        withTask += o.contains(u"taskId");
        const auto refs = o.value(u"referenceImageUrls").toArray();
        for (const auto &ref : refs)
            absoluteRefs += ref.toString().startsWith("http"_L1);
    }
    QVERIFY(statuses.value(u"completed"_s) > statuses.value(u"failed"_s));
    QVERIFY(statuses.value(u"failed"_s) > 0);
    QVERIFY(absoluteRefs > 0);
    QVERIFY(withTask > 0 && withTask < images.size());
}

void TestDevServerContract::asyncGenerationChargesAfterSuccess()
{
    const auto phone = u"+15550000009"_s;
    const auto token = m_server.signIn(phone);
    const auto form = DevServerProcess::multipart(
        {{"prompt", "a tall castle"}, {"resolution", "4K"}, {"imageSize", "16:9"}});
    const auto submitted =
        m_server.request("POST", u"/api/v1/nanobanana/generate"_s, form.first, form.second, token);
    QCOMPARE(submitted.status, 200);
    const auto taskId = valueAt(submitted.json, u"data.taskId"_s).toString();
    // The record exists from submit, with its taskId, until the task ends.
    const auto first =
        m_server.request("GET", u"/api/v1/nanobanana/images?limit=1"_s, {}, {}, token);
    QCOMPARE(valueAt(first.json, u"data.images"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"taskId")
                 .toString(),
             taskId);
    QTRY_COMPARE_WITH_TIMEOUT(
        text(valueAt(
            m_server.request("GET", u"/api/v1/nanobanana/task/"_s + taskId, {}, {}, token).json,
            u"data.task.status"_s)),
        u"completed"_s, 10000);
    const auto me = m_server.request("GET", u"/api/v1/users/me"_s, {}, {}, token);
    QCOMPARE(valueAt(me.json, u"data.user.stars"_s).toDouble(), 10.0); // 30 - 20 for 4K
    const auto page =
        m_server.request("GET", u"/api/v1/nanobanana/images?limit=1"_s, {}, {}, token);
    const auto record = valueAt(page.json, u"data.images"_s).toArray().first().toObject();
    QCOMPARE(record.value(u"status").toString(), u"completed"_s);
    QVERIFY(record.value(u"imageUrl").toString().startsWith("/uploads/nero/generated/"_L1));
    QVERIFY(record.contains(u"completedAt"));
}

void TestDevServerContract::characterLifecycle()
{
    QByteArray pngBytes = "\x89PNG\r\n\x1a\n-not-really-a-png-";
    pngBytes += QByteArray(300, '\x01');
    const auto created = m_server.request(
        "POST", u"/api/v1/characters"_s,
        DevServerProcess::multipart({{"name", "Mina"},
                                     {"images", pngBytes, "a.png", "image/png"},
                                     {"images", "jpegish", "b.jpg", "image/jpeg"},
                                     {"images", "webpish", "c.webp", "image/webp"}})
            .first,
        DevServerProcess::multipart({}).second, m_rich);
    QCOMPARE(created.status, 201);
    const auto character = valueAt(created.json, u"data.character"_s).toObject();
    const auto id = character.value(u"id").toString();
    const auto images = character.value(u"images").toArray();
    QCOMPARE(images.size(), 3);
    const auto url = images.at(0).toObject().value(u"url").toString();
    QVERIFY2(url.startsWith(
                 u"/uploads/nero/characters/%1/"_s.arg(character.value(u"userId").toString())),
             qPrintable(url));
    const auto served = m_server.request("GET", url);
    QCOMPARE(served.status, 200);
    QCOMPARE(served.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(served.body, pngBytes);

    const auto keep = QJsonDocument(QJsonArray{images.at(0).toObject().value(u"id"),
                                               images.at(2).toObject().value(u"url")})
                          .toJson(QJsonDocument::Compact);
    const auto form = DevServerProcess::multipart(
        {{"name", "Mina B"}, {"existingImages", keep}, {"newImages", "new", "d.png", "image/png"}});
    const auto updated =
        m_server.request("PUT", u"/api/v1/characters/"_s + id, form.first, form.second, m_rich);
    QCOMPARE(updated.status, 200);
    QCOMPARE(text(valueAt(updated.json, u"data.character.name"_s)), u"Mina B"_s);
    QCOMPARE(valueAt(updated.json, u"data.character.images"_s).toArray().size(), 3);

    const auto listed = m_server.request("GET", u"/api/v1/characters"_s, {}, {}, m_rich);
    QCOMPARE(valueAt(listed.json, u"data.characters"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"id")
                 .toString(),
             id);
    const auto other = m_server.request("DELETE", u"/api/v1/characters/"_s + id, {}, {}, m_poor);
    QCOMPARE(other.status, 404);
    const auto deleted = m_server.request("DELETE", u"/api/v1/characters/"_s + id, {}, {}, m_rich);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(text(valueAt(deleted.json, u"status"_s)), u"success"_s);
    QVERIFY(deleted.json.contains(u"message"));
}

void TestDevServerContract::originHeaderIsRejected()
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_server.origin().toString() + u"/api/v1/users/me"_s));
    request.setRawHeader("Authorization", "Bearer " + m_rich);
    request.setRawHeader("Origin", "http://evil.example");
    auto *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 500);
    reply->deleteLater();
}

void TestDevServerContract::rawRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<bool>("closes");

    QTest::newRow("pipelined") << QByteArray(
        "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n")
                               << QList<int>{200, 404} << false;
    QTest::newRow("HTTP/1.0") << QByteArray("GET /health HTTP/1.0\r\n\r\n") << QList<int>{200}
                              << true;
    QTest::newRow("garbage request line")
        << QByteArray("\x01\x02 garbage\r\n\r\n") << QList<int>{400} << true;
    QTest::newRow("header without colon")
        << QByteArray("GET /health HTTP/1.1\r\nnonsense\r\n\r\n") << QList<int>{400} << true;
    QTest::newRow("huge headers") << (QByteArray("GET /health HTTP/1.1\r\nX-Big: ")
                                      + QByteArray(qsizetype(100) * 1024, 'a') + "\r\n\r\n")
                                  << QList<int>{431} << true;
    QByteArray noise(qsizetype(70) * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251 + 1) == '\n' ? 'x' : char((i * 7919 + 13) % 251 + 1);
    QTest::newRow("binary noise") << noise << QList<int>{431} << true;
    QTest::newRow("unknown method")
        << QByteArray("BREW /api/v1/pot HTTP/1.1\r\nHost: x\r\n\r\n") << QList<int>{404} << false;
    QTest::newRow("bad content-length")
        << QByteArray("POST /api/v1/auth/send-code HTTP/1.1\r\nContent-Length: -5\r\n\r\n")
        << QList<int>{400} << true;
    QTest::newRow("chunked body") << QByteArray(
        "POST /api/v1/auth/send-code HTTP/1.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
        "10\r\n{\"phoneNumber\":\"\r\nE\r\n+15550001234\"}\r\n0\r\n\r\n")
                                  << QList<int>{200} << false;
}

void TestDevServerContract::rawRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(QList<int>, statuses);
    QFETCH(bool, closes);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.write(request);
    QByteArray received;
    const auto countStatuses = [&received] { return received.count("HTTP/1.1 "); };
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(), countStatuses() >= statuses.size()),
                             5000);
    for (const int status : std::as_const(statuses))
        QVERIFY2(received.contains(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
                 received.left(300).constData());
    if (closes)
        QTRY_VERIFY_WITH_TIMEOUT(
            !disconnected.isEmpty() || socket.state() == QAbstractSocket::UnconnectedState, 5000);
    // The server is still alive.
    QCOMPARE(m_server.request("GET", u"/health"_s).status, 200);
}

void TestDevServerContract::tokenExpiresWithTokenTtl()
{
    DevServerProcess shortLived;
    QVERIFY2(shortLived.start({u"--token-ttl"_s, u"1"_s}), qPrintable(shortLived.errorString()));
    const auto token = shortLived.signIn(u"+15550000077"_s);
    QVERIFY(!token.isEmpty());
    const auto payload =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(token.split('.').at(1), QByteArray::Base64UrlEncoding))
            .object();
    QCOMPARE(qint64(payload.value(u"exp").toDouble() - payload.value(u"iat").toDouble()), 1LL);
    QTRY_COMPARE_WITH_TIMEOUT(
        shortLived.request("GET", u"/api/v1/users/me"_s, {}, {}, token).status, 401, 5000);
    const auto expired = shortLived.request("GET", u"/api/v1/users/me"_s, {}, {}, token);
    QCOMPARE(expired.json.value(u"error").toString(), u"Invalid or expired token"_s);
}

QTEST_MAIN(TestDevServerContract)
#include "tst_devserver_contract.moc"
