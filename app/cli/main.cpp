#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nanobanana-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("NanoBanana Studio from the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
