#pragma once

#include "domain/records.h"
#include "domain/result.h"

#include <QObject>
#include <QString>

#include <functional>

// The slice of the backend the session needs, as callbacks. BackendAuth implements it over
// BackendClient; tests implement it with a fake, so Session is testable without a server.
// Every callback runs once on `context`'s thread, and not at all once `context` is gone.
class AuthBackend
{
public:
    template<class T>
    using Callback = std::function<void(const Result<T> &)>;

    virtual ~AuthBackend() = default;

    virtual void sendCode(const QString &phoneNumber, QObject *context, Callback<Done> done) = 0;
    virtual void verifyCode(const QString &phoneNumber, const QString &code, QObject *context,
                            Callback<AuthResult> done) = 0;
    virtual void fetchMe(QObject *context, Callback<User> done) = 0;
    virtual void setAccessToken(const QString &token) = 0;
    // `handler` runs whenever any call of the backend is answered 401.
    virtual void onUnauthorized(QObject *context,
                                std::function<void(const ApiError &)> handler) = 0;
};
