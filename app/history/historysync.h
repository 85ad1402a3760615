#pragma once

#include "backend/apicall.h"
#include "domain/records.h"
#include "history/mirrorwrite.h"
#include "threading/handoff.h"
#include "threading/workerthread.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class HistoryStore;

// What one sync did. `added` counts records new to the mirror.
struct SyncReport
{
    int requests = 0;
    int fetched = 0; // distinct records received
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int gone = 0; // marked gone_from_server (full syncs only)
    qint64 durationMs = 0;
    qint64 storeMs = 0; // time spent writing to the database
    bool full = false;
};

// Mirrors GET /nanobanana/images into the local history of one account. A full sync pages
// through everything with large pages and marks records the server no longer lists; an
// incremental sync reads the newest page and stops at the first page with nothing new or
// changed, so an unchanged history costs one request. Network-free: pages come from
// `fetchPage` (bound to BackendClient::fetchImages by the caller).
//
// Pages are written by a worker thread of the running sync (its own connection), so that
// receiving and decoding the next page overlaps the SQLite work; pages that queue up behind
// a slow write are written together in one transaction. finished() and failed() come only
// once every page handed to the worker is written (or refused). The store must outlive the
// running sync: destroying the HistorySync waits for the page being written.
class HistorySync final : public QObject
{
    Q_OBJECT
public:
    using FetchPage = std::function<ApiCall<ImagesPage> *(int limit, int skip)>;
    enum class Mode {
        Auto, // full when this account was never fully synced, else incremental
        Incremental,
        Full,
    };
    struct Options
    {
        int fullPageSize = 1000; // the server has no maximum; large pages save the rate limit
        int incrementalPageSize = 100; // one request covers the usual gap between syncs
        // Pages received but not yet written before a full sync waits to ask for more.
        int maxQueuedPages = 20;
    };

    // sync_state keys (per account).
    static constexpr auto lastFullSyncKey = "last_full_sync_ms";
    static constexpr auto lastSyncKey = "last_sync_ms";
    static constexpr auto serverTotalKey = "server_total";
    static constexpr auto newestCreatedKey = "newest_created_at_ms";
    static constexpr auto seenStampKey = "seen_stamp_ms";

    HistorySync(FetchPage fetchPage, HistoryStore &store, QString accountId,
                QObject *parent = nullptr);
    ~HistorySync() override;

    void setOptions(const Options &options) { m_options = options; }
    QString accountId() const { return m_accountId; }
    bool isRunning() const { return m_running; }

    // Starts a sync; false (and nothing happens) when one is already running.
    bool start(Mode mode = Mode::Auto);
    // Stops after the request in flight; failed() follows with ApiError::Kind::Cancelled.
    void abort();

Q_SIGNALS:
    void progress(qint64 fetched, qint64 total);
    void finished(const SyncReport &report);
    void failed(const ApiError &error);

private:
    enum class Phase { Paging, Recheck };

    // What the rest of handlePage() needs once its page is written.
    struct PageOutcome
    {
        qsizetype size = 0; // records in the answer, repeats included
        bool sawKnownRecord = false;
        bool more = false;
    };
    struct StoreQueue; // shared with the worker thread

    struct Request
    {
        QPointer<ApiCall<ImagesPage>> call;
        int skip = 0;
        std::optional<Result<ImagesPage>> answer; // kept until the pages before it are handled
    };

    void requestPage(); // the page at m_skip, nothing else outstanding
    void sendRequest(int skip);
    void answered(ApiCall<ImagesPage> *call);
    void dropRequests();
    void fillPipeline(); // a full sync's paging: the next page and one ahead
    void handlePage(const Result<ImagesPage> &result, int skip);
    void afterStore(const PageOutcome &page, const UpsertCounts &counts);
    // Hands one page to the worker; `awaited`: afterStore() follows once it is written.
    void storePage(QList<GeneratedImage> records, std::optional<PageOutcome> awaited);
    void wakeWorker(); // hands the queued pages over unless the worker is writing
    void writeQueuedPages(); // on the worker thread
    void pagesStored(const Result<QList<UpsertCounts>> &counts, int pages, qint64 ms);
    void stopWorker();
    void complete();
    void fail(const ApiError &error);

    FetchPage m_fetchPage;
    HistoryStore &m_store;
    QString m_accountId;
    Options m_options;

    bool m_running = false;
    Phase m_phase = Phase::Paging;
    int m_limit = 0;
    int m_skip = 0;
    qint64 m_firstTotal = -1;
    qint64 m_lastTotal = 0;
    qint64 m_seenStamp = 0;
    qint64 m_newestCreatedMs = 0;
    QSet<QString> m_seenIds;
    SyncReport m_report;
    QElapsedTimer m_clock;
    QList<Request> m_requests; // outstanding, oldest first
    bool m_lookAhead = true; // off once a page came back shorter than asked with more to come

    std::unique_ptr<WorkerThread> m_worker;
    Handoff *m_toSyncThread = nullptr; // a child: answers from the worker come back through it
    std::shared_ptr<StoreQueue> m_queue;
    int m_pagesInFlight = 0; // handed to the worker, not yet reported back
    int m_unsentPages = 0; // queued since the worker was last woken
    bool m_workerBusy = false; // woken and not yet reported back
    bool m_fetchPaused = false; // the next page waits for the worker (maxQueuedPages)
    std::optional<PageOutcome> m_awaited; // the page afterStore() waits for
    std::optional<ApiError> m_failure; // reported once the worker is idle
    bool m_wroteFreshMirror = false; // every row of the account is this sync's own
};

Q_DECLARE_METATYPE(SyncReport)
