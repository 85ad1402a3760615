#include "backend/decoders.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray nginxPage(int status, const char *title)
{
    return "<html>\r\n<head><title>" + QByteArray::number(status) + ' ' + title
           + "</title></head>\r\n<body>\r\n<center><h1>" + QByteArray::number(status) + ' ' + title
           + "</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";
}

} // namespace

// A proxy in front of the backend answers 413, 502, 503 and 504 with its own page, or none:
// each is recognised by its status, whatever the body, and has a sentence of its own.
class TestProxyAnswers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisedByStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");

        const auto html = u"text/html"_s;
        QTest::newRow("413 nginx") << 413 << html << nginxPage(413, "Request Entity Too Large")
                                   << u"too-large"_s << u"core.proxy.tooLarge"_s;
        QTest::newRow("413 empty")
            << 413 << QString() << QByteArray() << u"too-large"_s << u"core.proxy.tooLarge"_s;
        QTest::newRow("502 nginx") << 502 << html << nginxPage(502, "Bad Gateway")
                                   << u"server-error"_s << u"core.proxy.badGateway"_s;
        QTest::newRow("502 json") << 502 << u"application/json"_s
                                  << QByteArray(R"({"message":"upstream"})") << u"server-error"_s
                                  << u"core.proxy.badGateway"_s;
        QTest::newRow("503 nginx")
            << 503 << html << nginxPage(503, "Service Temporarily Unavailable") << u"server-error"_s
            << u"core.proxy.unavailable"_s;
        QTest::newRow("503 plain") << 503 << u"text/plain"_s << QByteArray("down")
                                   << u"server-error"_s << u"core.proxy.unavailable"_s;
        QTest::newRow("504 nginx") << 504 << html << nginxPage(504, "Gateway Time-out")
                                   << u"server-error"_s << u"core.proxy.gatewayTimeout"_s;
        QTest::newRow("504 empty") << 504 << QString() << QByteArray() << u"server-error"_s
                                   << u"core.proxy.gatewayTimeout"_s;
        // The backend's own 503 speaks JSON; its words are kept.
        QTest::newRow("503 backend")
            << 503 << u"application/json"_s
            << QByteArray(R"({"status":"error","message":"SMS service unavailable"})")
            << u"server-error"_s << u"api.serverError"_s;
    }

    void recognisedByStatus()
    {
        QFETCH(int, status);
        QFETCH(QString, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        QFETCH(QString, code);

        HttpAnswer answer;
        answer.status = status;
        answer.contentType = contentType;
        answer.body = body;
        const auto error = errorFromAnswer(answer);
        QCOMPARE(ApiError::kindName(error.kind), kind);
        QCOMPARE(error.message.code, code);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(error.userMessage.endsWith(u'.'));
        QVERIFY(!error.userMessage.contains(u"%1"));
        // Neither "a web page instead of data" nor the page's own markup.
        QVERIFY(!error.userMessage.contains(u"web page"));
        QVERIFY(!error.userMessage.contains(u"<"));
    }

    // The upload-side 413 says nothing was charged; 502-504 keep the retry semantics.
    void retrySemanticsStay()
    {
        HttpAnswer answer;
        answer.status = 413;
        answer.body = nginxPage(413, "Request Entity Too Large");
        const auto tooLarge = errorFromAnswer(answer);
        QVERIFY(tooLarge.userMessage.contains(u"nothing was charged"));
        QVERIFY(!tooLarge.isTransient());
        for (int status : {502, 503, 504}) {
            answer.status = status;
            answer.body = "<html></html>";
            const auto error = errorFromAnswer(answer);
            QVERIFY(error.isTransient());
            QVERIFY(error.outcomeUnknown());
        }
    }
};

QTEST_GUILESS_MAIN(TestProxyAnswers)
#include "tst_proxyanswers.moc"
