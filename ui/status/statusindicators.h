#pragma once

#include <QObject>

class AppStatus;
class BusyIndicator;
class QLabel;
class QStatusBar;

// The status bar's permanent part: connection state, sync progress and star balance, kept
// current from AppStatus.
class StatusIndicators final : public QObject
{
    Q_OBJECT
public:
    StatusIndicators(AppStatus &status, QStatusBar *bar);

    QLabel *connectionLabel() const { return m_connection; }
    QLabel *syncLabel() const { return m_sync; }
    QLabel *starsLabel() const { return m_stars; }

private:
    void refresh();

    AppStatus &m_status;
    QLabel *m_connection;
    BusyIndicator *m_syncBusy;
    QLabel *m_sync;
    QLabel *m_stars;
};
