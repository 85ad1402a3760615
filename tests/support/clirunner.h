#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

// Runs nanobanana-cli as a child process against one profile folder, the way a script would:
// no keychain, no inherited server or profile, the CLI's own quiet logging, and a private
// working folder, so what a command saves to "." never lands beside the sources.
class CliRunner final
{
public:
    // What one finished command left behind.
    struct Run
    {
        int exitCode = -1; // -1: did not start, crashed or timed out
        QByteArray out;
        QByteArray err;
        QJsonDocument json; // stdout parsed as JSON (null when it is not)

        QString outText() const { return QString::fromUtf8(out); }
        QString errText() const { return QString::fromUtf8(err); }
        QJsonObject object() const { return json.object(); }
        QJsonArray array() const { return json.array(); }
        // For QVERIFY2: the command's output when an assertion fails.
        QByteArray describe() const;
    };

    explicit CliRunner(QString profileDir, QString server = {});

    QString profileDir() const { return m_profile; }
    void setServer(const QString &server) { m_server = server; }
    // The folder run() and start() run the CLI in (a temporary one, removed with the runner).
    QString workingDir() const;

    // Runs `nanobanana-cli [--server S] --profile P <arguments>` with `input` on stdin, in
    // workingDir().
    Run run(const QStringList &arguments, const QByteArray &input = {},
            int timeoutMs = 60000) const;
    // Runs without adding --server or --profile, in `workingDir` (empty: the current one).
    static Run runBare(const QStringList &arguments, const QByteArray &input = {},
                       int timeoutMs = 60000, const QString &workingDir = {});
    // The full argument list run() would use (for starting a process by hand).
    QStringList fullArguments(const QStringList &arguments) const;
    // The environment the CLI runs in.
    static QProcessEnvironment environment();
    // Starts `process` with run()'s program, arguments and environment, without waiting.
    void start(QProcess &process, const QStringList &arguments) const;

private:
    QString m_profile;
    QString m_server;
    std::shared_ptr<QTemporaryDir> m_workDir;
};
