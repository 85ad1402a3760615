#include "domain/apierror.h"

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
        return true;
    case Kind::ServerError:
        return httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    default:
        return false;
    }
}

bool ApiError::outcomeUnknown() const
{
    return kind == Kind::Timeout || kind == Kind::Network
           || (kind == Kind::ServerError && httpStatus >= 502);
}

ApiError ApiError::make(Kind kind, QString userMessage, int httpStatus, QString serverMessage)
{
    ApiError e;
    e.kind = kind;
    e.message = UserMessage::plain(userMessage);
    e.userMessage = std::move(userMessage);
    e.httpStatus = httpStatus;
    e.serverMessage = std::move(serverMessage);
    return e;
}

ApiError ApiError::make(Kind kind, UserMessage message, int httpStatus, QString serverMessage)
{
    ApiError e;
    e.kind = kind;
    e.userMessage = message.text();
    e.message = std::move(message);
    e.httpStatus = httpStatus;
    e.serverMessage = std::move(serverMessage);
    return e;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::InsufficientStars:
        return QStringLiteral("insufficient-stars");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::ServerError:
        return QStringLiteral("server-error");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    case Kind::TooLarge:
        return QStringLiteral("too-large");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Local:
        return QStringLiteral("local");
    }
    return QStringLiteral("unknown");
}

namespace {

QString hostOrServer(const QString &host)
{
    return host.isEmpty() ? QStringLiteral("the server") : host;
}

QString number(double value)
{
    return QString::number(value, 'f', value == static_cast<qint64>(value) ? 0 : 1);
}

QString megabytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

ApiError ApiError::networkFailure(const QString &host, const QString &detail)
{
    return make(Kind::Network,
                QStringLiteral("Could not reach the server at %1. Check your connection; queued "
                               "work will be sent when it is back.")
                    .arg(hostOrServer(host)),
                0, detail);
}

ApiError ApiError::timedOut(const QString &host)
{
    return make(Kind::Timeout,
                QStringLiteral("The server at %1 stopped answering in time. Check your "
                               "connection and try again; a job already sent is checked against "
                               "your history before it is sent again.")
                    .arg(hostOrServer(host)));
}

ApiError ApiError::tlsFailure(const QString &host, const QString &detail)
{
    return make(
        Kind::Tls,
        QStringLiteral("The secure connection to %1 failed (%2). Nothing was sent; check "
                       "the server address and your system's certificates.")
            .arg(hostOrServer(host), detail.isEmpty() ? QStringLiteral("TLS error") : detail),
        0, detail);
}

ApiError ApiError::cancelled()
{
    return make(Kind::Cancelled, QStringLiteral("The request was cancelled."));
}

ApiError ApiError::tooLarge(qint64 limitBytes, int httpStatus, QString serverMessage)
{
    const auto text = limitBytes > 0
                          ? QStringLiteral("The answer was larger than the %1 MB this program "
                                           "accepts, so it was stopped. Try again later or "
                                           "check the server address.")
                                .arg(megabytes(limitBytes))
                          : QStringLiteral("The upload is too large for the server. Use fewer "
                                           "or smaller images and try again.");
    return make(Kind::TooLarge, text, httpStatus, std::move(serverMessage));
}

ApiError ApiError::badResponse(const QString &problem, int httpStatus)
{
    return make(Kind::BadResponse,
                QStringLiteral("The server's answer %1, so it could not be read. Try again in a "
                               "minute; if it keeps happening, check the server address.")
                    .arg(problem),
                httpStatus, problem);
}

ApiError ApiError::webPageInsteadOfData(int httpStatus, QString serverMessage)
{
    return make(Kind::BadResponse,
                QStringLiteral("The server answered with a web page instead of data. Check the "
                               "server address in the settings (it must point at the API), then "
                               "try again."),
                httpStatus, std::move(serverMessage));
}

ApiError ApiError::imageMissing(int httpStatus, const QString &contentType)
{
    return make(Kind::BadResponse,
                QStringLiteral("The image is missing on the server (it sent %1 instead of a "
                               "picture). Sync your history later; the record is kept.")
                    .arg(contentType.isEmpty() ? QStringLiteral("no content type") : contentType),
                httpStatus, contentType);
}

ApiError ApiError::unauthorized(int httpStatus, QString serverMessage)
{
    return make(Kind::Unauthorized,
                QStringLiteral("Your sign-in is no longer valid (the server said: %1). Sign in "
                               "again; your queued work is kept.")
                    .arg(serverMessage.isEmpty() ? QStringLiteral("unauthorized") : serverMessage),
                httpStatus, serverMessage);
}

ApiError ApiError::insufficientStars(int httpStatus, QString serverMessage,
                                     std::optional<double> needed, std::optional<double> have)
{
    QString text;
    if (needed && have)
        text = QStringLiteral("You are out of stars: this needs %1 and you have %2. Top up, then "
                              "try again.")
                   .arg(number(*needed), number(*have));
    else if (needed)
        text = QStringLiteral("You are out of stars: this needs %1. Top up, then try again.")
                   .arg(number(*needed));
    else
        text = QStringLiteral("You are out of stars for this request. Top up, then try again.");
    return make(Kind::InsufficientStars, text, httpStatus, std::move(serverMessage));
}

ApiError ApiError::validation(int httpStatus, QString serverMessage)
{
    return make(
        Kind::Validation,
        QStringLiteral("The server refused the request: %1. Correct it and try again.")
            .arg(serverMessage.isEmpty() ? QStringLiteral("invalid request") : serverMessage),
        httpStatus, serverMessage);
}

ApiError ApiError::notFound(int httpStatus, QString serverMessage)
{
    return make(Kind::NotFound,
                QStringLiteral("The server does not have what was asked for (it said: %1). "
                               "Refresh, and check the server address if it keeps happening.")
                    .arg(serverMessage.isEmpty() ? QStringLiteral("not found") : serverMessage),
                httpStatus, serverMessage);
}

ApiError ApiError::rateLimited(int httpStatus, QString serverMessage, int retryAfterSeconds)
{
    auto e = make(Kind::RateLimited,
                  retryAfterSeconds >= 0
                      ? QStringLiteral("The server is limiting how often it can be asked. Wait "
                                       "%1 s; queued work resumes by itself.")
                            .arg(retryAfterSeconds)
                      : QStringLiteral("The server is limiting how often it can be asked. Wait "
                                       "a minute; queued work resumes by itself."),
                  httpStatus, std::move(serverMessage));
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}

ApiError ApiError::serverError(int httpStatus, QString serverMessage)
{
    return make(Kind::ServerError,
                QStringLiteral("The server could not finish this request (it said: %1). Your "
                               "job is kept; try again in a minute.")
                    .arg(serverMessage.isEmpty() ? QStringLiteral("error %1").arg(httpStatus)
                                                 : serverMessage),
                httpStatus, serverMessage);
}

ApiError ApiError::localFile(const QString &path, const QString &problem)
{
    return make(
        Kind::Local,
        QStringLiteral("Could not use the file %1: %2. Choose another file.").arg(path, problem), 0,
        problem);
}
