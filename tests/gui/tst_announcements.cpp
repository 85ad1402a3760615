// What a screen reader hears without the user moving the focus: every announcement must reach
// the accessibility layer as a notification-role object that appears (the one kind of event
// Qt's AT-SPI bridge passes on and Orca speaks unprompted), named by the sentence. The offscreen
// platform has no accessibility bridge, so QAccessible sends no events here; QWidget sends its
// show event at the very point where it tells the bridge (QAccessible::ObjectShow), so the test
// listens for that.
#include "appservices.h"
#include "appstatus.h"
#include "common/announcer.h"
#include "common/banner.h"
#include "compose/composerpanel.h"
#include "desktop/desktopnotifications.h"
#include "jobs/jobnotifier.h"
#include "jobs/jobqueue.h"
#include "status/statusindicators.h"

#include <QAccessible>
#include <QApplication>
#include <QDBusConnection>
#include <QMainWindow>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// The sentences heard since the last take(): names of notification objects as they appear.
class Listener final : public QObject
{
public:
    QStringList heard;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && watched->isWidgetType()) {
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(watched);
            if (iface && iface->role() == QAccessible::Notification)
                heard << iface->text(QAccessible::Name);
        }
        return false;
    }
};

} // namespace

class TestAnnouncements final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_english.load(u":/i18n/studio_en.qm"_s));
        QCoreApplication::installTranslator(&m_english);
        qApp->installEventFilter(&m_listener);
    }

    void init() { take(); }

    void announcerSpeaksEachSentence()
    {
        QWidget window;
        auto *announcer = new Announcer(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(take().isEmpty()); // nothing said by being there
        announcer->announce(u"Sync done."_s);
        QCOMPARE(take(), QStringList{u"Sync done."_s});
        announcer->announce(u"Sync done."_s); // the same news again is news again
        QCOMPARE(take(), QStringList{u"Sync done."_s});
        announcer->announce({});
        QVERIFY(take().isEmpty());
        // Heard, never seen: it takes no room and no focus.
        QVERIFY(announcer->width() <= 1 && announcer->height() <= 1);
        QCOMPARE(announcer->focusPolicy(), Qt::NoFocus);
    }

    void bannerNewsIsHeardOnce()
    {
        QWidget window;
        auto *banner = new Banner(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        banner->showMessage(Banner::Kind::Error, u"The server is not answering."_s);
        QCOMPARE(take(), QStringList{u"The server is not answering."_s});
        banner->showMessage(Banner::Kind::Error, u"The server is not answering."_s);
        QVERIFY(take().isEmpty()); // shown again unchanged: not news
        banner->showMessage(Banner::Kind::Info, u"Back online."_s);
        QCOMPARE(take(), QStringList{u"Back online."_s});
    }

    void outOfStarsIsHeard()
    {
        ComposerPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        take();
        panel.setBalance(5);
        QCOMPARE(take(), QStringList{u"You have 5 stars; this needs 10."_s});
        panel.setBalance(4); // still short, already said
        QVERIFY(take().isEmpty());
    }

    void offlineOnlineAndSyncAreHeard()
    {
        QMainWindow window;
        AppStatus status;
        status.setProbeDelays({3600 * 1000});
        status.setSignIn(AppStatus::SignIn::SignedIn);
        status.setReachable(true);
        StatusIndicators indicators(status, window.statusBar());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        take();
        status.setReachable(false);
        const QStringList offline = take();
        QCOMPARE(offline.size(), 1);
        QCOMPARE(offline.first(), status.connectionText());
        QVERIFY(offline.first().contains(u"Offline"_s, Qt::CaseInsensitive));
        status.setReachable(true);
        QCOMPARE(take(), QStringList{status.connectionText()});

        status.syncStarted();
        QVERIFY(take().isEmpty()); // a sync starting is not news
        status.syncFinished(3);
        QCOMPARE(take(), QStringList{status.syncText()});
    }

    void jobEndIsHeardWhileTheWindowIsActive()
    {
        QTemporaryDir profile;
        AppServices::Options options;
        options.profilePath = profile.path();
        options.server = QUrl(u"http://127.0.0.1:9"_s);
        options.fileOnlyTokens = true;
        AppServices services(options);
        QVERIFY(services.open());
        services.jobs().pause();
        QMainWindow window;
        // No notification service: the active window never needs one.
        auto *desktop = new DesktopNotifications(QDBusConnection(u"none"_s), &window);
        JobNotifier notifier(services.jobs(), &window, window.statusBar(), desktop);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        take();

        Job job;
        job.id = 7;
        job.request.prompt = u"a quiet harbour"_s;
        job.state = JobState::Completed;
        Q_EMIT services.jobs().jobFinished(job);
        QCOMPARE(take(), QStringList{u"Your image is ready: “a quiet harbour”"_s});

        job.state = JobState::Failed;
        job.userMessage = u"The server is busy; try again in a minute."_s;
        Q_EMIT services.jobs().jobFinished(job);
        const QStringList failed = take();
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().contains(job.userMessage));

        job.state = JobState::Cancelled; // the user did that
        Q_EMIT services.jobs().jobFinished(job);
        QVERIFY(take().isEmpty());
    }

private:
    QTranslator m_english; // the English plural forms, as the app loads them
    Listener m_listener;

    QStringList take() { return std::exchange(m_listener.heard, {}); }
};

QTEST_MAIN(TestAnnouncements)
#include "tst_announcements.moc"
