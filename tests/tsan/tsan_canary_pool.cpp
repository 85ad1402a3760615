// Proof that leaving QThreadPool's bookkeeping unchecked (app/threading/pool.cpp) and Qt's
// global pool threads unchecked between our tasks (app/threading/qtthreadsunchecked.cpp) still
// checks the tasks themselves: two tasks of startInPool increment one counter without a lock on
// two pool threads that have each run a task before, and the CTest test passes only when TSan
// reports that race. "own" runs them on a pool of ours, "global" on Qt's global pool.
#include "threading/pool.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QThreadPool>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

int g_counter = 0; // shared on purpose

// Two tasks at once, so that they run on two threads: each holds its thread until both have
// started. QSemaphore waits on a futex, which gives TSan no order between the two. Not
// waitForPool(), which would end the pool's threads: the second round runs on threads that
// have ended a task of ours before.
void twoTasksAtOnce(QThreadPool &pool, bool increment)
{
    struct Gates
    {
        QSemaphore arrived;
        QSemaphore leave;
        QSemaphore done;
    };
    const auto gates = std::make_shared<Gates>();
    for (int i = 0; i < 2; ++i) {
        startInPool(pool, [gates, increment] {
            if (increment)
                ++g_counter;
            gates->arrived.release();
            gates->leave.acquire();
            gates->done.release();
        });
    }
    gates->arrived.acquire(2);
    gates->leave.release(2);
    gates->done.acquire(2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool global = argc > 1 && std::strcmp(argv[1], "global") == 0;
    QThreadPool own;
    own.setMaxThreadCount(2);
    QThreadPool &pool = global ? *QThreadPool::globalInstance() : own;
    if (pool.maxThreadCount() < 2) {
        std::printf("needs a pool of two threads\n");
        return 1;
    }
    twoTasksAtOnce(pool, false); // each thread ends a task and goes unchecked
    twoTasksAtOnce(pool, true); // the race, on threads checked again
    std::printf("counter %d\n", g_counter);
    return 0;
}
