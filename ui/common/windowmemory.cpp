#include "common/windowmemory.h"

#include "studiosettings.h"

#include <QEvent>
#include <QMainWindow>
#include <QSplitter>

using namespace Qt::StringLiterals;

WindowMemory::WindowMemory(QMainWindow *window, StudioSettings &settings)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
{
    window->installEventFilter(this);
}

bool WindowMemory::restore()
{
    const QByteArray geometry = m_settings.windowState(u"geometry"_s);
    if (geometry.isEmpty())
        return false;
    m_window->restoreGeometry(geometry);
    m_window->restoreState(m_settings.windowState(u"docks"_s));
    for (auto *splitter : m_window->findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(m_settings.windowState(u"splitter-"_s + splitter->objectName()));
    return true;
}

void WindowMemory::save()
{
    m_settings.setWindowState(u"geometry"_s, m_window->saveGeometry());
    m_settings.setWindowState(u"docks"_s, m_window->saveState());
    for (auto *splitter : m_window->findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty())
            m_settings.setWindowState(u"splitter-"_s + splitter->objectName(),
                                      splitter->saveState());
    m_settings.sync();
}

bool WindowMemory::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        save();
    return QObject::eventFilter(watched, event);
}
