#include "history/historysync.h"

#include "history/historylog.h"
#include "history/historystore.h"

#include <QDateTime>

#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;

// The pages handed to the worker and not yet taken by it.
struct HistorySync::StoreQueue
{
    std::mutex mutex; // not a QMutex: ThreadSanitizer sees pthread mutexes only
    QList<QList<GeneratedImage>> pages; // guarded by mutex
    bool failed = false; // worker thread only: a write failed, later pages are refused
    MirrorWriteState state; // worker thread only
};

HistorySync::HistorySync(FetchPage fetchPage, HistoryStore &store, QString accountId,
                         QObject *parent)
    : QObject(parent)
    , m_fetchPage(std::move(fetchPage))
    , m_store(store)
    , m_accountId(std::move(accountId))
{
    m_toSyncThread = new Handoff(this);
}

HistorySync::~HistorySync()
{
    for (const auto &request : std::as_const(m_requests))
        if (ApiCallBase *call = request.call.data())
            call->disconnect(this);
    stopWorker();
}

bool HistorySync::start(Mode mode)
{
    if (m_running)
        return false;
    auto state = m_store.syncState(m_accountId);
    if (!state) {
        // Report asynchronously like every other outcome, so callers connect after start().
        const ApiError &error = state.error();
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
    m_lookAhead = true;
    m_firstTotal = -1;
    m_lastTotal = 0;
    m_seenIds.clear();
    m_pagesInFlight = 0;
    m_awaited.reset();
    m_failure.reset();
    m_wroteFreshMirror = false;
    m_unsentPages = 0;
    m_workerBusy = false;
    m_fetchPaused = false;
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
    if (!m_requests.isEmpty()) {
        // The oldest answers first: its Cancelled ends the sync and drops the others.
        const QList<Request> requests = m_requests; // answering may change the list
        for (const auto &request : requests)
            if (ApiCallBase *call = request.call.data())
                call->abort();
    } else if (m_running) {
        // Between requests (a page is being written): fail once it is.
        QMetaObject::invokeMethod(
            this, [this] { fail(ApiError::cancelled()); }, Qt::QueuedConnection);
    }
}

void HistorySync::requestPage()
{
    dropRequests(); // nothing is outstanding here, unless a look-ahead went wrong
    sendRequest(m_skip);
}

void HistorySync::sendRequest(int skip)
{
    ApiCall<ImagesPage> *call = m_fetchPage(m_limit, skip);
    ++m_report.requests;
    if (!call) {
        fail(ApiError::make(ApiError::Kind::Local, UserMessage::of("core.sync.notRequested")));
        return;
    }
    m_requests.append({call, skip, std::nullopt});
    connect(call, &ApiCallBase::finished, this, [this, call] { answered(call); });
}

void HistorySync::answered(ApiCall<ImagesPage> *call)
{
    for (auto &request : m_requests)
        if (request.call == call)
            request.answer = call->result(); // the call deletes itself after this slot
    // Pages are handled in the order they were asked for.
    while (!m_requests.isEmpty() && m_requests.constFirst().answer) {
        const Request head = m_requests.takeFirst();
        handlePage(*head.answer, head.skip);
    }
}

void HistorySync::dropRequests()
{
    const QList<Request> requests = std::exchange(m_requests, {});
    for (const auto &request : requests) {
        if (ApiCallBase *call = request.call.data()) {
            call->disconnect(this);
            call->abort();
        }
    }
}

void HistorySync::fillPipeline()
{
    if (m_pagesInFlight >= m_options.maxQueuedPages) {
        if (m_requests.isEmpty()) {
            // The disk is slower than the network: wait for the worker rather than hold the
            // whole history in memory.
            m_fetchPaused = true;
            wakeWorker();
        }
        return;
    }
    // One request ahead of the page in hand: the server prepares the next page while this
    // one is decoded and deduplicated. Never ahead past the total the server reports.
    const int depth = m_lookAhead ? 2 : 1;
    int next = m_requests.isEmpty() ? m_skip : m_requests.constLast().skip + m_limit;
    while (m_running && m_requests.size() < depth
           && (m_requests.isEmpty() || qint64(next) < m_lastTotal)) {
        sendRequest(next);
        next += m_limit;
    }
}

void HistorySync::handlePage(const Result<ImagesPage> &result, int skip)
{
    if (!m_running || m_failure)
        return;
    if (!result) {
        fail(result.error());
        return;
    }
    if (skip != m_skip) {
        // A look-ahead assumed a full page before it and the server sent fewer: read on one
        // page at a time from where this sync really is.
        qCDebug(lcHistory) << "page at" << skip << "instead of" << m_skip << "- no look-ahead";
        m_lookAhead = false;
        requestPage();
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
    const PageOutcome outcome{page.images.size(), fresh.size() < page.images.size(),
                              page.hasMore && !page.images.isEmpty()};
    // A full sync reads every page anyway: ask for the next one while the worker writes this
    // one, so the transfer and the decoding overlap the SQLite work instead of waiting for it.
    if (m_report.full && m_phase == Phase::Paging && outcome.more) {
        storePage(std::move(fresh), std::nullopt);
        m_skip += int(outcome.size);
        fillPipeline();
        return;
    }
    storePage(std::move(fresh), outcome);
}

void HistorySync::afterStore(const PageOutcome &page, const UpsertCounts &counts)
{
    if (!m_report.full) {
        if (counts.inserted + counts.changed == 0 || !page.more) {
            complete();
            return;
        }
        // A page that was entirely new means a long gap: read the rest in large pages.
        if (counts.inserted == page.size)
            m_limit = std::max(m_limit, m_options.fullPageSize);
        m_skip += int(page.size);
        requestPage();
        return;
    }

    if (m_phase == Phase::Paging) {
        if (page.more) {
            m_skip += int(page.size);
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
    if (page.sawKnownRecord || !page.more) {
        complete();
        return;
    }
    m_skip += int(page.size);
    requestPage();
}

void HistorySync::storePage(QList<GeneratedImage> records, std::optional<PageOutcome> awaited)
{
    if (!m_worker) {
        m_queue = std::make_shared<StoreQueue>();
        HistoryStore *store = &m_store;
        m_worker = std::make_unique<WorkerThread>(u"history-sync"_s,
                                                  [store] { store->releaseThreadConnection(); });
    }
    ++m_pagesInFlight;
    m_awaited = awaited;
    ++m_unsentPages;
    {
        const std::lock_guard lock(m_queue->mutex);
        m_queue->pages.append(std::move(records));
    }
    wakeWorker();
}

void HistorySync::wakeWorker()
{
    // An idle worker starts at once; a busy one takes every page queued meanwhile when it is
    // done, as one transaction and one INSERT. So the batches grow exactly when writing is
    // the slower side, and nothing waits when it is not.
    if (m_unsentPages == 0 || m_workerBusy)
        return;
    m_workerBusy = true;
    m_unsentPages = 0;
    m_worker->post([this] { writeQueuedPages(); });
}

void HistorySync::writeQueuedPages()
{
    // On the worker thread: only the queue, the store and values fixed for the whole sync.
    QList<QList<GeneratedImage>> pages;
    {
        const std::lock_guard lock(m_queue->mutex);
        pages.swap(m_queue->pages);
    }
    if (pages.isEmpty()) {
        // Taken by the previous write already; the sync still hears that this one is done.
        m_toSyncThread->post([this] { pagesStored(QList<UpsertCounts>(), 0, 0); });
        return;
    }
    QElapsedTimer clock;
    clock.start();
    Result<QList<UpsertCounts>> counts =
        m_queue->failed
            ? Result<QList<UpsertCounts>>(ApiError::make(
                ApiError::Kind::Local, UserMessage::of("core.sync.earlierPageNotSaved")))
            : m_store.upsertServerRecordPages(m_accountId, pages, m_seenStamp, &m_queue->state);
    if (!counts)
        m_queue->failed = true;
    const qint64 ms = clock.elapsed();
    const int pageCount = int(pages.size());
    m_toSyncThread->post(
        [this, counts = std::move(counts), ms, pageCount] { pagesStored(counts, pageCount, ms); });
}

void HistorySync::pagesStored(const Result<QList<UpsertCounts>> &counts, int pages, qint64 ms)
{
    m_workerBusy = false;
    m_pagesInFlight -= pages;
    m_report.storeMs += ms;
    if (!counts) {
        if (!m_failure)
            m_failure = counts.error();
    } else {
        for (const auto &page : counts.value()) {
            m_report.fetched += page.inserted + page.changed + page.unchanged;
            m_report.added += page.inserted;
            m_report.changed += page.changed;
            m_report.unchanged += page.unchanged;
            Q_EMIT progress(m_report.fetched,
                            std::max<qint64>(m_lastTotal, qint64(m_seenIds.size())));
        }
    }
    wakeWorker(); // the pages queued while it wrote, also after a failure (to be refused)
    if (m_failure) {
        if (m_pagesInFlight == 0)
            fail(*m_failure);
        return;
    }
    if (m_fetchPaused && m_running) {
        m_fetchPaused = false;
        fillPipeline();
    }
    if (pages == 0 || m_pagesInFlight > 0 || !m_running || !m_awaited)
        return;
    const PageOutcome page = *m_awaited;
    m_awaited.reset();
    afterStore(page, counts.value().isEmpty() ? UpsertCounts{} : counts.value().constLast());
}

void HistorySync::stopWorker()
{
    if (!m_worker)
        return;
    // Pages still queued are dropped; the page being written is finished (or rolled back).
    m_worker.reset();
    m_wroteFreshMirror = m_queue->state.fresh;
    m_queue.reset();
    m_pagesInFlight = 0;
}

void HistorySync::complete()
{
    dropRequests();
    QElapsedTimer storeClock;
    storeClock.start();
    stopWorker();
    // The records of a first sync still waiting for the search index join it now.
    if (auto indexed = m_store.indexSearchBacklog(); !indexed) {
        fail(indexed.error());
        return;
    }
    // Only a listing that held every record the server counts proves the others are gone; a
    // server that stopped early (an empty page despite hasMore) proves nothing. Nothing can
    // be gone when every row of the account was written by this sync.
    if (m_report.full && m_seenIds.size() >= m_lastTotal && !m_wroteFreshMirror) {
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
    stopWorker();
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
    dropRequests();
    if (m_pagesInFlight > 0) {
        // Report once the pages received before the failure are written (or refused).
        if (!m_failure)
            m_failure = error;
        wakeWorker();
        return;
    }
    stopWorker();
    // What was written stays, and is searchable too.
    if (auto indexed = m_store.indexSearchBacklog(); !indexed)
        qCWarning(lcHistory) << "search backlog:" << indexed.error().serverMessage;
    m_running = false;
    qCWarning(lcHistory) << "sync failed" << m_accountId << ApiError::kindName(error.kind)
                         << error.serverMessage;
    Q_EMIT failed(error);
}
