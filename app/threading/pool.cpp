#include "threading/pool.h"

#include "threading/tsanannotations.h"

#include <QThread>

namespace {

// Between two tasks of ours a pool thread runs only QThreadPool's bookkeeping: its queue and
// its lists of idle and expired threads, written by every pool thread under a futex-based mutex
// TSan cannot see, so two pool threads read as racing inside Qt. Unchecked from the end of one
// of our tasks to the start of the next, and checked again before the thread ends (a C++
// thread-local ends before TSan's own end-of-thread check). Our tasks themselves stay checked.
class BookkeepingUnchecked final
{
public:
    BookkeepingUnchecked() = default;
    ~BookkeepingUnchecked() { check(); }
    BookkeepingUnchecked(const BookkeepingUnchecked &) = delete;
    BookkeepingUnchecked &operator=(const BookkeepingUnchecked &) = delete;

    void uncheck()
    {
        if (!m_unchecked)
            tsan::uncheckBegin();
        m_unchecked = true;
    }
    void check()
    {
        if (m_unchecked)
            tsan::uncheckEnd();
        m_unchecked = false;
    }

private:
    bool m_unchecked = false;
};

thread_local BookkeepingUnchecked t_bookkeeping;

// Allocated here, not by QThreadPool, so that everything the task holds is written before the
// release that the pool thread acquires before reading it.
class PoolTask final : public QRunnable
{
public:
    PoolTask(QThreadPool *pool, std::function<void()> fn)
        : m_pool(pool)
        , m_startedOn(QThread::currentThread())
        , m_fn(std::move(fn))
    { }

    void run() override
    {
        t_bookkeeping.check();
        tsan::acquire(this);
        m_fn();
        tsan::release(m_pool); // for waitForPool
        // Never on a thread that runs our own code between tasks (were a task ever run where
        // it was started).
        if (QThread::currentThread() != m_startedOn)
            t_bookkeeping.uncheck();
    }

private:
    QThreadPool *m_pool;
    QThread *m_startedOn;
    std::function<void()> m_fn;
};

} // namespace

void startInPool(QThreadPool &pool, std::function<void()> fn)
{
    auto *task = new PoolTask(&pool, std::move(fn));
    tsan::release(task);
    pool.start(task);
}

void waitForPool(QThreadPool &pool)
{
    pool.waitForDone();
    tsan::acquire(&pool);
}

void uncheckPoolThreadUntilNextTask()
{
    t_bookkeeping.uncheck();
}
