// What a desktop app keeps between runs and how it looks: the window's size, docks and
// splitters (WindowMemory), the light / dark / system colours (ColourScheme), and the Settings
// rows for both the colours and where the sign-in is kept without a keychain.
#include "common/colourscheme.h"
#include "common/windowmemory.h"
#include "jobs/jobqueue.h"
#include "media/thumbnailcache.h"
#include "settings/settingsdialog.h"
#include "studiofixture.h"
#include "studiosettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A main window as the app's: a dock with an object name, a named splitter.
struct Window
{
    QMainWindow main;
    QDockWidget *dock = new QDockWidget(u"Jobs"_s, &main);
    QSplitter *splitter = new QSplitter(&main);

    Window()
    {
        dock->setObjectName(u"jobsDock"_s);
        dock->setWidget(new QLabel(u"jobs"_s));
        main.addDockWidget(Qt::RightDockWidgetArea, dock);
        splitter->setObjectName(u"detailSplitter"_s);
        splitter->addWidget(new QLabel(u"left"_s));
        splitter->addWidget(new QLabel(u"right"_s));
        main.setCentralWidget(splitter);
        main.resize(700, 500);
    }
};

} // namespace

class TestWindowMemory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizeDocksAndSplittersComeBack()
    {
        QTemporaryDir dir;
        StudioSettings settings(dir.filePath(u"settings.ini"_s));
        {
            Window first;
            auto *memory = new WindowMemory(&first.main, settings);
            QVERIFY(!memory->restore()); // nothing saved yet: the default size stays
            first.main.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first.main));
            first.main.resize(820, 610);
            first.dock->hide();
            first.splitter->setSizes({500, 120});
            QTRY_COMPARE(first.main.size(), QSize(820, 610));
            first.main.close(); // saves
        }
        StudioSettings reread(dir.filePath(u"settings.ini"_s));
        Window second;
        auto *memory = new WindowMemory(&second.main, reread);
        QVERIFY(memory->restore());
        second.main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second.main));
        QTRY_COMPARE(second.main.size(), QSize(820, 610));
        QVERIFY(second.dock->isHidden());
        const QList<int> sizes = second.splitter->sizes();
        QCOMPARE(sizes.size(), 2);
        QVERIFY2(sizes.at(0) > 3 * sizes.at(1), qPrintable(u"%1 %2"_s.arg(sizes[0]).arg(sizes[1])));
    }

    void coloursFollowTheChoice()
    {
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        ColourScheme::apply(ColourScheme::Scheme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
        ColourScheme::apply(ColourScheme::Scheme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        ColourScheme::apply(ColourScheme::Scheme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
        for (auto scheme : {ColourScheme::Scheme::System, ColourScheme::Scheme::Light,
                            ColourScheme::Scheme::Dark})
            QCOMPARE(ColourScheme::fromSetting(ColourScheme::toSetting(scheme)), scheme);
        QCOMPARE(ColourScheme::fromSetting(u"purple"_s), ColourScheme::Scheme::System);
    }

    void settingsOfferColoursAndSayWhereTheSignInIs()
    {
        QTemporaryDir profile;
        AppServices::Options options;
        options.profilePath = profile.path();
        options.server = QUrl(u"http://127.0.0.1:9"_s);
        options.fileOnlyTokens = true;
        AppServices services(options);
        QVERIFY(services.open());
        const QString notice = u"No system keychain is available, so your sign-in is kept in "
                               u"/x/token, readable by you alone."_s;
        SettingsDialog dialog({services.settings(), services.jobs(), services.thumbnails(),
                               services.profile().rootPath(), services.server(), notice});
        bool shown = false;
        for (const auto *label : dialog.findChildren<QLabel *>())
            shown = shown || label->text() == notice;
        QVERIFY(shown);

        QCOMPARE(dialog.coloursBox()->count(), 3);
        QCOMPARE(services.settings().colourScheme(), u"system"_s);
        dialog.coloursBox()->setCurrentIndex(
            dialog.coloursBox()->findData(int(ColourScheme::Scheme::Dark)));
        QVERIFY(dialog.apply());
        QCOMPARE(services.settings().colourScheme(), u"dark"_s);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80); // at once
        ColourScheme::apply(ColourScheme::Scheme::System);

        // With the token in the keychain, no such row.
        SettingsDialog keychain({services.settings(),
                                 services.jobs(),
                                 services.thumbnails(),
                                 services.profile().rootPath(),
                                 services.server(),
                                 {}});
        for (const auto *label : keychain.findChildren<QLabel *>())
            QVERIFY(!label->text().contains(u"keychain"_s));
    }
};

QTEST_MAIN(TestWindowMemory)
#include "tst_windowmemory.moc"
