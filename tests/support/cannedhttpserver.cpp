#include "support/cannedhttpserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

CannedHttpServer::CannedHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_handler([](const RecordedRequest &) {
        return CannedResponse{json(404, R"({"status":"error","message":"no canned answer"})"),
                              false};
    })
{
    connect(m_server, &QTcpServer::newConnection, this, &CannedHttpServer::onNewConnection);
}

CannedHttpServer::~CannedHttpServer() = default;

bool CannedHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 CannedHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl CannedHttpServer::origin() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void CannedHttpServer::enqueue(CannedResponse response)
{
    m_queue.append(std::move(response));
}

void CannedHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

QByteArray CannedHttpServer::response(int status, const QByteArray &contentType,
                                      const QByteArray &body,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Canned\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : headers)
        raw += h.first + ": " + h.second + "\r\n";
    raw += "Connection: close\r\n\r\n" + body;
    return raw;
}

QByteArray CannedHttpServer::json(int status, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return response(status, "application/json; charset=utf-8", body, headers);
}

void CannedHttpServer::onNewConnection()
{
    while (auto *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void CannedHttpServer::onReadyRead(QTcpSocket *socket)
{
    // The bytes of one request collect in a dynamic property until it is complete.
    QByteArray buffer = socket->property("pending").toByteArray() + socket->readAll();
    if (!buffer.isEmpty() && (buffer.at(0) < 'A' || buffer.at(0) > 'Z')) {
        // Not HTTP (a TLS ClientHello, garbage): answer in plain HTTP as real servers do.
        socket->write(response(400, "text/plain", "plain HTTP server"));
        socket->disconnectFromHost();
        return;
    }
    const auto headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        socket->setProperty("pending", buffer);
        return;
    }
    RecordedRequest request;
    const auto lines = buffer.left(headerEnd).split('\n');
    const auto requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const auto line = lines[i].trimmed();
        const auto colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const auto name = line.left(colon).trimmed();
        const auto value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length) {
        socket->setProperty("pending", buffer);
        return;
    }
    request.body = buffer.mid(headerEnd + 4, length);
    socket->setProperty("pending", buffer.mid(headerEnd + 4 + length));
    m_requests.append(request);

    const auto answer = m_queue.isEmpty() ? m_handler(request) : m_queue.takeFirst();
    socket->write(answer.raw);
    if (!answer.stall)
        socket->disconnectFromHost();
    Q_EMIT requestReceived();
}
