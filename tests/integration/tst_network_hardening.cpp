#include "backend/backendclient.h"
#include "backend/httpexchange.h"
#include "backend/requestbudget.h"
#include "support/devserverprocess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

template<class T>
std::optional<Result<T>> resultOf(ApiCall<T> *call, int timeoutMs = 30000)
{
    std::optional<Result<T>> out;
    QObject context;
    QObject::connect(call, &ApiCallBase::finished, &context,
                     [&out, call] { out.emplace(call->result()); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        qWarning("call did not finish in %d ms", timeoutMs);
    return out;
}

} // namespace

// Issue 15 against the dev server: answers are bounded in memory whatever their framing
// (defect 6), and an API call is never followed to another origin.
class TestNetworkHardening final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start({u"--image-origin"_s, u"http://127.0.0.1:0"_s}),
                 qPrintable(m_server.errorString()));
    }
    void cleanup() { QVERIFY(m_server.setFault(u"none"_s)); }

    // 200 MB without a length: stopped at the cap, with never more than the cap and Qt's one
    // read chunk held at once.
    void chunkedAnswerOverTheCapIsStoppedWhileReading()
    {
        QVERIFY(m_server.setFault(u"huge-chunked"_s, 1.0, u"/nanobanana/images"_s));
        QNetworkAccessManager network;
        HttpRequestSpec spec;
        spec.url = QUrl(m_server.apiBase().toString() + u"/nanobanana/images?limit=5"_s);
        spec.maxBytes = qint64(4) * 1024 * 1024;
        HttpExchange exchange(network, spec);
        QSignalSpy finished(&exchange, &HttpExchange::finished);
        exchange.start();
        QVERIFY(finished.wait(30000));
        QVERIFY(!exchange.outcome().ok());
        const auto &error = exchange.outcome().error();
        QCOMPARE(ApiError::kindName(error.kind), u"too-large"_s);
        QVERIFY2(error.userMessage.contains(u"4.0 MB"), qPrintable(error.userMessage));
        QVERIFY(exchange.peakBufferedBytes() > 0);
        QVERIFY2(exchange.peakBufferedBytes() <= spec.maxBytes + HttpExchange::kReadChunk,
                 qPrintable(QString::number(exchange.peakBufferedBytes())));
    }

    // The same through the client, with the JSON cap of every API call: a sentence, no hang.
    void chunkedHistoryPageEndsInASentence()
    {
        QVERIFY(m_server.setFault(u"huge-chunked"_s, 1.0, u"/nanobanana/images"_s));
        QNetworkAccessManager network;
        RequestBudget budget;
        BackendClient client(network, budget);
        client.setOrigin(m_server.origin());
        const auto r = resultOf(client.fetchImages(50, 0));
        QVERIFY(r && !r->ok());
        QCOMPARE(ApiError::kindName(r->error().kind), u"too-large"_s);
        QVERIFY2(r->error().userMessage.contains(u"larger than"),
                 qPrintable(r->error().userMessage));
    }

    // A redirect to another origin ends the call with a sentence; the other origin hears
    // nothing, so nothing it says can be stored.
    void redirectToAnotherOriginIsRefused()
    {
        const auto token = m_server.signIn(u"+15550002222"_s);
        QVERIFY(!token.isEmpty());
        QVERIFY(m_server.setFault(u"redirect-away"_s, 1.0, u"/nanobanana/images"_s));
        const int before = m_server.devState().value(u"imageOriginRequests").toInt();
        QNetworkAccessManager network;
        RequestBudget budget;
        BackendClient client(network, budget);
        client.setOrigin(m_server.origin());
        client.setAccessToken(QString::fromLatin1(token));
        const auto r = resultOf(client.fetchImages(50, 0));
        QVERIFY(r && !r->ok());
        QCOMPARE(ApiError::kindName(r->error().kind), u"bad-response"_s);
        QCOMPARE(r->error().message.code, u"core.redirect.otherOrigin"_s);
        QVERIFY2(r->error().userMessage.contains(u"was not followed"),
                 qPrintable(r->error().userMessage));
        QCOMPARE(m_server.devState().value(u"imageOriginRequests").toInt(), before);
    }

    void redirectWithinTheOriginIsFollowed()
    {
        const auto token = m_server.signIn(u"+15550003333"_s);
        QVERIFY(!token.isEmpty());
        QVERIFY(m_server.setFault(u"redirect-same"_s, 1.0, u"/users/me"_s));
        QNetworkAccessManager network;
        RequestBudget budget;
        BackendClient client(network, budget);
        client.setOrigin(m_server.origin());
        client.setAccessToken(QString::fromLatin1(token));
        const auto r = resultOf(client.fetchMe());
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : r->error().userMessage));
        QCOMPARE(r->value().phoneNumber, u"+15550003333"_s);
    }

private:
    DevServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestNetworkHardening)
#include "tst_network_hardening.moc"
