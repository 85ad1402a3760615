#pragma once

#include <QMainWindow>

// The application window: layout and wiring only; each panel is its own class.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};
