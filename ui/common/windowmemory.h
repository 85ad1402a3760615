#pragma once

#include <QObject>

class QMainWindow;
class StudioSettings;

// Remembers a main window's size, position, docks and toolbars, and the state of every
// splitter in it that has an object name, in the profile's settings: restored when made,
// saved when the window closes.
class WindowMemory final : public QObject
{
    Q_OBJECT
public:
    WindowMemory(QMainWindow *window, StudioSettings &settings);

    // Restores what was saved; false when nothing was (the window keeps its default size).
    bool restore();
    void save();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window;
    StudioSettings &m_settings;
};
