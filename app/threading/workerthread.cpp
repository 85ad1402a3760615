#include "threading/workerthread.h"

#include "threading/tsanannotations.h"

WorkerThread::WorkerThread(const QString &name, std::function<void()> atExit)
    : m_context(std::make_unique<Handoff>())
{
    m_thread.setObjectName(name);
    m_context->moveToThread(&m_thread);
    QThread *thread = &m_thread;
    // Emitted by the thread itself, right before it ends.
    QObject::connect(
        &m_thread, &QThread::finished, m_context.get(),
        [thread, atExit = std::move(atExit)] {
            if (atExit)
                atExit();
            tsan::release(thread);
        },
        Qt::DirectConnection);
    m_thread.start();
}

WorkerThread::~WorkerThread()
{
    stop();
}

void WorkerThread::post(std::function<void()> fn)
{
    m_context->post(std::move(fn));
}

void WorkerThread::stop()
{
    if (!m_context)
        return;
    m_thread.quit();
    m_thread.wait();
    // QThread::wait() returns without a visible synchronisation when the thread had already
    // ended; this pairs with the release in its last moments.
    tsan::acquire(&m_thread);
    m_context.reset(); // drops the functions never run, here on the owner's thread
}
