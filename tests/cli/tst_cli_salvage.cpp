// A damaged database seen from nanobanana-cli (issue 15, defect 4): the next command sets it
// aside, brings back what only this computer knew, and says so on stderr with the counts.
#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

class TestCliSalvage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void damagedDatabaseKeepsWhatOnlyThisComputerKnew();
};

void TestCliSalvage::damagedDatabaseKeepsWhatOnlyThisComputerKnew()
{
    QTemporaryDir work;
    DevServerProcess server;
    QVERIFY2(server.start({s("--flavor"), s("sync")}), qPrintable(server.errorString()));
    const QString profile = QDir(work.path()).filePath(s("profile"));
    CliRunner cli(profile, server.origin().toString());
    const auto login =
        cli.run({s("login"), s("--phone"), s("+15550003016"), s("--code"), s("123456")});
    QVERIFY2(login.exitCode == 0, login.describe().constData());
    const auto made = cli.run({s("--json"), s("generate"), s("a moth at a lamp"), s("--wait"),
                               s("--out"), work.path() + s("/out")});
    QVERIFY2(made.exitCode == 0, made.describe().constData());
    const QString imageId = made.object().value(s("imageId")).toString();
    QVERIFY2(!imageId.isEmpty(), made.describe().constData());
    const auto favourite = cli.run({s("favorite"), imageId});
    QVERIFY2(favourite.exitCode == 0, favourite.describe().constData());

    // An earlier check found the file damaged (the desktop app's deferred check leaves this
    // mark): the next command sets it aside.
    QFile marker(profile + s("/studio.sqlite.damaged"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.write("Page 12: btreeInitPage() returns error code 11");
    marker.close();

    const auto jobs = cli.run({s("--json"), s("jobs"), s("--all")});
    QVERIFY2(jobs.exitCode == 0, jobs.describe().constData());
    QVERIFY2(jobs.errText().contains(s("What only this computer knew came back from the "
                                       "damaged file: 1 favourite, 0 hidden images, 1 job and "
                                       "1 link to an image on this computer.")),
             jobs.describe().constData());
    QCOMPARE(jobs.array().size(), 1);
    const auto job = jobs.array().first().toObject();
    QCOMPARE(job.value(s("state")).toString(), s("completed"));
    QVERIFY(QFileInfo(job.value(s("file")).toString()).isFile());
    const auto favourites = cli.run({s("--json"), s("list"), s("--favorites")});
    QVERIFY2(favourites.exitCode == 0, favourites.describe().constData());
    const auto records = favourites.object().value(s("records")).toArray();
    QCOMPARE(records.size(), 1);
    QVERIFY(QFileInfo(records.first().toObject().value(s("file")).toString()).isFile());
    // Said once: the next command finds a sound database.
    const auto again = cli.run({s("jobs")});
    QVERIFY2(!again.errText().contains(s("came back")), again.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliSalvage)
#include "tst_cli_salvage.moc"
