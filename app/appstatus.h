#pragma once

#include "backend/apicall.h"
#include "domain/apierror.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class BackendClient;
class RequestBudget;
class Session;

// What the status bar and the banners show: the connection (online, offline with a retry
// countdown, rate limited with a countdown, signed out, sign in again), the sync progress, the
// star balance and the last server fault as one sentence. Widget-free; while offline it probes
// the server with backoff so the app picks up by itself when the server answers again.
class AppStatus final : public QObject
{
    Q_OBJECT
public:
    enum class Connection { Unknown, Online, Offline, RateLimited, SignedOut, NeedsSignIn };
    Q_ENUM(Connection)
    enum class SignIn { SignedIn, SignedOut, NeedsSignIn };

    // Starts a cheap call (GET /users/me or similar); its answer feeds reachability through
    // the client. Null when no call could be started.
    using Probe = std::function<ApiCallBase *()>;

    explicit AppStatus(QObject *parent = nullptr);
    ~AppStatus() override;

    // Feeds the status from the core's signals (reachability, 429 countdown, session, stars).
    void attach(BackendClient &client, RequestBudget &budget, Session &session);
    void setProbe(Probe probe) { m_probe = std::move(probe); }
    // Delays between probes while offline; the last one repeats.
    void setProbeDelays(const QList<int> &delaysMs) { m_probeDelaysMs = delaysMs; }

    Connection connection() const;
    bool isOffline() const { return m_reachable == std::optional<bool>(false); }
    int rateLimitSecondsLeft() const { return m_rateLimitSeconds; }
    int nextProbeSecondsLeft() const;
    std::optional<double> stars() const { return m_stars; }
    bool isSyncing() const { return m_syncing; }

    // Worth the one-sentence fault banner: the server misbehaved (5xx, bad answer, timeout).
    static bool isFault(const ApiError &error);

    // Sentences for the status bar.
    QString connectionText() const;
    QString syncText() const;
    QString starsText() const;
    // The last fault as one sentence (kept until the next success); empty when none.
    QString faultText() const { return m_fault; }

public Q_SLOTS:
    void setReachable(bool reachable);
    void setRateLimited(int secondsLeft);
    void setSignIn(AppStatus::SignIn state);
    void setStars(double stars);
    void syncStarted();
    void syncProgress(qint64 fetched, qint64 total);
    void syncFinished(int added);
    void syncFailed(const ApiError &error);
    // A failure worth one sentence (5xx, bad answer); repeated ones replace, never pile up.
    void reportFault(const ApiError &error);
    void clearFault();

Q_SIGNALS:
    // Anything shown changed (also every second while a countdown runs).
    void changed();
    // The server answered again after being unreachable: resume, sync, refresh.
    void backOnline();

private:
    void scheduleProbe();
    void runProbe();
    void updateTicker();

    Probe m_probe;
    QList<int> m_probeDelaysMs{2000, 5000, 10000, 20000, 30000, 60000};
    int m_probeIndex = 0;
    QTimer m_probeTimer;
    QTimer m_ticker; // 1 s repaint of the offline countdown
    QPointer<ApiCallBase> m_probeCall;

    std::optional<bool> m_reachable;
    int m_rateLimitSeconds = 0;
    SignIn m_signIn = SignIn::SignedOut;
    std::optional<double> m_stars;
    bool m_syncing = false;
    qint64 m_syncFetched = 0;
    qint64 m_syncTotal = 0;
    QString m_syncResult;
    QString m_fault;
};
