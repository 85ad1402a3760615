#pragma once

#include "backend/ratelimitpacer.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

struct HttpAnswer;

// The one request budget of the program: every /api call waits here for its turn, so that
// polling and history sync never spend the requests a user's submit needs, and a 429 is
// waited out once for everybody. Thin scheduler over RateLimitPacer.
class RequestBudget final : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    explicit RequestBudget(QObject *parent = nullptr);
    RequestBudget(Clock clock, QObject *parent = nullptr);
    ~RequestBudget() override;

    // Calls start() (never synchronously) once a call of this priority may be sent. Dropped
    // if context dies first. Returns a ticket for cancel().
    quint64 enqueue(CallPriority priority, QObject *context, std::function<void()> start);
    void cancel(quint64 ticket);

    // Reads RateLimit-* (and Retry-After on a 429) from an /api answer.
    void observe(const HttpAnswer &answer);

    // How often a call that met 429 is sent again before its caller sees RateLimited.
    int maxRetries() const { return m_maxRetries; }
    void setMaxRetries(int retries) { m_maxRetries = retries; }
    // Retry-After assumed when a 429 carries none.
    static constexpr int kDefaultRetryAfterSeconds = 30;

    int waitingCount() const { return int(m_waiting.size()); }
    const RateLimitPacer &pacer() const { return m_pacer; }

Q_SIGNALS:
    // While a 429 is waited out: the seconds left, once at the start and then every second;
    // 0 when calls resume. For "Rate limited by the server; resuming in N s".
    void rateLimited(int secondsLeft);

private:
    struct Waiting
    {
        quint64 ticket;
        CallPriority priority;
        QPointer<QObject> context;
        std::function<void()> start;
    };

    void dispatch();
    void tick();

    Clock m_clock;
    RateLimitPacer m_pacer;
    QList<Waiting> m_waiting;
    QTimer m_timer; // next possible dispatch
    QTimer m_countdown; // rateLimited() every second
    quint64 m_nextTicket = 1;
    int m_maxRetries = 3;
    bool m_dispatching = false;
};
