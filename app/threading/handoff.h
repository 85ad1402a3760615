#pragma once

#include <QEvent>
#include <QObject>

#include <functional>

// Runs functions posted from any thread on the thread this object lives in, in the order they
// were posted: QMetaObject::invokeMethod with a queued lambda, but with the handoff visible to
// ThreadSanitizer (see tsanannotations.h), so `./dev tsan` checks our code, not Qt's queue.
class Handoff final : public QObject
{
public:
    using QObject::QObject;

    // Thread-safe. Dropped, unrun, if this object is destroyed first (as a queued call is).
    void post(std::function<void()> fn);

protected:
    bool event(QEvent *e) override;
};
