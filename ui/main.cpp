#include "appservices.h"
#include "common/colourscheme.h"
#include "common/datetext.h"
#include "common/uiresources.h"
#include "common/windowmemory.h"
#include "i18n/languagechoice.h"
#include "i18n/translations.h"
#include "mainwindow.h"
#include "media/imagelimits.h"
#include "session/session.h"
#include "session/tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QStyleFactory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("NanoBanana Studio"));
    QApplication::setOrganizationName(QStringLiteral("NanoBanana"));
    // Matches the window and its notifications to the launcher entry (resources/desktop).
    QGuiApplication::setDesktopFileName(QStringLiteral(STUDIO_APP_ID));
    QApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    initUiResources();
    // The system's language until the profile's own choice is known (after the arguments
    // name the profile), so --help and a bad option read in it too.
    Translations translations;
    translations.install(Translations::localeFor(Translations::Language::System));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    configureImageLimits();
    // Module chatter (debug, info) only on request, through QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("studio.*.debug=false\nstudio.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "Main", "Generate, edit and browse images with the NanoBanana backend."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), QApplication::translate("Main", "Keep local data in DIR."),
        QStringLiteral("DIR"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QApplication::translate("Main", "Talk to the backend at URL."),
        QStringLiteral("URL"));
    parser.addOption(profileOption);
    parser.addOption(serverOption);
    parser.process(app);

    AppServices::Options options;
    options.profilePath = parser.value(profileOption);
    if (parser.isSet(serverOption))
        options.server = QUrl::fromUserInput(parser.value(serverOption));
    // The first paint does not wait for every page of a large history to be read.
    options.deferIntegrityCheck = true;
    options.desktop = true;
    AppServices services(options);
    const LanguageChoice choice(services.profile().settingsPath());
    const QLocale locale = Translations::localeFor(choice.language());
    if (locale != QLocale())
        translations.install(locale);
    DateText::setCalendar(LanguageChoice::calendarFor(choice.calendar(), locale));
    const auto opened = services.open();
    if (!opened) {
        QMessageBox::critical(nullptr, QApplication::applicationName(), opened.error().userMessage);
        return 1;
    }

    ColourScheme::apply(ColourScheme::fromSetting(services.settings().colourScheme()));
    MainWindow window(services);
    // Where the window was, as it was; else, on a small screen, the default size bounded so
    // the status bar stays on it.
    auto *memory = new WindowMemory(&window, services.settings());
    if (!memory->restore())
        if (const QScreen *screen = window.screen())
            window.resize(window.size().boundedTo(screen->availableGeometry().size()));
    // Once per profile: where the sign-in is kept when no keychain takes it (also in Settings).
    QObject::connect(&services.tokens(), &TokenStore::fallbackFileUsed, &window, [&] {
        if (services.settings().keychainNoticeShown())
            return;
        window.statusBar()->showMessage(services.tokens().fallbackNotice(), 30000);
        services.settings().setKeychainNoticeShown(true);
        services.settings().sync();
    });
    window.show();
    services.session().restore();
    return QApplication::exec();
}
