// nanobanana-cli sync --images and export --with-images against a dev server some of whose
// uploads are gone (200 text/html): the counts, a second run that fetches nothing, and an
// export that writes an image for every completed record the server still has.
#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

class TestCliImages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void syncImagesCounts();
    void secondRunFetchesNothing();
    void exportWritesEveryImageTheServerHas();
    void exportOfflineSaysWhy(); // stops the server: keep it last

private:
    QJsonObject user();
    int uploadGets() { return m_server.devState().value(s("uploadGets")).toInt(); }

    DevServerProcess m_server;
    QTemporaryDir m_work;
    std::unique_ptr<CliRunner> m_cli;
    const QString m_phone = s("+15550006001");
    qint64 m_onServer = 0;
    qint64 m_gone = 0;
};

QJsonObject TestCliImages::user()
{
    for (const auto &u : m_server.devState().value(s("users")).toArray()) {
        if (u.toObject().value(s("phoneNumber")).toString() == m_phone)
            return u.toObject();
    }
    return {};
}

void TestCliImages::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(m_server.start({s("--flavor"), s("sync"), s("--seed-history"), s("120"),
                             s("--missing-uploads"), s("0.15")}),
             qPrintable(m_server.errorString()));
    m_cli = std::make_unique<CliRunner>(QDir(m_work.path()).filePath(s("profile")),
                                        m_server.origin().toString());
    const auto login = m_cli->run({s("login"), s("--phone"), m_phone, s("--code"), s("123456")});
    QVERIFY2(login.exitCode == 0, login.describe().constData());
}

void TestCliImages::syncImagesCounts()
{
    const int before = uploadGets();
    const auto run = m_cli->run({s("--json"), s("sync"), s("--images")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const auto images = run.object().value(s("images")).toObject();
    m_onServer = user().value(s("imagesOnServer")).toInteger();
    QVERIFY(m_onServer > 50);
    QCOMPARE(images.value(s("downloaded")).toInteger(), m_onServer);
    QCOMPARE(images.value(s("alreadyHere")).toInteger(), 0);
    QCOMPARE(images.value(s("failed")).toInteger(), 0);
    m_gone = images.value(s("gone")).toInteger();
    QVERIFY2(m_gone > 0, run.describe().constData());
    QCOMPARE(uploadGets() - before, int(m_onServer + m_gone));
    // Progress went to stderr, the result alone to stdout.
    QVERIFY2(run.errText().contains(s("images:")), run.describe().constData());
}

void TestCliImages::secondRunFetchesNothing()
{
    const int before = uploadGets();
    const auto run = m_cli->run({s("--json"), s("sync"), s("--images")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const auto images = run.object().value(s("images")).toObject();
    QCOMPARE(images.value(s("downloaded")).toInteger(), 0);
    QCOMPARE(images.value(s("alreadyHere")).toInteger(), m_onServer);
    QCOMPARE(images.value(s("gone")).toInteger(), m_gone);
    QCOMPARE(uploadGets() - before, 0);
}

void TestCliImages::exportWritesEveryImageTheServerHas()
{
    // A fresh profile: export fetches what it lacks before writing.
    CliRunner fresh(QDir(m_work.path()).filePath(s("fresh")), m_server.origin().toString());
    QVERIFY(fresh.run({s("login"), s("--phone"), m_phone, s("--code"), s("123456")}).exitCode == 0);
    QVERIFY(fresh.run({s("sync")}).exitCode == 0);
    QTemporaryDir out;
    const auto run = fresh.run({s("--json"), s("export"), out.path(), s("--with-images")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const auto files = QDir(QDir(out.path()).filePath(s("images"))).entryList(QDir::Files);
    QCOMPARE(files.size(), int(m_onServer));
    QCOMPARE(run.object().value(s("images")).toInteger(), m_onServer);
    QCOMPARE(run.object().value(s("imagesGone")).toInteger(), m_gone);
    QCOMPARE(run.object().value(s("imagesMissing")).toInteger(), 0);

    // The text says in one sentence what could not be had and why.
    QTemporaryDir again;
    const auto text = fresh.run({s("export"), again.path(), s("--with-images")});
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.outText().contains(s("gone from the server")), text.describe().constData());
}

void TestCliImages::exportOfflineSaysWhy()
{
    CliRunner offline(QDir(m_work.path()).filePath(s("offline")), m_server.origin().toString());
    QVERIFY(offline.run({s("login"), s("--phone"), m_phone, s("--code"), s("123456")}).exitCode
            == 0);
    QVERIFY(offline.run({s("sync")}).exitCode == 0);
    m_server.stop();
    QTemporaryDir out;
    const auto run = offline.run({s("export"), out.path(), s("--with-images")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY2(run.outText().contains(s("could not be reached")), run.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliImages)
#include "tst_cli_images.moc"
