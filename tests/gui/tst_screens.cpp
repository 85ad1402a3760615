#include "characters/charactereditor.h"
#include "characters/characterspage.h"
#include "common/datetext.h"
#include "common/uiresources.h"
#include "compare/compareview.h"
#include "compose/composerpanel.h"
#include "compose/prompteditor.h"
#include "gallery/gallerypage.h"
#include "i18n/translations.h"
#include "jobs/jobspanel.h"
#include "models/gallerymodel.h"
#include "models/jobsmodel.h"
#include "screenshot.h"
#include "session/signindialog.h"
#include "session/signinflow.h"
#include "settings/settingsdialog.h"
#include "studiofixture.h"
#include "support/devserverprocess.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabBar>

using namespace Qt::StringLiterals;

// Renders each main screen to PNG under <build>/tests/gui/screenshots for people to review,
// against a dev server with history, a character and a finished job: once in English, once in
// Persian (files ending in -fa). In Persian it also fails on a word of the interface left in
// English on any screen it opens.
class TestScreens final : public QObject
{
    Q_OBJECT
public:
    explicit TestScreens(bool persian)
        : m_persian(persian)
    { }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signIn();
    void generate();
    void edit();
    void gallery();
    void jobsPanel();
    void compare();
    void characters();
    void settings();

private:
    QString shoot(QWidget *widget, const QString &name);
    // The interface's own words on `widget` (buttons, tabs, menus, titles, placeholders,
    // labels that are not the user's content) that read in English.
    QStringList englishWords(QWidget *widget) const;

    bool m_persian;

    QTemporaryDir m_files;
    QTemporaryDir m_profile;
    QStringList m_images;
    DevServerProcess m_server;
    StudioFixture m_studio;
};

QString TestScreens::shoot(QWidget *widget, const QString &name)
{
    QString path = saveScreenshot(widget, m_persian ? name + u"-fa"_s : name);
    qInfo() << "screenshot" << path;
    if (m_persian) {
        const QStringList english = englishWords(widget);
        if (!english.isEmpty()) {
            qWarning().noquote() << "English left on" << name << ":" << english.join(u" | "_s);
            return {};
        }
    }
    return path;
}

QStringList TestScreens::englishWords(QWidget *widget) const
{
    // What may stay Latin in Persian: the product's name, sizes (1K, 2K, 4K), units and keys,
    // and what the user typed or the server holds (prompts, names, file names, the phone).
    static const QRegularExpression allowed(
        u"NanoBanana( Studio)?|\\b[124]K\\b|\\bpx\\b|\\b(Ctrl|Shift|Alt|Del|Esc|F\\d+)\\b|"
        u"\\b(PNG|JPEG|WebP|MiB|KB|MB|GB)\\b|https?://\\S*|\\bEnglish\\b|\\S+\\.(png|jpg|json)\\b"_s);
    static const QRegularExpression latinWord(u"[A-Za-z]{2,}"_s);
    const QStringList userContent{u"lighthouse"_s, u"sky purple"_s, u"Captain Banana"_s,
                                  u"Rex"_s,        u"+1555"_s,      m_profile.path()};
    QStringList found;
    auto check = [&](const QString &text, const QObject *where) {
        QString plain = text;
        plain.remove(QRegularExpression(u"<[^>]*>"_s)).remove(u'&');
        for (const QString &user : userContent)
            if (plain.contains(user))
                return;
        plain.remove(allowed);
        if (plain.contains(latinWord))
            found << u"%1 “%2”"_s.arg(QString::fromLatin1(where->metaObject()->className()),
                                      text.left(60));
    };
    const auto visible = [widget](const QWidget *w) { return w->isVisibleTo(widget); };
    check(widget->windowTitle(), widget);
    for (const auto *button : widget->findChildren<QAbstractButton *>())
        if (visible(button))
            check(button->text(), button);
    for (const auto *tabs : widget->findChildren<QTabBar *>())
        if (visible(tabs))
            for (int i = 0; i < tabs->count(); ++i)
                check(tabs->tabText(i), tabs);
    for (const auto *box : widget->findChildren<QGroupBox *>())
        if (visible(box))
            check(box->title(), box);
    for (const auto *edit : widget->findChildren<QLineEdit *>())
        if (visible(edit))
            check(edit->placeholderText(), edit);
    for (const auto *combo : widget->findChildren<QComboBox *>())
        if (visible(combo) && !combo->isEditable())
            for (int i = 0; i < combo->count(); ++i)
                check(combo->itemText(i), combo);
    for (const auto *label : widget->findChildren<QLabel *>())
        if (visible(label))
            check(label->text(), label);
    if (auto *bar = widget->findChild<QMenuBar *>())
        for (const QAction *menu : bar->actions()) {
            check(menu->text(), bar);
            if (menu->menu())
                for (const QAction *action : menu->menu()->actions())
                    check(action->text(), menu->menu());
        }
    return found;
}

void TestScreens::initTestCase()
{
    QVERIFY(m_files.isValid() && m_profile.isValid());
    const QList<QColor> colours{QColor(u"#f5c542"_s), QColor(u"#4a90d9"_s), QColor(u"#5cb85c"_s),
                                QColor(u"#d9534f"_s)};
    for (int i = 0; i < colours.size(); ++i)
        m_images << makeTestImage(m_files.path(), u"img%1.png"_s.arg(i), {240, 240}, colours.at(i));
    QVERIFY2(m_server.start({u"--seed-history"_s, u"40"_s}), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(m_studio.start(m_profile.path(), m_server.origin(), &error), qPrintable(error));
    m_studio.window->resize(1280, 820);
}

void TestScreens::cleanupTestCase()
{
    m_studio.stop();
}

void TestScreens::signIn()
{
    QTRY_VERIFY(m_studio.window->signInFlow()->dialog());
    auto *dialog = m_studio.window->signInFlow()->dialog();
    dialog->phoneEdit()->setText(u"+15550001111"_s);
    QVERIFY(!shoot(dialog, u"01-signin"_s).isEmpty());
    QVERIFY(!shoot(m_studio.window.get(), u"00-signed-out-window"_s).isEmpty());
    dialog->sendCodeButton()->click();
    QTRY_VERIFY(dialog->isCodeStep());
    dialog->codeEdit()->setText(QString::fromLatin1(DevServerProcess::defaultOtp));
    QTRY_VERIFY(m_studio.services->session().isSignedIn());
}

void TestScreens::generate()
{
    auto *composer = m_studio.window->generateComposer();
    composer->promptEditor()->setPlainText(u"a lighthouse made of bananas at dusk"_s);
    QVERIFY(composer->addReference(m_images.at(0)));
    QVERIFY(composer->addReference(m_images.at(1)));
    composer->submit();
    auto *model = m_studio.window->jobsPanel()->model();
    QCOMPARE(model->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(JobState(model->index(0).data(JobsModel::StateRole).toInt()),
                              JobState::Completed, 30000);
    composer->submit(); // a second one, pending in the panel
    m_studio.window->showPage(MainWindow::Page::Generate);
    QVERIFY(!shoot(m_studio.window.get(), u"02-generate"_s).isEmpty());
}

void TestScreens::edit()
{
    m_studio.window->showPage(MainWindow::Page::Edit);
    auto *composer = m_studio.window->editComposer();
    composer->promptEditor()->setPlainText(u"make the sky purple"_s);
    QVERIFY(composer->addReference(m_images.at(2)));
    QVERIFY(!shoot(m_studio.window.get(), u"03-edit"_s).isEmpty());
}

void TestScreens::gallery()
{
    m_studio.window->showPage(MainWindow::Page::Gallery);
    QVERIFY(!shoot(m_studio.window.get(), u"04-gallery"_s).isEmpty());
}

void TestScreens::jobsPanel()
{
    auto *panel = m_studio.window->jobsPanel();
    QTRY_VERIFY(!panel->model()->index(1).data(JobsModel::LocalFileRole).toString().isEmpty());
    panel->selectJob(panel->model()->index(1).data(JobsModel::JobIdRole).toLongLong());
    QVERIFY(!shoot(m_studio.window->jobsDock(), u"05-jobs-panel"_s).isEmpty());
    // The panel sits where the page ends: on the left in Persian.
    QCOMPARE(m_studio.window->dockWidgetArea(m_studio.window->jobsDock()),
             m_persian ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea);
}

void TestScreens::compare()
{
    // The two finished jobs' images, side by side and then wiped.
    m_studio.window->showPage(MainWindow::Page::Gallery);
    auto *gallery = m_studio.window->gallery();
    gallery->refresh();
    QList<qint64> rows;
    for (int row = 0; row < gallery->model()->rowCount() && rows.size() < 2; ++row)
        if (const auto *r = gallery->model()->recordAt(row); r && !r->localFile.isEmpty())
            rows << r->rowId;
    QCOMPARE(rows.size(), 2);
    QVERIFY(gallery->compareRows(rows.at(1), rows.at(0)));
    auto *canvas = gallery->compareView()->canvas();
    QTRY_VERIFY(!canvas->pixmap(CompareCanvas::Side::A).isNull()
                && !canvas->pixmap(CompareCanvas::Side::B).isNull());
    QVERIFY(!shoot(m_studio.window.get(), u"09-compare"_s).isEmpty());
    gallery->compareView()->wipeButton()->click();
    QVERIFY(!shoot(m_studio.window.get(), u"10-compare-wipe"_s).isEmpty());
    gallery->closeCompare();
}

void TestScreens::characters()
{
    auto *page = m_studio.window->charactersPage();
    m_studio.window->showPage(MainWindow::Page::Characters);
    QSignalSpy changed(page, &CharactersPage::charactersChanged);
    page->createCharacter(u"Captain Banana"_s, m_images.mid(0, 3));
    QTRY_VERIFY_WITH_TIMEOUT(page->characters().size() == 1, 20000);
    QTRY_COMPARE(page->list()->count(), 1);
    // The composers learn the new character too.
    QVERIFY(!shoot(m_studio.window.get(), u"06-characters"_s).isEmpty());

    CharacterEditor editor;
    editor.nameEdit()->setText(u"Rex"_s);
    editor.addImages(m_images.mid(0, 2));
    QVERIFY(!editor.problem().isEmpty());
    editor.addImages(m_images.mid(2, 2));
    QVERIFY(editor.problem().isEmpty());
    editor.show();
    QVERIFY(!shoot(&editor, u"07-new-character"_s).isEmpty());
}

void TestScreens::settings()
{
    auto &services = *m_studio.services;
    SettingsDialog dialog({services.settings(),
                           services.jobs(),
                           services.thumbnails(),
                           services.profile().rootPath(),
                           services.server(),
                           {}},
                          m_studio.window.get());
    dialog.show();
    // With the disk figures in (sizes in the language's own words and digits).
    const QString counting = dialog.diskUsageLabel()->text();
    QTRY_VERIFY(dialog.diskUsageLabel()->text() != counting);
    QVERIFY(!shoot(&dialog, u"08-settings"_s).isEmpty());
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    initUiResources();
    TestScreens english(false);
    int failed = QTest::qExec(&english, argc, argv);
    // As the app starts in Persian: its catalogue and Qt's, Persian digits, the Jalali calendar.
    Translations translations;
    if (!translations.install(QLocale(QLocale::Persian, QLocale::Iran))) {
        qCritical("The Persian catalogue did not load.");
        return failed + 1;
    }
    DateText::setCalendar(QCalendar::System::Jalali);
    TestScreens persian(true);
    failed += QTest::qExec(&persian, argc, argv);
    return failed;
}

#include "tst_screens.moc"
