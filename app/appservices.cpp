#include "appservices.h"

#include "appstatus.h"
#include "backend/backendclient.h"
#include "backend/referencepreparer.h"
#include "backend/requestbudget.h"
#include "characters/charactercache.h"
#include "characters/characterlist.h"
#include "characters/characterthumbnails.h"
#include "gallery/exportimagefetch.h"
#include "gallery/gallerycore.h"
#include "history/historybackup.h"
#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "history/historysync.h"
#include "history/imagebacklog.h"
#include "history/syncscheduler.h"
#include "jobs/jobbackend.h"
#include "jobs/jobqueue.h"
#include "jobs/jobstore.h"
#include "lineage/lineagebackfill.h"
#include "lineage/lineagereader.h"
#include "media/backenddownload.h"
#include "media/historyimagebackfill.h"
#include "media/imagedownloader.h"
#include "media/imagemirror.h"
#include "media/thumbnailcache.h"
#include "prompts/promptsuggestions.h"
#include "prompts/recentprompts.h"
#include "session/backendauth.h"
#include "session/session.h"
#include "session/tokenstore.h"
#include "styles/stylecatalogue.h"
#include "styles/stylethumbnails.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkInformation>

namespace {
// --profile DIR or NANOBANANA_PROFILE keep everything in that folder; the default profile
// keeps its thumbnails in the platform's cache location.
Profile resolveProfile(const QString &given)
{
    if (!given.isEmpty())
        return Profile(given);
    const auto env = qEnvironmentVariable("NANOBANANA_PROFILE");
    return env.isEmpty() ? Profile::defaultProfile() : Profile(env);
}

} // namespace

AppServices::AppServices(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_profile(resolveProfile(m_options.profilePath))
{ }

void AppServices::startIntegrityCheck()
{
    // The destructor waits for the check, so `this` outlives it; a report still queued when
    // `this` goes is dropped with it.
    HistoryDatabase *database = m_database.get();
    m_integrityCheck = std::make_unique<WorkerThread>(
        QStringLiteral("integrity-check"), [database] { database->releaseThreadConnection(); });
    if (!m_toServices)
        m_toServices = new Handoff(this);
    Handoff *back = m_toServices;
    m_integrityCheck->post([this, database, back] {
        const Result<bool> verified = database->verifyIntegrity();
        if (!verified)
            back->post(
                [this, message = verified.error().userMessage] { Q_EMIT historyDamaged(message); });
    });
    // Lineage of the rows written before it existed, on the same thread, once per database.
    m_integrityCheck->post([this, database, back] {
        const Result<int> linked = LineageBackfill(*database).runIfNeeded();
        if (linked && linked.value() > 0)
            back->post([this] { Q_EMIT historyChanged(); });
    });
}

AppServices::~AppServices()
{
    // Stop work that reports back before the objects it reports to go away. A running sync
    // writes through m_history on its own thread: it goes before the store and the database.
    m_integrityCheck.reset(); // lets a running check finish
    m_promptSuggestions.reset(); // its worker reads the database
    m_styleThumbnails.reset();
    m_sync.reset();
    m_gallery.reset();
    m_characterList.reset();
    m_characterThumbnails.reset();
    m_exportFetch.reset();
    m_mirror.reset();
    m_backfill.reset();
    m_status.reset();
    if (m_downloader)
        m_downloader->cancelAll();
    m_jobs.reset();
    m_thumbnails.reset();
    // A clean exit keeps a copy of the database, at most one a day, for HistorySalvage.
    if (m_database && m_database->isOpen())
        HistoryBackup::writeIfDue(*m_database);
}

Result<bool> AppServices::open()
{
    if (!m_profile.ensureExists())
        return ApiError::make(ApiError::Kind::Local,
                              UserMessage::of("core.app.profileNotCreated",
                                              {QDir::toNativeSeparators(m_profile.rootPath())}));
    m_settings = std::make_unique<StudioSettings>(m_profile.settingsPath());

    // The server: the command line, then the environment, then what the profile remembers.
    m_server = m_options.server;
    if (m_server.isEmpty()) {
        const auto env = qEnvironmentVariable("NANOBANANA_SERVER");
        m_server = env.isEmpty() ? m_settings->server() : QUrl(env);
    }
    if (!m_server.isValid() || (m_server.scheme() != u"http" && m_server.scheme() != u"https")
        || m_server.host().isEmpty())
        return ApiError::make(ApiError::Kind::Validation,
                              UserMessage::of("core.app.notAServer", {m_server.toString()}));
    m_server = m_server.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
    if (!m_options.server.isEmpty()) {
        m_settings->setServer(m_server);
        m_settings->sync();
    }

    m_database = std::make_unique<HistoryDatabase>(m_profile.databasePath());
    auto opened =
        m_database->open(m_options.deferIntegrityCheck ? HistoryDatabase::IntegrityCheck::Deferred
                                                       : HistoryDatabase::IntegrityCheck::AtOpen);
    if (!opened)
        return opened.error();
    if (m_options.deferIntegrityCheck)
        startIntegrityCheck();
    if (opened.value().recreated) {
        m_openNotice = UserMessage::of("core.history.setAside",
                                       {opened.value().problem,
                                        QDir::toNativeSeparators(opened.value().corruptBackupPath)})
                           .text();
        // What came back (favourites, hidden, jobs, image links): the banner and the CLI say it.
        m_recoveryNotice = opened.value().salvage.message().text();
        if (!m_recoveryNotice.isEmpty())
            m_openNotice += u' ' + m_recoveryNotice;
    }
    m_history = std::make_unique<HistoryStore>(*m_database);
    m_reader = std::make_unique<HistoryReader>(*m_database);
    m_lineage = std::make_unique<LineageReader>(*m_database);
    m_jobStore = std::make_unique<JobStore>(*m_database);
    m_characters = std::make_unique<CharacterCache>(*m_database);

    m_network = std::make_unique<QNetworkAccessManager>();
    m_budget = std::make_unique<RequestBudget>();
    m_client = std::make_unique<BackendClient>(*m_network, *m_budget);
    m_client->setOrigin(m_server);

    const bool fileOnly =
        m_options.fileOnlyTokens || qEnvironmentVariableIntValue("NANOBANANA_NO_KEYCHAIN") == 1;
    m_tokens = std::make_unique<TokenStore>(
        m_profile.rootPath(), m_profile.tokenFallbackPath(), m_server.toString(),
        fileOnly ? TokenStore::Backend::FileOnly : TokenStore::Backend::Keychain);
    m_auth = std::make_unique<BackendAuth>(*m_client);
    m_session = std::make_unique<Session>(*m_auth, *m_tokens,
                                          m_profile.rootPath() + QStringLiteral("/account.json"));

    m_downloader = std::make_unique<ImageDownloader>(downloadThrough(*m_client),
                                                     ImageStore(m_profile.imagesDir()));
    JobQueue::Hooks hooks;
    hooks.prepareReferences = [](const QStringList &paths) {
        return ReferencePreparer::prepareAll(paths);
    };
    m_jobBackend = std::make_unique<ClientJobBackend>(*m_client);
    m_jobs = std::make_unique<JobQueue>(*m_jobStore, *m_jobBackend, *m_downloader,
                                        m_profile.referencesDir(), hooks);
    m_jobs->setMaxInFlight(m_settings->maxJobsInFlight());
    ThumbnailCache::Options thumbOptions;
    thumbOptions.memoryBytes = qint64(m_settings->thumbnailMemoryMiB()) * 1024 * 1024;
    m_thumbnails = std::make_unique<ThumbnailCache>(m_profile.thumbnailsDir(), thumbOptions);

    wireJobsToHistory();
    buildViewServices();
    connect(m_session.get(), &Session::stateChanged, this, [this] { adoptAccount(); });
    connect(m_session.get(), &Session::restored, this, [this] { adoptAccount(); });
    if (m_options.desktop)
        wireDesktop();
    return true;
}

QString AppServices::accountId() const
{
    return m_session ? m_session->accountId() : QString();
}

void AppServices::buildViewServices()
{
    auto *client = m_client.get();
    m_sync = std::make_unique<SyncScheduler>(
        [client](int limit, int skip) { return client->fetchImages(limit, skip); }, *m_history);
    connect(m_sync.get(), &SyncScheduler::progress, this, [this] { Q_EMIT historyChanged(); });
    connect(m_sync.get(), &SyncScheduler::finished, this, [this] {
        m_jobStore->learnRecordIds(accountId());
        Q_EMIT historyChanged();
    });
    m_status = std::make_unique<AppStatus>();
    connect(m_sync.get(), &SyncScheduler::started, m_status.get(), &AppStatus::syncStarted);
    connect(m_sync.get(), &SyncScheduler::progress, m_status.get(), &AppStatus::syncProgress);
    connect(m_sync.get(), &SyncScheduler::finished, m_status.get(),
            [status = m_status.get()](const SyncReport &report) {
                status->syncFinished(report.added);
            });
    connect(m_sync.get(), &SyncScheduler::failed, m_status.get(), &AppStatus::syncFailed);

    m_backfill = std::make_unique<HistoryImageBackfill>(*m_downloader, *m_history, *m_client);
    // Each saved file is a change of its row: the gallery swaps the placeholder (coalesced).
    connect(m_backfill.get(), &HistoryImageBackfill::imageSaved, this,
            [this] { Q_EMIT historyChanged(); });
    connect(m_backfill.get(), &HistoryImageBackfill::thumbnailSaved, this,
            [this] { Q_EMIT historyChanged(); });
    buildImageMirror();
    m_characterThumbnails = std::make_unique<CharacterThumbnails>(
        *m_client, *m_downloader, *m_thumbnails,
        m_profile.rootPath() + QStringLiteral("/characters.json"));
    m_characterList = std::make_unique<CharacterList>(*m_client, *m_characters, *m_session);
    m_gallery = std::make_unique<GalleryCore>(*m_history, *m_jobStore, *m_characters, *m_client,
                                              *m_session);
    m_gallery->setLineage(m_lineage.get());
    connect(this, &AppServices::historyChanged, m_gallery.get(), &GalleryCore::historyChanged);
    buildReuseServices();
}

void AppServices::buildReuseServices()
{
    m_recentPrompts = std::make_unique<RecentPrompts>(
        m_profile.rootPath() + QStringLiteral("/recent-prompts.json"), m_database.get());
    // Every prompt sent (the app's and the CLI's) joins Recent prompts, whatever becomes of
    // its image.
    connect(m_jobs.get(), &JobQueue::jobAdded, this,
            [this](const Job &job) { m_recentPrompts->add(job.accountId, job.request.prompt); });
    m_styles = std::make_unique<StyleCatalogue>(*m_client, m_profile.rootPath()
                                                               + QStringLiteral("/styles.json"));
    m_styleThumbnails = std::make_unique<StyleThumbnails>(
        *m_client, *m_downloader, *m_thumbnails,
        m_profile.rootPath() + QStringLiteral("/style-images.json"));
}

PromptServices AppServices::promptServices()
{
    return {&promptSuggestions(), m_recentPrompts.get(), m_styles.get(), m_styleThumbnails.get()};
}

PromptSuggestions &AppServices::promptSuggestions()
{
    if (!m_promptSuggestions) {
        m_promptSuggestions = std::make_unique<PromptSuggestions>(*m_database);
        // Built when a prompt field is first used, not at start: the first paint and the
        // memory of someone who only browses do not pay for it.
        m_promptSuggestions->setBuildOnDemand(true);
        m_promptSuggestions->setAccount(accountId());
        connect(this, &AppServices::historyChanged, m_promptSuggestions.get(),
                &PromptSuggestions::refreshIfBuilt);
    }
    return *m_promptSuggestions;
}

void AppServices::buildImageMirror()
{
    auto *client = m_client.get();
    // Every image the downloader verifies gets the gallery's thumbnail on disk from the same
    // decode, so the gallery never renders it again (and "only images I open" keeps just it).
    m_downloader->setThumbnails(
        {m_thumbnails->diskDir(), ThumbnailCache::galleryEdge, m_thumbnails->jpegQuality()});
    m_imageBacklog = std::make_unique<ImageBacklog>(*m_database);
    m_mirror = std::make_unique<ImageMirror>(
        *m_downloader, *m_history, *m_imageBacklog,
        [client](const QString &url) { return client->resolveImageUrl(url); },
        m_profile.imagesDir());
    applyKeepImages();
    connect(m_mirror.get(), &ImageMirror::imageSaved, this, [this] { Q_EMIT historyChanged(); });
    connect(m_mirror.get(), &ImageMirror::imageGone, this, [this] { Q_EMIT historyChanged(); });
    connect(m_mirror.get(), &ImageMirror::thumbnailSaved, this,
            [this] { Q_EMIT historyChanged(); });
    m_exportFetch = std::make_unique<ExportImageFetch>(
        *m_downloader, *m_history, *m_imageBacklog,
        [client](const QString &url) { return client->resolveImageUrl(url); });
}

void AppServices::applyKeepImages()
{
    const auto keep = m_settings->keepImages();
    m_mirror->setByteLimit(keep == StudioSettings::KeepImages::Newest
                               ? qint64(m_settings->keepNewestGB()) * 1000 * 1000 * 1000
                               : 0);
    m_mirror->setEnabled(keep != StudioSettings::KeepImages::OnlyOpened);
    // A card shown online is not an image opened.
    m_backfill->setKeepFiles(keep != StudioSettings::KeepImages::OnlyOpened);
}

void AppServices::wireDesktop()
{
    // The desktop app mirrors the images after every sync; the CLI only when asked (sync
    // --images). A restart just reads the backlog again.
    connect(m_sync.get(), &SyncScheduler::finished, m_mirror.get(), &ImageMirror::start);
    connect(m_status.get(), &AppStatus::backOnline, m_mirror.get(), &ImageMirror::backOnline);
    // Where the system says a connection is metered (NetworkManager does), the mirror waits.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Metered)) {
        const QNetworkInformation *network = QNetworkInformation::instance();
        m_mirror->setMetered(network->isMetered());
        connect(network, &QNetworkInformation::isMeteredChanged, m_mirror.get(),
                &ImageMirror::setMetered);
    }
    m_status->attach(*m_client, *m_budget, *m_session);
    auto *client = m_client.get();
    m_status->setProbe([client] { return static_cast<ApiCallBase *>(client->fetchMe()); });
    // After adoptAccount() (connected first), so the scheduler knows the account.
    connect(m_session.get(), &Session::restored, m_sync.get(), &SyncScheduler::sessionStarted);
    connect(m_session.get(), &Session::signedIn, m_sync.get(), &SyncScheduler::signedIn);
    connect(m_jobs.get(), &JobQueue::jobFinished, m_sync.get(), &SyncScheduler::jobFinished);
    connect(m_status.get(), &AppStatus::backOnline, m_sync.get(), &SyncScheduler::backOnline);
}

void AppServices::adoptAccount()
{
    const auto account = m_session->accountId();
    if (m_promptSuggestions && m_promptSuggestions->account() != account)
        m_promptSuggestions->setAccount(account);
    // Only a session the server accepts can sync.
    m_sync->setAccount(m_session->isSignedIn() ? account : QString());
    m_mirror->setAccount(m_session->isSignedIn() ? account : QString());
    if (m_session->isSignedIn()) {
        if (!m_options.startJobs)
            m_jobs->pause(); // before setAccount(), which would send queued jobs
        m_jobs->setAccount(account);
        if (m_options.startJobs)
            m_jobs->resume();
    } else {
        // Keep the account's jobs where they are; they go on after the next sign-in.
        m_jobs->pause();
        if (m_session->state() == Session::State::SignedOut)
            m_jobs->setAccount({});
    }
}

void AppServices::wireJobsToHistory()
{
    // JobStore writes a job and its gallery row in one transaction; views only need to hear.
    connect(m_jobs.get(), &JobQueue::jobAdded, this, &AppServices::historyChanged);
    connect(m_jobs.get(), &JobQueue::jobChanged, this, &AppServices::historyChanged);
    connect(m_jobs.get(), &JobQueue::resultStored, this, &AppServices::historyChanged);
    m_balanceRefresh.setSingleShot(true);
    m_balanceRefresh.setInterval(1500);
    connect(&m_balanceRefresh, &QTimer::timeout, this, [this] {
        if (m_session->isSignedIn())
            m_session->refreshUser();
    });
    connect(m_jobs.get(), &JobQueue::balanceMayHaveChanged, this, [this] {
        if (!m_balanceRefresh.isActive())
            m_balanceRefresh.start();
    });
}
