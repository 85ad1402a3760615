#include "devserver/httpconnection.h"

#include <QTimer>
#include <QUrl>

#include <sys/socket.h>

namespace devserver {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

HttpConnection::HttpConnection(QTcpSocket *socket, bool imageOrigin, RequestHandler handler,
                               std::shared_ptr<ProxyLimits> proxy, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_imageOrigin(imageOrigin)
    , m_handler(std::move(handler))
    , m_proxy(std::move(proxy))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_dead = true;
        deleteLater();
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::continueStream);
}

void HttpConnection::onReadyRead()
{
    if (m_dropLeft > 0) {
        m_dropLeft -= m_socket->skip(m_socket->bytesAvailable());
        if (m_dropLeft <= 0)
            m_socket->disconnectFromHost();
        return;
    }
    m_buffer += m_socket->readAll();
    if (!m_busy)
        processBuffer();
}

void HttpConnection::fail(int status, const QByteArray &text)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/html; charset=utf-8";
    response.body = "<!DOCTYPE html>\n<html><body><pre>" + text + "</pre></body></html>\n";
    m_buffer.clear();
    m_busy = true;
    m_closeAfter = true;
    respond(response);
}

// Decodes a chunked body starting at `from`; returns false while it is incomplete.
static bool decodeChunked(const QByteArray &buffer, qsizetype from, QByteArray *body,
                          qsizetype *end, bool *bad)
{
    qsizetype pos = from;
    body->clear();
    for (;;) {
        const auto lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        auto sizeText = buffer.mid(pos, lineEnd - pos);
        if (const auto semi = sizeText.indexOf(';'); semi >= 0)
            sizeText.truncate(semi);
        bool ok = false;
        const auto size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || body->size() + size > HttpConnection::maxBodyBytes) {
            *bad = true;
            return false;
        }
        pos = lineEnd + 2;
        if (size == 0) {
            const auto trailerEnd = buffer.indexOf("\r\n", pos);
            if (trailerEnd < 0)
                return false;
            *end = trailerEnd + 2;
            return true;
        }
        if (buffer.size() < pos + size + 2)
            return false;
        body->append(buffer.constData() + pos, size);
        pos += size + 2;
    }
}

void HttpConnection::processBuffer()
{
    while (!m_busy && !m_dead) {
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const auto headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > maxHeaderBytes)
                fail(431, "Request Header Fields Too Large");
            return;
        }
        if (headerEnd > maxHeaderBytes) {
            fail(431, "Request Header Fields Too Large");
            return;
        }
        const auto lines = m_buffer.left(headerEnd).split('\n');
        const auto requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")
            || requestLine.at(0).isEmpty() || !requestLine.at(1).startsWith('/')) {
            fail(400, "Bad Request");
            return;
        }
        HttpRequest request;
        request.method = requestLine.at(0);
        request.target = requestLine.at(1);
        request.version = requestLine.at(2);
        request.peer = m_socket->peerAddress();
        request.viaImageOrigin = m_imageOrigin;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const auto line = lines.at(i).trimmed();
            const auto colon = line.indexOf(':');
            if (colon <= 0) {
                fail(400, "Bad Request");
                return;
            }
            request.headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        const auto bodyStart = headerEnd + 4;
        qsizetype requestEnd = bodyStart;
        if (request.header("transfer-encoding").toLower().contains("chunked")) {
            bool bad = false;
            if (!decodeChunked(m_buffer, bodyStart, &request.body, &requestEnd, &bad)) {
                if (bad)
                    fail(400, "Bad Request");
                return;
            }
        } else if (request.hasHeader("content-length")) {
            bool ok = false;
            const auto length = request.header("content-length").toLongLong(&ok);
            if (!ok || length < 0) {
                fail(400, "Bad Request");
                return;
            }
            if (m_proxy && m_proxy->maxBodyBytes > 0 && length > m_proxy->maxBodyBytes) {
                refuseAsProxy(bodyStart + length);
                return;
            }
            if (length > maxBodyBytes) {
                fail(413, "413 Request Entity Too Large");
                return;
            }
            if (m_buffer.size() < bodyStart + length)
                return;
            request.body = m_buffer.mid(bodyStart, length);
            requestEnd = bodyStart + length;
        }
        m_buffer.remove(0, requestEnd);

        const auto queryStart = request.target.indexOf('?');
        const auto rawPath = queryStart < 0 ? request.target : request.target.left(queryStart);
        request.rawQuery = queryStart < 0 ? QByteArray() : request.target.mid(queryStart + 1);
        request.path = QUrl::fromPercentEncoding(rawPath);
        request.query = QUrlQuery(QString::fromUtf8(request.rawQuery));

        const auto connectionHeader = request.header("connection").toLower();
        m_closeAfter = request.version == "HTTP/1.0" ? !connectionHeader.contains("keep-alive")
                                                     : connectionHeader.contains("close");
        m_busy = true;
        m_method = request.method;
        m_handler(this, request);
    }
}

void HttpConnection::refuseAsProxy(qint64 bodyEnd)
{
    ++m_proxy->refused;
    // nginx 1.22's page and headers, byte for byte where it matters.
    const QByteArray page = "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n"
                            "<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n"
                            "<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";
    m_socket->write("HTTP/1.1 413 Request Entity Too Large\r\nServer: nginx/1.22.1\r\n"
                    "Content-Type: text/html\r\nContent-Length: "
                    + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
    m_busy = true;
    m_dead = true; // no route sees this request, nor any after it on this connection
    m_dropLeft = bodyEnd - m_buffer.size();
    m_buffer.clear();
    if (m_dropLeft <= 0)
        m_socket->disconnectFromHost();
    // nginx's lingering_timeout: a client that stops sending is closed on.
    QTimer::singleShot(5000, this, [this] { m_socket->disconnectFromHost(); });
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (m_dead || !m_busy)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
                     + reasonPhrase(response.status) + "\r\n";
    out += "X-Powered-By: Express\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += m_closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    m_socket->write(out);
    if (m_method != "HEAD")
        m_socket->write(response.body);
    m_busy = false;
    if (m_closeAfter) {
        m_dead = true;
        m_socket->disconnectFromHost();
        return;
    }
    // Queued, so a long pipeline does not recurse.
    QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
}

void HttpConnection::reset()
{
    if (m_dead)
        return;
    m_dead = true;
    // Linger 0 makes close() send RST instead of FIN: an abrupt reset as the client sees it.
    const auto fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        struct linger lingerOption = {1, 0};
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &lingerOption,
                     sizeof lingerOption);
    }
    m_socket->abort();
    deleteLater();
}

void HttpConnection::writeRaw(const QByteArray &bytes)
{
    if (!m_dead)
        m_socket->write(bytes);
}

void HttpConnection::writeRawAndClose(const QByteArray &bytes)
{
    if (m_dead)
        return;
    m_dead = true;
    m_socket->write(bytes);
    m_socket->disconnectFromHost();
}

void HttpConnection::streamRepeated(const QByteArray &head, const QByteArray &chunk, qint64 total)
{
    if (m_dead || chunk.isEmpty())
        return;
    m_socket->write(head);
    m_streamChunk = chunk;
    m_streamLeft = total;
    continueStream();
}

void HttpConnection::streamChunked(const QByteArray &head, const QByteArray &chunk, qint64 total)
{
    m_streamChunked = true;
    streamRepeated(head, chunk, total);
}

void HttpConnection::continueStream()
{
    if (m_streamLeft <= 0 || m_dead)
        return;
    while (m_streamLeft > 0 && m_socket->bytesToWrite() < qint64(4) * 1024 * 1024) {
        const auto n = qMin<qint64>(m_streamLeft, m_streamChunk.size());
        if (m_streamChunked)
            m_socket->write(QByteArray::number(n, 16) + "\r\n");
        m_socket->write(m_streamChunk.constData(), n);
        if (m_streamChunked)
            m_socket->write("\r\n");
        m_streamLeft -= n;
    }
    if (m_streamLeft <= 0) {
        if (m_streamChunked)
            m_socket->write("0\r\n\r\n");
        m_dead = true;
        m_socket->disconnectFromHost();
    }
}

} // namespace devserver
