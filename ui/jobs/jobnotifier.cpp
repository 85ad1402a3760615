#include "jobs/jobnotifier.h"

#include "domain/job.h"
#include "jobs/jobqueue.h"

#include <QApplication>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QWidget>

JobNotifier::JobNotifier(JobQueue &queue, QWidget *window, QStatusBar *bar)
    : QObject(window)
    , m_window(window)
    , m_bar(bar)
{
    connect(&queue, &JobQueue::jobFinished, this, &JobNotifier::jobFinished);
}

QString JobNotifier::messageFor(const Job &job)
{
    QString prompt = job.request.prompt.simplified();
    if (prompt.size() > 60)
        prompt = prompt.left(59) + QChar(0x2026);
    switch (job.state) {
    case JobState::Completed:
        return tr("Your image is ready: “%1”").arg(prompt);
    case JobState::Failed:
        return tr("A job failed: “%1”. %2").arg(prompt, job.userMessage);
    default:
        return tr("A job was cancelled: “%1”").arg(prompt);
    }
}

void JobNotifier::jobFinished(const Job &job)
{
    if (job.state == JobState::Cancelled || m_window->isActiveWindow())
        return;
    m_lastNotice = messageFor(job);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(QApplication::applicationName());
            connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            });
        }
        m_tray->show();
        m_tray->showMessage(QApplication::applicationName(), m_lastNotice,
                            job.state == JobState::Failed ? QSystemTrayIcon::Warning
                                                          : QSystemTrayIcon::Information);
    } else {
        m_bar->showMessage(m_lastNotice, 15000);
    }
    QApplication::alert(m_window);
    Q_EMIT notified(m_lastNotice);
}
