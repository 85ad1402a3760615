#include "appservices.h"
#include "common/uiresources.h"
#include "mainwindow.h"
#include "media/imagelimits.h"
#include "session/session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QScreen>
#include <QStyleFactory>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("NanoBanana Studio"));
    QApplication::setOrganizationName(QStringLiteral("NanoBanana"));
    QApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    initUiResources();
    // The sources are English plurals; this small catalogue says "1 job", not "1 jobs".
    QTranslator english;
    if (english.load(QStringLiteral(":/i18n/studio_en.qm")))
        QApplication::installTranslator(&english);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    configureImageLimits();
    // Module chatter (debug, info) only on request, through QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("studio.*.debug=false\nstudio.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generate, edit and browse images with the NanoBanana backend."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Keep local data in DIR."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("Talk to the backend at URL."),
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
    const auto opened = services.open();
    if (!opened) {
        QMessageBox::critical(nullptr, QApplication::applicationName(), opened.error().userMessage);
        return 1;
    }

    MainWindow window(services);
    // On a small screen the default size would push the status bar off the bottom.
    if (const QScreen *screen = window.screen())
        window.resize(window.size().boundedTo(screen->availableGeometry().size()));
    window.show();
    services.session().restore();
    return QApplication::exec();
}
