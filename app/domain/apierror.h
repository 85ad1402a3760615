#pragma once

#include "domain/usermessage.h"

#include <QString>

#include <optional>

// The one error type of the program: what went wrong, as the server said it, and as a
// sentence for the user that says what happened and what to do.
struct ApiError
{
    enum class Kind {
        Network, // connection refused, reset, DNS, offline
        Timeout, // no answer in time; the outcome of a submission is unknown
        Tls, // certificate or handshake failure; never ignored
        Unauthorized, // 401: the session must sign in again
        InsufficientStars, // 403 INSUFFICIENT_STARS...
        Validation, // 400 and other 4xx the user can fix (prompt missing, bad phone...)
        NotFound, // 404
        RateLimited, // 429; retryAfterSeconds says how long to wait
        ServerError, // 5xx, the proxy's 502/504, the hidden 500
        BadResponse, // HTML, truncated or wrong-shaped JSON, undecodable image
        TooLarge, // a body or image over its cap
        Cancelled, // the caller gave up
        Local, // a local file or database failure
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; // 0 when there was no HTTP answer
    QString serverMessage; // message / error / reason phrase, verbatim
    QString userMessage; // one or two sentences: what happened and what to do (message.text())
    UserMessage message; // the same sentence as a code and arguments, for storing
    int retryAfterSeconds = -1; // from Retry-After on 429, else -1

    // Worth retrying automatically with backoff (429, 502-504, network, timeout on reads).
    bool isTransient() const;
    // The request may have reached the server and had an effect (for submissions).
    bool outcomeUnknown() const;

    static ApiError make(Kind kind, QString userMessage, int httpStatus = 0,
                         QString serverMessage = {});
    static ApiError make(Kind kind, UserMessage message, int httpStatus = 0,
                         QString serverMessage = {});
    static QString kindName(Kind kind);

    // The sentences the user sees, one factory per situation (what happened, what to do).
    static ApiError networkFailure(const QString &host, const QString &detail = {});
    static ApiError timedOut(const QString &host);
    static ApiError tlsFailure(const QString &host, const QString &detail);
    static ApiError cancelled();
    static ApiError tooLarge(qint64 limitBytes, int httpStatus = 0, QString serverMessage = {});
    // `problem` completes "The server's answer ..." (e.g. "was cut off"); serverMessage keeps
    // it in English. The QString form takes text that is not translated.
    static ApiError badResponse(const UserMessage &problem, int httpStatus = 0);
    static ApiError badResponse(const QString &problem, int httpStatus = 0);
    static ApiError webPageInsteadOfData(int httpStatus, QString serverMessage = {});
    static ApiError imageMissing(int httpStatus, const QString &contentType);
    static ApiError unauthorized(int httpStatus, const QString &serverMessage);
    // needed / have come from the server's message, the job's cost or the last known balance.
    static ApiError insufficientStars(int httpStatus, QString serverMessage,
                                      std::optional<double> needed, std::optional<double> have);
    static ApiError validation(int httpStatus, const QString &serverMessage);
    // A request this program refuses before sending it, in the same words as the server's.
    static ApiError validation(const UserMessage &reason);
    static ApiError notFound(int httpStatus, const QString &serverMessage);
    static ApiError rateLimited(int httpStatus, QString serverMessage, int retryAfterSeconds);
    static ApiError serverError(int httpStatus, const QString &serverMessage);
    // `problem` completes "Could not use the file <path>: ..."; serverMessage keeps it in
    // English. The QString form takes text that is not translated.
    static ApiError localFile(const QString &path, const UserMessage &problem);
    static ApiError localFile(const QString &path, const QString &problem);
};
