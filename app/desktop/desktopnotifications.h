#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>
#include <utility>

// Shows notifications through the freedesktop notification service
// (org.freedesktop.Notifications) on a D-Bus session bus, and reports the user's answer.
class DesktopNotifications final : public QObject
{
    Q_OBJECT
public:
    struct Notice
    {
        QString summary;
        QString body; // plain text; escaped here when the server reads markup
        QString imagePath; // a local image shown in the notification, or empty
        bool openable = false; // offer "Open" (and a click) when the server has actions
    };

    // All calls are asynchronous: a notification server in this very thread (a test's) works.
    explicit DesktopNotifications(QDBusConnection bus = QDBusConnection::sessionBus(),
                                  QObject *parent = nullptr);

    // Sends `notice`, told apart by the caller's `key`; delivered() or unavailable() follows.
    void show(qint64 key, const Notice &notice);

    static QString serviceName(); // org.freedesktop.Notifications

Q_SIGNALS:
    void delivered(qint64 key);
    // No notification service answered (no session bus, or nobody owns the name): the caller
    // says it another way.
    void unavailable(qint64 key);
    void opened(qint64 key); // the user chose "Open" or clicked the notification
    void closed(qint64 key); // dismissed, expired or opened: the key is free

private Q_SLOTS:
    // Signals of the notification server (connected by name: QtDBus has no typed form).
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void askCapabilities();
    void capabilitiesAnswered(const std::optional<QStringList> &capabilities);
    void send(qint64 key, const Notice &notice);

    QDBusConnection m_bus;
    bool m_asking = false;
    std::optional<QStringList> m_capabilities; // unknown until GetCapabilities answers
    QList<std::pair<qint64, Notice>> m_waiting; // shown once the capabilities are known
    QHash<uint, qint64> m_shown; // the server's id -> the caller's key
};
