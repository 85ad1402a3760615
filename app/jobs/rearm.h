#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

// Arms a job's one timer: `then` runs once after `ms` on `context`'s thread, replacing whatever
// the timer was armed for before (a job waits for one thing at a time).
inline void rearm(QTimer &timer, int ms, QObject *context, std::function<void()> then)
{
    timer.disconnect();
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, context, std::move(then));
    timer.start(ms);
}
