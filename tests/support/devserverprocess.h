#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// Runs nanobanana-devserver on a free loopback port for the length of a test.
// The server prints its port on the first stdout line; stderr is kept for diagnostics.
class DevServerProcess final
{
public:
    DevServerProcess() = default;
    ~DevServerProcess();
    DevServerProcess(const DevServerProcess &) = delete;
    DevServerProcess &operator=(const DevServerProcess &) = delete;

    // One finished HTTP exchange, as the helpers below return it.
    struct HttpResult
    {
        int status = 0; // 0: no HTTP answer (see networkError)
        int networkError = 0; // QNetworkReply::NetworkError
        QByteArray body;
        QJsonObject json; // the body when it is a JSON object
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const; // case-insensitive
    };

    static constexpr const char *defaultOtp = "123456";

    // One part of a hand-built multipart/form-data body (a file when fileName is set).
    struct FormPart
    {
        FormPart(QByteArray partName, QByteArray partData, QByteArray partFileName = {},
                 QByteArray partContentType = {})
            : name(std::move(partName))
            , data(std::move(partData))
            , fileName(std::move(partFileName))
            , contentType(std::move(partContentType))
        { }
        QByteArray name;
        QByteArray data;
        QByteArray fileName;
        QByteArray contentType;
    };
    // The body and its Content-Type header value.
    static QPair<QByteArray, QByteArray> multipart(const QList<FormPart> &parts);

    // Starts the server with `--port 0` and the given extra arguments (plus `--otp 123456`
    // unless they name one); false (and errorString()) when it did not come up in time.
    bool start(const QStringList &arguments = {}, int timeoutMs = 15000);
    void stop();

    quint16 port() const { return m_port; }
    QUrl origin() const; // http://127.0.0.1:<port>
    QUrl apiBase() const; // <origin>/api/v1
    QString errorString() const { return m_error; }
    QByteArray standardError();
    QProcess &process() { return m_process; }

    // Blocking helpers for tests (they wait with QSignalSpy, so the event loop runs).
    // `path` is relative to the origin, e.g. "/api/v1/users/me".
    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QByteArray &contentType = {}, const QByteArray &token = {},
                       int timeoutMs = 15000);
    // Sends and verifies the code; the access token, or empty on failure.
    QByteArray signIn(const QString &phone, const QString &code = QString::fromLatin1(defaultOtp));
    QJsonObject devState(); // GET /__dev/state
    bool setFault(const QString &kind, double rate = 1.0, const QString &route = {});
    bool setStars(const QString &phone, double stars);
    bool addImages(const QString &phone, int count); // prepends new records (drift)
    bool removeImage(const QString &phone, const QString &id);

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    QTemporaryDir m_logDir; // the server's stderr, as a file (start())
    QNetworkAccessManager m_network;
};
