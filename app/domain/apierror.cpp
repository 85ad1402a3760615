#include "apierror.h"

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
    e.userMessage = std::move(userMessage);
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
