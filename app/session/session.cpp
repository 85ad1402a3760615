#include "session/session.h"

#include "session/phonenumber.h"
#include "session/sessionlog.h"
#include "session/tokenstore.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace std::chrono_literals;

namespace {

constexpr auto expiryWarning = 24h;

ApiError validation(const char *code)
{
    return ApiError::make(ApiError::Kind::Validation, UserMessage::of(code));
}

} // namespace

Session::Session(AuthBackend &backend, TokenStore &tokens, QString userCachePath, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_tokens(tokens)
    , m_cache(std::move(userCachePath))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &Session::checkExpiry);
    connect(&m_tokens, &TokenStore::loaded, this, &Session::tokenLoaded);
    connect(&m_tokens, &TokenStore::failed, this, [this](const ApiError &error) {
        if (m_restoring) {
            tokenLoaded({});
            return;
        }
        Q_EMIT tokenNotSaved(error);
    });
    m_backend.onUnauthorized(this, [this](const ApiError &error) {
        if (!m_validatingToken.isEmpty() || !isSignedIn())
            return;
        requireSignIn(error.serverMessage.isEmpty()
                          ? tr("The server no longer accepts your sign-in. Sign in again; your "
                               "local gallery stays available.")
                          : tr("The server no longer accepts your sign-in (%1). Sign in again; "
                               "your local gallery stays available.")
                                .arg(error.serverMessage));
    });
}

void Session::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void Session::restore()
{
    m_restoring = true;
    m_tokens.load();
}

void Session::tokenLoaded(const QString &token)
{
    if (!m_restoring)
        return;
    m_restoring = false;
    const std::optional<JwtClaims> claims = JwtClaims::read(token);
    if (token.isEmpty() || !claims) {
        if (!token.isEmpty()) {
            qCWarning(lcSession) << "the stored token is malformed; forgetting it";
            m_tokens.clear();
        }
        setState(State::SignedOut);
        Q_EMIT restored(m_state);
        return;
    }

    m_token = token;
    m_claims = claims;
    m_accountId = claims->userId;
    if (const std::optional<User> cached = m_cache.load(m_accountId))
        applyUser(*cached);
    if (claims->isExpired(m_now())) {
        // Kept (not sent) so the account's local data stays visible until a new sign-in.
        setState(State::NeedsSignIn);
        Q_EMIT restored(m_state);
        Q_EMIT signInRequired(
            tr("Your sign-in has expired. Sign in again; your local gallery stays available."));
        return;
    }
    m_backend.setAccessToken(token);
    setState(State::SignedIn);
    Q_EMIT restored(m_state);
    checkExpiry();
    refreshUser();
}

void Session::requestCode(const QString &phoneNumber)
{
    const Result<QString> phone = PhoneNumber::normalize(phoneNumber);
    if (!phone) {
        failLater(&Session::codeRequestFailed, phone.error());
        return;
    }
    const QString &normalized = phone.value();
    m_backend.sendCode(normalized, this, [this, normalized](const Result<Done> &result) {
        if (result)
            Q_EMIT codeSent(normalized);
        else
            Q_EMIT codeRequestFailed(result.error());
    });
}

void Session::verifyCode(const QString &phoneNumber, const QString &code)
{
    const Result<QString> phone = PhoneNumber::normalize(phoneNumber);
    if (!phone) {
        failLater(&Session::signInFailed, phone.error());
        return;
    }
    static const QRegularExpression sixDigits(QStringLiteral("^\\d{6}$"));
    const QString trimmed = code.trimmed();
    if (!sixDigits.match(trimmed).hasMatch()) {
        failLater(&Session::signInFailed, validation("core.session.codeDigits"));
        return;
    }
    m_backend.verifyCode(phone.value(), trimmed, this, [this](const Result<AuthResult> &result) {
        if (!result) {
            Q_EMIT signInFailed(result.error());
            return;
        }
        const std::optional<JwtClaims> claims = JwtClaims::read(result.value().accessToken);
        if (!claims) {
            Q_EMIT signInFailed(ApiError::make(ApiError::Kind::BadResponse,
                                               UserMessage::of("core.session.unreadableAnswer")));
            return;
        }
        adopt(result.value().accessToken, *claims, result.value().user);
    });
}

void Session::signInWithToken(const QString &rawToken)
{
    QString token = rawToken.trimmed();
    if (token.startsWith(QLatin1StringView("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    const std::optional<JwtClaims> claims = JwtClaims::read(token);
    if (!claims) {
        failLater(&Session::signInFailed, validation("core.session.notAToken"));
        return;
    }
    if (claims->isExpired(m_now())) {
        failLater(&Session::signInFailed, validation("core.session.tokenExpired"));
        return;
    }

    m_validatingToken = token;
    m_backend.setAccessToken(token);
    m_backend.fetchMe(this, [this, token, claims](const Result<User> &result) {
        if (m_validatingToken != token)
            return; // superseded by another attempt
        m_validatingToken.clear();
        if (!result) {
            m_backend.setAccessToken(isSignedIn() ? m_token : QString());
            ApiError error = result.error();
            if (error.kind == ApiError::Kind::Unauthorized) {
                error.message = UserMessage::of("core.session.tokenRefused");
                error.userMessage = error.message.text();
            }
            Q_EMIT signInFailed(error);
            return;
        }
        adopt(token, *claims, result.value());
    });
}

void Session::adopt(const QString &token, const JwtClaims &claims, const User &user)
{
    const bool accountChanged = m_accountId != claims.userId;
    m_token = token;
    m_claims = claims;
    m_accountId = claims.userId.isEmpty() ? user.id : claims.userId;
    m_expiryWarned = false;
    if (accountChanged)
        m_stars.reset();
    m_backend.setAccessToken(token);
    m_tokens.save(token);
    User known = user;
    if (known.id.isEmpty())
        known.id = m_accountId;
    if (known.phoneNumber.isEmpty())
        known.phoneNumber = claims.phoneNumber;
    if (known.email.isEmpty())
        known.email = claims.email;
    setState(State::SignedIn);
    applyUser(known);
    m_cache.save(m_accountId, known);
    qCInfo(lcSession) << "signed in as account" << m_accountId;
    Q_EMIT signedIn(known);
    checkExpiry();
}

void Session::refreshUser()
{
    if (!isSignedIn())
        return;
    const QString token = m_token;
    m_backend.fetchMe(this, [this, token](const Result<User> &result) {
        if (m_token != token || !isSignedIn())
            return; // signed out or replaced meanwhile
        if (!result) {
            // A 401 also arrives through onUnauthorized; handle it here too so a backend
            // that reports only one way still ends in NeedsSignIn. Anything else (offline,
            // 5xx, 429) leaves the session as it was.
            if (result.error().kind == ApiError::Kind::Unauthorized)
                requireSignIn(tr("The server no longer accepts your sign-in. Sign in again; "
                                 "your local gallery stays available."));
            Q_EMIT refreshFailed(result.error());
            return;
        }
        User user = result.value();
        if (user.id.isEmpty()) // GET /users/me may answer {"user": null}
            user = m_user;
        applyUser(user);
        m_cache.save(m_accountId, m_user);
        checkExpiry();
    });
}

void Session::signOut()
{
    m_validatingToken.clear();
    m_token.clear();
    m_claims.reset();
    m_accountId.clear();
    m_user = User();
    m_stars.reset();
    m_expiryTimer.stop();
    m_backend.setAccessToken({});
    m_tokens.clear();
    m_cache.remove();
    setState(State::SignedOut);
    Q_EMIT signedOut();
}

void Session::applyUser(const User &user)
{
    m_user = user;
    Q_EMIT userChanged(m_user);
    if (!m_stars || *m_stars != user.stars) {
        m_stars = user.stars;
        Q_EMIT starsChanged(user.stars);
    }
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Session::requireSignIn(const QString &reason)
{
    if (m_state == State::NeedsSignIn || m_state == State::SignedOut)
        return;
    m_expiryTimer.stop();
    qCInfo(lcSession) << "sign-in required:" << reason;
    setState(State::NeedsSignIn);
    Q_EMIT signInRequired(reason);
}

// Runs on sign-in, after each refresh and from a timer set for the next threshold (a day
// before exp, then exp), so a long-running app notices without polling.
void Session::checkExpiry()
{
    if (!isSignedIn() || !m_claims)
        return;
    const QDateTime now = m_now();
    const QDateTime expires = m_claims->expiresAt;
    if (m_claims->isExpired(now)) {
        requireSignIn(
            tr("Your sign-in has expired. Sign in again; your local gallery stays available."));
        return;
    }
    QDateTime next = expires;
    if (m_claims->expiresWithin(expiryWarning, now)) {
        setState(State::Expiring);
        if (!m_expiryWarned) {
            m_expiryWarned = true;
            Q_EMIT tokenExpiringSoon(expires);
        }
    } else {
        next = expires.addSecs(-std::chrono::seconds(expiryWarning).count());
    }
    const qint64 ms =
        std::clamp(now.msecsTo(next) + 1000, qint64(0), qint64(std::numeric_limits<int>::max()));
    m_expiryTimer.start(int(ms));
}

void Session::failLater(void (Session::*signal)(const ApiError &), const ApiError &error)
{
    QMetaObject::invokeMethod(
        this,
        [this, signal, error] {
            Q_EMIT(this->*signal)
            (error);
        },
        Qt::QueuedConnection);
}

#include "moc_session.cpp"
