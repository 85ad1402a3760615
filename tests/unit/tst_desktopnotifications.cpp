// DesktopNotifications against a fake org.freedesktop.Notifications on a private session bus
// (its own dbus-daemon): the Notify call's arguments, the Open action, and the answer when no
// service owns the name.
#include "desktop/desktopnotifications.h"
#include "support/privatesessionbus.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

// What a notification server does, as far as the spec says, and what it was asked.
class FakeNotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };

    QStringList capabilities;
    QList<Call> calls;

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        calls.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
        Q_EMIT notified();
        return uint(100 + calls.size()); // the server's ids are its own
    }
    void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
    void notified(); // for the test, not on the bus (exported all the same; harmless)
};

class TestDesktopNotifications final : public QObject
{
    Q_OBJECT

private:
    PrivateSessionBus m_bus;
    QString m_address;
    std::unique_ptr<FakeNotificationServer> m_server;
    int m_connections = 0;
    QString m_serverConnection;

    // A fresh connection to the private bus, under a name of its own.
    QDBusConnection connect()
    {
        return QDBusConnection::connectToBus(m_address, u"c%1"_s.arg(++m_connections));
    }
    // Puts a fake server on the bus under the service name, with these capabilities.
    bool startServer(const QStringList &capabilities)
    {
        m_server = std::make_unique<FakeNotificationServer>();
        m_server->capabilities = capabilities;
        QDBusConnection bus = connect();
        m_serverConnection = bus.name();
        return bus.registerObject(u"/org/freedesktop/Notifications"_s, m_server.get(),
                                  QDBusConnection::ExportAllSlots
                                      | QDBusConnection::ExportAllSignals)
               && bus.registerService(DesktopNotifications::serviceName());
    }
    void stopServer()
    {
        if (!m_server)
            return;
        QDBusConnection::disconnectFromBus(m_serverConnection); // gives the name up
        m_server.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(u"NanoBanana Studio"_s);
        if (const QString why = m_bus.start(); !why.isEmpty())
            QSKIP(qPrintable(u"no private session bus: "_s + why));
        m_address = m_bus.address();
        QVERIFY2(connect().isConnected(), qPrintable(m_address));
    }

    void cleanup() { stopServer(); }

    void cleanupTestCase() { m_bus.stop(); }

    void notifyCarriesTheNotice()
    {
        QVERIFY(startServer({u"body"_s, u"body-markup"_s, u"actions"_s}));
        const QString image = m_bus.filePath(u"result.png"_s);
        QImage pixel(1, 1, QImage::Format_RGB32);
        pixel.fill(Qt::yellow);
        QVERIFY(pixel.save(image));

        DesktopNotifications notifications(connect());
        QSignalSpy delivered(&notifications, &DesktopNotifications::delivered);
        QSignalSpy unavailable(&notifications, &DesktopNotifications::unavailable);
        notifications.show(7, {u"Image ready"_s, u"a <red> fox & a hen"_s, image, true});
        QVERIFY(delivered.wait(10000));
        QCOMPARE(delivered.at(0).at(0).toLongLong(), 7);
        QCOMPARE(unavailable.count(), 0);

        QCOMPARE(m_server->calls.size(), 1);
        const auto &call = m_server->calls.at(0);
        QCOMPARE(call.appName, u"NanoBanana Studio"_s);
        QCOMPARE(call.replacesId, 0u);
        QCOMPARE(call.appIcon, QStringLiteral(STUDIO_APP_ID));
        QCOMPARE(call.summary, u"Image ready"_s);
        QCOMPARE(call.body, u"a &lt;red&gt; fox &amp; a hen"_s); // the server reads markup
        QCOMPARE(call.actions, (QStringList{u"default"_s, u"Open"_s, u"open"_s, u"Open"_s}));
        QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), QStringLiteral(STUDIO_APP_ID));
        QCOMPARE(call.hints.value(u"image-path"_s).toString(),
                 QUrl::fromLocalFile(image).toString());
        QCOMPARE(call.expireTimeout, -1);
    }

    void plainServerGetsPlainTextAndNoActions()
    {
        QVERIFY(startServer({u"body"_s}));
        DesktopNotifications notifications(connect());
        QSignalSpy delivered(&notifications, &DesktopNotifications::delivered);
        notifications.show(1, {u"A job failed"_s, u"a <red> fox"_s, u"/no/such.png"_s, true});
        QVERIFY(delivered.wait(10000));
        const auto &call = m_server->calls.at(0);
        QCOMPARE(call.body, u"a <red> fox"_s);
        QVERIFY(call.actions.isEmpty());
        QVERIFY(!call.hints.contains(u"image-path"_s)); // a missing file is not offered
    }

    void openActionReportsTheKey_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("click") << u"default"_s;
        QTest::newRow("button") << u"open"_s;
    }

    void openActionReportsTheKey()
    {
        QFETCH(QString, action);
        QVERIFY(startServer({u"actions"_s}));
        DesktopNotifications notifications(connect());
        QSignalSpy delivered(&notifications, &DesktopNotifications::delivered);
        QSignalSpy opened(&notifications, &DesktopNotifications::opened);
        QSignalSpy closed(&notifications, &DesktopNotifications::closed);
        notifications.show(41, {u"Image ready"_s, u"x"_s, {}, true});
        notifications.show(42, {u"Image ready"_s, u"y"_s, {}, true});
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2, 10000);

        Q_EMIT m_server->ActionInvoked(999, action); // someone else's notification
        Q_EMIT m_server->ActionInvoked(102, action); // the second one sent
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), 42);

        Q_EMIT m_server->NotificationClosed(101, 2);
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.at(0).at(0).toLongLong(), 41);
    }

    void noServiceOnTheBus()
    {
        DesktopNotifications notifications(connect());
        QSignalSpy unavailable(&notifications, &DesktopNotifications::unavailable);
        QSignalSpy delivered(&notifications, &DesktopNotifications::delivered);
        notifications.show(3, {u"Image ready"_s, u"x"_s, {}, true});
        notifications.show(4, {u"Image ready"_s, u"y"_s, {}, true});
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 2, 10000);
        QCOMPARE(unavailable.at(0).at(0).toLongLong(), 3);
        QCOMPARE(unavailable.at(1).at(0).toLongLong(), 4);
        QCOMPARE(delivered.count(), 0);

        // A server that starts later in the session is found by the next notice.
        QVERIFY(startServer({u"body"_s}));
        notifications.show(5, {u"Image ready"_s, u"z"_s, {}, true});
        QVERIFY(delivered.wait(10000));
        QCOMPARE(delivered.at(0).at(0).toLongLong(), 5);
    }

    void noBusAtAll()
    {
        DesktopNotifications notifications(QDBusConnection(u"never connected"_s));
        QSignalSpy unavailable(&notifications, &DesktopNotifications::unavailable);
        notifications.show(9, {u"Image ready"_s, u"x"_s, {}, true});
        QCOMPARE(unavailable.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
