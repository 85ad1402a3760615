#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A D-Bus session bus of the test's own (dbus-daemon, no service files, so nothing starts
// behind the test's back), ended with the test even when the test crashes.
class PrivateSessionBus final
{
public:
    PrivateSessionBus() = default;
    ~PrivateSessionBus();
    PrivateSessionBus(const PrivateSessionBus &) = delete;
    PrivateSessionBus &operator=(const PrivateSessionBus &) = delete;

    // Empty when the bus runs; else why it could not start (the caller skips with it).
    QString start();
    void stop();
    QString address() const { return m_address; }
    // For files the test wants beside the bus.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};
