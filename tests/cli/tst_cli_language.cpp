#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Runs the CLI with `lang` as the whole of the environment's language settings.
CliRunner::Run runIn(const QString &lang, const QStringList &arguments)
{
    auto env = CliRunner::environment();
    for (const QString &name : {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANGUAGE"_s})
        env.remove(name);
    env.insert(u"LANG"_s, lang);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(NANOBANANA_CLI_PATH), arguments);
    CliRunner::Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.json = QJsonDocument::fromJson(run.out);
    return run;
}

} // namespace

// Checks that the CLI follows LANG: its help reads in Persian under fa_IR, in English
// otherwise, and its --json output is the same in both.
class TestCliLanguage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpFollowsLang_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Persian") << u"fa_IR.UTF-8"_s << u"نمایش این راهنما"_s;
        QTest::newRow("English") << u"en_US.UTF-8"_s << u"show this help"_s;
        QTest::newRow("C") << u"C.UTF-8"_s << u"show this help"_s;
    }

    void helpFollowsLang()
    {
        QFETCH(QString, lang);
        QFETCH(QString, expected);
        const auto run = runIn(lang, {u"--help"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.outText().contains(expected), run.describe().constData());
    }

    void jsonDoesNotChangeWithTheLanguage()
    {
        DevServerProcess server;
        QVERIFY2(server.start({u"--seed-history"_s, u"20"_s}), qPrintable(server.errorString()));
        QTemporaryDir profile;
        const QStringList where{u"--server"_s, server.origin().toString(), u"--profile"_s,
                                profile.path()};
        const auto login =
            runIn(u"en_US.UTF-8"_s, where
                                        + QStringList{u"login"_s, u"--phone"_s, u"+15550004011"_s,
                                                      u"--code"_s, u"123456"_s});
        QVERIFY2(login.exitCode == 0, login.describe().constData());
        const auto sync = runIn(u"en_US.UTF-8"_s, where + QStringList{u"sync"_s});
        QVERIFY2(sync.exitCode == 0, sync.describe().constData());
        const QStringList list = where + QStringList{u"--json"_s, u"list"_s, u"--limit"_s, u"5"_s};
        const auto english = runIn(u"en_US.UTF-8"_s, list);
        const auto persian = runIn(u"fa_IR.UTF-8"_s, list);
        QVERIFY2(english.exitCode == 0, english.describe().constData());
        QVERIFY2(!english.json.isNull(), english.describe().constData());
        QCOMPARE(persian.exitCode, english.exitCode);
        QCOMPARE(persian.out, english.out);
        // Without --json the same command speaks Persian.
        const auto words =
            runIn(u"fa_IR.UTF-8"_s, where + QStringList{u"list"_s, u"--limit"_s, u"5"_s});
        QVERIFY2(words.exitCode == 0, words.describe().constData());
        QVERIFY2(QString(words.outText() + words.errText()).contains(u"۵ از ۲۰ رکورد مطابق"_s),
                 words.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_cli_language.moc"
