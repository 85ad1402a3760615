// HttpExchange's hand-over gate over a real socket: a POST whose hand-over cannot be recorded
// keeps its last bytes, so the server never holds the whole request and cannot act on it
// (and charge for it). The same POST let through arrives whole.
#include "backend/httpexchange.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Reads one request and counts its body bytes; answers 200 only once the body is whole.
class CountingServer final : public QObject
{
public:
    CountingServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            connect(m_socket, &QTcpSocket::readyRead, this, [this] { read(); });
            connect(m_socket, &QTcpSocket::disconnected, this, [this] { closed = true; });
        });
    }
    quint16 port() const { return m_server.serverPort(); }

    qint64 bodyBytes = 0;
    qint64 declared = -1;
    bool closed = false;
    bool answered = false;

private:
    void read()
    {
        m_buffer += m_socket->readAll();
        if (declared < 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            for (const auto &line : m_buffer.left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    declared = line.mid(15).trimmed().toLongLong();
            }
            m_buffer.remove(0, end + 4);
        }
        bodyBytes += m_buffer.size();
        m_buffer.clear();
        if (declared >= 0 && bodyBytes >= declared && !answered) {
            answered = true;
            m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
        }
    }

    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

HttpRequestSpec post(quint16 port, qint64 size)
{
    HttpRequestSpec spec;
    spec.method = "POST";
    spec.url = QUrl(u"http://127.0.0.1:%1/api/generate"_s.arg(port));
    spec.body = QByteArray(size, 'x');
    spec.contentType = "application/octet-stream";
    spec.timeoutMs = 10'000;
    return spec;
}

} // namespace

class TestHandOver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heldBackBodyNeverArrivesWhole()
    {
        CountingServer server;
        QNetworkAccessManager network;
        const qint64 size = qint64{3} * 1024 * 1024;
        HttpExchange exchange(network, post(server.port(), size));
        int handOvers = 0;
        connect(
            &exchange, &HttpExchange::bodyHandedOver, this,
            [&] {
                ++handOvers;
                exchange.holdBackBody(); // as when the mark could not be written
            },
            Qt::DirectConnection);
        QSignalSpy finished(&exchange, &HttpExchange::finished);
        exchange.start();
        QVERIFY(finished.wait(15000));
        QCOMPARE(handOvers, 1);
        QVERIFY(!exchange.outcome());
        QCOMPARE(exchange.outcome().error().kind, ApiError::Kind::Network);
        QVERIFY(exchange.heldBack());
        QTRY_VERIFY(server.closed || server.bodyBytes > 0);
        QCOMPARE(server.declared, size);
        QVERIFY2(server.bodyBytes < size, qPrintable(QString::number(server.bodyBytes)));
        QVERIFY(!server.answered);
    }

    void bodyLetThroughArrivesWhole()
    {
        CountingServer server;
        QNetworkAccessManager network;
        const qint64 size = qint64{3} * 1024 * 1024;
        HttpExchange exchange(network, post(server.port(), size));
        int handOvers = 0;
        connect(
            &exchange, &HttpExchange::bodyHandedOver, this, [&] { ++handOvers; },
            Qt::DirectConnection);
        QSignalSpy finished(&exchange, &HttpExchange::finished);
        exchange.start();
        QVERIFY(finished.wait(15000));
        QCOMPARE(handOvers, 1);
        QVERIFY(exchange.outcome());
        QCOMPARE(exchange.outcome().value().status, 200);
        QCOMPARE(server.bodyBytes, size);
        QVERIFY(!exchange.heldBack());
    }
};

QTEST_GUILESS_MAIN(TestHandOver)
#include "tst_handover.moc"
