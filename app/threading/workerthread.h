#pragma once

#include "threading/handoff.h"

#include <QString>
#include <QThread>

#include <functional>
#include <memory>

// A thread of our own that runs posted functions in order and one last function right before
// it ends (to close what it opened), with every handoff visible to ThreadSanitizer.
class WorkerThread final
{
public:
    WorkerThread(const QString &name, std::function<void()> atExit);
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    void post(std::function<void()> fn);
    // Lets the function running now finish, drops the ones not started, waits for the end.
    void stop();

private:
    QThread m_thread;
    std::unique_ptr<Handoff> m_context; // lives in m_thread
};
