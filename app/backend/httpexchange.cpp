#include "backend/httpexchange.h"

#include "backend/backendlog.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

#include <cstring>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme().compare(u"https", Qt::CaseInsensitive) == 0 ? 443 : 80);
}

int headerInt(const QNetworkReply &reply, const QByteArray &name)
{
    if (!reply.hasRawHeader(name))
        return -1;
    bool ok = false;
    const int v = reply.rawHeader(name).trimmed().toInt(&ok);
    return ok && v >= 0 ? v : -1;
}

// Retry-After is seconds or an HTTP date.
int retryAfterSeconds(const QNetworkReply &reply)
{
    const int seconds = headerInt(reply, "Retry-After");
    if (seconds >= 0 || !reply.hasRawHeader("Retry-After"))
        return seconds;
    const auto when =
        QDateTime::fromString(QString::fromLatin1(reply.rawHeader("Retry-After")), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
}

// A request body that can be read once. QNetworkAccessManager silently sends a request again
// when the connection drops after it was sent (Qt 6.4: a reset while waiting for the answer);
// for a POST that is a second generation and a second charge. A body it cannot rewind makes
// it fail with ContentReSendError instead, and the caller reconciles.
class OneShotBody final : public QIODevice
{
public:
    // `lastBytes` is asked before the last bytes go; false holds them back for good.
    OneShotBody(QByteArray data, std::function<bool()> lastBytes, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
        , m_lastBytes(std::move(lastBytes))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_offset + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, qint64(m_data.size()) - m_offset);
        if (n <= 0)
            return m_offset >= m_data.size() ? -1 : 0;
        // Told before the last bytes go: a record of it means "the server may have it all".
        // Without that record they never go, so the server never has the whole request.
        if (m_offset + n == m_data.size()
            && (m_heldBack || (m_lastBytes && !std::exchange(m_lastBytes, {})()))) {
            m_heldBack = true;
            return -1;
        }
        std::memcpy(out, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    std::function<bool()> m_lastBytes;
    qint64 m_offset = 0;
    bool m_heldBack = false;
};

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

HttpExchange::HttpExchange(QNetworkAccessManager &network, HttpRequestSpec spec, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_spec(std::move(spec))
{
    m_silence.setSingleShot(true);
    connect(&m_silence, &QTimer::timeout, this, [this] {
        qCInfo(lcBackend) << "no data for" << m_spec.timeoutMs << "ms from"
                          << m_currentUrl.toDisplayString(QUrl::RemoveQuery);
        complete(ApiError::timedOut(hostLabel(m_currentUrl)));
    });
}

HttpExchange::~HttpExchange()
{
    dropReply();
}

bool HttpExchange::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.isValid() && b.isValid() && a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
           && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && defaultPort(a) == defaultPort(b);
}

QString HttpExchange::hostLabel(const QUrl &url)
{
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

void HttpExchange::start()
{
    m_method = m_spec.method;
    m_body = m_spec.body;
    QTimer::singleShot(0, this, [this] { send(m_spec.url); });
}

void HttpExchange::abort()
{
    complete(ApiError::cancelled());
}

void HttpExchange::send(const QUrl &url)
{
    if (m_outcome)
        return;
    m_currentUrl = url;
    m_received.clear();
    m_tlsDetail.clear();
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        complete(ApiError::networkFailure(url.toDisplayString(), u"not an http(s) address"_s));
        return;
    }

    QNetworkRequest request(url);
    // Followed by hand in onFinished(): Qt's default policy would carry Authorization to
    // another host (NOTES.md).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", m_spec.accept);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("NanoBananaStudio/" STUDIO_VERSION));
    if (!m_spec.bearerToken.isEmpty() && sameOrigin(url, m_spec.tokenOrigin))
        request.setRawHeader("Authorization", "Bearer " + m_spec.bearerToken.toUtf8());
    // Never an Origin header: the server turns unknown origins into 500s (CONTRACT.md).

    if (m_method == "GET") {
        m_reply = m_network.get(request);
    } else if (m_method == "DELETE" && m_body.isEmpty()) {
        m_reply = m_network.deleteResource(request);
    } else {
        if (!m_spec.contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, m_spec.contentType);
        if (m_method == "POST") {
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            request.setHeader(QNetworkRequest::ContentLengthHeader, m_body.size());
            // Queued would be too late: the bytes may be on the wire when it runs.
            auto *body = new OneShotBody(
                m_body, [this] { return handOver(); }, this);
            m_reply = m_network.sendCustomRequest(request, m_method, body);
            body->setParent(m_reply);
        } else {
            m_reply = m_network.sendCustomRequest(request, m_method, m_body);
        }
    }
    qCDebug(lcBackend) << m_method << url.toDisplayString(QUrl::RemoveQuery);

    auto *reply = m_reply.data();
    // Back-pressure: Qt's network thread stops reading the socket once this much waits for us,
    // so a chunked answer without a length cannot pile up in memory behind our cap.
    reply->setReadBufferSize(kReadChunk);
    connect(reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaData);
    connect(reply, &QIODevice::readyRead, this, &HttpExchange::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        m_silence.start();
        if (m_spec.reportUpload && total > 0)
            Q_EMIT progress(sent, total);
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 got, qint64 total) {
        m_silence.start();
        if (!m_spec.reportUpload)
            Q_EMIT progress(got, total);
    });
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Logged and reported, never ignored.
        for (const auto &e : errors)
            qCWarning(lcBackend) << "TLS error from" << m_currentUrl.host() << e.errorString();
        if (!errors.isEmpty())
            m_tlsDetail = errors.first().errorString();
    });
#endif
    m_silence.start(m_spec.timeoutMs);
}

bool HttpExchange::handOver()
{
    Q_EMIT bodyHandedOver();
    if (!m_holdBack)
        return true;
    // Qt ends the reply itself once the body fails; this does not wait for it to say so.
    QTimer::singleShot(0, this, [this] {
        complete(ApiError::networkFailure(hostLabel(m_currentUrl), u"request held back"_s));
    });
    return false;
}

void HttpExchange::onMetaData()
{
    if (!m_reply || m_outcome)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (isRedirect(status))
        return;
    const auto length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_spec.maxBytes) {
        complete(ApiError::tooLarge(m_spec.maxBytes, status));
        return;
    }
    if (length.isValid() && length.toLongLong() > 0)
        m_received.reserve(qsizetype(length.toLongLong()));
    const auto type = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (m_spec.imageOnly && status >= 200 && status < 300
        && !type.trimmed().startsWith(u"image/", Qt::CaseInsensitive))
        complete(ApiError::imageMissing(status, type)); // the web app's fallback page
}

void HttpExchange::onReadyRead()
{
    if (!m_reply || m_outcome)
        return;
    m_silence.start();
    takeAvailable();
}

bool HttpExchange::takeAvailable()
{
    QNetworkReply &reply = *m_reply;
    while (reply.bytesAvailable() > 0) {
        const qint64 waiting = reply.bytesAvailable();
        m_peakBuffered = std::max(m_peakBuffered, m_received.size() + waiting);
        if (m_received.size() + waiting > m_spec.maxBytes) {
            complete(ApiError::tooLarge(
                m_spec.maxBytes,
                reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()));
            return false;
        }
        const auto chunk = reply.read(std::min(waiting, kReadChunk));
        if (chunk.isEmpty())
            break;
        // Grow as QByteArray would (doubling), but never past the cap.
        const qint64 needed = m_received.size() + chunk.size();
        if (m_received.capacity() < needed)
            m_received.reserve(qsizetype(
                std::min(m_spec.maxBytes, std::max(needed, 2 * qint64(m_received.capacity())))));
        m_received += chunk;
    }
    return true;
}

void HttpExchange::onFinished()
{
    if (!m_reply || m_outcome)
        return;
    if (!takeAvailable())
        return;
    QNetworkReply &reply = *m_reply;
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto error = reply.error();

    // Transport failures (codes below 100) mean no answer or a cut-off one.
    if (error != QNetworkReply::NoError && (status == 0 || int(error) < 100)) {
        const auto host = hostLabel(m_currentUrl);
        if (error == QNetworkReply::SslHandshakeFailedError || !m_tlsDetail.isEmpty())
            complete(ApiError::tlsFailure(host, m_tlsDetail.isEmpty() ? reply.errorString()
                                                                      : m_tlsDetail));
        else if (error == QNetworkReply::TimeoutError)
            complete(ApiError::timedOut(host));
        else
            complete(ApiError::networkFailure(host, reply.errorString()));
        return;
    }

    if (isRedirect(status) && reply.hasRawHeader("Location")) {
        const auto target = m_currentUrl.resolved(
            QUrl::fromEncoded(reply.rawHeader("Location").trimmed(), QUrl::TolerantMode));
        if (++m_hops > kMaxRedirects) {
            complete(
                ApiError::badResponse(UserMessage::of("core.answer.tooManyRedirects"), status));
            return;
        }
        if (m_spec.stayOnOrigin && !sameOrigin(target, m_spec.url)) {
            qCWarning(lcBackend) << "refused a redirect of" << m_spec.url.path() << "to"
                                 << target.toDisplayString(QUrl::RemoveQuery);
            complete(
                ApiError::make(ApiError::Kind::BadResponse,
                               UserMessage::of("core.redirect.otherOrigin", {hostLabel(target)}),
                               status, u"redirected to another origin"_s));
            return;
        }
        if (m_currentUrl.scheme() == u"https" && target.scheme() != u"https") {
            complete(
                ApiError::badResponse(UserMessage::of("core.answer.insecureRedirect"), status));
            return;
        }
        // 301/302/303 turn a POST into a GET without body, as browsers do; 307/308 keep it.
        if (status == 303 || ((status == 301 || status == 302) && m_method != "GET")) {
            m_method = "GET";
            m_body.clear();
        }
        qCInfo(lcBackend) << "redirect" << status << "to"
                          << target.toDisplayString(QUrl::RemoveQuery)
                          << (sameOrigin(target, m_spec.tokenOrigin) ? "(API origin)"
                                                                     : "(other origin, no token)");
        dropReply();
        send(target);
        return;
    }

    HttpAnswer answer;
    answer.status = status;
    answer.contentType = reply.header(QNetworkRequest::ContentTypeHeader).toString();
    answer.body = std::move(m_received);
    answer.reasonPhrase = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    answer.retryAfter = retryAfterSeconds(reply);
    answer.rateLimitLimit = headerInt(reply, "RateLimit-Limit");
    answer.rateLimitRemaining = headerInt(reply, "RateLimit-Remaining");
    answer.rateLimitReset = headerInt(reply, "RateLimit-Reset");
    complete(std::move(answer));
}

void HttpExchange::complete(Result<HttpAnswer> outcome)
{
    if (m_outcome)
        return;
    m_outcome.emplace(std::move(outcome));
    m_silence.stop();
    dropReply();
    Q_EMIT finished();
}

void HttpExchange::dropReply()
{
    if (!m_reply)
        return;
    auto *reply = m_reply.data();
    m_reply.clear();
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}
