#pragma once

#include "devserver/httptypes.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>
#include <memory>

namespace devserver {

class HttpConnection;
using RequestHandler = std::function<void(HttpConnection *, const HttpRequest &)>;

// A proxy in front of the API, as nginx with client_max_body_size: a request whose declared
// body is over the limit is answered with nginx's HTML 413 as soon as its headers arrive; the
// body is read and dropped (nginx's lingering close) and never reaches a route.
struct ProxyLimits
{
    qint64 maxBodyBytes = 0; // 0: no proxy
    int refused = 0; // requests answered 413 so far
};

// One client connection of the dev server's own HTTP/1.1 server. Requests are handled one at
// a time in arrival order (pipelined ones wait in the buffer), so an answer may come late from
// a timer; raw helpers let faults misbehave on the wire.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, bool imageOrigin, RequestHandler handler,
                   std::shared_ptr<ProxyLimits> proxy = {}, QObject *parent = nullptr);

    // Writes the answer to the current request, then goes on with the next one.
    void respond(const HttpResponse &response);
    // Closes the TCP connection without answering (RST where the OS allows).
    void reset();
    // Writes bytes as they are; the current request stays unanswered.
    void writeRaw(const QByteArray &bytes);
    // Writes the bytes, then closes the connection gracefully.
    void writeRawAndClose(const QByteArray &bytes);
    // Streams `total` bytes of `chunk` repeated after `head`, respecting socket back-pressure.
    void streamRepeated(const QByteArray &head, const QByteArray &chunk, qint64 total);
    // The same in chunked transfer encoding (the head must say so), so no length is known.
    void streamChunked(const QByteArray &head, const QByteArray &chunk, qint64 total);

    static constexpr qsizetype maxHeaderBytes = qsizetype(64) * 1024;
    static constexpr qsizetype maxBodyBytes = qsizetype(80) * 1024 * 1024;

private:
    void onReadyRead();
    void processBuffer();
    void fail(int status, const QByteArray &text);
    void continueStream();
    // nginx's 413 page now; the rest of the body (up to `bodyEnd` bytes of the buffer) dropped.
    void refuseAsProxy(qint64 bodyEnd);

    QTcpSocket *m_socket;
    bool m_imageOrigin;
    RequestHandler m_handler;
    QByteArray m_buffer;
    QByteArray m_method; // of the request being handled
    bool m_busy = false; // a request is being handled
    bool m_closeAfter = false;
    bool m_dead = false;
    QByteArray m_streamChunk;
    qint64 m_streamLeft = 0;
    bool m_streamChunked = false;
    std::shared_ptr<ProxyLimits> m_proxy;
    qint64 m_dropLeft = 0; // body bytes still to read and drop after a proxy's 413
};

} // namespace devserver
