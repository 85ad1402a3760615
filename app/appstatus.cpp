#include "appstatus.h"

#include "backend/backendclient.h"
#include "backend/requestbudget.h"
#include "session/session.h"

#include <QLocale>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcStatus, "studio.status")

AppStatus::SignIn signInOf(Session::State state)
{
    switch (state) {
    case Session::State::SignedIn:
    case Session::State::Expiring:
        return AppStatus::SignIn::SignedIn;
    case Session::State::NeedsSignIn:
        return AppStatus::SignIn::NeedsSignIn;
    case Session::State::SignedOut:
        break;
    }
    return AppStatus::SignIn::SignedOut;
}

} // namespace

bool AppStatus::isFault(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::ServerError:
    case ApiError::Kind::BadResponse:
    case ApiError::Kind::TooLarge:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Timeout:
        return true;
    default:
        return false; // offline, 401, 429 have their own display; validation is the caller's
    }
}

AppStatus::AppStatus(QObject *parent)
    : QObject(parent)
{
    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &AppStatus::runProbe);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &AppStatus::changed);
}

AppStatus::~AppStatus()
{
    if (m_probeCall)
        m_probeCall->disconnect(this);
}

void AppStatus::attach(BackendClient &client, RequestBudget &budget, Session &session)
{
    connect(&client, &BackendClient::reachabilityChanged, this, &AppStatus::setReachable);
    connect(&budget, &RequestBudget::rateLimited, this, &AppStatus::setRateLimited);
    connect(&session, &Session::stateChanged, this,
            [this](Session::State state) { setSignIn(signInOf(state)); });
    connect(&session, &Session::restored, this,
            [this](Session::State state) { setSignIn(signInOf(state)); });
    connect(&session, &Session::starsChanged, this, &AppStatus::setStars);
    connect(&session, &Session::refreshFailed, this, [this](const ApiError &error) {
        if (isFault(error))
            reportFault(error);
    });
    connect(&session, &Session::signedOut, this, [this] {
        m_stars.reset();
        Q_EMIT changed();
    });
    setSignIn(signInOf(session.state()));
    if (session.isSignedIn() || session.state() == Session::State::NeedsSignIn)
        if (!session.user().id.isEmpty())
            m_stars = session.user().stars;
}

AppStatus::Connection AppStatus::connection() const
{
    if (m_signIn == SignIn::SignedOut)
        return Connection::SignedOut;
    if (isOffline())
        return Connection::Offline;
    if (m_rateLimitSeconds > 0)
        return Connection::RateLimited;
    if (m_signIn == SignIn::NeedsSignIn)
        return Connection::NeedsSignIn;
    return m_reachable ? Connection::Online : Connection::Unknown;
}

int AppStatus::nextProbeSecondsLeft() const
{
    if (!m_probeTimer.isActive())
        return 0;
    return (m_probeTimer.remainingTime() + 999) / 1000;
}

QString AppStatus::connectionText() const
{
    switch (connection()) {
    case Connection::Unknown:
        return tr("Connecting…");
    case Connection::Online:
        return tr("Online");
    case Connection::Offline: {
        const int seconds = nextProbeSecondsLeft();
        return seconds > 0 ? tr("Offline · retrying in %1 s").arg(seconds)
                           : tr("Offline · retrying…");
    }
    case Connection::RateLimited:
        return tr("Rate limited · resuming in %1 s").arg(m_rateLimitSeconds);
    case Connection::SignedOut:
        return tr("Signed out");
    case Connection::NeedsSignIn:
        return tr("Sign in again");
    }
    return {};
}

QString AppStatus::syncText() const
{
    if (m_syncing) {
        if (m_syncTotal > 0)
            return tr("Syncing %1 of %2…").arg(m_syncFetched).arg(m_syncTotal);
        return tr("Syncing…");
    }
    return m_syncResult;
}

QString AppStatus::starsText() const
{
    return m_stars ? tr("%1 ★").arg(QLocale().toString(*m_stars, 'f', 0)) : QString();
}

void AppStatus::setReachable(bool reachable)
{
    const bool wasOffline = isOffline();
    m_reachable = reachable;
    if (reachable) {
        m_probeTimer.stop();
        m_probeIndex = 0;
        if (wasOffline) {
            qCInfo(lcStatus) << "the server answers again";
            clearFault();
            Q_EMIT backOnline();
        }
    } else if (!wasOffline) {
        qCInfo(lcStatus) << "the server is unreachable; probing with backoff";
        m_probeIndex = 0;
        scheduleProbe();
    }
    updateTicker();
    Q_EMIT changed();
}

void AppStatus::setRateLimited(int secondsLeft)
{
    m_rateLimitSeconds = qMax(0, secondsLeft);
    Q_EMIT changed();
}

void AppStatus::setSignIn(SignIn state)
{
    if (m_signIn == state)
        return;
    m_signIn = state;
    if (state == SignIn::SignedOut)
        m_stars.reset();
    Q_EMIT changed();
}

void AppStatus::setStars(double stars)
{
    m_stars = stars;
    Q_EMIT changed();
}

void AppStatus::syncStarted()
{
    m_syncing = true;
    m_syncFetched = 0;
    m_syncTotal = 0;
    Q_EMIT changed();
}

void AppStatus::syncProgress(qint64 fetched, qint64 total)
{
    m_syncing = true;
    m_syncFetched = fetched;
    m_syncTotal = total;
    Q_EMIT changed();
}

void AppStatus::syncFinished(int added)
{
    m_syncing = false;
    m_syncResult = added > 0 ? tr("Synced · %n new", nullptr, added) : tr("Synced");
    m_fault.clear(); // the server answered properly again
    Q_EMIT changed();
}

void AppStatus::syncFailed(const ApiError &error)
{
    m_syncing = false;
    m_syncResult =
        error.kind == ApiError::Kind::Network ? tr("Not synced (offline)") : tr("Sync failed");
    if (isFault(error))
        reportFault(error);
    Q_EMIT changed();
}

void AppStatus::reportFault(const ApiError &error)
{
    if (m_fault == error.userMessage)
        return;
    m_fault = error.userMessage;
    Q_EMIT changed();
}

void AppStatus::clearFault()
{
    if (m_fault.isEmpty())
        return;
    m_fault.clear();
    Q_EMIT changed();
}

void AppStatus::scheduleProbe()
{
    if (!m_probe || m_probeDelaysMs.isEmpty())
        return;
    const int delay = m_probeDelaysMs.value(qMin(m_probeIndex, int(m_probeDelaysMs.size()) - 1));
    ++m_probeIndex;
    m_probeTimer.start(delay);
}

void AppStatus::runProbe()
{
    if (!isOffline() || m_probeCall)
        return;
    m_probeCall = m_probe();
    if (!m_probeCall) {
        scheduleProbe();
        return;
    }
    // The answer reaches setReachable() through the client; only a still-offline probe needs
    // the next attempt planned here.
    connect(m_probeCall, &ApiCallBase::finished, this, [this] {
        m_probeCall.clear();
        if (isOffline())
            scheduleProbe();
        updateTicker();
        Q_EMIT changed();
    });
}

void AppStatus::updateTicker()
{
    if (isOffline())
        m_ticker.start();
    else
        m_ticker.stop();
}
