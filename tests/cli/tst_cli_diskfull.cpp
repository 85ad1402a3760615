// nanobanana-cli on a full disk (issue 15, defect 1). A file size limit (ulimit -f, with
// SIGXFSZ ignored so a write fails with EFBIG instead of killing the process) stands in for a
// full disk: it needs no privileges, and every write that grows a file fails, the database's
// log and the images alike. Whatever point a run reaches, it ends at once with a sentence and a
// non-zero exit code, nothing is charged twice, and `wait` saves every result once there is room.
#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

// Runs the CLI with every file it writes limited to `kib` KiB.
CliRunner::Run runLimited(const CliRunner &cli, int kib, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(CliRunner::environment());
    process.start(s("bash"),
                  QStringList{s("-c"), s("trap '' XFSZ; ulimit -f %1; exec \"$@\"").arg(kib),
                              s("bash"), s(NANOBANANA_CLI_PATH)}
                      + cli.fullArguments(arguments));
    CliRunner::Run run;
    if (!process.waitForStarted() || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out: the command hung";
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

} // namespace

class TestCliDiskFull final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskEndsInASentenceAndLosesNothing();
};

void TestCliDiskFull::fullDiskEndsInASentenceAndLosesNothing()
{
    QTemporaryDir work;
    DevServerProcess server;
    QVERIFY2(server.start({s("--flavor"), s("sync")}), qPrintable(server.errorString()));
    const QString profile = QDir(work.path()).filePath(s("profile"));
    CliRunner cli(profile, server.origin().toString());
    const auto login =
        cli.run({s("login"), s("--phone"), s("+15550003015"), s("--code"), s("123456")});
    QVERIFY2(login.exitCode == 0, login.describe().constData());
    QVERIFY(server.setStars(s("+15550003015"), 1000));

    // From "no room for the job" to "no room for the image": each run stops somewhere else.
    int refused = 0;
    for (const int kib : {64, 256, 512, 1024, 2048}) {
        const auto run = runLimited(cli, kib,
                                    {s("generate"), s("a lighthouse, limit %1").arg(kib),
                                     s("--wait"), s("--out"), work.path() + s("/out")});
        QVERIFY2(run.exitCode >= 0, run.describe().constData()); // never a hang, never a crash
        if (run.exitCode != 0) {
            QVERIFY2(run.errText().contains(s("The disk is full: free some space")),
                     run.describe().constData());
            ++refused;
        }
    }
    QVERIFY(refused > 0);

    // Room again: `wait` finishes and saves everything that was kept.
    QTemporaryDir out;
    const auto waited = cli.run({s("--json"), s("wait"), s("--out"), out.path()});
    QVERIFY2(waited.exitCode == 0, waited.describe().constData());
    const auto all = cli.run({s("--json"), s("jobs"), s("--all")});
    const int jobs = int(all.array().size());
    QVERIFY2(jobs >= 1, all.describe().constData());
    QSet<QString> linked;
    for (const auto &value : all.array()) {
        const auto job = value.toObject();
        QCOMPARE(job.value(s("state")).toString(), s("completed"));
        const QString file = job.value(s("file")).toString();
        QVERIFY2(QFileInfo(file).isFile(), qPrintable(file));
        linked.insert(QFileInfo(file).canonicalFilePath());
    }
    // Charged once per job kept, never for a job the profile lost.
    QCOMPARE(server.devState().value(s("generatePosts")).toInt(), jobs);
    // No image in the profile that no job links.
    for (QDirIterator it(profile + s("/images"), QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString file = QFileInfo(it.next()).canonicalFilePath();
        QVERIFY2(linked.contains(file), qPrintable(file));
    }
}

QTEST_GUILESS_MAIN(TestCliDiskFull)
#include "tst_cli_diskfull.moc"
