#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

// What the backend's access token says about itself. Read without checking the signature:
// the server does that; the client only needs the account id and the expiry to warn ahead.
struct JwtClaims
{
    QString userId;
    QString phoneNumber;
    QString email;
    QDateTime issuedAt; // UTC; invalid when absent
    QDateTime expiresAt; // UTC

    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return expiresAt <= now;
    }
    bool expiresWithin(std::chrono::seconds span,
                       const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return expiresAt <= now.addSecs(span.count());
    }

    // Decodes header.payload.signature (base64url, JSON). nullopt unless the token has three
    // parts, a JSON header and a payload with a non-empty userId and a numeric exp.
    static std::optional<JwtClaims> read(const QString &token);
};
