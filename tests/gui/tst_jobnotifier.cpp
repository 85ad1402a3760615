// JobNotifier's routing: what it hands the desktop notification service, what an "Open" on a
// notification does (through a fake service on a private bus), and the status bar when no
// service answers. The D-Bus calls themselves: unit/tst_desktopnotifications.
#include "appservices.h"
#include "desktop/desktopnotifications.h"
#include "jobs/jobnotifier.h"
#include "jobs/jobqueue.h"
#include "support/privatesessionbus.h"

#include <QApplication>
#include <QDBusConnection>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A notification server that offers actions and counts what it shows.
class FakeNotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    int shown = 0;

public Q_SLOTS:
    QStringList GetCapabilities() { return {u"actions"_s, u"body"_s}; }
    uint Notify(const QString &, uint, const QString &, const QString &, const QString &,
                const QStringList &, const QVariantMap &, int)
    {
        return uint(++shown);
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

class TestJobNotifier final : public QObject
{
    Q_OBJECT

private:
    PrivateSessionBus m_bus;
    QString m_address;
    FakeNotificationServer m_server;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<QWidget> m_other; // holds the focus, so the window is in the background
    DesktopNotifications *m_desktop = nullptr;
    JobNotifier *m_notifier = nullptr;

    static Job finished(qint64 id, JobState state)
    {
        Job job;
        job.id = id;
        job.state = state;
        job.request.prompt = u"a  lighthouse <made> of bananas"_s;
        job.localImagePath = u"/profile/images/ab.png"_s;
        job.userMessage = u"The server is busy."_s;
        return job;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A bus of our own, with no service files: nothing else answers on it.
        if (const QString why = m_bus.start(); !why.isEmpty())
            QSKIP(qPrintable(u"no private session bus: "_s + why));
        m_address = m_bus.address();
        QDBusConnection service = QDBusConnection::connectToBus(m_address, u"service"_s);
        QVERIFY(service.registerObject(u"/org/freedesktop/Notifications"_s, &m_server,
                                       QDBusConnection::ExportAllSlots
                                           | QDBusConnection::ExportAllSignals));
        QVERIFY(service.registerService(DesktopNotifications::serviceName()));
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(u"service"_s);
        QDBusConnection::disconnectFromBus(u"client"_s);
        m_bus.stop();
    }

    void init()
    {
        m_profile = std::make_unique<QTemporaryDir>();
        AppServices::Options options;
        options.profilePath = m_profile->path();
        options.server = QUrl(u"http://127.0.0.1:9"_s);
        options.fileOnlyTokens = true;
        m_services = std::make_unique<AppServices>(options);
        QVERIFY(m_services->open());
        m_services->jobs().pause();
        m_window = std::make_unique<QMainWindow>();
        const bool withService =
            QByteArray(QTest::currentTestFunction()) != "statusBarWhenNoServiceAnswers";
        // Never connected: as on a machine without a session bus.
        m_desktop = new DesktopNotifications(
            withService ? QDBusConnection::connectToBus(m_address, u"client"_s)
                        : QDBusConnection(u"none"_s),
            m_window.get());
        m_notifier =
            new JobNotifier(m_services->jobs(), m_window.get(), m_window->statusBar(), m_desktop);
        m_window->show();
        m_other = std::make_unique<QWidget>();
        m_other->show();
        QApplication::setActiveWindow(m_other.get());
        QTRY_VERIFY(!m_window->isActiveWindow());
    }

    void cleanup()
    {
        m_other.reset();
        m_window.reset();
        m_services.reset();
        m_profile.reset();
    }

    void noticeOfACompletedJob()
    {
        const auto notice = JobNotifier::noticeFor(finished(1, JobState::Completed));
        QCOMPARE(notice.summary, u"Your image is ready"_s);
        QCOMPARE(notice.body, u"a lighthouse <made> of bananas"_s); // escaped by the service
        QCOMPARE(notice.imagePath, u"/profile/images/ab.png"_s);
        QVERIFY(notice.openable);
    }

    void noticeOfAFailedJob()
    {
        const auto notice = JobNotifier::noticeFor(finished(1, JobState::Failed));
        QCOMPARE(notice.summary, u"A job failed"_s);
        QVERIFY(notice.body.contains(u"a lighthouse"_s));
        QVERIFY(notice.body.contains(u"The server is busy."_s));
        QVERIFY(notice.imagePath.isEmpty());
    }

    void openBringsTheWindowBackOnThatJob()
    {
        QSignalSpy openRequested(m_notifier, &JobNotifier::openRequested);
        QSignalSpy delivered(m_desktop, &DesktopNotifications::delivered);
        QSignalSpy closed(m_desktop, &DesktopNotifications::closed);
        m_window->showMinimized();
        const int before = m_server.shown;
        Q_EMIT m_services->jobs().jobFinished(finished(5, JobState::Completed));
        Q_EMIT m_services->jobs().jobFinished(finished(6, JobState::Failed));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2, 10000);
        const uint first = uint(before + 1); // the server's ids, in the order it showed them

        Q_EMIT m_server.ActionInvoked(first, u"default"_s); // a click on the first one
        QTRY_COMPARE_WITH_TIMEOUT(openRequested.count(), 1, 10000);
        QCOMPARE(openRequested.at(0).at(0).value<Job>().id, 5);
        QVERIFY(!(m_window->windowState() & Qt::WindowMinimized));

        Q_EMIT m_server.NotificationClosed(first + 1, 2); // dismissed: nothing left to open
        QVERIFY(closed.wait(10000));
        Q_EMIT m_server.ActionInvoked(first + 1, u"default"_s);
        Q_EMIT m_server.ActionInvoked(first, u"open"_s); // a later one is still heard
        QTRY_COMPARE_WITH_TIMEOUT(openRequested.count(), 2, 10000);
        QCOMPARE(openRequested.at(1).at(0).value<Job>().id, 5);
    }

    void statusBarWhenNoServiceAnswers()
    {
        Q_EMIT m_services->jobs().jobFinished(finished(7, JobState::Completed));
        Q_EMIT m_desktop->unavailable(7);
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"a lighthouse"_s));
    }
};

QTEST_MAIN(TestJobNotifier)
#include "tst_jobnotifier.moc"
