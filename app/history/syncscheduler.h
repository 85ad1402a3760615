#pragma once

#include "backend/apicall.h"
#include "domain/records.h"

#include <QObject>
#include <QTimer>

#include <functional>

class HistorySync;
class HistoryStore;
struct Job;
struct SyncReport; // history/historysync.h

// Decides when the signed-in account's history is mirrored: one HistorySync at a time,
// requests that arrive together served by one sync, one more sync for a request made while
// one runs, nothing while signed out.
class SyncScheduler final : public QObject
{
    Q_OBJECT
public:
    // Why a sync was asked for; every reason is served alike (the log names it).
    enum class Reason { Start, SignIn, JobCompleted, BackOnline, OnDemand };
    Q_ENUM(Reason)
    // As HistorySync::FetchPage (bound to BackendClient::fetchImages by the caller).
    using FetchPage = std::function<ApiCall<ImagesPage> *(int limit, int skip)>;

    SyncScheduler(FetchPage fetchPage, HistoryStore &store, QObject *parent = nullptr);
    ~SyncScheduler() override;

    // The account mirrored; empty while signed out, and then requests are refused.
    void setAccount(const QString &accountId);
    QString account() const { return m_account; }
    // Requests within this many ms of the first one share one sync (0: those of one pass of
    // the event loop).
    void setCoalesceMs(int ms) { m_coalesce.setInterval(ms); }

    bool isRunning() const;
    // A sync is asked for and not started yet (waiting for company, or for the running one).
    bool isPending() const { return m_coalesce.isActive() || m_again; }

    // Asks for a sync; false (and nothing happens) while signed out. `full`: page through
    // everything (HistorySync::Mode::Full), else HistorySync decides (Mode::Auto); one full
    // request makes the coming sync full.
    bool requestSync(SyncScheduler::Reason reason, bool full = false);
    // Starts the sync at once, without waiting for requests to join it (or asks for one more
    // when one runs), and returns the running sync; nullptr while signed out.
    HistorySync *startNow(SyncScheduler::Reason reason, bool full = false);

public Q_SLOTS:
    // The triggers, named for what happened.
    void sessionStarted() { requestSync(Reason::Start); }
    void signedIn() { requestSync(Reason::SignIn); }
    void backOnline() { requestSync(Reason::BackOnline); }
    // A completed job: the mirror adopts its server record (one cheap request). Failed and
    // cancelled jobs change nothing on the server worth a request.
    void jobFinished(const Job &job);

Q_SIGNALS:
    void started(bool full);
    void progress(qint64 fetched, qint64 total);
    void finished(const SyncReport &report);
    void failed(const ApiError &error);

private:
    void startPending();
    void onFinished(const SyncReport &report);
    void onFailed(const ApiError &error);

    FetchPage m_fetchPage;
    HistoryStore &m_store;
    QString m_account;
    HistorySync *m_sync = nullptr; // the running or last sync, a child
    QTimer m_coalesce;
    bool m_full = false; // of the sync asked for
    // Asked for while a sync ran: what changed meanwhile may be past the page being read.
    bool m_again = false;
};
