#include "backend/ratelimitpacer.h"

#include <algorithm>
#include <cmath>

void RateLimitPacer::observe(qint64 nowMs, int limit, int remaining, int resetSeconds)
{
    if (remaining < 0 || resetSeconds < 0)
        return;
    const qint64 resetAt = nowMs + qint64(resetSeconds) * 1000;
    // Answers of concurrent calls arrive out of order: within one window the smallest
    // remaining count is the truest.
    const bool sameWindow = m_known && std::llabs(resetAt - m_resetAt) < 2000;
    m_remaining = sameWindow ? std::min(m_remaining, remaining) : remaining;
    m_resetAt = resetAt;
    m_limit = limit > 0 ? limit : std::max({m_limit, remaining, 1});
    m_known = true;
}

void RateLimitPacer::observeRetryAfter(qint64 nowMs, int seconds)
{
    m_blockedUntil = std::max(m_blockedUntil, nowMs + qint64(std::max(seconds, 0)) * 1000);
    // The window the headers described is over for us; the next answer describes the new one.
    m_known = false;
}

void RateLimitPacer::noteSent(CallPriority priority, qint64 nowMs)
{
    if (hasWindow(nowMs))
        m_remaining = std::max(0, m_remaining - 1);
    if (priority != CallPriority::Interactive)
        m_lastPacedSend = nowMs;
}

int RateLimitPacer::reserveFor(CallPriority priority) const
{
    switch (priority) {
    case CallPriority::Interactive:
        return 0;
    case CallPriority::Poll:
        return int(std::ceil(m_limit * kPollReserve));
    case CallPriority::Background:
        break;
    }
    return int(std::ceil(m_limit * kBackgroundReserve));
}

qint64 RateLimitPacer::pacingInterval(CallPriority priority, qint64 nowMs) const
{
    if (priority == CallPriority::Interactive || !hasWindow(nowMs))
        return 0;
    const qint64 windowLeft = m_resetAt - nowMs;
    const qint64 usable = m_remaining - reserveFor(priority);
    if (usable <= 0)
        return windowLeft;
    if (usable * 1000 >= windowLeft)
        return 0; // at least one request per second left: plenty, nothing waits
    if (m_remaining > int(std::ceil(m_limit * kBurstShare)))
        return 0; // the first half of the window is spent freely
    return windowLeft / (usable + 1); // +1: the last one goes before the reset, not at it
}

qint64 RateLimitPacer::delayFor(CallPriority priority, qint64 nowMs) const
{
    if (nowMs < m_blockedUntil)
        return m_blockedUntil - nowMs;
    if (!hasWindow(nowMs))
        return 0;
    const qint64 windowLeft = m_resetAt - nowMs;
    if (priority == CallPriority::Interactive)
        return m_remaining > 0 ? 0 : windowLeft;
    if (m_remaining - reserveFor(priority) <= 0)
        return windowLeft; // the rest of the window belongs to Interactive calls
    const qint64 interval = pacingInterval(priority, nowMs);
    if (interval == 0)
        return 0;
    return std::max<qint64>(0, m_lastPacedSend + interval - nowMs);
}
