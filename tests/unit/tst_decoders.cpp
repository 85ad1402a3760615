#include "backend/decoders.h"

#include <QTest>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ApiError::Kind)

namespace {

const QString kJson = u"application/json; charset=utf-8"_s;
const QString kHtml = u"text/html; charset=utf-8"_s;
const QString kText = u"text/plain; charset=utf-8"_s;

HttpAnswer answer(int status, const QString &type, const QByteArray &body,
                  const QString &reason = {}, int retryAfter = -1)
{
    return HttpAnswer{status, type, body, reason, retryAfter};
}

// Runs the named decoder; nullopt when it succeeded, else its error.
std::optional<ApiError> run(const QString &decoder, const HttpAnswer &a)
{
    const auto check = [](const auto &result) -> std::optional<ApiError> {
        if (result.ok())
            return std::nullopt;
        return result.error();
    };
    static const QHash<QString, std::function<std::optional<ApiError>(const HttpAnswer &)>>
        decoders{
            {u"done"_s, [&](const HttpAnswer &x) { return check(decodeDone(x)); }},
            {u"auth"_s, [&](const HttpAnswer &x) { return check(decodeAuthResult(x)); }},
            {u"me"_s, [&](const HttpAnswer &x) { return check(decodeMe(x)); }},
            {u"submit"_s, [&](const HttpAnswer &x) { return check(decodeSubmitReceipt(x)); }},
            {u"task"_s, [&](const HttpAnswer &x) { return check(decodeTask(x)); }},
            {u"images"_s, [&](const HttpAnswer &x) { return check(decodeImagesPage(x)); }},
            {u"characters"_s, [&](const HttpAnswer &x) { return check(decodeCharacters(x)); }},
            {u"character"_s, [&](const HttpAnswer &x) { return check(decodeCharacter(x)); }},
            {u"templates"_s, [&](const HttpAnswer &x) { return check(decodeTemplates(x)); }},
        };
    return decoders.value(decoder)(a);
}

const QStringList kAllDecoders{u"done"_s,       u"auth"_s,      u"me"_s,
                               u"submit"_s,     u"task"_s,      u"images"_s,
                               u"characters"_s, u"character"_s, u"templates"_s};

} // namespace

// Checks every decoder against the bodies of CONTRACT.md and worse.
class TestDecoders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorsForEveryDecoder_data();
    void errorsForEveryDecoder();
    void wrongShapes_data();
    void wrongShapes();
    void imagesPageQuirks();
    void imagesPageWithoutPagination();
    void meQuirks_data();
    void meQuirks();
    void meNullUser();
    void insufficientStarsMessage();
    void rateLimitedPlainText();
    void validationListsFields();
    void serverErrorSentence();
    void notFoundHtmlAndJson();
    void submitBothFlavours();
    void taskDecodes();
    void charactersSkipBadRecords();
    void dates_data();
    void dates();
    void thousandRecordPage();
};

// The status-driven errors: the same for every decoder.
void TestDecoders::errorsForEveryDecoder_data()
{
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");

    struct Row
    {
        const char *name;
        int status;
        QString type;
        QByteArray body;
        ApiError::Kind kind;
    };
    const QList<Row> rows{
        {"html-200", 200, kHtml, "<!DOCTYPE html><html><body>app</body></html>",
         ApiError::Kind::BadResponse},
        {"html-200-no-type", 200, {}, "<html><title>x</title></html>", ApiError::Kind::BadResponse},
        {"empty-200", 200, kJson, "", ApiError::Kind::BadResponse},
        {"truncated-200", 200, kJson, R"({"status":"success","data":{"ima)",
         ApiError::Kind::BadResponse},
        {"array-root", 200, kJson, "[1,2,3]", ApiError::Kind::BadResponse},
        {"string-root", 200, kJson, R"("hello")", ApiError::Kind::BadResponse},
        {"plain-text-200", 200, kText, "OK", ApiError::Kind::BadResponse},
        {"401-no-token", 401, kJson, R"({"error":"No token provided"})",
         ApiError::Kind::Unauthorized},
        {"401-expired", 401, kJson, R"({"error":"Invalid or expired token"})",
         ApiError::Kind::Unauthorized},
        {"401-empty", 401, {}, "", ApiError::Kind::Unauthorized},
        {"403-stars", 403, kJson,
         R"({"status":"error","message":"INSUFFICIENT_STARS: need 20, have 5"})",
         ApiError::Kind::InsufficientStars},
        {"403-other", 403, kJson, R"({"status":"error","message":"Forbidden"})",
         ApiError::Kind::Validation},
        {"400", 400, kJson, R"({"status":"error","message":"Prompt is required"})",
         ApiError::Kind::Validation},
        {"400-html", 400, kHtml, "<html><pre>Bad Request</pre></html>", ApiError::Kind::Validation},
        {"404-json", 404, kJson, R"({"status":"error","message":"Route /x not found"})",
         ApiError::Kind::NotFound},
        {"404-html", 404, kHtml, "<!DOCTYPE html><html><body><pre>Cannot POST /x</pre></body>",
         ApiError::Kind::NotFound},
        {"413-proxy", 413, kHtml, "<html><title>413 Request Entity Too Large</title></html>",
         ApiError::Kind::TooLarge},
        {"429-text", 429, kText, "Too many requests from this IP, please try again later",
         ApiError::Kind::RateLimited},
        {"500-hidden", 500, kJson, R"({"status":"error","message":"Internal server error"})",
         ApiError::Kind::ServerError},
        {"500-truncated", 500, kJson, R"({"status":"err)", ApiError::Kind::ServerError},
        {"502-html", 502, kHtml, "<html><title>502 Bad Gateway</title></html>",
         ApiError::Kind::ServerError},
        {"503-sms", 503, kJson, R"({"status":"error","message":"SMS service unavailable"})",
         ApiError::Kind::ServerError},
        {"504-empty", 504, {}, "", ApiError::Kind::ServerError},
        {"200-status-error", 200, kJson, R"({"status":"error","message":"odd"})",
         ApiError::Kind::ServerError},
    };
    for (const auto &decoder : kAllDecoders)
        for (const auto &row : rows) {
            if (decoder == u"done" && row.body.isEmpty() && row.status == 200)
                continue; // an empty success is a valid Done (204-style)
            QTest::addRow("%s/%s", qPrintable(decoder), row.name)
                << decoder << row.status << row.type << row.body << row.kind;
        }
}

void TestDecoders::errorsForEveryDecoder()
{
    QFETCH(QString, decoder);
    QFETCH(int, status);
    QFETCH(QString, contentType);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);

    const auto error = run(decoder, answer(status, contentType, body, u"Reason"_s, 7));
    QVERIFY2(error.has_value(), "an error answer decoded as success");
    QCOMPARE(ApiError::kindName(error->kind), ApiError::kindName(kind));
    QCOMPARE(error->httpStatus, status);
    QVERIFY(error->userMessage.size() > 20);
    QVERIFY(error->userMessage.endsWith(u'.'));
    QVERIFY(!error->userMessage.contains(u"%1"));
}

// Success status, wrong structure: BadResponse, never a crash.
void TestDecoders::wrongShapes_data()
{
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("auth no data") << u"auth"_s << QByteArray(R"({"status":"success"})");
    QTest::newRow("auth data array") << u"auth"_s << QByteArray(R"({"data":[]})");
    QTest::newRow("auth no token") << u"auth"_s << QByteArray(R"({"data":{"user":{"id":"u1"}}})");
    QTest::newRow("auth token number")
        << u"auth"_s << QByteArray(R"({"data":{"user":{"id":"u1"},"accessToken":5}})");
    QTest::newRow("auth user string")
        << u"auth"_s << QByteArray(R"({"data":{"user":"u1","accessToken":"t"}})");
    QTest::newRow("me data string") << u"me"_s << QByteArray(R"({"data":"x"})");
    QTest::newRow("me user number") << u"me"_s << QByteArray(R"({"data":{"user":5}})");
    QTest::newRow("submit empty data") << u"submit"_s << QByteArray(R"({"data":{}})");
    QTest::newRow("submit ids numbers")
        << u"submit"_s << QByteArray(R"({"data":{"taskId":5,"imageId":6}})");
    QTest::newRow("task missing") << u"task"_s << QByteArray(R"({"data":{}})");
    QTest::newRow("task array") << u"task"_s << QByteArray(R"({"data":{"task":[]}})");
    QTest::newRow("task completed no url")
        << u"task"_s << QByteArray(R"({"data":{"task":{"id":"t","status":"completed"}}})");
    QTest::newRow("images missing") << u"images"_s << QByteArray(R"({"data":{}})");
    QTest::newRow("images object")
        << u"images"_s << QByteArray(R"({"data":{"images":{"id":"x"}}})");
    QTest::newRow("images string") << u"images"_s << QByteArray(R"({"data":{"images":"x"}})");
    QTest::newRow("characters null")
        << u"characters"_s << QByteArray(R"({"data":{"characters":null}})");
    QTest::newRow("character no id")
        << u"character"_s << QByteArray(R"({"data":{"character":{"name":"x"}}})");
    QTest::newRow("templates number") << u"templates"_s << QByteArray(R"({"data":7})");
    QTest::newRow("done array") << u"done"_s << QByteArray(R"([])");
}

void TestDecoders::wrongShapes()
{
    QFETCH(QString, decoder);
    QFETCH(QByteArray, body);
    const auto error = run(decoder, answer(200, kJson, body));
    QVERIFY(error.has_value());
    QCOMPARE(ApiError::kindName(error->kind), ApiError::kindName(ApiError::Kind::BadResponse));
    QVERIFY(!error->userMessage.isEmpty());
}

void TestDecoders::imagesPageQuirks()
{
    const QByteArray body = R"({"status":"success","data":{"images":[
        {"id":"a1","userId":"u","prompt":"cat","type":"TEXTTOIAMGE","status":"completed",
         "imageUrl":"/uploads/nero/generated/1.png","referenceImageUrls":[],"characterIds":[],
         "createdAt":"2026-02-24T12:25:39.123Z","completedAt":"2026-02-24T12:25:49Z"},
        {"id":"a2","userId":"u","prompt":"dog","type":"IMAGETOIAMGE","status":"failed",
         "error":"Content policy violation: no","taskId":"t2",
         "referenceImageUrls":["/uploads/nero/references/r.png","https://cdn.example/x.jpg",5],
         "characterIds":["c1"],"createdAt":"2026-02-24T12:25:38.000Z"},
        {"id":"a3","prompt":"thumb","type":"THUMBNAIL","status":"pending",
         "createdAt":"2026-02-24T12:25:37.000Z"},
        {"id":"a4","prompt":"prod","type":"PRODUCT","status":"completed","imageUrl":"/u/4.png"},
        {"id":"a5","prompt":7,"type":"SOMETHING_NEW","status":"weird","imageUrl":42,
         "referenceImageUrls":"not-a-list","createdAt":12345},
        {"prompt":"no id"},
        "not an object",
        null,
        {"id":5,"prompt":"numeric id"}
    ],"pagination":{"total":120,"limit":9,"skip":0,"hasMore":true}}})";
    const auto r = decodeImagesPage(answer(200, kJson, body));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().userMessage));
    const auto &page = r.value();
    QCOMPARE(page.images.size(), 5);
    QCOMPARE(page.skipped, 4);
    QCOMPARE(page.total, 120);
    QCOMPARE(page.limit, 9);
    QVERIFY(page.hasMore);

    const auto &a1 = page.images[0];
    QCOMPARE(a1.type, ImageType::TextToImage);
    QCOMPARE(a1.typeRaw, u"TEXTTOIAMGE"_s);
    QCOMPARE(a1.status, ImageStatus::Completed);
    QCOMPARE(a1.createdAt, QDateTime(QDate(2026, 2, 24), QTime(12, 25, 39, 123), Qt::UTC));
    QCOMPARE(a1.completedAt, QDateTime(QDate(2026, 2, 24), QTime(12, 25, 49), Qt::UTC));
    QVERIFY(a1.taskId.isEmpty());

    const auto &a2 = page.images[1];
    QCOMPARE(a2.type, ImageType::ImageToImage);
    QCOMPARE(a2.status, ImageStatus::Failed);
    QCOMPARE(a2.error, u"Content policy violation: no"_s);
    QCOMPARE(a2.referenceImageUrls,
             QStringList({u"/uploads/nero/references/r.png"_s, u"https://cdn.example/x.jpg"_s}));
    QCOMPARE(a2.characterIds, QStringList{u"c1"_s});
    QVERIFY(!a2.completedAt.isValid());

    QCOMPARE(page.images[2].type, ImageType::Other);
    QCOMPARE(page.images[2].typeRaw, u"THUMBNAIL"_s);
    QCOMPARE(page.images[3].type, ImageType::Other);
    QCOMPARE(page.images[3].typeRaw, u"PRODUCT"_s);

    const auto &a5 = page.images[4];
    QCOMPARE(a5.type, ImageType::Other);
    QCOMPARE(a5.typeRaw, u"SOMETHING_NEW"_s);
    QVERIFY(a5.prompt.isEmpty());
    QVERIFY(a5.imageUrl.isEmpty());
    QCOMPARE(a5.referenceImageUrls, QStringList{u"not-a-list"_s});
    QVERIFY(!a5.createdAt.isValid());
    QCOMPARE(a5.status, ImageStatus::Pending);
}

void TestDecoders::imagesPageWithoutPagination()
{
    const auto r =
        decodeImagesPage(answer(200, kJson, R"({"data":{"images":[{"id":"a"},{"id":"b"}]}})"));
    QVERIFY(r.ok());
    QCOMPARE(r.value().images.size(), 2);
    QCOMPARE(r.value().total, 2);
    QVERIFY(!r.value().hasMore);

    const auto typed = decodeImagesPage(answer(
        200, kJson,
        R"({"data":{"images":[],"pagination":{"total":"300","limit":"50","skip":"250","hasMore":"true"}}})"));
    QVERIFY(typed.ok());
    QCOMPARE(typed.value().total, 300);
    QCOMPARE(typed.value().skip, 250);
    QVERIFY(typed.value().hasMore);
}

void TestDecoders::meQuirks_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<double>("stars");
    QTest::addColumn<QString>("displayName");

    QTest::newRow("full") << QByteArray(
        R"({"id":"u1","phoneNumber":"+989121234567","name":"Sara","subscription":"pro","stars":30,"isVerified":true,"role":"user","createdAt":"2026-01-01T00:00:00.000Z"})")
                          << 30.0 << u"Sara"_s;
    QTest::newRow("negative") << QByteArray(R"({"id":"u1","phoneNumber":"+98912","stars":-10})")
                              << -10.0 << u"+98912"_s;
    QTest::newRow("string stars") << QByteArray(R"({"id":"u1","email":"a@b.c","stars":"25"})")
                                  << 25.0 << u"a@b.c"_s;
    QTest::newRow("garbage stars")
        << QByteArray(R"({"id":"u1","stars":"lots"})") << 0.0 << QString();
    QTest::newRow("omitted everything") << QByteArray(R"({})") << 0.0 << QString();
    QTest::newRow("wrong types") << QByteArray(
        R"({"id":1,"name":["x"],"stars":{"n":1},"isVerified":"yes"})")
                                 << 0.0 << QString();
}

void TestDecoders::meQuirks()
{
    QFETCH(QByteArray, user);
    QFETCH(double, stars);
    QFETCH(QString, displayName);
    const auto r =
        decodeMe(answer(200, kJson, R"({"status":"success","data":{"user":)" + user + "}}"));
    QVERIFY(r.ok());
    QCOMPARE(r.value().stars, stars);
    QCOMPARE(r.value().displayName(), displayName);
}

void TestDecoders::meNullUser()
{
    const auto r = decodeMe(answer(200, kJson, R"({"status":"success","data":{"user":null}})"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ApiError::Kind::Unauthorized);
    QVERIFY(r.error().userMessage.contains(u"Sign in again"));
}

void TestDecoders::insufficientStarsMessage()
{
    const auto r = decodeSubmitReceipt(answer(
        403, kJson,
        R"({"status":"error","message":"INSUFFICIENT_STARS: This generation requires 20 stars. You have 5."})"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ApiError::Kind::InsufficientStars);
    QCOMPARE(r.error().userMessage,
             u"You are out of stars: this needs 20 and you have 5. Top up, then try again."_s);
    QVERIFY(r.error().serverMessage.startsWith(u"INSUFFICIENT_STARS"));

    const auto bare = decodeSubmitReceipt(
        answer(403, kJson, R"({"status":"error","message":"INSUFFICIENT_STARS"})"));
    QCOMPARE(bare.error().kind, ApiError::Kind::InsufficientStars);
    QVERIFY(bare.error().userMessage.contains(u"Top up"));
}

void TestDecoders::rateLimitedPlainText()
{
    const auto r = decodeImagesPage(answer(429, kText,
                                           "Too many requests from this IP, please try again later",
                                           u"Too Many Requests"_s, 42));
    QCOMPARE(r.error().kind, ApiError::Kind::RateLimited);
    QCOMPARE(r.error().retryAfterSeconds, 42);
    QCOMPARE(r.error().serverMessage, u"Too many requests from this IP, please try again later"_s);
    QVERIFY(r.error().userMessage.contains(u"42"));
    QVERIFY(r.error().isTransient());
}

void TestDecoders::validationListsFields()
{
    const auto r = decodeDone(answer(
        400, kJson,
        R"({"status":"error","message":"Validation failed","errors":[{"field":"phoneNumber","message":"Invalid phone number"}]})"));
    QCOMPARE(r.error().kind, ApiError::Kind::Validation);
    QVERIFY(r.error().serverMessage.contains(u"Validation failed"));
    QVERIFY(r.error().userMessage.contains(u"phoneNumber: Invalid phone number"));
}

void TestDecoders::serverErrorSentence()
{
    const auto r = decodeSubmitReceipt(
        answer(500, kJson, R"({"status":"error","message":"Internal server error"})"));
    QCOMPARE(r.error().userMessage,
             u"The server could not finish this request (it said: Internal server error). Your "
             "job is kept; try again in a minute."_s);

    const auto html = decodeImagesPage(answer(200, kHtml, "<html><body>SPA</body></html>"));
    QVERIFY(html.error().userMessage.startsWith(
        u"The server answered with a web page instead of data."));
}

void TestDecoders::notFoundHtmlAndJson()
{
    const auto json = decodeTask(
        answer(404, kJson, R"({"status":"error","message":"Route /api/v1/x not found"})"));
    QCOMPARE(json.error().kind, ApiError::Kind::NotFound);
    QCOMPARE(json.error().serverMessage, u"Route /api/v1/x not found"_s);
    const auto html = decodeDone(
        answer(404, kHtml,
               "<!DOCTYPE html>\n<html><head><title>Error</title></head><body><pre>Cannot POST "
               "/api/v1/nope</pre></body></html>"));
    QCOMPARE(html.error().kind, ApiError::Kind::NotFound);
    QCOMPARE(html.error().serverMessage, u"Cannot POST /api/v1/nope"_s);
    const auto unauthorized = decodeDone(answer(401, kJson, R"({"error":"No token provided"})"));
    QCOMPARE(unauthorized.error().serverMessage, u"No token provided"_s);
    const auto reason = decodeDone(answer(418, {}, "", u"I'm a teapot"_s));
    QCOMPARE(reason.error().serverMessage, u"I'm a teapot"_s);
}

void TestDecoders::submitBothFlavours()
{
    const auto sync = decodeSubmitReceipt(answer(
        200, kJson,
        R"({"status":"success","data":{"imageUrl":"/uploads/nero/generated/1-a.png","imageId":"65f000000000000000000001","prompt":"cat","aspectRatio":"16:9"}})"));
    QVERIFY(sync.ok());
    QVERIFY(!sync.value().isAsync());
    QCOMPARE(sync.value().imageId, u"65f000000000000000000001"_s);
    QCOMPARE(sync.value().aspectRatio, u"16:9"_s);

    const auto async = decodeSubmitReceipt(answer(
        201, kJson,
        R"({"status":"success","data":{"taskId":"t-1","status":"pending","message":"queued"}})"));
    QVERIFY(async.ok());
    QVERIFY(async.value().isAsync());
    QCOMPARE(async.value().taskId, u"t-1"_s);
}

void TestDecoders::taskDecodes()
{
    const auto r = decodeTask(answer(
        200, kJson,
        R"({"data":{"task":{"id":"m1","taskId":"t-1","status":"completed","resultImageUrls":["https://img.example/a.png"],"createdAt":"2026-02-24T12:25:39Z"}}})"));
    QVERIFY(r.ok());
    QCOMPARE(r.value().status, TaskStatus::Completed);
    QCOMPARE(r.value().resultImageUrls.value(0), u"https://img.example/a.png"_s);

    const auto failed = decodeTask(answer(
        200, kJson,
        R"({"data":{"task":{"taskId":"t-2","status":"failed","error":"Generation failed: x"}}})"));
    QVERIFY(failed.ok());
    QCOMPARE(failed.value().status, TaskStatus::Failed);
    QCOMPARE(failed.value().error, u"Generation failed: x"_s);

    const auto odd = decodeTask(
        answer(200, kJson, R"({"data":{"task":{"taskId":"t-3","status":"queued-somewhere"}}})"));
    QVERIFY(odd.ok());
    QCOMPARE(odd.value().status, TaskStatus::Pending);
}

void TestDecoders::charactersSkipBadRecords()
{
    const auto r = decodeCharacters(answer(
        200, kJson,
        R"({"data":{"characters":[{"id":"c1","name":"Ana","images":[{"id":"i1","url":"/uploads/nero/characters/u/1.png","publicId":"p","order":0},{"id":"i2"},"/uploads/x.png"]},{"name":"no id"},3]}})"));
    QVERIFY(r.ok());
    QCOMPARE(r.value().size(), 1);
    QCOMPARE(r.value()[0].images.size(), 2);
    QCOMPARE(r.value()[0].images[1].url, u"/uploads/x.png"_s);

    const auto created = decodeCharacter(
        answer(201, kJson, R"({"status":"success","data":{"character":{"id":"c9","name":"B"}}})"));
    QVERIFY(created.ok());
    QCOMPARE(created.value().name, u"B"_s);

    const auto done = decodeDone(answer(200, kJson, R"({"status":"success","message":"Deleted"})"));
    QCOMPARE(done.value().message, u"Deleted"_s);
    QVERIFY(decodeDone(answer(204, {}, "")).ok());
}

void TestDecoders::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDate day(2026, 2, 24);
    QTest::newRow("ms") << u"2026-02-24T12:25:39.123Z"_s
                        << QDateTime(day, QTime(12, 25, 39, 123), Qt::UTC);
    QTest::newRow("no ms") << u"2026-02-24T12:25:39Z"_s
                           << QDateTime(day, QTime(12, 25, 39), Qt::UTC);
    QTest::newRow("offset") << u"2026-02-24T15:55:39.000+03:30"_s
                            << QDateTime(day, QTime(12, 25, 39), Qt::UTC);
    QTest::newRow("no zone") << u"2026-02-24T12:25:39.500"_s
                             << QDateTime(day, QTime(12, 25, 39, 500), Qt::UTC);
    QTest::newRow("garbage") << u"yesterday"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestDecoders::dates()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const auto parsed = parseServerDate(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

// A first sync asks for 1000 records per page (~1 MB): decoding it must stay cheap.
void TestDecoders::thousandRecordPage()
{
    QByteArray body = R"({"status":"success","data":{"images":[)";
    for (int i = 0; i < 1000; ++i) {
        if (i)
            body += ',';
        body +=
            R"({"id":"65f0000000000000000)" + QByteArray::number(10000 + i)
            + R"(","userId":"u1","prompt":"a long prompt about a banana number )"
            + QByteArray::number(i)
            + R"( with some more words to make it realistic","type":"TEXTTOIAMGE","status":"completed","imageUrl":"/uploads/nero/generated/1700000000000-abc.png","referenceImageUrls":["/uploads/nero/references/r.png"],"characterIds":[],"createdAt":"2026-02-24T12:25:39.123Z","completedAt":"2026-02-24T12:25:49.456Z"})";
    }
    body += R"(],"pagination":{"total":5000,"limit":1000,"skip":0,"hasMore":true}}})";
    const auto a = answer(200, kJson, body);
    qsizetype count = 0;
    QBENCHMARK
    {
        count = decodeImagesPage(a).value().images.size();
    }
    QCOMPARE(count, 1000);
    qDebug("page body: %lld bytes", qlonglong(body.size()));
}

QTEST_GUILESS_MAIN(TestDecoders)
#include "tst_decoders.moc"
