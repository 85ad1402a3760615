#pragma once

#include "session/authbackend.h"

class BackendClient;

// AuthBackend over the real BackendClient. Kept in its own file: only programs that link
// the client pull it in, so Session's tests link without it.
class BackendAuth final : public AuthBackend
{
public:
    explicit BackendAuth(BackendClient &client);

    void sendCode(const QString &phoneNumber, QObject *context, Callback<Done> done) override;
    void verifyCode(const QString &phoneNumber, const QString &code, QObject *context,
                    Callback<AuthResult> done) override;
    void fetchMe(QObject *context, Callback<User> done) override;
    void setAccessToken(const QString &token) override;
    void onUnauthorized(QObject *context, std::function<void(const ApiError &)> handler) override;

private:
    BackendClient &m_client;
};
