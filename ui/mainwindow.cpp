#include "mainwindow.h"

#include <QLabel>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("NanoBanana Studio"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *title = new QLabel(QStringLiteral("<h1>NanoBanana Studio</h1><p>Version %1</p>")
                                 .arg(QStringLiteral(STUDIO_VERSION)),
                             central);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    setCentralWidget(central);
    resize(1200, 800);
}
