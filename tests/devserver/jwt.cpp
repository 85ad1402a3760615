#include "devserver/jwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace devserver {

static constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray Jwt::sign(const QJsonObject &payload) const
{
    const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(base64Url);
    const QByteArray body =
        QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(base64Url);
    const QByteArray signingInput = header + '.' + body;
    const auto mac =
        QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    return signingInput + '.' + mac.toBase64(base64Url);
}

std::optional<QJsonObject> Jwt::verify(const QByteArray &token, qint64 nowSeconds) const
{
    const auto parts = token.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    const auto mac =
        QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    if (mac.toBase64(base64Url) != parts.at(2))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(1), base64Url);
    if (!decoded)
        return std::nullopt;
    const auto doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isObject())
        return std::nullopt;
    const auto payload = doc.object();
    if (payload.value(u"exp").toDouble() <= static_cast<double>(nowSeconds))
        return std::nullopt;
    return payload;
}

} // namespace devserver
