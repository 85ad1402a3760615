#include "characters/characterspage.h"
#include "compose/composerpanel.h"
#include "compose/prompteditor.h"
#include "compose/referencestrip.h"
#include "domain/job.h"
#include "jobs/jobspanel.h"
#include "models/jobsmodel.h"
#include "session/signindialog.h"
#include "session/signinflow.h"
#include "studiofixture.h"
#include "support/devserverprocess.h"

#include <QAccessible>
#include <QAccessibleInterface>
#include <QApplication>
#include <QListView>
#include <QListWidget>
#include <QTabBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

// The Tab order of every page, as a screen-reader user meets it: the accessible names of the
// focused controls from the page tabs round to them again, against the expected order. Also
// F6 between the page and the jobs panel.
class TestTabOrder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void page_data();
    void page();
    void f6SwitchesBetweenPageAndJobs();

private:
    static QString focusName();
    QStringList tabCycle(QWidget *from);

    QTemporaryDir m_files;
    QTemporaryDir m_profile;
    QString m_image;
    DevServerProcess m_server;
    StudioFixture m_studio;
};

static const QString kPhone = u"+15550001111"_s;

void TestTabOrder::initTestCase()
{
    QVERIFY(m_files.isValid() && m_profile.isValid());
    m_image = makeTestImage(m_files.path(), u"ref.png"_s, {240, 180}, QColor(u"#5cb85c"_s));
    QVERIFY2(m_server.start({u"--seed-history"_s, u"12"_s}), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(m_studio.start(m_profile.path(), m_server.origin(), &error), qPrintable(error));
    if (auto *dialog = m_studio.window->signInFlow()->dialog())
        dialog->reject();
    const QByteArray token = m_server.signIn(kPhone);
    QVERIFY(!token.isEmpty());
    QSignalSpy signedIn(&m_studio.services->session(), &Session::signedIn);
    m_studio.services->session().signInWithToken(QString::fromLatin1(token));
    QVERIFY(signedIn.wait(10000));
    // A character (its chip joins the composers) and a finished job (the panel shows a list).
    auto *characters = m_studio.window->charactersPage();
    characters->createCharacter(u"Rex"_s, {m_image, m_image, m_image});
    QTRY_VERIFY_WITH_TIMEOUT(characters->characters().size() == 1, 20000);
    auto *composer = m_studio.window->generateComposer();
    composer->promptEditor()->setPlainText(u"a green banana"_s);
    composer->submit();
    auto *jobs = m_studio.window->jobsPanel()->model();
    QTRY_COMPARE_WITH_TIMEOUT(JobState(jobs->index(0).data(JobsModel::StateRole).toInt()),
                              JobState::Completed, 30000);
    composer->promptEditor()->clear();
    m_studio.window->resize(1280, 820);
    QApplication::setActiveWindow(m_studio.window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_studio.window.get()));
}

void TestTabOrder::cleanupTestCase()
{
    m_studio.stop();
}

QString TestTabOrder::focusName()
{
    QWidget *focus = QApplication::focusWidget();
    if (!focus)
        return u"(nothing)"_s;
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(focus);
    const QString name = iface ? iface->text(QAccessible::Name) : QString();
    return name.isEmpty()
               ? u"(unnamed %1)"_s.arg(QString::fromLatin1(focus->metaObject()->className()))
               : name;
}

QStringList TestTabOrder::tabCycle(QWidget *from)
{
    from->setFocus(Qt::TabFocusReason);
    QStringList names;
    for (int i = 0; i < 60; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QApplication::focusWidget() == from)
            break;
        names << focusName();
    }
    return names;
}

void TestTabOrder::page_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QStringList>("expected");
    // A group of tiles is one Tab stop (its chosen tile); the arrow keys move inside it. The
    // disabled Cancel and Retry of a finished job are no stops.
    const QStringList jobs{u"Jobs"_s, u"Open"_s};
    const int cost = starCost(u"1K"_s);
    QTest::newRow("Generate") << int(MainWindow::Page::Generate)
                              << (QStringList{u"Prompt"_s, u"Add images"_s, u"Character Rex"_s,
                                              u"Aspect ratio 1:1"_s, u"Resolution 1K"_s,
                                              u"Generate for %1 stars"_s.arg(cost)}
                                  + jobs);
    QTest::newRow("Edit") << int(MainWindow::Page::Edit)
                          << (QStringList{u"Prompt"_s, u"Reference image ref.png"_s,
                                          u"Add images"_s, u"Character Rex"_s,
                                          u"Aspect ratio 1:1"_s, u"Resolution 1K"_s,
                                          u"Edit for %1 stars"_s.arg(cost)}
                              + jobs);
    // Combo boxes are read by their choice on Linux (AT-SPI takes their label elsewhere).
    QTest::newRow("Gallery") << int(MainWindow::Page::Gallery)
                             << (QStringList{u"Search prompts"_s, u"All statuses"_s, u"All types"_s,
                                             u"★ Favourites"_s, u"Newest first"_s, u"Export…"_s,
                                             u"Images"_s}
                                 + jobs);
    // Nothing chosen: Rename and Delete wait, disabled.
    QTest::newRow("Characters") << int(MainWindow::Page::Characters)
                                << (QStringList{u"New character…"_s, u"Refresh"_s, u"Characters"_s}
                                    + jobs);
}

void TestTabOrder::page()
{
    QFETCH(int, page);
    QFETCH(QStringList, expected);
    // Filled in as a person would before sending, so the submit button takes part.
    auto *composer = page == int(MainWindow::Page::Edit) ? m_studio.window->editComposer()
                                                         : m_studio.window->generateComposer();
    composer->promptEditor()->setPlainText(u"a green banana"_s);
    if (page == int(MainWindow::Page::Edit) && composer->referenceStrip()->count() == 0)
        QVERIFY(composer->addReference(m_image));
    m_studio.window->showPage(MainWindow::Page(page));
    const QStringList names = tabCycle(m_studio.window->pages()->tabBar());
    qInfo().noquote() << QTest::currentDataTag() << "Tab order:" << names.join(u" → "_s);
    QCOMPARE(names, expected);
}

void TestTabOrder::f6SwitchesBetweenPageAndJobs()
{
    m_studio.window->showPage(MainWindow::Page::Generate);
    auto *prompt = m_studio.window->generateComposer()->promptEditor();
    prompt->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(QApplication::focusWidget(), m_studio.window->jobsPanel()->view());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QCOMPARE(QApplication::focusWidget(), prompt);
}

QTEST_MAIN(TestTabOrder)
#include "tst_taborder.moc"
