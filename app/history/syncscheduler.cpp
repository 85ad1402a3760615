#include "history/syncscheduler.h"

#include "domain/job.h"
#include "history/historylog.h"
#include "history/historysync.h"

#include <QMetaEnum>

SyncScheduler::SyncScheduler(FetchPage fetchPage, HistoryStore &store, QObject *parent)
    : QObject(parent)
    , m_fetchPage(std::move(fetchPage))
    , m_store(store)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(0);
    connect(&m_coalesce, &QTimer::timeout, this, &SyncScheduler::startPending);
}

SyncScheduler::~SyncScheduler()
{
    // A running sync waits for the page being written: the store outlives this.
    qDeleteAll(findChildren<HistorySync *>(Qt::FindDirectChildrenOnly));
}

bool SyncScheduler::isRunning() const
{
    return m_sync && m_sync->isRunning();
}

void SyncScheduler::setAccount(const QString &accountId)
{
    if (accountId == m_account)
        return;
    m_account = accountId;
    // Requests were for the account before; a running sync finishes what it writes.
    m_coalesce.stop();
    m_again = false;
    m_full = false;
}

bool SyncScheduler::requestSync(Reason reason, bool full)
{
    if (m_account.isEmpty())
        return false;
    qCDebug(lcHistory) << "sync requested:"
                       << QMetaEnum::fromType<Reason>().valueToKey(int(reason));
    m_full = m_full || full;
    if (isRunning())
        m_again = true;
    else if (!m_coalesce.isActive())
        m_coalesce.start();
    return true;
}

HistorySync *SyncScheduler::startNow(Reason reason, bool full)
{
    if (!requestSync(reason, full))
        return nullptr;
    if (!isRunning()) {
        m_coalesce.stop();
        startPending();
    }
    return m_sync;
}

void SyncScheduler::jobFinished(const Job &job)
{
    if (job.state == JobState::Completed)
        requestSync(Reason::JobCompleted);
}

void SyncScheduler::startPending()
{
    if (m_account.isEmpty() || isRunning())
        return;
    const bool full = std::exchange(m_full, false);
    m_again = false;
    if (m_sync)
        m_sync->deleteLater(); // it may still be reporting its end
    m_sync = new HistorySync(m_fetchPage, m_store, m_account, this);
    connect(m_sync, &HistorySync::progress, this, &SyncScheduler::progress);
    connect(m_sync, &HistorySync::finished, this, &SyncScheduler::onFinished);
    connect(m_sync, &HistorySync::failed, this, &SyncScheduler::onFailed);
    m_sync->start(full ? HistorySync::Mode::Full : HistorySync::Mode::Auto);
    Q_EMIT started(full);
}

void SyncScheduler::onFinished(const SyncReport &report)
{
    Q_EMIT finished(report);
    if (m_again && !m_coalesce.isActive())
        m_coalesce.start();
}

void SyncScheduler::onFailed(const ApiError &error)
{
    // A failure would likely repeat at once (offline, rate limited): the next trigger, such as
    // back online, asks again.
    m_again = false;
    m_full = false;
    Q_EMIT failed(error);
}

// The signals carry SyncReport, complete only here.
#include "moc_syncscheduler.cpp"
