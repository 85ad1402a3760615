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
};

// One HTTP exchange, redirects followed by hand (at most 5 hops) so that the token is
// attached per hop to the API origin only. Caps the body, times out on silence, never ignores
// TLS errors. finished() comes exactly once, never synchronously from start().
class HttpExchange final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRedirects = 5;

    HttpExchange(QNetworkAccessManager &network, HttpRequestSpec spec, QObject *parent = nullptr);
    ~HttpExchange() override;

    void start();
    void abort(); // finished() with Cancelled

    // The answer (any HTTP status) or why there was none; valid after finished().
    const Result<HttpAnswer> &outcome() const { return *m_outcome; }

    static bool sameOrigin(const QUrl &a, const QUrl &b);
    static QString hostLabel(const QUrl &url); // host[:port] for messages

Q_SIGNALS:
    void finished();
    void progress(qint64 done, qint64 total);

private:
    void send(const QUrl &url);
    void onMetaData();
    void onReadyRead();
    void onFinished();
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
    int m_hops = 0;
    std::optional<Result<HttpAnswer>> m_outcome;
};
