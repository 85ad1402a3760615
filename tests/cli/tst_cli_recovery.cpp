// nanobanana-cli when things go wrong under it: the server away, the process killed mid-job.
// Nothing submitted is lost, and nothing is sent twice.
#include "support/clirunner.h"
#include "support/devserverprocess.h"
#include "support/requestlog.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

const QString generatePath = QStringLiteral("/api/v1/nanobanana/generate");

} // namespace

class TestCliRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverAwayKeepsTheJob();
    void killedDuringWaitFinishesOnce_data();
    void killedDuringWaitFinishesOnce();

private:
    bool login(const CliRunner &cli, const QString &phone);
};

bool TestCliRecovery::login(const CliRunner &cli, const QString &phone)
{
    const auto run = cli.run({s("login"), s("--phone"), phone, s("--code"), s("123456")});
    if (run.exitCode != 0)
        qWarning("%s", run.describe().constData());
    return run.exitCode == 0;
}

void TestCliRecovery::serverAwayKeepsTheJob()
{
    QTemporaryDir work;
    const auto data = QDir(work.path()).filePath(s("server"));
    DevServerProcess server;
    QVERIFY2(server.start({s("--flavor"), s("sync"), s("--data"), data}),
             qPrintable(server.errorString()));
    const auto port = QString::number(server.port());
    CliRunner cli(QDir(work.path()).filePath(s("profile")), server.origin().toString());
    QVERIFY(login(cli, s("+15550003008")));
    server.stop();

    // Neither form may hang while the server is away; the job stays queued.
    const auto sent = cli.run({s("--json"), s("generate"), s("a hummingbird at dawn")});
    QVERIFY2(sent.exitCode == 2, sent.describe().constData());
    QVERIFY2(sent.errText().contains(s("Could not reach the server")), sent.describe().constData());
    // One job: the English singular from the CLI's plural catalogue, not "Jobs 1 stay".
    QVERIFY2(sent.errText().contains(s("stays in the profile")), sent.describe().constData());
    QCOMPARE(sent.object().value(s("state")).toString(), s("queued"));
    const auto waited = cli.run({s("wait")});
    QVERIFY2(waited.exitCode == 2, waited.describe().constData());
    const auto blocking = cli.run({s("generate"), s("a second hummingbird"), s("--wait")});
    QVERIFY2(blocking.exitCode == 2, blocking.describe().constData());
    const auto jobs = cli.run({s("--json"), s("jobs")});
    QCOMPARE(jobs.array().size(), 2);

    // Back on the same address with the same accounts: `wait` sends each job once.
    QVERIFY2(server.start({s("--flavor"), s("sync"), s("--data"), data, s("--port"), port}),
             qPrintable(server.errorString()));
    QTemporaryDir out;
    const auto resumed = cli.run({s("--json"), s("wait"), s("--out"), out.path()});
    QVERIFY2(resumed.exitCode == 0, resumed.describe().constData());
    QCOMPARE(resumed.array().size(), 2);
    for (const auto &job : resumed.array())
        QCOMPARE(job.toObject().value(s("state")).toString(), s("completed"));
    QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2);
    QCOMPARE(server.devState().value(s("generatePosts")).toInt(), 2);
}

void TestCliRecovery::killedDuringWaitFinishesOnce_data()
{
    QTest::addColumn<QStringList>("serverArguments");
    QTest::addColumn<bool>("answerInFlight"); // kill before the POST's answer arrives

    // Killed while polling: the job is pending with its task id in the profile.
    QTest::newRow("pending") << QStringList{s("--latency-ms"), s("3000")} << false;
    // Killed after the server took the POST but before it answered: the profile only knows
    // the job was being submitted, so `wait` must find it in the history, never resend.
    QTest::newRow("answer in flight")
        << QStringList{s("--latency-ms"), s("500"), s("--slow-ms"), s("4000")} << true;
}

void TestCliRecovery::killedDuringWaitFinishesOnce()
{
    QFETCH(QStringList, serverArguments);
    QFETCH(bool, answerInFlight);
    QTemporaryDir work;
    const auto log = QDir(work.path()).filePath(s("requests.jsonl"));
    DevServerProcess server;
    QVERIFY2(server.start(QStringList{s("--flavor"), s("async"), s("--log-requests"), log}
                          + serverArguments),
             qPrintable(server.errorString()));
    CliRunner cli(QDir(work.path()).filePath(s("profile")), server.origin().toString());
    QVERIFY(login(cli, s("+15550003007")));

    QProcess process;
    QByteArray stderrSeen;
    cli.start(process, {s("generate"), s("a tea house in the rain"), s("--wait")});
    QVERIFY(process.waitForStarted());
    if (answerInFlight) {
        QTRY_VERIFY_WITH_TIMEOUT(loggedPostsTo(log, generatePath).size() == 1, 20000);
        stderrSeen += process.readAllStandardError();
        QVERIFY2(!stderrSeen.contains("pending"), stderrSeen.constData());
    } else {
        QTRY_VERIFY_WITH_TIMEOUT((stderrSeen += process.readAllStandardError()).contains("pending"),
                                 20000);
    }
    process.kill();
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);

    QTemporaryDir out;
    const auto waited = cli.run({s("--json"), s("wait"), s("--out"), out.path()});
    QVERIFY2(waited.exitCode == 0, waited.describe().constData());
    QCOMPARE(loggedPostsTo(log, generatePath).size(), 1);

    const auto all = cli.run({s("--json"), s("jobs"), s("--all")});
    QCOMPARE(all.array().size(), 1);
    const auto job = all.array().first().toObject();
    QCOMPARE(job.value(s("state")).toString(), s("completed"));
    QVERIFY(QFileInfo(job.value(s("file")).toString()).isFile());
    QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 1);
    // The server made and charged one image.
    QCOMPARE(server.devState().value(s("generatePosts")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCliRecovery)
#include "tst_cli_recovery.moc"
