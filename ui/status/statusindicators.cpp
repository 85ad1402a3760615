#include "status/statusindicators.h"

#include "appstatus.h"
#include "common/announcer.h"
#include "common/busyindicator.h"

#include <QLabel>
#include <QStatusBar>

StatusIndicators::StatusIndicators(AppStatus &status, QStatusBar *bar)
    : QObject(bar)
    , m_status(status)
    , m_connection(new QLabel(bar))
    , m_syncBusy(new BusyIndicator(bar))
    , m_sync(new QLabel(bar))
    , m_stars(new QLabel(bar))
    , m_announcer(new Announcer(bar))
{
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_sync->setObjectName(QStringLiteral("syncState"));
    m_stars->setObjectName(QStringLiteral("starBalance"));
    m_stars->setToolTip(tr("Your star balance"));
    // The labels carry no accessible name, so a reader reads (and hears changes of) their text.
    bar->addPermanentWidget(m_syncBusy);
    bar->addPermanentWidget(m_sync);
    bar->addPermanentWidget(m_connection);
    bar->addPermanentWidget(m_stars);
    connect(&m_status, &AppStatus::changed, this, &StatusIndicators::refresh);
    refresh();
}

void StatusIndicators::refresh()
{
    using C = AppStatus::Connection;
    const C connection = m_status.connection();
    QString dot;
    switch (connection) {
    case C::Online:
        dot = QStringLiteral("<span style='color:#2e9d4f'>●</span> ");
        break;
    case C::Offline:
    case C::NeedsSignIn:
        dot = QStringLiteral("<span style='color:#c0392b'>●</span> ");
        break;
    case C::RateLimited:
        dot = QStringLiteral("<span style='color:#d68910'>●</span> ");
        break;
    case C::Unknown:
    case C::SignedOut:
        dot = QStringLiteral("<span style='color:#888888'>●</span> ");
        break;
    }
    m_connection->setText(dot + m_status.connectionText().toHtmlEscaped());
    m_connection->setToolTip(m_status.faultText());
    m_sync->setText(m_status.syncText());
    m_syncBusy->setRunning(m_status.isSyncing());
    m_stars->setText(m_status.starsText());
    m_stars->setVisible(!m_status.starsText().isEmpty());

    const bool offline = m_status.isOffline();
    const bool syncing = m_status.isSyncing();
    // Going offline, coming back and the end of a sync are heard wherever the focus is.
    if (offline != m_wasOffline)
        m_announcer->announce(m_status.connectionText());
    if (m_wasSyncing && !syncing)
        m_announcer->announce(m_status.syncText());
    m_wasOffline = offline;
    m_wasSyncing = syncing;
}
