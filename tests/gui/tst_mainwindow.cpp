#include "appstatus.h"
#include "common/banner.h"
#include "compose/composerpanel.h"
#include "compose/prompteditor.h"
#include "history/historystore.h"
#include "jobs/jobdelegate.h"
#include "jobs/jobspanel.h"
#include "models/jobsmodel.h"
#include "session/signindialog.h"
#include "session/signinflow.h"
#include "status/statusindicators.h"
#include "studiofixture.h"
#include "support/devserverprocess.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace {
const QString kPhone = u"+15550001111"_s;
} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signInThroughTheDialog();
    void shortcutsSwitchPages();
    void generateWithAReferenceFinishesInTheJobsPanel();
    void editFinishes();
    void startingOfflineShowsLocalDataAndKeepsJobsQueued();
    void expiredTokenMidSessionAsksToSignInAgain();

private:
    bool signIn(DevServerProcess &server, StudioFixture &studio);
    qint64 submit(StudioFixture &studio, ComposerPanel *composer, const QString &prompt);

    QTemporaryDir m_files;
    QString m_image;
};

void TestMainWindow::initTestCase()
{
    qputenv("NANOBANANA_NO_KEYCHAIN", "1");
    QVERIFY(m_files.isValid());
    m_image = makeTestImage(m_files.path(), u"ref.png"_s, {320, 240}, QColor(u"#f5c542"_s));
    QVERIFY(!m_image.isEmpty());
}

bool TestMainWindow::signIn(DevServerProcess &server, StudioFixture &studio)
{
    const QByteArray token = server.signIn(kPhone);
    if (token.isEmpty())
        return false;
    QSignalSpy signedIn(&studio.services->session(), &Session::signedIn);
    studio.services->session().signInWithToken(QString::fromLatin1(token));
    return signedIn.wait(10000);
}

qint64 TestMainWindow::submit(StudioFixture &studio, ComposerPanel *composer, const QString &prompt)
{
    composer->promptEditor()->setPlainText(prompt);
    if (!composer->addReference(m_image))
        return 0;
    auto *model = studio.window->jobsPanel()->model();
    const int before = model->rowCount();
    composer->submit();
    if (model->rowCount() != before + 1)
        return 0;
    return model->data(model->index(0), JobsModel::JobIdRole).toLongLong();
}

void TestMainWindow::signInThroughTheDialog()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--seed-history"_s, u"5"_s}), qPrintable(server.errorString()));
    QTemporaryDir profile;
    StudioFixture studio;
    QString error;
    QVERIFY2(studio.start(profile.path(), server.origin(), &error), qPrintable(error));

    // Signed out at start: the dialog opens by itself, the banner offers it again.
    QTRY_VERIFY(studio.window->signInFlow()->dialog());
    QVERIFY(studio.window->signInBanner()->isVisible());
    auto *dialog = studio.window->signInFlow()->dialog();
    QCOMPARE(dialog->serverUrl(), server.origin().toString());
    dialog->phoneEdit()->setText(kPhone);
    dialog->sendCodeButton()->click();
    QTRY_VERIFY(dialog->isCodeStep());
    dialog->codeEdit()->setText(QString::fromLatin1(DevServerProcess::defaultOtp)); // auto-submits

    QTRY_VERIFY(studio.services->session().isSignedIn());
    QTRY_VERIFY(!studio.window->signInFlow()->dialog() || !dialog->isVisible());
    QVERIFY(!studio.window->signInBanner()->isVisible());
    QTRY_VERIFY(studio.window->indicators()->starsLabel()->text().contains(u'★'));
    QTRY_COMPARE(studio.window->status().connection(), AppStatus::Connection::Online);
    // The sign-in starts a sync of the history.
    QTRY_VERIFY(studio.window->indicators()->syncLabel()->text().startsWith(u"Synced"_s));
}

void TestMainWindow::shortcutsSwitchPages()
{
    QTemporaryDir profile;
    StudioFixture studio;
    QString error;
    QVERIFY2(studio.start(profile.path(), QUrl(u"http://127.0.0.1:9"_s), &error),
             qPrintable(error));
    if (auto *dialog = studio.window->signInFlow()->dialog())
        dialog->reject();
    // No history: the Generate page comes first.
    QCOMPARE(studio.window->currentPage(), MainWindow::Page::Generate);
    QApplication::setActiveWindow(studio.window.get());
    QVERIFY(QTest::qWaitForWindowActive(studio.window.get()));
    const QList<MainWindow::Page> pages{MainWindow::Page::Generate, MainWindow::Page::Edit,
                                        MainWindow::Page::Gallery, MainWindow::Page::Characters};
    for (int i = pages.size() - 1; i >= 0; --i) {
        QTest::keySequence(studio.window.get(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        QCOMPARE(studio.window->currentPage(), pages.at(i));
    }
    QVERIFY(studio.window->jobsDock()->isVisible());
    QTest::keySequence(studio.window.get(), QKeySequence(Qt::CTRL | Qt::Key_J));
    QVERIFY(!studio.window->jobsDock()->isVisible());
    QTest::keySequence(studio.window.get(), QKeySequence(Qt::CTRL | Qt::Key_J));
    QVERIFY(studio.window->jobsDock()->isVisible());
    // A sensible default width, not a third of the window.
    QTRY_VERIFY2(studio.window->jobsDock()->width() >= 220
                     && studio.window->jobsDock()->width() <= 300,
                 qPrintable(QString::number(studio.window->jobsDock()->width())));
    // Ctrl+J also works while typing a prompt.
    studio.window->showPage(MainWindow::Page::Generate);
    auto *prompt = studio.window->generateComposer()->promptEditor();
    prompt->setFocus();
    QTRY_VERIFY(prompt->hasFocus());
    QTest::keyClick(prompt, Qt::Key_J, Qt::ControlModifier);
    QVERIFY(!studio.window->jobsDock()->isVisible());
    QTest::keyClick(prompt, Qt::Key_J, Qt::ControlModifier);
    QVERIFY(studio.window->jobsDock()->isVisible());
}

void TestMainWindow::generateWithAReferenceFinishesInTheJobsPanel()
{
    DevServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTemporaryDir profile;
    StudioFixture studio;
    QString error;
    QVERIFY2(studio.start(profile.path(), server.origin(), &error), qPrintable(error));
    QVERIFY(signIn(server, studio));

    QAbstractItemModelTester tester(studio.window->jobsPanel()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *composer = studio.window->generateComposer();
    const qint64 jobId = submit(studio, composer, u"a lighthouse made of bananas"_s);
    QVERIFY(jobId > 0);
    QVERIFY(!composer->errorBanner()->isVisible());
    // The prompt stays after a submission, for the next variation.
    QCOMPARE(composer->promptEditor()->prompt(), u"a lighthouse made of bananas"_s);

    auto *model = studio.window->jobsPanel()->model();
    const auto state = [&] {
        const int row = model->rowOfJob(jobId);
        return JobState(model->data(model->index(row), JobsModel::StateRole).toInt());
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), JobState::Completed, 30000);
    const int row = model->rowOfJob(jobId);
    QTRY_VERIFY(!model->data(model->index(row), JobsModel::LocalFileRole).toString().isEmpty());
    const QString stateLine = studio.window->jobsPanel()->delegate()->stateText(model->index(row));
    QVERIFY2(stateLine.startsWith(u"Done"_s), qPrintable(stateLine));

    // The gallery row of the job is the completed server record with the image on disk.
    const Job *job = model->jobAt(row);
    QVERIFY(job);
    auto rowId = studio.services->history().insertLocalJobRow(job->accountId, *job);
    QVERIFY(rowId);
    const auto describe = [&] {
        auto record = studio.services->history().recordByRowId(rowId.value());
        if (!record || !record.value())
            return u"no record"_s;
        const auto &r = *record.value();
        return u"status %1 file '%2' id '%3' job imageId '%4'"_s.arg(
            imageStatusName(r.status), r.localFile, r.id, job->imageId);
    };
    QTRY_VERIFY2(
        [&] {
            auto record = studio.services->history().recordByRowId(rowId.value());
            return record && record.value() && record.value()->status == ImageStatus::Completed
                   && !record.value()->localFile.isEmpty() && record.value()->isOnServer();
        }(),
        qPrintable(describe()));
    const auto record = studio.services->history().recordByRowId(rowId.value()).value();
    QCOMPARE(record->prompt, u"a lighthouse made of bananas"_s);
    QCOMPARE(record->kind, ImageType::TextToImage);
}

void TestMainWindow::editFinishes()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--flavor"_s, u"sync"_s}), qPrintable(server.errorString()));
    QTemporaryDir profile;
    StudioFixture studio;
    QString error;
    QVERIFY2(studio.start(profile.path(), server.origin(), &error), qPrintable(error));
    QVERIFY(signIn(server, studio));

    studio.window->showPage(MainWindow::Page::Edit);
    auto *composer = studio.window->editComposer();
    const qint64 jobId = submit(studio, composer, u"make the sky purple"_s);
    QVERIFY(jobId > 0);
    auto *model = studio.window->jobsPanel()->model();
    QTRY_COMPARE_WITH_TIMEOUT(
        JobState(model->data(model->index(model->rowOfJob(jobId)), JobsModel::StateRole).toInt()),
        JobState::Completed, 30000);
    QCOMPARE(
        JobKind(model->data(model->index(model->rowOfJob(jobId)), JobsModel::KindRole).toInt()),
        JobKind::Edit);
}

void TestMainWindow::startingOfflineShowsLocalDataAndKeepsJobsQueued()
{
    QTemporaryDir profile;
    QUrl origin;
    {
        // Fill the profile: sign in and mirror the history, then the server goes away.
        DevServerProcess server;
        QVERIFY2(server.start({u"--seed-history"_s, u"12"_s}), qPrintable(server.errorString()));
        origin = server.origin();
        StudioFixture studio;
        QString error;
        QVERIFY2(studio.start(profile.path(), origin, &error), qPrintable(error));
        QVERIFY(signIn(server, studio));
        QTRY_VERIFY(studio.window->indicators()->syncLabel()->text().startsWith(u"Synced"_s));
        studio.stop();
        server.stop();
    }

    StudioFixture studio;
    QString error;
    QVERIFY2(studio.start(profile.path(), origin, &error), qPrintable(error));
    // Still signed in from the stored token; the history is local, so the gallery comes first.
    QVERIFY(studio.services->session().isSignedIn());
    QCOMPARE(studio.window->currentPage(), MainWindow::Page::Gallery);
    QTRY_VERIFY(studio.window->connectionBanner()->isVisible());
    QVERIFY(studio.window->connectionBanner()->text().contains(u"Cannot reach"_s));
    QCOMPARE(studio.window->status().connection(), AppStatus::Connection::Offline);
    QVERIFY(studio.window->indicators()->connectionLabel()->text().contains(u"Offline"_s));
    QVERIFY(!studio.window->signInBanner()->isVisible()); // offline never signs anyone out

    // A generate is accepted and waits for the network.
    QSignalSpy notices(&studio.services->jobs(), &JobQueue::noticeChanged);
    auto *composer = studio.window->generateComposer();
    const qint64 jobId = submit(studio, composer, u"offline idea"_s);
    QVERIFY(jobId > 0);
    QVERIFY(!composer->errorBanner()->isVisible());
    QVERIFY(notices.wait(10000)); // a submission was tried and failed on the network
    auto *model = studio.window->jobsPanel()->model();
    const QModelIndex index = model->index(model->rowOfJob(jobId));
    QCOMPARE(JobState(index.data(JobsModel::StateRole).toInt()), JobState::Queued);
    const QString line = studio.window->jobsPanel()->delegate()->stateText(index);
    QVERIFY2(line.startsWith(u"Waiting for network"_s), qPrintable(line));
    // The probe keeps trying without a dialog: the window stays usable and signed in.
    QVERIFY(studio.services->session().isSignedIn());
    // Closed, the banner stays closed while the countdown ticks on.
    studio.window->connectionBanner()->dismiss();
    QSignalSpy ticks(&studio.window->status(), &AppStatus::changed);
    QVERIFY(ticks.wait(5000));
    QVERIFY(studio.window->connectionBanner()->isHidden());
    QVERIFY(studio.window->status().isOffline());
}

void TestMainWindow::expiredTokenMidSessionAsksToSignInAgain()
{
    DevServerProcess server;
    QVERIFY2(server.start({u"--token-ttl"_s, u"2"_s, u"--seed-history"_s, u"3"_s}),
             qPrintable(server.errorString()));
    QTemporaryDir profile;
    StudioFixture studio;
    QString error;
    QVERIFY2(studio.start(profile.path(), server.origin(), &error), qPrintable(error));
    QVERIFY(signIn(server, studio));
    QVERIFY(!studio.window->signInBanner()->isVisible());
    studio.window->showPage(MainWindow::Page::Gallery);

    QTRY_VERIFY_WITH_TIMEOUT(studio.window->signInBanner()->isVisible(), 15000);
    QCOMPARE(studio.services->session().state(), Session::State::NeedsSignIn);
    QCOMPARE(studio.window->signInBanner()->kind(), Banner::Kind::Warning);
    // Nothing is hidden: the page and the jobs panel stay where they were.
    QCOMPARE(studio.window->currentPage(), MainWindow::Page::Gallery);
    QVERIFY(studio.window->pages()->isVisible());
    QVERIFY(studio.window->jobsDock()->isVisible());
    QVERIFY(!studio.window->signInFlow()->dialog());
    // Its button opens the sign-in dialog.
    auto *action = studio.window->signInBanner()->findChild<QPushButton *>();
    QVERIFY(action);
    action->click();
    QTRY_VERIFY(studio.window->signInFlow()->dialog());
    QVERIFY(studio.window->signInFlow()->dialog()->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
