#include "threading/handoff.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {
Q_LOGGING_CATEGORY(lcHandoff, "studio.threading")
} // namespace

Handoff::Handoff(QObject *parent)
    : QObject(parent)
    , m_wakeFd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    if (m_wakeFd < 0)
        qFatal("Handoff: cannot make an eventfd: %s", std::strerror(errno));
    m_notifier = new QSocketNotifier(m_wakeFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Handoff::runPosted);
}

Handoff::~Handoff()
{
    delete m_notifier; // before its descriptor closes
    ::close(m_wakeFd);
}

void Handoff::post(std::function<void()> fn)
{
    bool wake = false;
    {
        const std::lock_guard lock(m_mutex);
        // An empty queue: no run is due, so the eventfd has not been written since the last.
        wake = m_posted.empty();
        m_posted.push_back(std::move(fn));
    }
    if (wake) {
        const eventfd_t one = 1;
        if (eventfd_write(m_wakeFd, one) != 0)
            qCWarning(lcHandoff) << "cannot wake a thread:" << std::strerror(errno);
    }
}

void Handoff::runPosted()
{
    eventfd_t count = 0;
    eventfd_read(m_wakeFd, &count); // resets it; EAGAIN when a previous run took the work
    std::vector<std::function<void()>> posted;
    {
        const std::lock_guard lock(m_mutex);
        posted.swap(m_posted);
    }
    for (auto &fn : posted)
        fn();
}
