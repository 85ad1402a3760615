#include "backend/requestbudget.h"

#include "backend/backendlog.h"
#include "backend/httpanswer.h"

#include <QElapsedTimer>

#include <algorithm>
#include <memory>

namespace {

RequestBudget::Clock steadyClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] { return timer->elapsed(); };
}

} // namespace

RequestBudget::RequestBudget(QObject *parent)
    : RequestBudget(steadyClock(), parent)
{ }

RequestBudget::RequestBudget(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RequestBudget::dispatch);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &RequestBudget::tick);
}

RequestBudget::~RequestBudget() = default;

quint64 RequestBudget::enqueue(CallPriority priority, QObject *context, std::function<void()> start)
{
    const auto ticket = m_nextTicket++;
    m_waiting.append(Waiting{ticket, priority, context, std::move(start)});
    if (!m_dispatching)
        m_timer.start(0); // never start a call inside the caller's own stack frame
    return ticket;
}

void RequestBudget::cancel(quint64 ticket)
{
    m_waiting.removeIf([ticket](const Waiting &w) { return w.ticket == ticket; });
}

void RequestBudget::observe(const HttpAnswer &answer)
{
    const auto now = m_clock();
    m_pacer.observe(now, answer.rateLimitLimit, answer.rateLimitRemaining, answer.rateLimitReset);
    if (answer.status == 429) {
        const int seconds = answer.retryAfter >= 0 ? answer.retryAfter : kDefaultRetryAfterSeconds;
        m_pacer.observeRetryAfter(now, seconds);
        qCInfo(lcBackend) << "rate limited by the server; waiting" << seconds << "s";
        tick();
        m_countdown.start();
    }
    if (!m_waiting.isEmpty())
        m_timer.start(0);
}

void RequestBudget::tick()
{
    const auto left = m_pacer.blockedUntil() - m_clock();
    const int seconds = left > 0 ? int((left + 999) / 1000) : 0;
    if (seconds == 0)
        m_countdown.stop();
    Q_EMIT rateLimited(seconds);
}

void RequestBudget::dispatch()
{
    m_dispatching = true;
    for (;;) {
        m_waiting.removeIf([](const Waiting &w) { return w.context.isNull(); });
        const auto now = m_clock();
        // The first call that may go, Interactive before Poll before Background, FIFO within.
        auto best = m_waiting.end();
        for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it)
            if (m_pacer.delayFor(it->priority, now) == 0
                && (best == m_waiting.end() || it->priority < best->priority))
                best = it;
        if (best == m_waiting.end())
            break;
        auto start = std::move(best->start);
        const auto priority = best->priority;
        m_waiting.erase(best);
        m_pacer.noteSent(priority, now);
        start();
    }
    m_dispatching = false;

    if (m_waiting.isEmpty())
        return;
    const auto now = m_clock();
    qint64 next = std::numeric_limits<qint64>::max();
    for (const auto &w : std::as_const(m_waiting))
        next = std::min(next, m_pacer.delayFor(w.priority, now));
    m_timer.start(int(std::clamp<qint64>(next, 1, qint64(24) * 3600 * 1000)));
}
