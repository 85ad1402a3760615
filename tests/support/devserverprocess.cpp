#include "support/devserverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>

DevServerProcess::~DevServerProcess()
{
    stop();
}

bool DevServerProcess::start(const QStringList &arguments, int timeoutMs)
{
    stop();
    m_error.clear();
    m_process.setProgram(QStringLiteral(NANOBANANA_DEVSERVER_PATH));
    auto fullArguments = QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments;
    if (!arguments.contains(QStringLiteral("--otp")))
        fullArguments << QStringLiteral("--otp") << QString::fromLatin1(defaultOtp);
    m_process.setArguments(fullArguments);
    // A file, not a pipe: a test that blocks in QProcess::waitForFinished on the CLI reads no
    // pipe, and a server whose stderr pipe fills (its log, a sanitizer's reports) stops
    // answering until the test times out.
    m_process.setStandardErrorFile(m_logDir.filePath(QStringLiteral("devserver.err")));
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("dev server printed no port: %1")
                          .arg(QString::fromUtf8(standardError()));
            return false;
        }
        m_process.waitForReadyRead(100);
    }
    bool ok = false;
    const auto line = QString::fromUtf8(m_process.readLine()).trimmed();
    const auto port = line.toUShort(&ok);
    if (!ok || port == 0) {
        m_error = QStringLiteral("dev server's first line is not a port: %1").arg(line);
        return false;
    }
    m_port = port;
    return true;
}

void DevServerProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    m_port = 0;
}

QUrl DevServerProcess::origin() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl DevServerProcess::apiBase() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_port));
}

QByteArray DevServerProcess::standardError()
{
    QFile log(m_logDir.filePath(QStringLiteral("devserver.err")));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

QByteArray DevServerProcess::HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

DevServerProcess::HttpResult DevServerProcess::request(const QByteArray &method,
                                                       const QString &path, const QByteArray &body,
                                                       const QByteArray &contentType,
                                                       const QByteArray &token, int timeoutMs)
{
    QNetworkRequest request(QUrl(origin().toString() + path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        reply->abort();
        result.networkError = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.networkError = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    const auto doc = QJsonDocument::fromJson(result.body);
    if (doc.isObject())
        result.json = doc.object();
    reply->deleteLater();
    return result;
}

QByteArray DevServerProcess::signIn(const QString &phone, const QString &code)
{
    const auto json = [](const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    request("POST", QStringLiteral("/api/v1/auth/send-code"),
            json({{QStringLiteral("phoneNumber"), phone}}), "application/json");
    const auto verified =
        request("POST", QStringLiteral("/api/v1/auth/verify-code"),
                json({{QStringLiteral("phoneNumber"), phone}, {QStringLiteral("code"), code}}),
                "application/json");
    return verified.json.value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("accessToken"))
        .toString()
        .toLatin1();
}

QJsonObject DevServerProcess::devState()
{
    return request("GET", QStringLiteral("/__dev/state")).json;
}

static QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool DevServerProcess::setFault(const QString &kind, double rate, const QString &route)
{
    return request("POST", QStringLiteral("/__dev/fault"),
                   compactJson({{QStringLiteral("kind"), kind},
                                {QStringLiteral("rate"), rate},
                                {QStringLiteral("route"), route}}),
                   "application/json")
               .status
           == 200;
}

bool DevServerProcess::setStars(const QString &phone, double stars)
{
    return request("POST", QStringLiteral("/__dev/users/%1/stars").arg(phone),
                   compactJson({{QStringLiteral("stars"), stars}}), "application/json")
               .status
           == 200;
}

bool DevServerProcess::addImages(const QString &phone, int count)
{
    return request("POST", QStringLiteral("/__dev/users/%1/images").arg(phone),
                   compactJson({{QStringLiteral("count"), count}}), "application/json")
               .status
           == 200;
}

bool DevServerProcess::removeImage(const QString &phone, const QString &id)
{
    return request("POST", QStringLiteral("/__dev/users/%1/remove-image").arg(phone),
                   compactJson({{QStringLiteral("id"), id}}), "application/json")
               .status
           == 200;
}

QPair<QByteArray, QByteArray> DevServerProcess::multipart(const QList<FormPart> &parts)
{
    const QByteArray boundary = "----StudioTestBoundary7MA4YWxkTrZu0gW";
    QByteArray body;
    for (const auto &part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (!part.fileName.isEmpty()) {
            body += "; filename=\"" + part.fileName + "\"\r\nContent-Type: "
                    + (part.contentType.isEmpty() ? QByteArray("application/octet-stream")
                                                  : part.contentType);
        }
        body += "\r\n\r\n" + part.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return {body, "multipart/form-data; boundary=" + boundary};
}
