#pragma once

#include "backend/httpanswer.h"
#include "domain/result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// What to send, and the rules the answer must meet.
struct HttpRequestSpec
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body;
    QByteArray contentType;
    QByteArray accept = "application/json";
    QString bearerToken; // sent only to URLs of tokenOrigin, never elsewhere
    QUrl tokenOrigin; // empty: never send the token
    int timeoutMs = 30'000; // silence allowed between two bytes in either direction
    qint64 maxBytes = 32ll * 1024 * 1024;
    bool imageOnly = false; // a 2xx must be image/* (else "image missing on the server")
    bool reportUpload = false; // progress() follows the upload instead of the download
    // API calls: a redirect to another origin is refused, never followed, so nothing is sent
    // there and nothing it answers is taken for the server's word. Image downloads may follow
    // a CDN's redirect (without the token).
    bool stayOnOrigin = false;
};

// One HTTP exchange, redirects followed by hand (at most 5 hops) so that the token is
// attached per hop to the API origin only. Caps the body while it arrives (declared length or
// chunked: Qt buffers at most one read chunk ahead of us), times out on silence, never ignores
// TLS errors. finished() comes exactly once, never synchronously from start().
class HttpExchange final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRedirects = 5;
    // How far Qt may read ahead of us (QNetworkReply::setReadBufferSize), and the most we take
    // from it at once: memory for an answer stays within maxBytes + kReadChunk.
    static constexpr qint64 kReadChunk = qint64{256} * 1024;

    HttpExchange(QNetworkAccessManager &network, HttpRequestSpec spec, QObject *parent = nullptr);
    ~HttpExchange() override;

    void start();
    void abort(); // finished() with Cancelled
    // From a bodyHandedOver() slot: the last bytes are not sent, and finished() follows with a
    // Network error. The server never has the whole request, so it cannot act on it.
    void holdBackBody() { m_holdBack = true; }
    bool heldBack() const { return m_holdBack; }

    // The answer (any HTTP status) or why there was none; valid after finished().
    const Result<HttpAnswer> &outcome() const { return *m_outcome; }

    // The most answer bytes held at once, ours and Qt's unread ones (for tests and logs).
    qint64 peakBufferedBytes() const { return m_peakBuffered; }

    static bool sameOrigin(const QUrl &a, const QUrl &b);
    static QString hostLabel(const QUrl &url); // host[:port] for messages

Q_SIGNALS:
    void finished();
    void progress(qint64 done, qint64 total);
    // The last byte of a POST body is being handed to the network: from here on the server may
    // have the whole request. Emitted before the bytes leave, so a process killed before it
    // certainly sent an incomplete request.
    void bodyHandedOver();

private:
    void send(const QUrl &url);
    bool handOver(); // false: the body's last bytes are held back
    void onMetaData();
    void onReadyRead();
    void onFinished();
    // Moves what Qt has read into m_received; false (and finished() with TooLarge) over the cap.
    bool takeAvailable();
    void complete(Result<HttpAnswer> outcome);
    void dropReply();

    QNetworkAccessManager &m_network;
    HttpRequestSpec m_spec;
    QUrl m_currentUrl;
    QByteArray m_method;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_received;
    QTimer m_silence;
    QString m_tlsDetail;
    bool m_holdBack = false;
    int m_hops = 0;
    qint64 m_peakBuffered = 0;
    std::optional<Result<HttpAnswer>> m_outcome;
};
