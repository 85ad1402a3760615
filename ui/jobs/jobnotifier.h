#pragma once

#include <QObject>
#include <QPointer>

class JobQueue;
class QStatusBar;
class QSystemTrayIcon;
class QWidget;
struct Job;

// Tells the user when a job ends while the window is not active: a desktop notification when
// a system tray exists, else a status bar message.
class JobNotifier final : public QObject
{
    Q_OBJECT
public:
    JobNotifier(JobQueue &queue, QWidget *window, QStatusBar *bar);

    static QString messageFor(const Job &job);
    QString lastNotice() const { return m_lastNotice; }

Q_SIGNALS:
    void notified(const QString &message);

private:
    void jobFinished(const Job &job);

    QWidget *m_window;
    QStatusBar *m_bar;
    QPointer<QSystemTrayIcon> m_tray;
    QString m_lastNotice;
};
