#include "threading/pool.h"

#include "threading/tsanannotations.h"

namespace {

// Allocated here, not by QThreadPool, so that everything the task holds is written before the
// release that the pool thread acquires before reading it.
class PoolTask final : public QRunnable
{
public:
    PoolTask(QThreadPool *pool, std::function<void()> fn)
        : m_pool(pool)
        , m_fn(std::move(fn))
    { }

    void run() override
    {
        tsan::acquire(this);
        m_fn();
        tsan::release(m_pool); // for waitForPool
    }

private:
    QThreadPool *m_pool;
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
