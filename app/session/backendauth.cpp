#include "session/backendauth.h"

#include "backend/backendclient.h"

namespace {

template<class T>
void deliver(ApiCall<T> *call, QObject *context, AuthBackend::Callback<T> done)
{
    QObject::connect(call, &ApiCallBase::finished, context,
                     [call, done = std::move(done)] { done(call->result()); });
}

} // namespace

BackendAuth::BackendAuth(BackendClient &client)
    : m_client(client)
{ }

void BackendAuth::sendCode(const QString &phoneNumber, QObject *context, Callback<Done> done)
{
    deliver(m_client.sendCode(phoneNumber), context, std::move(done));
}

void BackendAuth::verifyCode(const QString &phoneNumber, const QString &code, QObject *context,
                             Callback<AuthResult> done)
{
    deliver(m_client.verifyCode(phoneNumber, code), context, std::move(done));
}

void BackendAuth::fetchMe(QObject *context, Callback<User> done)
{
    deliver(m_client.fetchMe(), context, std::move(done));
}

void BackendAuth::setAccessToken(const QString &token)
{
    m_client.setAccessToken(token);
}

void BackendAuth::onUnauthorized(QObject *context, std::function<void(const ApiError &)> handler)
{
    QObject::connect(&m_client, &BackendClient::unauthorized, context, std::move(handler));
}
