// The CLI and the desktop app share one default profile: `nanobanana-cli login` signs the app
// in too, and a default profile an older version left behind is carried over.
#include "appservices.h"
#include "session/session.h"
#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliSharedProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void cliLoginSignsTheAppIn();
    void oldCliProfileCarriedOver();

private:
    QString sharedProfile() const
    {
        return m_home->filePath(u"nanobanana-studio/profiles/default"_s);
    }
    // Opens the default profile as the desktop app does (its application name, no --profile)
    // and says whether it restores a signed-in session.
    void expectAppSignedIn();

    DevServerProcess m_server;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliSharedProfile::initTestCase()
{
    QVERIFY2(m_server.start({u"--flavor"_s, u"sync"_s}), qPrintable(m_server.errorString()));
    // The app keeps the token where the CLI (run without a keychain) does.
    qputenv("NANOBANANA_NO_KEYCHAIN", "1");
    qunsetenv("NANOBANANA_PROFILE");
    qunsetenv("NANOBANANA_SERVER");
}

void TestCliSharedProfile::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    // CliRunner passes the test's environment on, so both programs see this data home.
    qputenv("XDG_DATA_HOME", m_home->path().toLocal8Bit());
}

void TestCliSharedProfile::cleanupTestCase()
{
    qunsetenv("XDG_DATA_HOME");
    qunsetenv("NANOBANANA_NO_KEYCHAIN");
}

void TestCliSharedProfile::expectAppSignedIn()
{
    QCoreApplication::setOrganizationName(u"NanoBanana"_s);
    QCoreApplication::setApplicationName(u"NanoBanana Studio"_s);
    AppServices::Options options;
    options.desktop = true;
    AppServices services(options);
    const auto opened = services.open();
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().userMessage));
    QCOMPARE(services.profile().rootPath(), sharedProfile());
    QCOMPARE(services.server(), m_server.origin()); // remembered by the CLI's login
    QSignalSpy restored(&services.session(), &Session::restored);
    services.session().restore();
    QVERIFY(restored.wait(10000));
    QVERIFY(services.session().isSignedIn());
}

void TestCliSharedProfile::cliLoginSignsTheAppIn()
{
    const auto login =
        CliRunner::runBare({u"--server"_s, m_server.origin().toString(), u"login"_s, u"--phone"_s,
                            u"+15550003001"_s, u"--code"_s, u"123456"_s});
    QVERIFY2(login.exitCode == 0, login.describe().constData());
    QVERIFY(QFileInfo::exists(sharedProfile() + u"/token"_s));
    expectAppSignedIn();
}

void TestCliSharedProfile::oldCliProfileCarriedOver()
{
    // Where nanobanana-cli 0.1 kept its default profile (AppDataLocation).
    const QString old = m_home->filePath(u"NanoBanana/nanobanana-cli/profiles/default"_s);
    CliRunner oldCli(old, m_server.origin().toString());
    const auto login =
        oldCli.run({u"login"_s, u"--phone"_s, u"+15550003002"_s, u"--code"_s, u"123456"_s});
    QVERIFY2(login.exitCode == 0, login.describe().constData());

    const auto whoami = CliRunner::runBare({u"--json"_s, u"whoami"_s});
    QVERIFY2(whoami.exitCode == 0, whoami.describe().constData());
    QVERIFY(!QFileInfo::exists(old));
    expectAppSignedIn();
}

QTEST_GUILESS_MAIN(TestCliSharedProfile)
#include "tst_cli_sharedprofile.moc"
