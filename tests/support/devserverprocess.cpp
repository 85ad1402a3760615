#include "devserverprocess.h"

#include <QDeadlineTimer>

DevServerProcess::~DevServerProcess()
{
    stop();
}

bool DevServerProcess::start(const QStringList &arguments, int timeoutMs)
{
    stop();
    m_error.clear();
    m_process.setProgram(QStringLiteral(NANOBANANA_DEVSERVER_PATH));
    m_process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("dev server printed no port: %1")
                          .arg(QString::fromUtf8(m_process.readAllStandardError()));
            return false;
        }
        m_process.waitForReadyRead(100);
    }
    bool ok = false;
    const auto line = QString::fromUtf8(m_process.readLine()).trimmed();
    const auto port = line.toUShort(&ok);
    if (!ok || port == 0) {
        m_error = QStringLiteral("dev server's first line is not a port: %1").arg(line);
        return false;
    }
    m_port = port;
    return true;
}

void DevServerProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
    m_port = 0;
}

QUrl DevServerProcess::origin() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QUrl DevServerProcess::apiBase() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_port));
}

QByteArray DevServerProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}
