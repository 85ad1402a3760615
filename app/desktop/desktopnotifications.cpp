#include "desktop/desktopnotifications.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>
#include <QVariantMap>

namespace {
Q_LOGGING_CATEGORY(lcNotify, "studio.notify")

const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
// "default" is what a click on the notification invokes; "open" also shows a button, which
// servers such as GNOME Shell do not draw for the default action.
const QString kDefaultAction = QStringLiteral("default");
const QString kOpenAction = QStringLiteral("open");
} // namespace

DesktopNotifications::DesktopNotifications(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(serviceName(), kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(serviceName(), kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
}

QString DesktopNotifications::serviceName()
{
    return QStringLiteral("org.freedesktop.Notifications");
}

void DesktopNotifications::show(qint64 key, const Notice &notice)
{
    if (!m_bus.isConnected()) {
        Q_EMIT unavailable(key);
        return;
    }
    if (m_capabilities) {
        send(key, notice);
        return;
    }
    m_waiting.append({key, notice});
    askCapabilities();
}

void DesktopNotifications::askCapabilities()
{
    if (m_asking)
        return;
    m_asking = true;
    const auto message = QDBusMessage::createMethodCall(serviceName(), kPath, kInterface,
                                                        QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *call) {
                call->deleteLater();
                const QDBusPendingReply<QStringList> reply = *call;
                if (reply.isError()) {
                    qCInfo(lcNotify) << "no notification service:" << reply.error().message();
                    capabilitiesAnswered(std::nullopt);
                } else {
                    capabilitiesAnswered(reply.value());
                }
            });
}

void DesktopNotifications::capabilitiesAnswered(const std::optional<QStringList> &capabilities)
{
    m_asking = false;
    // Without an answer the next notice asks again: a server may start later in the session.
    m_capabilities = capabilities;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[key, notice] : waiting) {
        if (capabilities)
            send(key, notice);
        else
            Q_EMIT unavailable(key);
    }
}

void DesktopNotifications::send(qint64 key, const Notice &notice)
{
    const bool markup = m_capabilities->contains(QStringLiteral("body-markup"));
    QStringList actions;
    if (notice.openable && m_capabilities->contains(QStringLiteral("actions"))) {
        const QString open = tr("Open");
        actions = {kDefaultAction, open, kOpenAction, open};
    }
    QVariantMap hints;
    // The server finds the app's name and icon through its launcher entry, and GNOME groups
    // the app's notifications under it.
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral(STUDIO_APP_ID));
    if (!notice.imagePath.isEmpty() && QFileInfo::exists(notice.imagePath))
        hints.insert(QStringLiteral("image-path"),
                     QUrl::fromLocalFile(notice.imagePath).toString(QUrl::FullyEncoded));

    auto message =
        QDBusMessage::createMethodCall(serviceName(), kPath, kInterface, QStringLiteral("Notify"));
    message << QCoreApplication::applicationName() << uint(0) << QStringLiteral(STUDIO_APP_ID)
            << notice.summary << (markup ? notice.body.toHtmlEscaped() : notice.body) << actions
            << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, key](QDBusPendingCallWatcher *call) {
                call->deleteLater();
                const QDBusPendingReply<uint> reply = *call;
                if (reply.isError()) {
                    qCInfo(lcNotify) << "Notify failed:" << reply.error().message();
                    m_capabilities.reset(); // the server went away; ask again next time
                    Q_EMIT unavailable(key);
                    return;
                }
                m_shown.insert(reply.value(), key);
                Q_EMIT delivered(key);
            });
}

void DesktopNotifications::onActionInvoked(uint id, const QString &actionKey)
{
    // The signal is broadcast: another program's notification has an id we never saw.
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend())
        return;
    if (actionKey == kDefaultAction || actionKey == kOpenAction)
        Q_EMIT opened(it.value());
}

void DesktopNotifications::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const auto it = m_shown.find(id);
    if (it == m_shown.end())
        return;
    const qint64 key = it.value();
    m_shown.erase(it);
    Q_EMIT closed(key);
}
