#include "threading/handoff.h"
#include "threading/pool.h"
#include "threading/workerthread.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

// The handoffs between our threads: where posted functions run, in which order, and what
// happens to the ones never run. `./dev tsan` runs this too, so it also checks that TSan sees
// each handoff (a plain int written before and read after would be reported otherwise).
class TestHandoff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnItsThreadInPostedOrder()
    {
        Handoff handoff;
        std::vector<int> order;
        QThread *ranOn = nullptr;
        int written = 0; // plain memory, written on another thread before the posts
        std::thread poster([&] {
            written = 42;
            for (int i = 0; i < 100; ++i)
                handoff.post([&order, &ranOn, i] {
                    order.push_back(i);
                    ranOn = QThread::currentThread();
                });
        });
        poster.join();
        QTRY_COMPARE(int(order.size()), 100);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(order[size_t(i)], i);
        QCOMPARE(ranOn, QThread::currentThread());
        QCOMPARE(written, 42);
    }

    void dropsWhatItNeverRan()
    {
        auto ran = std::make_shared<int>(0);
        {
            Handoff handoff;
            handoff.post([ran] { ++*ran; });
        } // destroyed before the event loop ran: the function is dropped, and freed
        QCoreApplication::processEvents();
        QCOMPARE(*ran, 0);
        QCOMPARE(ran.use_count(), 1L);
    }

    void workerThreadRunsInOrderThenItsExitFunction()
    {
        std::vector<int> seen; // written on the worker, read here after stop()
        QThread *workerThread = nullptr;
        QThread *exitThread = nullptr;
        std::atomic_int ran{0};
        {
            WorkerThread worker(u"test-worker"_s, [&] { exitThread = QThread::currentThread(); });
            for (int i = 0; i < 50; ++i)
                worker.post([&seen, &workerThread, &ran, i] {
                    seen.push_back(i);
                    workerThread = QThread::currentThread();
                    ++ran;
                });
            QTRY_COMPARE_WITH_TIMEOUT(ran.load(), 50, 5000);
            worker.stop();
            QVERIFY(workerThread != nullptr);
            QVERIFY(workerThread != QThread::currentThread());
            QCOMPARE(exitThread, workerThread);
            for (int i = 0; i < 50; ++i)
                QCOMPARE(seen[size_t(i)], i);
            worker.stop(); // a second stop is harmless
        }
    }

    void workerThreadStopDropsWhatItNeverStarted()
    {
        std::atomic_int ran{0};
        std::atomic_bool started{false};
        std::atomic_bool release{false};
        WorkerThread worker(u"test-worker"_s, {});
        worker.post([&] {
            started = true;
            while (!release.load())
                QThread::yieldCurrentThread();
            ++ran;
        });
        for (int i = 0; i < 10; ++i)
            worker.post([&] { ++ran; });
        // Stopping before the first one began would drop it too; this test is about the rest.
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 5000);
        std::thread releaser([&] { release = true; });
        worker.stop(); // the first finishes; whether later ones ran depends on timing, but
        releaser.join(); // nothing runs after stop() returned
        const int afterStop = ran.load();
        QVERIFY(afterStop >= 1);
        QCoreApplication::processEvents();
        QCOMPARE(ran.load(), afterStop);
    }

    void poolHandoffsAreOrdered()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        std::vector<int> inputs(8, 0);
        std::vector<int> outputs(8, 0);
        for (int i = 0; i < 8; ++i) {
            inputs[size_t(i)] = i * 10; // written before the start, read on a pool thread
            startInPool(pool, [&inputs, &outputs, i] {
                outputs[size_t(i)] = inputs[size_t(i)] + 1; // read here after the wait
            });
        }
        waitForPool(pool);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(outputs[size_t(i)], i * 10 + 1);
    }
};

QTEST_GUILESS_MAIN(TestHandoff)
#include "tst_handoff.moc"
