#include "historysync.h"

#include "historylog.h"
#include "historystore.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

HistorySync::HistorySync(FetchPage fetchPage, HistoryStore &store, QString accountId,
                         QObject *parent)
    : QObject(parent)
    , m_fetchPage(std::move(fetchPage))
    , m_store(store)
    , m_accountId(std::move(accountId))
{ }

HistorySync::~HistorySync()
{
    if (ApiCallBase *call = m_call.data())
        call->disconnect(this);
}

bool HistorySync::start(Mode mode)
{
    if (m_running)
        return false;
    auto state = m_store.syncState(m_accountId);
    if (!state) {
        // Report asynchronously like every other outcome, so callers connect after start().
        const ApiError error = state.error();
        m_running = true;
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error); }, Qt::QueuedConnection);
        return true;
    }
    const auto &values = state.value();
    m_report = {};
    m_report.full =
        mode == Mode::Full
        || (mode == Mode::Auto && !values.contains(QString::fromLatin1(lastFullSyncKey)));
    m_phase = Phase::Paging;
    m_limit = m_report.full ? m_options.fullPageSize : m_options.incrementalPageSize;
    m_skip = 0;
    m_firstTotal = -1;
    m_lastTotal = 0;
    m_seenIds.clear();
    m_newestCreatedMs = values.value(QString::fromLatin1(newestCreatedKey)).toLongLong();
    // Every record this sync sees is stamped with m_seenStamp; a full sync then marks the
    // ones stamped earlier as gone. Strictly increasing, even for two syncs in one ms.
    const qint64 previousStamp = values.value(QString::fromLatin1(seenStampKey)).toLongLong();
    m_seenStamp = std::max(QDateTime::currentMSecsSinceEpoch(), previousStamp + 1);
    m_running = true;
    m_clock.start();
    qCDebug(lcHistory) << "sync started" << m_accountId << (m_report.full ? "full" : "incremental");
    requestPage();
    return true;
}

void HistorySync::abort()
{
    if (ApiCallBase *call = m_call.data())
        call->abort();
}

void HistorySync::requestPage()
{
    ApiCall<ImagesPage> *call = m_fetchPage(m_limit, m_skip);
    ++m_report.requests;
    if (!call) {
        fail(ApiError::make(ApiError::Kind::Local,
                            u"The history could not be requested. Sign in and try again."_s));
        return;
    }
    m_call = call;
    connect(call, &ApiCallBase::finished, this, [this, call] { handlePage(call); });
}

void HistorySync::handlePage(ApiCall<ImagesPage> *call)
{
    m_call = nullptr;
    if (!m_running)
        return;
    const auto &result = call->result();
    if (!result) {
        fail(result.error());
        return;
    }
    const ImagesPage &page = result.value();
    if (m_firstTotal < 0)
        m_firstTotal = page.total;
    m_lastTotal = page.total;

    // Offset paging drifts when records arrive meanwhile: the same record can come twice.
    QList<GeneratedImage> fresh;
    fresh.reserve(page.images.size());
    for (const auto &image : page.images) {
        if (image.id.isEmpty() || m_seenIds.contains(image.id))
            continue;
        m_seenIds.insert(image.id);
        fresh.append(image);
        if (image.createdAt.isValid())
            m_newestCreatedMs = std::max(m_newestCreatedMs, image.createdAt.toMSecsSinceEpoch());
    }
    const bool sawKnownRecord = fresh.size() < page.images.size();
    const bool more = page.hasMore && !page.images.isEmpty();
    // A full sync reads every page anyway: ask for the next one before storing this one, so
    // the transfer overlaps the SQLite work instead of waiting behind it.
    const bool prefetched = m_report.full && m_phase == Phase::Paging && more;
    if (prefetched) {
        m_skip += int(page.images.size());
        requestPage();
    }

    QElapsedTimer storeClock;
    storeClock.start();
    auto counts = m_store.upsertServerRecords(m_accountId, fresh, m_seenStamp);
    m_report.storeMs += storeClock.elapsed();
    if (!counts) {
        fail(counts.error());
        return;
    }
    m_report.fetched += int(fresh.size());
    m_report.added += counts.value().inserted;
    m_report.changed += counts.value().changed;
    m_report.unchanged += counts.value().unchanged;
    Q_EMIT progress(m_seenIds.size(), std::max<qint64>(page.total, m_seenIds.size()));

    if (prefetched)
        return;
    if (!m_report.full) {
        if (counts.value().inserted + counts.value().changed == 0 || !more) {
            complete();
            return;
        }
        // A page that was entirely new means a long gap: read the rest in large pages.
        if (counts.value().inserted == page.images.size())
            m_limit = std::max(m_limit, m_options.fullPageSize);
        m_skip += int(page.images.size());
        requestPage();
        return;
    }

    if (m_phase == Phase::Paging) {
        if (more) {
            m_skip += int(page.images.size());
            requestPage();
            return;
        }
        if (m_lastTotal > m_firstTotal) {
            // Records arrived at the top while paging: read from the top again until a page
            // reaches records already seen.
            qCDebug(lcHistory) << "history grew during the sync from" << m_firstTotal << "to"
                               << m_lastTotal;
            m_phase = Phase::Recheck;
            m_skip = 0;
            requestPage();
            return;
        }
        complete();
        return;
    }
    // Recheck: everything older than a known record was seen during paging (the server
    // never deletes), so the first known record ends it.
    if (sawKnownRecord || !more) {
        complete();
        return;
    }
    m_skip += int(page.images.size());
    requestPage();
}

void HistorySync::complete()
{
    QElapsedTimer storeClock;
    storeClock.start();
    // Only a listing that held every record the server counts proves the others are gone; a
    // server that stopped early (an empty page despite hasMore) proves nothing.
    if (m_report.full && m_seenIds.size() >= m_lastTotal) {
        auto gone = m_store.markGoneUnlessSeenSince(m_accountId, m_seenStamp);
        if (!gone) {
            fail(gone.error());
            return;
        }
        m_report.gone = gone.value();
    }
    const QString now = QString::number(QDateTime::currentMSecsSinceEpoch());
    QHash<QString, QString> state = {
        {QString::fromLatin1(lastSyncKey), now},
        {QString::fromLatin1(serverTotalKey), QString::number(m_lastTotal)},
        {QString::fromLatin1(newestCreatedKey), QString::number(m_newestCreatedMs)},
        {QString::fromLatin1(seenStampKey), QString::number(m_seenStamp)},
    };
    if (m_report.full)
        state.insert(QString::fromLatin1(lastFullSyncKey), now);
    auto saved = m_store.setSyncState(m_accountId, state);
    m_report.storeMs += storeClock.elapsed();
    if (!saved) {
        fail(saved.error());
        return;
    }
    m_running = false;
    m_report.durationMs = m_clock.elapsed();
    qCInfo(lcHistory) << "sync done" << m_accountId << "requests" << m_report.requests << "new"
                      << m_report.added << "changed" << m_report.changed << "gone" << m_report.gone
                      << "in" << m_report.durationMs << "ms";
    Q_EMIT finished(m_report);
}

void HistorySync::fail(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    qCWarning(lcHistory) << "sync failed" << m_accountId << ApiError::kindName(error.kind)
                         << error.serverMessage;
    Q_EMIT failed(error);
}
