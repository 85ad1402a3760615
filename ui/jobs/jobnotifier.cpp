#include "jobs/jobnotifier.h"

#include "common/announcer.h"
#include "jobs/jobqueue.h"

#include <QApplication>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QWidget>

namespace {
QString shortPrompt(const Job &job)
{
    QString prompt = job.request.prompt.simplified();
    if (prompt.size() > 60)
        prompt = prompt.left(59) + QChar(0x2026);
    return prompt;
}
} // namespace

JobNotifier::JobNotifier(JobQueue &queue, QWidget *window, QStatusBar *bar,
                         DesktopNotifications *desktop)
    : QObject(window)
    , m_window(window)
    , m_bar(bar)
    , m_desktop(desktop ? desktop : new DesktopNotifications(QDBusConnection::sessionBus(), this))
    , m_announcer(new Announcer(bar))
{
    connect(&queue, &JobQueue::jobFinished, this, &JobNotifier::jobFinished);
    connect(m_desktop, &DesktopNotifications::unavailable, this, &JobNotifier::showInTray);
    connect(m_desktop, &DesktopNotifications::opened, this, &JobNotifier::open);
    connect(m_desktop, &DesktopNotifications::closed, this,
            [this](qint64 jobId) { m_pending.remove(jobId); });
}

QString JobNotifier::messageFor(const Job &job)
{
    const QString prompt = shortPrompt(job);
    switch (job.state) {
    case JobState::Completed:
        return tr("Your image is ready: “%1”").arg(prompt);
    case JobState::Failed:
        return tr("A job failed: “%1”. %2").arg(prompt, job.userMessage);
    default:
        return tr("A job was cancelled: “%1”").arg(prompt);
    }
}

DesktopNotifications::Notice JobNotifier::noticeFor(const Job &job)
{
    DesktopNotifications::Notice notice;
    notice.openable = true;
    if (job.state == JobState::Completed) {
        notice.summary = tr("Your image is ready");
        notice.body = shortPrompt(job);
        notice.imagePath = job.localImagePath;
    } else {
        notice.summary = tr("A job failed");
        notice.body = tr("“%1”\n%2").arg(shortPrompt(job), job.userMessage);
    }
    return notice;
}

void JobNotifier::jobFinished(const Job &job)
{
    if (job.state == JobState::Cancelled)
        return; // the user did that; nothing to tell
    if (m_window->isActiveWindow()) {
        // The jobs panel shows it; a screen reader hears it wherever the focus is.
        m_announcer->announce(messageFor(job));
        return;
    }
    m_lastNotice = messageFor(job);
    // The status bar keeps it for when the user comes back, whatever else says it now.
    m_bar->showMessage(m_lastNotice, 15000);
    m_pending.insert(job.id, job);
    m_desktop->show(job.id, noticeFor(job)); // unavailable() -> showInTray()
    QApplication::alert(m_window);
    Q_EMIT notified(m_lastNotice);
}

void JobNotifier::showInTray(qint64 jobId)
{
    const auto it = m_pending.constFind(jobId);
    if (it == m_pending.cend())
        return;
    // A copy: m_pending changes below. NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
    const Job job = it.value();
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_pending.remove(jobId); // the status bar said it; nothing to open later
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { open(m_trayJob); });
    }
    if (m_trayJob != jobId)
        m_pending.remove(m_trayJob); // the tray shows one message at a time
    m_trayJob = jobId;
    m_tray->show();
    m_tray->showMessage(QApplication::applicationName(), messageFor(job),
                        job.state == JobState::Failed ? QSystemTrayIcon::Warning
                                                      : QSystemTrayIcon::Information);
}

void JobNotifier::open(qint64 jobId)
{
    // Un-minimised, but a maximised window stays maximised.
    m_window->setWindowState(m_window->windowState() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    const auto it = m_pending.constFind(jobId);
    if (it != m_pending.cend())
        Q_EMIT openRequested(it.value());
}
