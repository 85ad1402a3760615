#include "session/jwt.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

std::optional<QJsonObject> decodePart(QStringView part)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        part.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                             | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(decoded.decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QDateTime secondsToUtc(const QJsonValue &value)
{
    if (!value.isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
}

} // namespace

std::optional<JwtClaims> JwtClaims::read(const QString &token)
{
    const QStringView trimmed = QStringView(token).trimmed();
    // It travels in an HTTP header: base64url characters and dots only.
    for (const QChar c : trimmed) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('-')
            && c != QLatin1Char('_') && c != QLatin1Char('.'))
            return std::nullopt;
    }
    const QList<QStringView> parts = trimmed.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    if (!decodePart(parts.at(0)))
        return std::nullopt;
    const std::optional<QJsonObject> payload = decodePart(parts.at(1));
    if (!payload)
        return std::nullopt;

    JwtClaims claims;
    const QJsonValue userId = payload->value(QLatin1StringView("userId"));
    claims.userId =
        userId.isDouble() ? QString::number(qint64(userId.toDouble())) : userId.toString();
    claims.phoneNumber = payload->value(QLatin1StringView("phoneNumber")).toString();
    claims.email = payload->value(QLatin1StringView("email")).toString();
    claims.issuedAt = secondsToUtc(payload->value(QLatin1StringView("iat")));
    claims.expiresAt = secondsToUtc(payload->value(QLatin1StringView("exp")));
    if (claims.userId.isEmpty() || !claims.expiresAt.isValid())
        return std::nullopt;
    return claims;
}
