#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace devserver {

// HS256 JSON Web Tokens, enough for the dev server's access and refresh tokens.
class Jwt final
{
public:
    explicit Jwt(QByteArray secret)
        : m_secret(std::move(secret))
    { }

    QByteArray sign(const QJsonObject &payload) const;
    // The payload when the signature matches and `exp` (seconds) lies after `nowSeconds`.
    std::optional<QJsonObject> verify(const QByteArray &token, qint64 nowSeconds) const;

private:
    QByteArray m_secret;
};

} // namespace devserver
