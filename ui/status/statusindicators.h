#pragma once

#include <QObject>

class Announcer;
class AppStatus;
class BusyIndicator;
class QLabel;
class QStatusBar;

// The status bar's permanent part: connection state, sync progress and star balance, kept
// current from AppStatus. A screen reader hears offline, online and "sync done" as they happen.
class StatusIndicators final : public QObject
{
    Q_OBJECT
public:
    StatusIndicators(AppStatus &status, QStatusBar *bar);

    QLabel *connectionLabel() const { return m_connection; }
    QLabel *syncLabel() const { return m_sync; }
    QLabel *starsLabel() const { return m_stars; }
    Announcer *announcer() const { return m_announcer; }

private:
    void refresh();

    AppStatus &m_status;
    QLabel *m_connection;
    BusyIndicator *m_syncBusy;
    QLabel *m_sync;
    QLabel *m_stars;
    Announcer *m_announcer;
    // As last told to a screen reader: offline and online, and the end of a sync, are said
    // when they happen, wherever the focus is.
    bool m_wasOffline = false;
    bool m_wasSyncing = false;
};
