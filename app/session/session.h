#pragma once

#include "session/authbackend.h"
#include "session/jwt.h"
#include "session/usercache.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class TokenStore;

// Who is signed in. Owns the sign-in flows (phone code, pasted token), keeps the token in
// the TokenStore and the user (name, stars) cached for offline display, and tracks expiry.
// A network error never signs anyone out; a 401 or an expired token moves to NeedsSignIn,
// where local data stays usable and the token is kept until a new sign-in replaces it.
class Session final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        SignedOut,
        SignedIn,
        Expiring, // signed in; the token expires within a day
        NeedsSignIn, // a 401 was seen or the token expired
    };
    Q_ENUM(State)

    Session(AuthBackend &backend, TokenStore &tokens, QString userCachePath,
            QObject *parent = nullptr);

    // Reads the stored token (asynchronously) and picks the starting state; restored()
    // follows, and a background refreshUser() when signed in.
    void restore();

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn || m_state == State::Expiring; }
    // The account other modules key their rows by: the JWT's userId, else User.id. Kept in
    // NeedsSignIn so local data stays visible; empty when signed out.
    QString accountId() const { return m_accountId; }
    const User &user() const { return m_user; }
    QDateTime tokenExpiresAt() const { return m_claims ? m_claims->expiresAt : QDateTime(); }

    void requestCode(const QString &phoneNumber); // -> codeSent / codeRequestFailed
    void verifyCode(const QString &phoneNumber, const QString &code); // -> signedIn / signInFailed
    void signInWithToken(const QString &token); // -> signedIn / signInFailed
    void refreshUser(); // -> userChanged, starsChanged / refreshFailed
    void signOut(); // -> signedOut

    // Tests move time; the app keeps the wall clock.
    void setClock(std::function<QDateTime()> now);

Q_SIGNALS:
    void restored(Session::State state);
    void stateChanged(Session::State state);
    void codeSent(const QString &phoneNumber);
    void codeRequestFailed(const ApiError &error);
    void signedIn(const User &user);
    void signInFailed(const ApiError &error);
    void signedOut();
    void signInRequired(const QString &reason);
    void userChanged(const User &user);
    void starsChanged(double stars);
    void tokenExpiringSoon(const QDateTime &expiresAt);
    void refreshFailed(const ApiError &error);
    // The token could not be kept (keychain and file both failed): signed in for this run only.
    void tokenNotSaved(const ApiError &error);

private:
    void tokenLoaded(const QString &token);
    void adopt(const QString &token, const JwtClaims &claims, const User &user);
    void applyUser(const User &user);
    void setState(State state);
    void requireSignIn(const QString &reason);
    void checkExpiry();
    void failLater(void (Session::*signal)(const ApiError &), const ApiError &error);

    AuthBackend &m_backend;
    TokenStore &m_tokens;
    UserCache m_cache;
    std::function<QDateTime()> m_now;
    QTimer m_expiryTimer;

    State m_state = State::SignedOut;
    QString m_token;
    std::optional<JwtClaims> m_claims;
    QString m_accountId;
    User m_user;
    std::optional<double> m_stars;
    bool m_restoring = false;
    bool m_expiryWarned = false;
    QString m_validatingToken; // a pasted token being checked: its 401 is not the session's
};
