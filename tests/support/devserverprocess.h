#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

// Runs nanobanana-devserver on a free loopback port for the length of a test.
// The server prints its port on the first stdout line; stderr is kept for diagnostics.
class DevServerProcess final
{
public:
    DevServerProcess() = default;
    ~DevServerProcess();
    DevServerProcess(const DevServerProcess &) = delete;
    DevServerProcess &operator=(const DevServerProcess &) = delete;

    // Starts the server with `--port 0` and the given extra arguments; false (and
    // errorString()) when it did not come up within the timeout.
    bool start(const QStringList &arguments = {}, int timeoutMs = 15000);
    void stop();

    quint16 port() const { return m_port; }
    QUrl origin() const; // http://127.0.0.1:<port>
    QUrl apiBase() const; // <origin>/api/v1
    QString errorString() const { return m_error; }
    QByteArray standardError();
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    QByteArray m_stderr;
};
