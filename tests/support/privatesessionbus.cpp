#include "support/privatesessionbus.h"

#include <QDeadlineTimer>
#include <QFile>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

PrivateSessionBus::~PrivateSessionBus()
{
    stop();
}

QString PrivateSessionBus::start()
{
    const QString config = m_dir.filePath(u"bus.conf"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write "_s + config;
    file.write("<busconfig><type>session</type><listen>unix:tmpdir=" + m_dir.path().toUtf8()
               + "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
                 "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                 "<allow own=\"*\"/></policy></busconfig>\n");
    file.close();
    m_daemon.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_daemon.start(u"dbus-daemon"_s, {u"--config-file="_s + config, u"--nofork"_s, u"--nopidfile"_s,
                                      u"--print-address=1"_s});
    if (!m_daemon.waitForStarted(10000))
        return u"dbus-daemon did not start ("_s + m_daemon.errorString()
               + u"); install dbus-daemon"_s;
    const QDeadlineTimer deadline(10000);
    while (!m_daemon.canReadLine() && m_daemon.state() != QProcess::NotRunning
           && !deadline.hasExpired())
        m_daemon.waitForReadyRead(100);
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    if (m_address.isEmpty())
        return QString::fromUtf8(m_daemon.readAllStandardError());
    return {};
}

void PrivateSessionBus::stop()
{
    if (m_daemon.state() == QProcess::NotRunning)
        return;
    m_daemon.terminate();
    m_daemon.waitForFinished(5000);
}
