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

// A message argument: a message in storage form (see MessageSource::messageArgs).
QString word(const char *code, QStringList args = {})
{
    return UserMessage::of(code, std::move(args)).toStorage();
}

// Text that is already words (a host, the server's own message) in a message argument.
QString verbatim(const QString &text)
{
    return UserMessage::plain(text).toStorage();
}

QString hostOrServer(const QString &host)
{
    return host.isEmpty() ? word("api.word.theServer") : verbatim(host);
}

QString orWord(const QString &serverMessage, const char *code)
{
    return serverMessage.isEmpty() ? word(code) : verbatim(serverMessage);
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
    return make(Kind::Network, UserMessage::of("api.network", {hostOrServer(host)}), 0, detail);
}

ApiError ApiError::timedOut(const QString &host)
{
    return make(Kind::Timeout, UserMessage::of("api.timedOut", {hostOrServer(host)}));
}

ApiError ApiError::tlsFailure(const QString &host, const QString &detail)
{
    return make(
        Kind::Tls,
        UserMessage::of("api.tls", {hostOrServer(host), orWord(detail, "api.word.tlsError")}), 0,
        detail);
}

ApiError ApiError::cancelled()
{
    return make(Kind::Cancelled, UserMessage::of("api.cancelled"));
}

ApiError ApiError::tooLarge(qint64 limitBytes, int httpStatus, QString serverMessage)
{
    auto message = limitBytes > 0 ? UserMessage::of("api.tooLarge.answer", {megabytes(limitBytes)})
                                  : UserMessage::of("api.tooLarge.upload");
    return make(Kind::TooLarge, std::move(message), httpStatus, std::move(serverMessage));
}

ApiError ApiError::badResponse(const UserMessage &problem, int httpStatus)
{
    return make(Kind::BadResponse, UserMessage::of("api.badResponse", {problem.toStorage()}),
                httpStatus, problem.english());
}

ApiError ApiError::badResponse(const QString &problem, int httpStatus)
{
    return badResponse(UserMessage::plain(problem), httpStatus);
}

ApiError ApiError::webPageInsteadOfData(int httpStatus, QString serverMessage)
{
    return make(Kind::BadResponse, UserMessage::of("api.webPage"), httpStatus,
                std::move(serverMessage));
}

ApiError ApiError::imageMissing(int httpStatus, const QString &contentType)
{
    return make(
        Kind::BadResponse,
        UserMessage::of("api.imageMissing", {orWord(contentType, "api.word.noContentType")}),
        httpStatus, contentType);
}

ApiError ApiError::unauthorized(int httpStatus, const QString &serverMessage)
{
    return make(
        Kind::Unauthorized,
        UserMessage::of("api.unauthorized", {orWord(serverMessage, "api.word.unauthorized")}),
        httpStatus, serverMessage);
}

ApiError ApiError::insufficientStars(int httpStatus, QString serverMessage,
                                     std::optional<double> needed, std::optional<double> have)
{
    UserMessage message;
    if (needed && have)
        message = UserMessage::of("api.stars.needsHas", {number(*needed), number(*have)});
    else if (needed)
        message = UserMessage::of("api.stars.needs", {number(*needed)});
    else
        message = UserMessage::of("api.stars.none");
    return make(Kind::InsufficientStars, std::move(message), httpStatus, std::move(serverMessage));
}

ApiError ApiError::validation(int httpStatus, const QString &serverMessage)
{
    return make(
        Kind::Validation,
        UserMessage::of("api.validation", {orWord(serverMessage, "api.word.invalidRequest")}),
        httpStatus, serverMessage);
}

ApiError ApiError::validation(const UserMessage &reason)
{
    return make(Kind::Validation, UserMessage::of("api.validation", {reason.toStorage()}), 0,
                reason.english());
}

ApiError ApiError::notFound(int httpStatus, const QString &serverMessage)
{
    return make(Kind::NotFound,
                UserMessage::of("api.notFound", {orWord(serverMessage, "api.word.notFound")}),
                httpStatus, serverMessage);
}

ApiError ApiError::rateLimited(int httpStatus, QString serverMessage, int retryAfterSeconds)
{
    auto e = make(Kind::RateLimited,
                  retryAfterSeconds >= 0 ? UserMessage::of("api.rateLimited.seconds",
                                                           {QString::number(retryAfterSeconds)})
                                         : UserMessage::of("api.rateLimited.minute"),
                  httpStatus, std::move(serverMessage));
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}

ApiError ApiError::serverError(int httpStatus, const QString &serverMessage)
{
    const QString said = serverMessage.isEmpty()
                             ? word("api.word.errorStatus", {QString::number(httpStatus)})
                             : verbatim(serverMessage);
    return make(Kind::ServerError, UserMessage::of("api.serverError", {said}), httpStatus,
                serverMessage);
}

ApiError ApiError::localFile(const QString &path, const UserMessage &problem)
{
    return make(Kind::Local, UserMessage::of("api.localFile", {path, problem.toStorage()}), 0,
                problem.english());
}

ApiError ApiError::localFile(const QString &path, const QString &problem)
{
    return localFile(path, UserMessage::plain(problem));
}
