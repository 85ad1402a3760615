// nanobanana-cli styles: the dev server's catalogue, then the profile's copy with the server
// stopped; generate --template sends the style's id.
#include "support/clirunner.h"
#include "support/devserverprocess.h"
#include "support/requestlog.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliStyles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stylesOnlineThenOffline()
    {
        QTemporaryDir work;
        const QString log = QDir(work.path()).filePath(u"requests.jsonl"_s);
        DevServerProcess server;
        QVERIFY2(server.start({u"--log-requests"_s, log}), qPrintable(server.errorString()));
        CliRunner cli(QDir(work.path()).filePath(u"profile"_s), server.origin().toString());

        const auto listed = cli.run({u"--json"_s, u"styles"_s});
        QVERIFY2(listed.exitCode == 0, listed.describe().constData());
        QCOMPARE(listed.array().size(), 6);
        const QJsonObject first = listed.array().first().toObject();
        QCOMPARE(first.value(u"id").toString(), u"watercolor"_s);
        QCOMPARE(first.value(u"name").toString(), u"Watercolor"_s);
        QCOMPARE(first.value(u"category").toString(), u"art"_s);
        const auto text = cli.run({u"styles"_s});
        QVERIFY2(text.outText().contains(u"pixel-art  [art]  as 16-bit pixel art"_s),
                 text.describe().constData());

        const auto login =
            cli.run({u"login"_s, u"--phone"_s, u"+15550003007"_s, u"--code"_s, u"123456"_s});
        QVERIFY2(login.exitCode == 0, login.describe().constData());
        const auto sent = cli.run({u"generate"_s, u"a fox"_s, u"--template"_s, u"anime"_s});
        QVERIFY2(sent.exitCode == 0, sent.describe().constData());
        const auto posts = loggedPostsTo(log, u"/api/v1/nanobanana/generate"_s);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().value(u"templateId").toString(), u"anime"_s);

        server.stop();
        const auto offline = cli.run({u"--json"_s, u"styles"_s});
        QVERIFY2(offline.exitCode == 2, offline.describe().constData());
        QCOMPARE(offline.array().size(), 6);
        QVERIFY2(offline.errText().contains(u"last saw"_s), offline.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestCliStyles)
#include "tst_cli_styles.moc"
