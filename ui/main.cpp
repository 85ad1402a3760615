#include "imagelimits.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("NanoBanana Studio"));
    QApplication::setOrganizationName(QStringLiteral("NanoBanana"));
    QApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    configureImageLimits();
    MainWindow window;
    window.show();
    return QApplication::exec();
}
