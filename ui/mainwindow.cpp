#include "mainwindow.h"

#include "appservices.h"
#include "appstatus.h"
#include "characters/characterspage.h"
#include "characters/characterthumbnails.h"
#include "common/accessiblerole.h"
#include "common/accessibletabs.h"
#include "common/banner.h"
#include "common/mirrorstatus.h"
#include "compose/composerpanel.h"
#include "gallery/exportimagefetch.h"
#include "gallery/gallerycore.h"
#include "gallery/gallerypage.h"
#include "history/historyquery.h"
#include "history/syncscheduler.h"
#include "jobs/jobnotifier.h"
#include "jobs/jobqueue.h"
#include "jobs/jobspanel.h"
#include "media/historyimagebackfill.h"
#include "media/imagemirror.h"
#include "models/gallerymodel.h"
#include "session/session.h"
#include "session/signinflow.h"
#include "session/tokenstore.h"
#include "settings/settingsdialog.h"
#include "status/statusindicators.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(AppServices &services, QWidget *parent)
    // Before any child exists: a reader asking early would otherwise get Qt's generic reading.
    : QMainWindow((installFocusProxyAccessibility(), parent))
    , m_services(services)
    , m_status(&services.status())
    , m_characterThumbs(&services.characterThumbnails())
    , m_pages(new QTabWidget(this))
    , m_signInBanner(new Banner(this))
    , m_connectionBanner(new Banner(this))
    , m_generate(new ComposerPanel(JobKind::Generate, services.promptServices()))
    , m_edit(new ComposerPanel(JobKind::Edit, services.promptServices()))
    , m_gallery(new GalleryPage(services.gallery(), services.reader(), services.thumbnails()))
    , m_characters(new CharactersPage(services.characterList(), *m_characterThumbs))
    , m_jobs(new JobsPanel(services.jobs(), services.thumbnails()))
    , m_jobsDock(new QDockWidget(tr("Jobs"), this))
    , m_signIn(new SignInFlow(services.session(), services.settings(), services.server(), this))
    , m_indicators(new StatusIndicators(*m_status, statusBar()))
    , m_notifier(new JobNotifier(services.jobs(), this, statusBar()))
    , m_mirrorStatus(new MirrorStatus(services.imageMirror(), statusBar()))
{
    setWindowTitle(QStringLiteral("NanoBanana Studio"));
    statusBar()->addPermanentWidget(m_mirrorStatus);

    m_pages->setDocumentMode(true);
    m_pages->tabBar()->setAccessibleName(tr("Pages"));
    setAccessibleTabs(m_pages->tabBar());
    m_pages->addTab(wrapComposer(m_generate), tr("&Generate"));
    m_pages->addTab(wrapComposer(m_edit), tr("&Edit"));
    m_pages->addTab(m_gallery, tr("Ga&llery"));
    m_gallery->model()->setDragFolder(services.profile().dragDir());
    m_gallery->setImageFetch(&services.exportImageFetch());
    m_pages->addTab(m_characters, tr("C&haracters"));
    m_signInBanner->hide();
    m_connectionBanner->hide();
    m_signInBanner->setClosable(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_signInBanner);
    layout->addWidget(m_connectionBanner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobs);
    m_jobsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    // Dock areas are not mirrored: the panel goes to the side the page ends on.
    addDockWidget(isRightToLeft() ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea, m_jobsDock);
    // The dock starts at the panel's size hint (~260 px); a person may widen it.
    resizeDocks({m_jobsDock}, {m_jobs->sizeHint().width()}, Qt::Horizontal);

    buildMenus();
    wireSession();
    wireComposer(m_generate);
    wireComposer(m_edit);
    m_edit->setMaskSentenceEnabled(m_services.settings().addMaskSentence());
    wireGallery();

    connect(m_jobs, &JobsPanel::openInGalleryRequested, this, &MainWindow::openJobInGallery);
    // "Open" on a desktop notification of a finished job.
    connect(m_notifier, &JobNotifier::openRequested, this, &MainWindow::openJobInGallery);
    connect(m_jobs, &JobsPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(&services.jobs(), &JobQueue::noticeChanged, this, [this](const QString &notice) {
        if (!notice.isEmpty())
            statusBar()->showMessage(notice, 8000);
    });
    connect(m_characters, &CharactersPage::charactersChanged, this,
            [this](const QList<Character> &characters) {
                m_generate->setCharacters(characters);
                m_edit->setCharacters(characters);
            });
    connect(m_characters, &CharactersPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_characterThumbs, &CharacterThumbnails::thumbnailReady, this,
            [this](const QString &id, const QImage &image) {
                m_generate->setCharacterThumbnail(id, image);
                m_edit->setCharacterThumbnail(id, image);
            });

    connect(m_status, &AppStatus::changed, this, &MainWindow::refreshConnectionBanner);
    connect(m_status, &AppStatus::backOnline, this, [this] {
        if (!m_services.session().isSignedIn())
            return;
        m_services.jobs().resume();
        m_services.session().refreshUser(); // the history syncs by itself (SyncScheduler)
        m_characters->refreshFromServer();
    });
    connect(m_connectionBanner, &Banner::actionTriggered, this, [this] {
        if (m_status->isOffline())
            m_services.session().refreshUser();
        else
            syncNow();
    });
    // A closed banner stays closed until the situation changes (back online, another fault).
    connect(m_connectionBanner, &Banner::dismissed, this, [this] {
        if (m_status->isOffline())
            m_offlineDismissed = true;
        else
            m_dismissedFault = m_status->faultText();
    });
    connect(m_signInBanner, &Banner::actionTriggered, this, &MainWindow::openSignIn);

    m_characters->showCached();
    resize(1280, 820);
    if (!services.openNotice().isEmpty())
        m_connectionBanner->showMessage(Banner::Kind::Warning, services.openNotice());
    connect(&services, &AppServices::historyDamaged, this, [this](const QString &message) {
        m_connectionBanner->showMessage(Banner::Kind::Error, message);
    });
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::wrapComposer(ComposerPanel *composer)
{
    composer->setPasteFolder(m_services.profile().referencesDir());
    // A form stretched across a wide window reads badly; keep it to a comfortable column.
    composer->setMaximumWidth(960);
    auto *scroll = new QScrollArea;
    // The form's fields take the focus; the area around them has nothing to say.
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(composer);
    scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    auto *signIn = file->addAction(tr("Sign &in…"), this, &MainWindow::openSignIn);
    auto *signOut =
        file->addAction(tr("Sign &out"), this, [this] { m_services.session().signOut(); });
    connect(file, &QMenu::aboutToShow, this, [this, signIn, signOut] {
        const bool in = m_services.session().isSignedIn();
        signIn->setEnabled(!in);
        signOut->setEnabled(m_services.session().state() != Session::State::SignedOut);
    });
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    auto *view = menuBar()->addMenu(tr("&View"));
    const QStringList names{tr("&Generate"), tr("&Edit"), tr("Ga&llery"), tr("C&haracters")};
    for (int i = 0; i < names.size(); ++i) {
        auto *action = view->addAction(names.at(i), this, [this, i] { showPage(Page(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        addAction(action); // shortcuts work with the menu bar hidden too
    }
    view->addSeparator();
    auto *jobs = m_jobsDock->toggleViewAction();
    jobs->setText(tr("&Jobs panel"));
    jobs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    view->addAction(jobs);
    addAction(jobs);
    // F6 moves between the page and the jobs panel, as between a browser's page and its panes.
    auto *switchPane =
        view->addAction(tr("&Move between page and jobs panel"), this, &MainWindow::switchPane);
    switchPane->setShortcuts({QKeySequence(Qt::Key_F6), QKeySequence(Qt::SHIFT | Qt::Key_F6)});
    addAction(switchPane);
    auto *sync = view->addAction(tr("S&ync now"), this, &MainWindow::syncNow);
    sync->setShortcut(QKeySequence(Qt::Key_F5));
    addAction(sync);
    addAction(settings);
    view->addAction(m_mirrorStatus->pauseAction());
}

void MainWindow::wireSession()
{
    auto &session = m_services.session();
    connect(&session, &Session::restored, this, &MainWindow::sessionReady);
    connect(&session, &Session::signedIn, this, &MainWindow::afterSignIn);
    connect(&session, &Session::stateChanged, this, &MainWindow::refreshSignInBanner);
    connect(&session, &Session::signInRequired, this, [this] { refreshSignInBanner(); });
    connect(&session, &Session::signedOut, this, [this] {
        m_jobs->reload();
        m_gallery->refresh();
        m_characters->showCached();
        refreshSignInBanner();
    });
    connect(&session, &Session::starsChanged, this, [this](double stars) {
        m_generate->setBalance(stars);
        m_edit->setBalance(stars);
    });
    connect(&session, &Session::tokenNotSaved, this, [this](const ApiError &error) {
        m_connectionBanner->showMessage(Banner::Kind::Warning, error.userMessage);
    });
}

void MainWindow::sessionReady()
{
    auto &session = m_services.session();
    m_jobs->reload();
    m_characters->showCached();
    m_gallery->refresh();
    refreshSignInBanner();
    if (!m_started) {
        m_started = true;
        HistoryQuery any;
        any.accountId = m_services.accountId();
        // The gallery has just counted the account's rows when it shows them unfiltered: no
        // second count of 100,000 rows on the way to the first paint.
        const HistoryQuery &shown = m_gallery->model()->query();
        const bool unfiltered = shown.accountId == any.accountId && !shown.hasFilters()
                                && shown.includeHidden == any.includeHidden;
        const auto count = any.accountId.isEmpty() ? Result<qint64>(qint64(0))
                           : unfiltered ? Result<qint64>(m_gallery->model()->matchCount())
                                        : m_services.reader().count(any);
        showPage(count && count.value() > 0 ? Page::Gallery : Page::Generate);
    }
    if (session.isSignedIn()) {
        if (!session.user().id.isEmpty()) {
            m_generate->setBalance(session.user().stars);
            m_edit->setBalance(session.user().stars);
        }
        m_characters->refreshFromServer();
    } else if (session.state() == Session::State::SignedOut) {
        openSignIn();
    }
}

void MainWindow::afterSignIn()
{
    m_jobs->reload();
    m_gallery->refresh();
    refreshSignInBanner();
    m_characters->refreshFromServer();
    statusBar()->showMessage(tr("Signed in as %1.").arg(m_services.session().user().displayName()),
                             8000);
}

void MainWindow::refreshSignInBanner()
{
    switch (m_services.session().state()) {
    case Session::State::NeedsSignIn:
        m_signInBanner->showMessage(Banner::Kind::Warning,
                                    tr("The server no longer accepts your sign-in. Your gallery "
                                       "stays here and new jobs wait until you sign in again."),
                                    tr("Sign in again"));
        break;
    case Session::State::SignedOut:
        m_signInBanner->showMessage(Banner::Kind::Info,
                                    tr("You are signed out. Sign in to generate images and "
                                       "sync your history."),
                                    tr("Sign in"));
        break;
    case Session::State::SignedIn:
    case Session::State::Expiring:
        m_signInBanner->hide();
        break;
    }
}

void MainWindow::refreshConnectionBanner()
{
    m_jobs->setOffline(m_status->isOffline());
    if (m_status->isOffline()) {
        if (m_offlineDismissed)
            return;
        const QString text =
            tr("Cannot reach %1. You are seeing what is on this computer; new jobs wait and go "
               "out by themselves when the server answers.")
                .arg(m_services.server().host());
        if (m_connectionBanner->isHidden() || m_connectionBanner->text() != text)
            m_connectionBanner->showMessage(Banner::Kind::Warning, text, tr("Retry now"));
        m_bannerShowsStatus = true;
        return;
    }
    m_offlineDismissed = false;
    const QString fault = m_status->faultText();
    if (!fault.isEmpty() && fault != m_dismissedFault) {
        // One sentence, replaced in place: a burst of failures never piles up dialogs.
        if (m_connectionBanner->isHidden() || m_connectionBanner->text() != fault)
            m_connectionBanner->showMessage(Banner::Kind::Error, fault);
        m_bannerShowsStatus = true;
        return;
    }
    if (m_bannerShowsStatus) {
        m_bannerShowsStatus = false;
        m_connectionBanner->hide();
    }
}

void MainWindow::wireComposer(ComposerPanel *composer)
{
    connect(composer, &ComposerPanel::submitted, this,
            [this, composer](const JobRequest &request) { submit(composer, request); });
    connect(composer, &ComposerPanel::thumbnailWanted, m_characterThumbs,
            &CharacterThumbnails::request);
}

void MainWindow::submit(ComposerPanel *composer, const JobRequest &request)
{
    auto job = m_services.jobs().enqueue(request);
    if (!job) {
        composer->showError(job.error().userMessage);
        return;
    }
    composer->setBusy(false);
    m_jobsDock->show();
    m_jobs->selectJob(job.value().id);
    QString note = tr("Queued.");
    if (m_status->isOffline())
        note = tr("Queued; it goes out when the server answers again.");
    else if (!m_services.session().isSignedIn())
        note = tr("Queued; it goes out once you sign in.");
    statusBar()->showMessage(note, 8000);
}

void MainWindow::wireGallery()
{
    connect(m_gallery, &GalleryPage::regenerateRequested, this, [this](const JobRequest &request) {
        auto *composer = request.kind == JobKind::Edit ? m_edit : m_generate;
        composer->setRequest(request);
        showPage(request.kind == JobKind::Edit ? Page::Edit : Page::Generate);
    });
    const auto attach = [this](const QString &path) {
        m_edit->addReference(path);
        showPage(Page::Edit);
    };
    // History images come down as their cells become visible; each saved file is a change of
    // the history, so the gallery's thumbnail replaces the placeholder.
    connect(m_gallery, &GalleryPage::imagesWanted, &m_services.imageBackfill(),
            &HistoryImageBackfill::want);
    connect(m_gallery, &GalleryPage::editRequested, this, attach);
    connect(m_gallery, &GalleryPage::useAsReferenceRequested, this, attach);
    connect(m_gallery, &GalleryPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
}

void MainWindow::openJobInGallery(const Job &job)
{
    const auto row = m_services.gallery().rowOfJob(job);
    if (!row) {
        statusBar()->showMessage(row.error().userMessage, 8000);
        return;
    }
    showPage(Page::Gallery);
    m_gallery->showRecord(row.value());
}

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::openSignIn()
{
    m_signIn->open();
}

void MainWindow::openSettings()
{
    const TokenStore &tokens = m_services.tokens();
    SettingsDialog dialog({m_services.settings(), m_services.jobs(), m_services.thumbnails(),
                           m_services.profile().rootPath(), m_services.server(),
                           tokens.usingFallbackFile() ? tokens.fallbackNotice() : QString()},
                          this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    m_services.applyKeepImages();
    m_edit->setMaskSentenceEnabled(m_services.settings().addMaskSentence());
    if (accepted && dialog.serverChanged())
        QMessageBox::information(this, tr("Server changed"),
                                 tr("The new server is saved. Restart NanoBanana Studio to use "
                                    "it; until then it keeps talking to %1.")
                                     .arg(m_services.server().toString()));
}

void MainWindow::syncNow()
{
    m_services.sync().requestSync(SyncScheduler::Reason::OnDemand);
}

void MainWindow::switchPane()
{
    QWidget *focus = QApplication::focusWidget();
    const bool inJobs = focus && m_jobsDock->isAncestorOf(focus);
    if (!inJobs) {
        m_pageFocus = focus && isAncestorOf(focus) ? focus : nullptr;
        m_jobsDock->show();
        m_jobs->focusList();
        return;
    }
    QWidget *page = m_pages->currentWidget();
    if (m_pageFocus && m_pageFocus->isVisible() && page->isAncestorOf(m_pageFocus)) {
        m_pageFocus->setFocus(Qt::OtherFocusReason);
        return;
    }
    // The page's first control that takes the Tab key.
    for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
        if (page->isAncestorOf(w) && w->isVisible() && w->isEnabled()
            && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_pages->setFocus(Qt::OtherFocusReason);
}
