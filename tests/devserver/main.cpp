#include "devserver/devserver.h"
#include "devserver/options.h"

#include <QGuiApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    bool help = false;
    const auto options = devserver::parseOptions(arguments, &error, &help);
    if (help) {
        QTextStream(stdout) << devserver::usageText();
        return 0;
    }
    if (!options) {
        QTextStream(stderr) << "nanobanana-devserver: " << error << "\n\n"
                            << devserver::usageText();
        return 1;
    }

    // Rendering needs fonts, hence a QGuiApplication; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);

    devserver::DevServer server(*options);
    if (!server.start(&error)) {
        err << "nanobanana-devserver: " << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << server.port() << Qt::endl;
    err << "nanobanana-devserver: API at " << server.origin() << "/api/v1, health at "
        << server.origin() << "/health" << Qt::endl;
    err << "nanobanana-devserver: verification code " << server.otp() << Qt::endl;
    if (!server.imageOrigin().isEmpty())
        err << "nanobanana-devserver: images at " << server.imageOrigin() << Qt::endl;

    // SIGTERM/SIGINT end the event loop so the state is saved on the way out.
    if (::pipe(signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app,
                         [] { QCoreApplication::quit(); });
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
    return app.exec();
}
