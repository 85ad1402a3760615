#include "jobs/jobdelegate.h"
#include "jobs/jobnotifier.h"
#include "jobs/jobspanel.h"
#include "media/thumbnailcache.h"
#include "models/jobsmodel.h"
#include "screenshot.h"
#include "studiofixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QListView>
#include <QMainWindow>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTranslator>

using namespace Qt::StringLiterals;

// The jobs panel over a real queue whose server is unreachable and which is paused, so every
// state change comes from the test.
class TestJobsPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void modelStaysConsistent();
    void emptyStateGivesWayToTheList();
    void cancelAndRetryFollowTheSelection();
    void stateLines_data();
    void stateLines();
    void elapsedText_data();
    void elapsedText();
    void notificationSentences();
    void notifiesOnlyWhileTheWindowIsInactive();
    void screenshot();

private:
    qint64 enqueue(const QString &prompt);

    QTemporaryDir m_files;
    QString m_image;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<JobsPanel> m_panel;
    QTranslator m_english; // the English plural forms, as the app loads them
};

void TestJobsPanel::initTestCase()
{
    QVERIFY(m_english.load(u":/i18n/studio_en.qm"_s));
    QCoreApplication::installTranslator(&m_english);
    QVERIFY(m_files.isValid());
    m_image = makeTestImage(m_files.path(), u"ref.png"_s, {200, 150}, QColor(u"#4a90d9"_s));
    QVERIFY(!m_image.isEmpty());
}

void TestJobsPanel::init()
{
    m_profile = std::make_unique<QTemporaryDir>();
    AppServices::Options options;
    options.profilePath = m_profile->path();
    options.server = QUrl(u"http://127.0.0.1:9"_s);
    options.fileOnlyTokens = true;
    m_services = std::make_unique<AppServices>(options);
    QVERIFY(m_services->open());
    m_services->jobs().setAccount(u"acct-1"_s);
    m_services->jobs().pause();
    m_panel = std::make_unique<JobsPanel>(m_services->jobs(), m_services->thumbnails());
    m_panel->resize(380, 420);
    m_panel->show();
}

void TestJobsPanel::cleanup()
{
    m_panel.reset();
    m_services.reset();
    m_profile.reset();
}

qint64 TestJobsPanel::enqueue(const QString &prompt)
{
    JobRequest request;
    request.prompt = prompt;
    request.referencePaths = {m_image};
    auto job = m_services->jobs().enqueue(request);
    return job ? job.value().id : 0;
}

void TestJobsPanel::modelStaysConsistent()
{
    QAbstractItemModelTester tester(m_panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 first = enqueue(u"first"_s);
    const qint64 second = enqueue(u"second"_s);
    QVERIFY(first > 0 && second > 0);
    QCOMPARE(m_panel->model()->rowCount(), 2);
    QCOMPARE(m_panel->model()->rowOfJob(second), 0); // newest first
    QVERIFY(m_services->jobs().cancel(first));
    QVERIFY(m_services->jobs().retry(first));
    m_panel->reload();
    QCOMPARE(m_panel->model()->rowCount(), 2);
    QCOMPARE(m_panel->model()->activeCount(), 2);
}

void TestJobsPanel::emptyStateGivesWayToTheList()
{
    QVERIFY(m_panel->isShowingEmptyState());
    QVERIFY(!m_panel->cancelButton()->isVisible()); // nothing to act on yet
    QVERIFY(m_panel->sizeHint().width() <= 280);
    QVERIFY(enqueue(u"a lighthouse"_s) > 0);
    QTRY_VERIFY(!m_panel->isShowingEmptyState());
    QVERIFY2(m_panel->summaryText().endsWith(u" 1 job"_s) || m_panel->summaryText() == u"1 job"_s,
             qPrintable(m_panel->summaryText()));
    QVERIFY(enqueue(u"a teapot"_s) > 0);
    QTRY_VERIFY2(m_panel->summaryText().endsWith(u"2 jobs"_s), qPrintable(m_panel->summaryText()));
    QVERIFY(m_panel->cancelButton()->isVisible());
    QVERIFY(m_panel->openButton()->isVisible());
}

void TestJobsPanel::cancelAndRetryFollowTheSelection()
{
    const qint64 id = enqueue(u"a red bicycle"_s);
    QVERIFY(id > 0);
    QVERIFY(!m_panel->cancelButton()->isEnabled()); // nothing selected yet
    m_panel->selectJob(id);
    QCOMPARE(m_panel->currentJobId(), id);
    QVERIFY(m_panel->cancelButton()->isEnabled());
    QVERIFY(!m_panel->retryButton()->isEnabled());

    m_panel->cancelButton()->click();
    QCOMPARE(m_services->jobs().job(id)->state, JobState::Cancelled);
    QVERIFY(!m_panel->cancelButton()->isEnabled());
    QVERIFY(m_panel->retryButton()->isEnabled());

    m_panel->retryButton()->click();
    QCOMPARE(m_services->jobs().job(id)->state, JobState::Queued);
    QVERIFY(m_panel->cancelButton()->isEnabled());

    QSignalSpy open(m_panel.get(), &JobsPanel::openInGalleryRequested);
    m_panel->openButton()->click();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).value<Job>().id, id);
}

void TestJobsPanel::stateLines_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("offline");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("contains");
    QTest::newRow("queued") << int(JobState::Queued) << false << QString() << u"Queued · "_s
                            << QString();
    QTest::newRow("queued offline")
        << int(JobState::Queued) << true << u"Waiting for the network: x"_s
        << u"Waiting for network · "_s << QString();
    QTest::newRow("pending") << int(JobState::Pending) << false << QString() << u"Generating · "_s
                             << QString();
    QTest::newRow("failed") << int(JobState::Failed) << false << u"No stars left."_s
                            << u"Failed · "_s << u"No stars left."_s;
    QTest::newRow("unknown") << int(JobState::Unknown) << false << QString()
                             << u"Checking the history"_s << QString();
    QTest::newRow("completed hides message")
        << int(JobState::Completed) << false << u"x"_s << u"Done · "_s << QString();
}

void TestJobsPanel::stateLines()
{
    QFETCH(int, state);
    QFETCH(bool, offline);
    QFETCH(QString, message);
    QFETCH(QString, prefix);
    QFETCH(QString, contains);
    QStandardItemModel model;
    auto *item = new QStandardItem;
    const QDateTime created(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    item->setData(state, JobsModel::StateRole);
    item->setData(message, JobsModel::MessageRole);
    item->setData(created, JobsModel::CreatedAtRole);
    item->setData(created.addSecs(42), JobsModel::CompletedAtRole);
    model.appendRow(item);
    JobDelegate delegate(m_services->thumbnails());
    delegate.setOffline(offline);
    delegate.setClock([created] { return created.addSecs(75); });
    const QString line = delegate.stateText(model.index(0, 0));
    QVERIFY2(line.startsWith(prefix), qPrintable(line));
    if (!contains.isEmpty())
        QVERIFY2(line.contains(contains), qPrintable(line));
    else if (!message.isEmpty())
        QVERIFY2(!line.contains(message), qPrintable(line));
    const bool final = isFinal(JobState(state));
    QVERIFY2(line.contains(final ? u"42 s"_s : u"1 min 15 s"_s), qPrintable(line));
}

void TestJobsPanel::elapsedText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative clock skew") << qint64(-5) << u"0 s"_s;
    QTest::newRow("seconds") << qint64(59) << u"59 s"_s;
    QTest::newRow("minutes") << qint64(61) << u"1 min 1 s"_s;
    QTest::newRow("hours") << qint64(3 * 3600 + 125) << u"3 h 2 min"_s;
}

void TestJobsPanel::elapsedText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(JobDelegate::elapsedText(seconds), text);
}

void TestJobsPanel::notificationSentences()
{
    Job job;
    job.request.prompt = QString(100, u'a');
    job.state = JobState::Completed;
    const QString done = JobNotifier::messageFor(job);
    QVERIFY(done.startsWith(u"Your image is ready"_s));
    QVERIFY(done.size() < 100); // long prompts are shortened
    job.state = JobState::Failed;
    job.userMessage = u"The server is busy; try again in a minute."_s;
    QVERIFY(JobNotifier::messageFor(job).contains(job.userMessage));
}

void TestJobsPanel::notifiesOnlyWhileTheWindowIsInactive()
{
    QMainWindow window;
    JobNotifier notifier(m_services->jobs(), &window, window.statusBar());
    QSignalSpy notified(&notifier, &JobNotifier::notified);
    Job job;
    job.request.prompt = u"a quiet harbour"_s;
    job.state = JobState::Completed;

    QApplication::setActiveWindow(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Q_EMIT m_services->jobs().jobFinished(job);
    QCOMPARE(notified.count(), 0); // the user is looking at it already

    m_panel->activateWindow();
    QApplication::setActiveWindow(m_panel.get());
    QTRY_VERIFY(!window.isActiveWindow());
    Q_EMIT m_services->jobs().jobFinished(job);
    QCOMPARE(notified.count(), 1);
    QVERIFY(notifier.lastNotice().contains(u"a quiet harbour"_s));
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        QCOMPARE(window.statusBar()->currentMessage(), notifier.lastNotice());

    job.state = JobState::Cancelled; // the user did that; nothing to tell
    Q_EMIT m_services->jobs().jobFinished(job);
    QCOMPARE(notified.count(), 1);
}

void TestJobsPanel::screenshot()
{
    enqueue(u"a lighthouse made of bananas, at dusk, oil painting"_s);
    const qint64 failed = enqueue(u"a cat astronaut"_s);
    enqueue(u"waiting for the network"_s);
    QVERIFY(m_services->jobs().cancel(failed));
    m_panel->setOffline(true);
    m_panel->selectJob(failed);
    QVERIFY(!saveScreenshot(m_panel.get(), u"jobspanel-unit"_s).isEmpty());
}

QTEST_MAIN(TestJobsPanel)
#include "tst_jobspanel.moc"
