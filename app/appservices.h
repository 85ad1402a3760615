#pragma once

#include "domain/result.h"
#include "profile.h"
#include "prompts/promptservices.h"
#include "studiosettings.h"
#include "threading/handoff.h"
#include "threading/workerthread.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class AppStatus;
class BackendAuth;
class BackendClient;
class CharacterCache;
class CharacterList;
class CharacterThumbnails;
class GalleryCore;
class LineageReader;
class ClientJobBackend;
class ExportImageFetch;
class HistoryDatabase;
class HistoryImageBackfill;
class HistoryReader;
class HistoryStore;
class HistorySync;
class ImageBacklog;
class ImageDownloader;
class ImageMirror;
class JobQueue;
class JobStore;
class QNetworkAccessManager;
class RequestBudget;
class Session;
class SyncScheduler;
class ThumbnailCache;
class TokenStore;
class PromptSuggestions;
class RecentPrompts;
class StyleCatalogue;
class StyleThumbnails;

// Builds every service of one profile once, wires them together and hands out references:
// the composition root shared by the desktop app and the CLI. No singletons.
class AppServices final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString profilePath; // empty: the platform default
        QUrl server; // empty: NANOBANANA_SERVER, then the profile's settings
        bool fileOnlyTokens = false; // never touch the system keychain (tests, CI)
        // Send queued jobs after sign-in. A one-shot CLI command that only reads turns it
        // off: a send it started and then abandoned by exiting would look possibly-sent.
        bool startJobs = true;
        // Read every page of the database after open() returns, on a worker thread, instead
        // of inside it (the desktop app: the first paint does not wait for it).
        // historyDamaged() reports what it finds.
        bool deferIntegrityCheck = false;
        // The desktop app: probe the server while offline, and sync the history at start,
        // after sign-in, after a completed job and when the server answers again. A one-shot
        // CLI command syncs only when asked.
        bool desktop = false;
    };

    explicit AppServices(Options options, QObject *parent = nullptr);
    ~AppServices() override;

    // Creates the profile folders and opens the database (migrating, or setting a corrupt
    // file aside). Call once before anything else; the error is a sentence for the user.
    Result<bool> open();
    // What open() found worth telling once (a corrupt database set aside...), else empty.
    QString openNotice() const { return m_openNotice; }
    // After a damaged database: what came back of what only this computer knew, with counts
    // (part of openNotice()); empty otherwise.
    QString recoveryNotice() const { return m_recoveryNotice; }

    Profile &profile() { return m_profile; }
    StudioSettings &settings() { return *m_settings; }
    QUrl server() const { return m_server; }
    RequestBudget &budget() { return *m_budget; }
    BackendClient &client() { return *m_client; }
    TokenStore &tokens() { return *m_tokens; }
    Session &session() { return *m_session; }
    HistoryDatabase &database() { return *m_database; }
    HistoryStore &history() { return *m_history; }
    HistoryReader &reader() { return *m_reader; }
    LineageReader &lineage() { return *m_lineage; }
    JobStore &jobStore() { return *m_jobStore; }
    JobQueue &jobs() { return *m_jobs; }
    ImageDownloader &downloader() { return *m_downloader; }
    ThumbnailCache &thumbnails() { return *m_thumbnails; }
    CharacterCache &characters() { return *m_characters; }
    AppStatus &status() { return *m_status; }
    SyncScheduler &sync() { return *m_sync; }
    HistoryImageBackfill &imageBackfill() { return *m_backfill; }
    ImageBacklog &imageBacklog() { return *m_imageBacklog; }
    ImageMirror &imageMirror() { return *m_mirror; }
    // Export… fetches the images it lacks first (the gallery page's export, when wired).
    ExportImageFetch &exportImageFetch() { return *m_exportFetch; }
    CharacterThumbnails &characterThumbnails() { return *m_characterThumbnails; }
    CharacterList &characterList() { return *m_characterList; }
    GalleryCore &gallery() { return *m_gallery; }
    // Past prompts as one types: built on first use (the desktop app's prompt field), so a
    // one-shot CLI command never reads the whole history for it.
    PromptSuggestions &promptSuggestions();
    RecentPrompts &recentPrompts() { return *m_recentPrompts; }
    StyleCatalogue &styles() { return *m_styles; }
    StyleThumbnails &styleThumbnails() { return *m_styleThumbnails; }
    // The four above, for the Generate and Edit forms.
    PromptServices promptServices();

    // "Keep on this computer" from the settings to the mirror (at start and after Settings).
    void applyKeepImages();

    // The signed-in account (the user id rows are keyed by); empty when signed out.
    QString accountId() const;

Q_SIGNALS:
    // The local history changed (a sync page, a job's progress, a favourite): views refresh.
    void historyChanged();
    // The deferred integrity check found the database damaged: a sentence for the user.
    void historyDamaged(const QString &message);

private:
    void wireJobsToHistory();
    void adoptAccount();
    void startIntegrityCheck();
    void buildViewServices();
    void wireDesktop();
    void buildImageMirror();
    void buildReuseServices();

    Options m_options;
    Profile m_profile;
    QUrl m_server;
    QString m_openNotice;
    QString m_recoveryNotice;
    std::unique_ptr<StudioSettings> m_settings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RequestBudget> m_budget;
    std::unique_ptr<BackendClient> m_client;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<BackendAuth> m_auth;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<HistoryDatabase> m_database;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<HistoryReader> m_reader;
    std::unique_ptr<LineageReader> m_lineage;
    std::unique_ptr<JobStore> m_jobStore;
    std::unique_ptr<CharacterCache> m_characters;
    std::unique_ptr<ImageDownloader> m_downloader;
    std::unique_ptr<ClientJobBackend> m_jobBackend;
    std::unique_ptr<JobQueue> m_jobs;
    std::unique_ptr<ThumbnailCache> m_thumbnails;
    // Jobs that finish together (one shared poll) refresh the star balance once.
    QTimer m_balanceRefresh;
    std::unique_ptr<WorkerThread> m_integrityCheck;
    Handoff *m_toServices = nullptr; // a child: the check's report comes back through it
    // Declared last, destroyed first: they use the services above.
    std::unique_ptr<SyncScheduler> m_sync;
    std::unique_ptr<AppStatus> m_status;
    std::unique_ptr<HistoryImageBackfill> m_backfill;
    std::unique_ptr<ImageBacklog> m_imageBacklog;
    std::unique_ptr<ImageMirror> m_mirror;
    std::unique_ptr<ExportImageFetch> m_exportFetch;
    std::unique_ptr<CharacterThumbnails> m_characterThumbnails;
    std::unique_ptr<CharacterList> m_characterList;
    std::unique_ptr<GalleryCore> m_gallery;
    std::unique_ptr<RecentPrompts> m_recentPrompts;
    std::unique_ptr<StyleCatalogue> m_styles;
    std::unique_ptr<StyleThumbnails> m_styleThumbnails;
    std::unique_ptr<PromptSuggestions> m_promptSuggestions;
};
