#pragma once

#include <QObject>

#include <functional>
#include <mutex>
#include <vector>

class QSocketNotifier;

// Runs functions posted from any thread on the thread this object lives in, in the order they
// were posted, like a queued lambda. It keeps its own queue under a std::mutex and wakes its
// thread through an eventfd, both of which ThreadSanitizer sees: a worker never writes into
// Qt's posted-event list of another thread, which Qt guards with a futex TSan cannot see.
class Handoff final : public QObject
{
public:
    explicit Handoff(QObject *parent = nullptr);
    ~Handoff() override;
    Handoff(const Handoff &) = delete;
    Handoff &operator=(const Handoff &) = delete;

    // Thread-safe. Dropped, unrun, if this object is destroyed first (as a queued call is).
    void post(std::function<void()> fn);

private:
    void runPosted(); // on this object's thread, when the eventfd says there is work

    std::mutex m_mutex;
    std::vector<std::function<void()>> m_posted; // guarded by m_mutex; not empty: a run is due
    int m_wakeFd = -1;
    QSocketNotifier *m_notifier = nullptr; // a child: moves with this object to its thread
};
