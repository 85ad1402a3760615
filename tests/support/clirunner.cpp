#include "support/clirunner.h"

#include "support/slowdown.h"

#include <QProcess>
#include <QTemporaryDir>

CliRunner::CliRunner(QString profileDir, QString server)
    : m_profile(std::move(profileDir))
    , m_server(std::move(server))
    , m_workDir(std::make_shared<QTemporaryDir>())
{ }

QString CliRunner::workingDir() const
{
    return m_workDir->path();
}

QByteArray CliRunner::Run::describe() const
{
    // stderr first: QTest cuts a long failure message, and the reason is there.
    return "exit " + QByteArray::number(exitCode) + "\n--- stderr:\n" + err + "\n--- stdout:\n"
           + out;
}

QProcessEnvironment CliRunner::environment()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NANOBANANA_NO_KEYCHAIN"), QStringLiteral("1"));
    env.remove(QStringLiteral("NANOBANANA_SERVER"));
    env.remove(QStringLiteral("NANOBANANA_PROFILE"));
    // CTest's rules would replace the CLI's own quiet defaults.
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    return env;
}

QStringList CliRunner::fullArguments(const QStringList &arguments) const
{
    QStringList full;
    if (!m_server.isEmpty())
        full << QStringLiteral("--server") << m_server;
    full << QStringLiteral("--profile") << m_profile;
    return full + arguments;
}

void CliRunner::start(QProcess &process, const QStringList &arguments) const
{
    process.setProgram(QStringLiteral(NANOBANANA_CLI_PATH));
    process.setArguments(fullArguments(arguments));
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(workingDir());
    process.start();
}

static CliRunner::Run runProcess(const QStringList &arguments, const QByteArray &input,
                                 int timeoutMs, const QString &workingDir = {})
{
    CliRunner::Run result;
    QProcess process;
    process.setProgram(QStringLiteral(NANOBANANA_CLI_PATH));
    process.setArguments(arguments);
    process.setProcessEnvironment(CliRunner::environment());
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start();
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    timeoutMs = TestTime::scaled(timeoutMs);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError() + "\n(timed out)";
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    else
        result.err += "\n(crashed)";
    result.json = QJsonDocument::fromJson(result.out);
    return result;
}

CliRunner::Run CliRunner::run(const QStringList &arguments, const QByteArray &input,
                              int timeoutMs) const
{
    return runProcess(fullArguments(arguments), input, timeoutMs, workingDir());
}

CliRunner::Run CliRunner::runBare(const QStringList &arguments, const QByteArray &input,
                                  int timeoutMs, const QString &workingDir)
{
    return runProcess(arguments, input, timeoutMs, workingDir);
}
