#pragma once

#include <QtGlobal>

#include <limits>

// Who is asking: Interactive calls (sign-in, submit, profile) are never paced and keep a
// reserve; Poll (task polls) and Background (history pages, characters) share what is left.
enum class CallPriority { Interactive, Poll, Background };

// The pacing arithmetic of the request budget, free of timers and clocks so that it can be
// tested with made-up times. Times are milliseconds on any monotonic clock.
//
// - No RateLimit headers seen (or the window they described is over): nothing waits.
// - A 429's Retry-After blocks every call until it has passed.
// - Interactive calls go while the server says requests remain.
// - Poll and Background keep a reserve for Interactive (10% / 15% of the limit). Above it,
//   while at least one request per second of the window remains, they go at once; below that
//   rate, they are spread evenly over the rest of the window.
class RateLimitPacer final
{
public:
    static constexpr double kPollReserve = 0.10;
    static constexpr double kBackgroundReserve = 0.15;
    // While more than this share of the window's requests remains, nothing is paced: a first
    // sync or a few polls go at once, and only a heavy user's second half is spread out.
    static constexpr double kBurstShare = 0.5;

    // The RateLimit-* headers of one answer (-1 = header absent).
    void observe(qint64 nowMs, int limit, int remaining, int resetSeconds);
    // A 429 with Retry-After (seconds).
    void observeRetryAfter(qint64 nowMs, int seconds);
    // A call of this priority is about to be sent: count it against the window.
    void noteSent(CallPriority priority, qint64 nowMs);

    // How long a call of this priority must still wait; 0 means send now.
    qint64 delayFor(CallPriority priority, qint64 nowMs) const;

    qint64 blockedUntil() const { return m_blockedUntil; }
    bool hasWindow(qint64 nowMs) const { return m_known && nowMs < m_resetAt; }
    int remaining() const { return m_remaining; }
    int limit() const { return m_limit; }
    // Milliseconds between paced calls right now (0 = not paced).
    qint64 pacingInterval(CallPriority priority, qint64 nowMs) const;

private:
    int reserveFor(CallPriority priority) const;

    bool m_known = false;
    int m_limit = -1;
    int m_remaining = 0;
    qint64 m_resetAt = 0;
    qint64 m_blockedUntil = 0;
    qint64 m_lastPacedSend = std::numeric_limits<qint64>::min() / 2;
};
