// nanobanana-cli's command line and sign-in, run as a process against the dev server.
#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QTemporaryDir>
#include <QTest>

class TestCliSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void usageErrorAsJson();
    void loginWithCode();
    void loginWithCodeOnStdin();
    void loginWithToken();
    void loginRejected_data();
    void loginRejected();
    void whoamiAndLogout();
    void serverRememberedPerProfile();

private:
    CliRunner::Run signedIn(CliRunner &cli, const QString &phone);

    DevServerProcess m_server;
};

void TestCliSession::initTestCase()
{
    QVERIFY2(m_server.start({QStringLiteral("--flavor"), QStringLiteral("sync")}),
             qPrintable(m_server.errorString()));
}

CliRunner::Run TestCliSession::signedIn(CliRunner &cli, const QString &phone)
{
    return cli.run({QStringLiteral("login"), QStringLiteral("--phone"), phone,
                    QStringLiteral("--code"), QStringLiteral("123456")});
}

void TestCliSession::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // on stdout

    QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                            << QStringLiteral("exit codes: 0 ok, 1 usage");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")}
                               << QStringLiteral("nanobanana-cli ");
    QTest::newRow("generate --help")
        << QStringList{QStringLiteral("generate"), QStringLiteral("--help")}
        << QStringLiteral("--ratio");
    QTest::newRow("--help list") << QStringList{QStringLiteral("--help"), QStringLiteral("list")}
                                 << QStringLiteral("--favorites");
    QTest::newRow("edit --help") << QStringList{QStringLiteral("edit"), QStringLiteral("--help")}
                                 << QStringLiteral("--image");
}

void TestCliSession::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const auto run = CliRunner::runBare(arguments);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY2(run.outText().contains(expected), run.describe().constData());
    QVERIFY2(run.err.isEmpty(), run.describe().constData());
}

void TestCliSession::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // on stderr

    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("no command") << QStringList{} << s("no command");
    QTest::newRow("unknown command") << QStringList{s("frobnicate")} << s("unknown command");
    QTest::newRow("unknown global option") << QStringList{s("--bogus")} << s("--bogus");
    QTest::newRow("unknown command option")
        << QStringList{s("list"), s("--bogus")} << s("'list' has no option --bogus");
    QTest::newRow("missing value") << QStringList{s("list"), s("--limit")} << s("needs a value");
    QTest::newRow("missing value of a global")
        << QStringList{s("whoami"), s("--server")} << s("needs a value");
    QTest::newRow("flag with a value")
        << QStringList{s("list"), s("--favorites=yes")} << s("takes no value");
    QTest::newRow("option twice") << QStringList{s("list"), s("--limit"), s("1"), s("--limit"),
                                                 s("2")}
                                  << s("given twice");
    QTest::newRow("too few arguments") << QStringList{s("show")} << s("usage:");
    QTest::newRow("too many arguments") << QStringList{s("show"), s("a"), s("b")} << s("usage:");
    QTest::newRow("arguments to a command without any")
        << QStringList{s("whoami"), s("extra")} << s("takes no arguments");
    QTest::newRow("generate without a prompt") << QStringList{s("generate")} << s("PROMPT");
}

void TestCliSession::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QTemporaryDir profile;
    QVERIFY(profile.isValid());
    CliRunner cli(profile.path(), m_server.origin().toString());
    const auto run = cli.run(arguments);
    QVERIFY2(run.exitCode == 1, run.describe().constData());
    QVERIFY2(run.errText().contains(expected), run.describe().constData());
    QVERIFY2(run.out.isEmpty(), run.describe().constData());
}

void TestCliSession::usageErrorAsJson()
{
    const auto run = CliRunner::runBare(
        {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("--bogus")});
    QVERIFY2(run.exitCode == 1, run.describe().constData());
    const auto error = run.object().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("exitCode")).toInt(), 1);
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("--bogus")),
             run.describe().constData());
    // A typo gets a sentence and a pointer, not the whole manual.
    const auto typo = CliRunner::runBare({QStringLiteral("lsit")});
    QVERIFY2(typo.exitCode == 1, typo.describe().constData());
    QVERIFY2(typo.err.count('\n') <= 3, typo.describe().constData());
}

void TestCliSession::loginWithCode()
{
    QTemporaryDir profile;
    CliRunner cli(profile.path(), m_server.origin().toString());
    const auto run = cli.run({QStringLiteral("--json"), QStringLiteral("login"),
                              QStringLiteral("--phone"), QStringLiteral("+15550002001"),
                              QStringLiteral("--code"), QStringLiteral("123456")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const auto user = run.object();
    QVERIFY2(!user.value(QStringLiteral("id")).toString().isEmpty(), run.describe().constData());
    QCOMPARE(user.value(QStringLiteral("phoneNumber")).toString(), QStringLiteral("+15550002001"));
    QCOMPARE(user.value(QStringLiteral("stars")).toDouble(), 30.0);

    const auto text = signedIn(cli, QStringLiteral("+15550002001"));
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.outText().startsWith(QStringLiteral("Signed in to ")),
             text.describe().constData());
}

void TestCliSession::loginWithCodeOnStdin()
{
    QTemporaryDir profile;
    CliRunner cli(profile.path(), m_server.origin().toString());
    const auto run = cli.run(
        {QStringLiteral("login"), QStringLiteral("--phone"), QStringLiteral("+15550002002")},
        "123456\n");
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY2(run.errText().contains(QStringLiteral("code was sent")), run.describe().constData());
    QVERIFY2(run.outText().contains(QStringLiteral("30 stars")), run.describe().constData());

    const auto whoami = cli.run({QStringLiteral("whoami")});
    QVERIFY2(whoami.exitCode == 0, whoami.describe().constData());

    // Nothing on stdin: a clear sentence, not a hang.
    QTemporaryDir other;
    CliRunner empty(other.path(), m_server.origin().toString());
    const auto none = empty.run(
        {QStringLiteral("login"), QStringLiteral("--phone"), QStringLiteral("+15550002002")});
    QVERIFY2(none.exitCode == 1, none.describe().constData());
    QVERIFY2(none.errText().contains(QStringLiteral("No code was entered")),
             none.describe().constData());
}

void TestCliSession::loginWithToken()
{
    const auto token = m_server.signIn(QStringLiteral("+15550002003"));
    QVERIFY(!token.isEmpty());
    QTemporaryDir profile;
    CliRunner cli(profile.path(), m_server.origin().toString());
    const auto run = cli.run({QStringLiteral("--json"), QStringLiteral("login"),
                              QStringLiteral("--token"), QString::fromLatin1(token)});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(run.object().value(QStringLiteral("phoneNumber")).toString(),
             QStringLiteral("+15550002003"));
    const auto whoami = cli.run({QStringLiteral("--json"), QStringLiteral("whoami")});
    QVERIFY2(whoami.exitCode == 0, whoami.describe().constData());
    QCOMPARE(whoami.object().value(QStringLiteral("phoneNumber")).toString(),
             QStringLiteral("+15550002003"));
}

void TestCliSession::loginRejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // on stderr

    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    // A rejected code or token means the user is still not signed in: exit 3, as for any
    // command that needs a sign-in. Exit 1 is for the command line itself.
    QTest::newRow("wrong code") << QStringList{s("login"), s("--phone"), s("+15550002004"),
                                               s("--code"), s("000000")}
                                << 3 << s("code");
    QTest::newRow("bad token") << QStringList{s("login"), s("--token"), s("not.a.token")} << 3
                               << s("sign");
    QTest::newRow("bad phone") << QStringList{s("login"), s("--phone"), s("12ab"), s("--code"),
                                              s("123456")}
                               << 1 << s("phone");
    QTest::newRow("neither phone nor token") << QStringList{s("login")} << 1 << s("--phone");
    QTest::newRow("both phone and token")
        << QStringList{s("login"), s("--phone"), s("+15550002004"), s("--token"), s("x")} << 1
        << s("either");
}

void TestCliSession::loginRejected()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QTemporaryDir profile;
    CliRunner cli(profile.path(), m_server.origin().toString());
    const auto run = cli.run(arguments);
    QVERIFY2(run.exitCode == exitCode, run.describe().constData());
    QVERIFY2(run.errText().contains(expected, Qt::CaseInsensitive), run.describe().constData());
    // A sentence: starts with the program name, ends with a full stop.
    QVERIFY2(run.errText().trimmed().endsWith(u'.'), run.describe().constData());
    const auto whoami = cli.run({QStringLiteral("whoami")});
    QVERIFY2(whoami.exitCode == 3, whoami.describe().constData());
}

void TestCliSession::whoamiAndLogout()
{
    const QString phone = QStringLiteral("+15550002005");
    QTemporaryDir profile;
    CliRunner cli(profile.path(), m_server.origin().toString());
    QVERIFY2(signedIn(cli, phone).exitCode == 0, signedIn(cli, phone).describe().constData());
    QVERIFY(m_server.setStars(phone, 17));

    const auto text = cli.run({QStringLiteral("whoami")});
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.outText().contains(QStringLiteral("17 stars")), text.describe().constData());

    const auto json = cli.run({QStringLiteral("whoami"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.describe().constData());
    QCOMPARE(json.object().value(QStringLiteral("stars")).toDouble(), 17.0);
    QCOMPARE(json.object().value(QStringLiteral("phoneNumber")).toString(), phone);
    QCOMPARE(json.object().value(QStringLiteral("offline")).toBool(true), false);

    const auto out = cli.run({QStringLiteral("logout")});
    QVERIFY2(out.exitCode == 0, out.describe().constData());
    const auto after = cli.run({QStringLiteral("whoami")});
    QVERIFY2(after.exitCode == 3, after.describe().constData());
    QVERIFY2(after.errText().contains(QStringLiteral("login")), after.describe().constData());
    const auto afterJson = cli.run({QStringLiteral("--json"), QStringLiteral("whoami")});
    QVERIFY2(afterJson.exitCode == 3, afterJson.describe().constData());
    QCOMPARE(afterJson.object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("exitCode"))
                 .toInt(),
             3);
}

void TestCliSession::serverRememberedPerProfile()
{
    QTemporaryDir profile;
    CliRunner cli(profile.path(), m_server.origin().toString());
    QVERIFY(signedIn(cli, QStringLiteral("+15550002006")).exitCode == 0);
    cli.setServer({});
    const auto whoami = cli.run({QStringLiteral("--json"), QStringLiteral("whoami")});
    QVERIFY2(whoami.exitCode == 0, whoami.describe().constData());
    QCOMPARE(whoami.object().value(QStringLiteral("server")).toString(),
             m_server.origin().toString());
}

QTEST_GUILESS_MAIN(TestCliSession)
#include "tst_cli_session.moc"
