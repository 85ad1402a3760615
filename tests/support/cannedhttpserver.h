#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

// One request as it arrived on the wire, for tests that must prove what was (not) sent.
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers; // in order, names as sent
    QByteArray body;

    bool hasHeader(const QByteArray &name) const;
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

// What to write back: raw bytes (status line, headers, body), written as they are.
struct CannedResponse
{
    QByteArray raw;
    bool stall = false; // keep the connection open after writing (a stalled body)
};

// A tiny loopback HTTP/1.1 server that answers canned raw responses and records the raw
// requests it got: for redirects, odd bodies and header checks the dev server cannot fake.
class CannedHttpServer final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<CannedResponse(const RecordedRequest &)>;

    explicit CannedHttpServer(QObject *parent = nullptr);
    ~CannedHttpServer() override;

    bool listen(); // 127.0.0.1 on a free port
    quint16 port() const;
    QUrl origin() const; // http://127.0.0.1:<port>

    // Answers in order; once the queue is empty the handler answers (default: a JSON 404).
    void enqueue(CannedResponse response);
    void enqueue(const QByteArray &raw) { enqueue(CannedResponse{raw, false}); }
    void setHandler(Handler handler);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }

    // A complete response with Content-Length and Connection: close.
    static QByteArray response(int status, const QByteArray &contentType, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static QByteArray json(int status, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers = {});

Q_SIGNALS:
    void requestReceived();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server;
    QList<CannedResponse> m_queue;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
};
