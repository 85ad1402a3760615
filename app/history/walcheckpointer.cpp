#include "history/walcheckpointer.h"

#include "history/historydatabase.h"
#include "history/historylog.h"

#include <QMutexLocker>
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
    std::unique_ptr<QThread> thread;
    {
        QMutexLocker lock(&m_mutex);
        m_stopped = true;
        thread = std::move(m_thread);
    }
    if (thread) {
        thread->quit();
        thread->wait();
    }
    m_context.reset();
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
    QMutexLocker lock(&m_mutex);
    if (m_stopped)
        return;
    if (!m_thread) {
        m_thread = std::make_unique<QThread>();
        m_thread->setObjectName(u"history-checkpoint"_s);
        m_context = std::make_unique<QObject>();
        m_context->moveToThread(m_thread.get());
        HistoryDatabase *database = &m_database;
        // Emitted by the thread itself, right before it ends.
        QObject::connect(
            m_thread.get(), &QThread::finished, m_context.get(),
            [database] { database->releaseThreadConnection(); }, Qt::DirectConnection);
        m_thread->start();
    }
    QMetaObject::invokeMethod(
        m_context.get(), [this] { checkpoint(); }, Qt::QueuedConnection);
}

void WalCheckpointer::checkpoint()
{
    m_pending = false;
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s))
        qCWarning(lcHistory) << "checkpoint failed:" << q.lastError().text();
    ++m_checkpoints;
}
