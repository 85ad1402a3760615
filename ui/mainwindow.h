#pragma once

#include "domain/job.h"

#include <QMainWindow>
#include <QPointer>

class AppServices;
class AppStatus;
class Banner;
class CharacterThumbnails;
class CharactersPage;
class ComposerPanel;
class GalleryPage;
class JobNotifier;
class MirrorStatus;
class JobsPanel;
class QDockWidget;
class QTabWidget;
class SignInFlow;
class StatusIndicators;

// The application window: layout and wiring only; each panel is its own class.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Generate, Edit, Gallery, Characters };

    explicit MainWindow(AppServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;

    ComposerPanel *generateComposer() const { return m_generate; }
    ComposerPanel *editComposer() const { return m_edit; }
    GalleryPage *gallery() const { return m_gallery; }
    CharactersPage *charactersPage() const { return m_characters; }
    JobsPanel *jobsPanel() const { return m_jobs; }
    QDockWidget *jobsDock() const { return m_jobsDock; }
    QTabWidget *pages() const { return m_pages; }
    Banner *connectionBanner() const { return m_connectionBanner; }
    Banner *signInBanner() const { return m_signInBanner; }
    AppStatus &status() const { return *m_status; }
    SignInFlow *signInFlow() const { return m_signIn; }
    StatusIndicators *indicators() const { return m_indicators; }
    JobNotifier *notifier() const { return m_notifier; }

public Q_SLOTS:
    void openSignIn();
    void openSettings();
    void syncNow(); // F5: asks the SyncScheduler
    // F6: the keyboard goes from the page to the jobs panel, or back to where it was.
    void switchPane();

private:
    QWidget *wrapComposer(ComposerPanel *composer);
    void buildMenus();
    void wireSession();
    void wireComposer(ComposerPanel *composer);
    void wireGallery();
    void sessionReady();
    void afterSignIn();
    void submit(ComposerPanel *composer, const JobRequest &request);
    void openJobInGallery(const Job &job);
    void refreshConnectionBanner();
    void refreshSignInBanner();

    AppServices &m_services;
    AppStatus *m_status;
    CharacterThumbnails *m_characterThumbs;
    QTabWidget *m_pages;
    Banner *m_signInBanner;
    Banner *m_connectionBanner;
    ComposerPanel *m_generate;
    ComposerPanel *m_edit;
    GalleryPage *m_gallery;
    CharactersPage *m_characters;
    JobsPanel *m_jobs;
    QDockWidget *m_jobsDock;
    SignInFlow *m_signIn;
    StatusIndicators *m_indicators;
    JobNotifier *m_notifier;
    MirrorStatus *m_mirrorStatus;
    bool m_started = false;
    bool m_offlineDismissed = false;
    bool m_bannerShowsStatus = false; // offline or fault, not a one-time notice
    QString m_dismissedFault;
    QPointer<QWidget> m_pageFocus; // where F6 returns to on the page
};
