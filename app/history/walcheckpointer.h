#pragma once

#include "threading/workerthread.h"

#include <atomic>
#include <memory>
#include <mutex>

class HistoryDatabase;
struct sqlite3;

// Copies the write-ahead log into the database file on a thread of its own, so that no commit
// pays for it. SQLite's automatic checkpoint runs inside whichever commit finds the log past
// 1,000 pages (16 MB with 16 KB pages), the GUI thread's included, and copies the whole log
// there and then; a first sync of 100,000 records spent about 0.15 s of its write time on it.
// Here a commit that finds the log that long only wakes the checkpointer, which runs a PASSIVE
// checkpoint: it never blocks readers or writers and copies what no reader still needs.
class WalCheckpointer final
{
public:
    explicit WalCheckpointer(HistoryDatabase &database);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Takes over the automatic checkpoint of `connection` (sqlite3_wal_hook).
    void watch(sqlite3 *connection);
    // Waits for a checkpoint in progress and ends the thread; later commits wake nothing.
    // The watched connections may still commit afterwards.
    void stop();
    // Checkpoints run so far (for tests).
    int checkpoints() const { return m_checkpoints.load(); }

    static constexpr int logPagesBeforeCheckpoint = 1000; // SQLite's own default

private:
    static int afterCommit(void *self, sqlite3 *connection, const char *database, int logPages);
    void request(); // any thread
    void checkpoint(); // the checkpointer's thread

    HistoryDatabase &m_database;
    // Guards starting and stopping the thread. A std::mutex, not a QMutex: ThreadSanitizer
    // sees pthread mutexes, not the futexes a contended QMutex waits on.
    std::mutex m_mutex;
    std::unique_ptr<WorkerThread> m_worker;
    bool m_stopped = false;
    std::atomic_bool m_pending{false};
    std::atomic_int m_checkpoints{0};
};
