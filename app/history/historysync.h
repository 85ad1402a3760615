#pragma once

#include "apicall.h"
#include "records.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

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

    void requestPage();
    void handlePage(ApiCall<ImagesPage> *call);
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
    QPointer<ApiCallBase> m_call;
};

Q_DECLARE_METATYPE(SyncReport)
