#pragma once

#include "desktop/desktopnotifications.h"
#include "domain/job.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class Announcer;
class JobQueue;
class QStatusBar;
class QSystemTrayIcon;
class QWidget;

// Tells the user when a job ends. While the window is not active: a desktop notification
// through the freedesktop service, else through a system tray when one exists, and in the
// status bar either way. While it is active the jobs panel shows it, and a screen reader hears
// it (an Announcer in the status bar).
class JobNotifier final : public QObject
{
    Q_OBJECT
public:
    // `desktop` null: the notification service of the session bus.
    JobNotifier(JobQueue &queue, QWidget *window, QStatusBar *bar,
                DesktopNotifications *desktop = nullptr);

    static QString messageFor(const Job &job); // one sentence: the tray, the status bar
    static DesktopNotifications::Notice noticeFor(const Job &job); // summary and body
    QString lastNotice() const { return m_lastNotice; }
    Announcer *announcer() const { return m_announcer; }

Q_SIGNALS:
    void notified(const QString &message);
    // The user opened a job's notification; the window is raised already. Show its image.
    void openRequested(const Job &job);

private:
    void jobFinished(const Job &job);
    void showInTray(qint64 jobId);
    void open(qint64 jobId);

    QWidget *m_window;
    QStatusBar *m_bar;
    DesktopNotifications *m_desktop;
    Announcer *m_announcer;
    QPointer<QSystemTrayIcon> m_tray;
    qint64 m_trayJob = 0; // the job of the tray's last message
    QString m_lastNotice;
    QHash<qint64, Job> m_pending; // jobs whose notice may still be opened, by id
};
