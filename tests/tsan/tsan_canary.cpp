// Proof that `./dev tsan` still sees our races with its options (TSAN_OPTIONS, tests/tsan.supp):
// "race" increments one counter from two QThreads without a lock and must be reported;
// "handoff" hands a value to a pool thread and back through app/threading (startInPool,
// waitForPool: the edges our code marks because Qt's futex-based waits are invisible to TSan)
// and must not be.
#include "threading/pool.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

int g_counter = 0; // shared on purpose

int race()
{
    std::unique_ptr<QThread> a(QThread::create([] {
        for (int i = 0; i < 100000; ++i)
            ++g_counter;
    }));
    std::unique_ptr<QThread> b(QThread::create([] {
        for (int i = 0; i < 100000; ++i)
            ++g_counter;
    }));
    a->start();
    b->start();
    a->wait();
    b->wait();
    std::printf("counter %d\n", g_counter);
    return 0;
}

int handoff()
{
    g_counter = 1;
    QThreadPool pool;
    startInPool(pool, [] { g_counter = g_counter * 42; });
    waitForPool(pool);
    std::printf("counter %d\n", g_counter);
    return g_counter == 42 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "race") == 0)
        return race();
    return handoff();
}
