#include "history/walcheckpointer.h"

#include "history/historydatabase.h"
#include "history/historylog.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

WalCheckpointer::WalCheckpointer(HistoryDatabase &database)
    : m_database(database)
{ }

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

void WalCheckpointer::stop()
{
    std::unique_ptr<WorkerThread> worker;
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        worker = std::move(m_worker);
    }
    worker.reset(); // waits for a checkpoint in progress
}

void WalCheckpointer::watch(sqlite3 *connection)
{
    if (connection)
        sqlite3_wal_hook(connection, &WalCheckpointer::afterCommit, this);
}

int WalCheckpointer::afterCommit(void *self, sqlite3 *, const char *, int logPages)
{
    if (logPages >= logPagesBeforeCheckpoint)
        static_cast<WalCheckpointer *>(self)->request();
    return SQLITE_OK;
}

void WalCheckpointer::request()
{
    if (m_pending.exchange(true))
        return; // one is on its way; it copies everything committed before it runs
    const std::lock_guard lock(m_mutex);
    if (m_stopped)
        return;
    if (!m_worker) {
        HistoryDatabase *database = &m_database;
        m_worker = std::make_unique<WorkerThread>(
            u"history-checkpoint"_s, [database] { database->releaseThreadConnection(); });
    }
    m_worker->post([this] { checkpoint(); });
}

void WalCheckpointer::checkpoint()
{
    m_pending = false;
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s))
        qCWarning(lcHistory) << "checkpoint failed:" << q.lastError().text();
    ++m_checkpoints;
}
