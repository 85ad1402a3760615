#include "threading/handoff.h"

#include "threading/tsanannotations.h"

#include <QCoreApplication>

namespace {

const QEvent::Type kHandoffEvent = static_cast<QEvent::Type>(QEvent::registerEventType());

class HandoffEvent final : public QEvent
{
public:
    explicit HandoffEvent(std::function<void()> fn)
        : QEvent(kHandoffEvent)
        , m_fn(std::move(fn))
    { }

    ~HandoffEvent() override
    {
        // Deleted by Qt on the receiving thread, or on any thread with its unrun receiver.
        tsan::acquire(this);
    }

    void run()
    {
        tsan::acquire(this);
        m_fn();
    }

private:
    std::function<void()> m_fn;
};

} // namespace

void Handoff::post(std::function<void()> fn)
{
    auto *event = new HandoffEvent(std::move(fn));
    tsan::release(event);
    QCoreApplication::postEvent(this, event);
}

bool Handoff::event(QEvent *e)
{
    // Before anything reads the event: a handoff event was written on the posting thread.
    tsan::acquire(e);
    if (e->type() != kHandoffEvent)
        return QObject::event(e);
    static_cast<HandoffEvent *>(e)->run();
    return true;
}
