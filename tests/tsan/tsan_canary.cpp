// Proof that `./dev tsan` still sees our races with its options (TSAN_OPTIONS, tests/tsan.supp):
// it increments one counter from two QThreads without a lock, and the CTest test passes only
// when TSan reports that race. (With ignore_interceptors_accesses=1 it went unreported.)
#include <QCoreApplication>
#include <QThread>

#include <cstdio>
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return race();
}
