#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <type_traits>

// QThreadPool::start and waitForDone with the handoffs visible to ThreadSanitizer: what the
// caller did before startInPool happens before `fn`, and what `fn` did before waitForPool
// returns.
void startInPool(QThreadPool &pool, std::function<void()> fn);
void waitForPool(QThreadPool &pool);
// ThreadSanitizer builds: what this pool thread does from here until a task of startInPool
// starts on it is QThreadPool's own bookkeeping, left unchecked (pool.cpp says why). Only
// from a pool thread; qtthreadsunchecked.cpp calls it on each of Qt's global pool threads.
void uncheckPoolThreadUntilNextTask();

// QtConcurrent::run(&pool, fn) through startInPool: the same QFuture for a QFutureWatcher,
// with the start of `fn` visible to ThreadSanitizer. (The result travels under the future's
// own mutex, whose uncontended path TSan sees.)
template<typename F>
QFuture<std::invoke_result_t<F &>> runInPool(QThreadPool &pool, F fn)
{
    using T = std::invoke_result_t<F &>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    startInPool(pool, [promise, fn = std::move(fn)]() mutable {
        if constexpr (std::is_void_v<T>) {
            fn();
        } else {
            promise->addResult(fn());
        }
        promise->finish();
    });
    return future;
}
