// nanobanana-cli's generate / edit / jobs / wait / cancel / retry / characters, run as processes
// against dev servers of the asynchronous flavour.
#include "support/clirunner.h"
#include "support/devserverprocess.h"
#include "support/requestlog.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

// A real JPEG (or PNG) of the given size with some structure in it.
bool writeImage(const QString &path, int width, int height, const char *format)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 255 / width, y * 255 / height, 128));
    return image.save(path, format);
}

const QString generatePath = QStringLiteral("/api/v1/nanobanana/generate");

} // namespace

class TestCliJobs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptanceScript();
    void generateThenWait();
    void cancelPending();
    void retryAfterInsufficientStars();
    void badJobInputs_data();
    void badJobInputs();
    void edit();
    void failedJobExitsFour();
    void characters();

private:
    bool login(const CliRunner &cli, const QString &phone);

    DevServerProcess m_inputServer; // badJobInputs' rows share one server and profile
    QTemporaryDir m_inputProfile;
};

bool TestCliJobs::login(const CliRunner &cli, const QString &phone)
{
    const auto run = cli.run({s("login"), s("--phone"), phone, s("--code"), s("123456")});
    if (run.exitCode != 0)
        qWarning("%s", run.describe().constData());
    return run.exitCode == 0;
}

void TestCliJobs::acceptanceScript()
{
    DevServerProcess server;
    QVERIFY2(server.start({s("--flavor"), s("async"), s("--otp"), s("123456")}),
             qPrintable(server.errorString()));
    QTemporaryDir work;
    QVERIFY(work.isValid());
    QVERIFY(writeImage(QDir(work.path()).filePath(s("fox.jpg")), 90, 120, "JPEG"));
    QCOMPARE(QImageReader(QDir(work.path()).filePath(s("fox.jpg"))).format(), QByteArray("jpeg"));

    const auto run = [&](const QStringList &arguments) {
        return CliRunner::runBare(arguments, {}, 60000, work.path());
    };
    const auto login = run({s("--server"), server.origin().toString(), s("--profile"), s("p"),
                            s("login"), s("--phone"), s("+15550001111"), s("--code"), s("123456")});
    QVERIFY2(login.exitCode == 0, login.describe().constData());

    const auto generate =
        run({s("--profile"), s("p"), s("generate"), s("a red fox in snow"), s("--ref"),
             s("fox.jpg"), s("--ratio"), s("3:4"), s("--wait"), s("--out"), s("out")});
    QVERIFY2(generate.exitCode == 0, generate.describe().constData());

    const QDir out(QDir(work.path()).filePath(s("out")));
    const auto files = out.entryInfoList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QImageReader reader(files.first().absoluteFilePath());
    const auto format = reader.format();
    QVERIFY2(format == "png" || format == "jpeg", format.constData());
    const auto suffix = files.first().suffix().toLower();
    QVERIFY2(format == "png" ? suffix == u"png" : (suffix == u"jpg" || suffix == u"jpeg"),
             qPrintable(files.first().fileName()));
    const auto size = reader.size();
    QVERIFY(size.isValid());
    // 3:4 within a pixel of rounding.
    QVERIFY2(qAbs(size.width() * 4 - size.height() * 3) <= 4,
             qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
    QVERIFY2(generate.outText().contains(files.first().fileName()),
             generate.describe().constData());

    const auto sync = run({s("--profile"), s("p"), s("sync")});
    QVERIFY2(sync.exitCode == 0, sync.describe().constData());
    const auto list =
        run({s("--profile"), s("p"), s("list"), s("--search"), s("fox"), s("--json")});
    QVERIFY2(list.exitCode == 0, list.describe().constData());
    const auto records = list.object().value(s("records")).toArray();
    bool found = false;
    for (const auto &value : records) {
        const auto record = value.toObject();
        if (record.value(s("prompt")).toString() == u"a red fox in snow") {
            QCOMPARE(record.value(s("status")).toString(), s("completed"));
            found = true;
        }
    }
    QVERIFY2(found, list.describe().constData());
}

void TestCliJobs::generateThenWait()
{
    DevServerProcess server;
    QVERIFY2(server.start({s("--latency-ms"), s("1500")}), qPrintable(server.errorString()));
    QTemporaryDir profile;
    CliRunner cli(profile.path(), server.origin().toString());
    QVERIFY(login(cli, s("+15550003001")));

    const auto sent = cli.run({s("--json"), s("generate"), s("a lighthouse at dawn")});
    QVERIFY2(sent.exitCode == 0, sent.describe().constData());
    const auto jobId = sent.object().value(s("job")).toInteger();
    QVERIFY2(jobId > 0, sent.describe().constData());
    QCOMPARE(sent.object().value(s("state")).toString(), s("pending"));

    const auto pending = cli.run({s("jobs"), s("--json")});
    QVERIFY2(pending.exitCode == 0, pending.describe().constData());
    QCOMPARE(pending.array().size(), 1);
    QCOMPARE(pending.array().first().toObject().value(s("job")).toInteger(), jobId);
    QCOMPARE(pending.array().first().toObject().value(s("state")).toString(), s("pending"));
    const auto pendingText = cli.run({s("jobs")});
    QVERIFY2(pendingText.outText().contains(s("pending")), pendingText.describe().constData());

    QTemporaryDir out;
    const auto waited = cli.run({s("--json"), s("wait"), s("--out"), out.path()});
    QVERIFY2(waited.exitCode == 0, waited.describe().constData());
    QCOMPARE(waited.array().size(), 1); // `wait` always answers an array
    const auto waitedJob = waited.array().first().toObject();
    QCOMPARE(waitedJob.value(s("state")).toString(), s("completed"));
    const auto saved = waitedJob.value(s("saved")).toString();
    QVERIFY2(QFileInfo(saved).isFile(), waited.describe().constData());
    QCOMPARE(QFileInfo(saved).absolutePath(), QDir(out.path()).absolutePath());
    QVERIFY(!QImageReader(saved).read().isNull());

    // Another profile's job 1 saved into the same folder keeps both images.
    QTemporaryDir otherProfile;
    CliRunner other(otherProfile.path(), server.origin().toString());
    QVERIFY(login(other, s("+15550003010")));
    const auto second =
        other.run({s("generate"), s("a lighthouse at dusk"), s("--wait"), s("--out"), out.path()});
    QVERIFY2(second.exitCode == 0, second.describe().constData());
    QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2);
    // Saving the same job again does not make a copy.
    QCOMPARE(cli.run({s("wait"), s("1"), s("--out"), out.path()}).exitCode, 0);
    QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2);

    const auto none = cli.run({s("jobs")});
    QVERIFY2(none.exitCode == 0, none.describe().constData());
    QVERIFY2(none.outText().contains(s("No unfinished jobs")), none.describe().constData());
    const auto all = cli.run({s("jobs"), s("--all"), s("--json")});
    QCOMPARE(all.array().size(), 1);
    QCOMPARE(all.array().first().toObject().value(s("state")).toString(), s("completed"));
    const auto allText = cli.run({s("jobs"), s("--all")});
    QVERIFY2(allText.outText().contains(s("completed")), allText.describe().constData());
    QVERIFY2(allText.outText().contains(s("a lighthouse at dawn")), allText.describe().constData());
}

void TestCliJobs::cancelPending()
{
    DevServerProcess server;
    QVERIFY2(server.start({s("--latency-ms"), s("60000")}), qPrintable(server.errorString()));
    QTemporaryDir profile;
    CliRunner cli(profile.path(), server.origin().toString());
    QVERIFY(login(cli, s("+15550003002")));
    const auto sent = cli.run({s("--json"), s("generate"), s("a koi pond")});
    QVERIFY2(sent.exitCode == 0, sent.describe().constData());
    const auto jobId = QString::number(sent.object().value(s("job")).toInteger());

    const auto cancelled = cli.run({s("cancel"), jobId});
    QVERIFY2(cancelled.exitCode == 0, cancelled.describe().constData());
    QVERIFY2(cancelled.outText().contains(s("may still finish")), cancelled.describe().constData());
    QVERIFY2(cancelled.outText().contains(s("charge")), cancelled.describe().constData());

    const auto all = cli.run({s("--json"), s("jobs"), s("--all")});
    QCOMPARE(all.array().first().toObject().value(s("state")).toString(), s("cancelled"));
    const auto again = cli.run({s("cancel"), jobId});
    QVERIFY2(again.exitCode == 1, again.describe().constData());
    const auto unknown = cli.run({s("cancel"), s("999")});
    QVERIFY2(unknown.exitCode == 1, unknown.describe().constData());
}

void TestCliJobs::retryAfterInsufficientStars()
{
    DevServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString phone = s("+15550003003");
    QTemporaryDir profile;
    CliRunner cli(profile.path(), server.origin().toString());
    QVERIFY(login(cli, phone));
    QVERIFY(server.setStars(phone, 5));

    const auto failed = cli.run({s("--json"), s("generate"), s("a vintage car"), s("--wait")});
    QVERIFY2(failed.exitCode == 4, failed.describe().constData());
    QCOMPARE(failed.object().value(s("state")).toString(), s("failed"));
    QVERIFY2(failed.errText().contains(s("star"), Qt::CaseInsensitive),
             failed.describe().constData());
    const auto jobId = QString::number(failed.object().value(s("job")).toInteger());

    const auto notFailed = cli.run({s("retry"), s("999")});
    QVERIFY2(notFailed.exitCode == 1, notFailed.describe().constData());

    QVERIFY(server.setStars(phone, 30));
    QTemporaryDir out;
    const auto retried =
        cli.run({s("--json"), s("retry"), jobId, s("--wait"), s("--out"), out.path()});
    QVERIFY2(retried.exitCode == 0, retried.describe().constData());
    QCOMPARE(retried.object().value(s("state")).toString(), s("completed"));
    QVERIFY(QFileInfo(retried.object().value(s("saved")).toString()).isFile());
    const auto state = server.devState();
    QCOMPARE(state.value(s("generatePosts")).toInt(), 2);
}

void TestCliJobs::badJobInputs_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // on stderr

    QTest::newRow("aspect ratio") << QStringList{s("generate"), s("fox"), s("--ratio"), s("7:5")}
                                  << s("7:5");
    QTest::newRow("resolution") << QStringList{s("generate"), s("fox"), s("--resolution"), s("8K")}
                                << s("1K, 2K or 4K");
    QTest::newRow("empty prompt") << QStringList{s("generate"), s("  ")} << s("prompt");
    QTest::newRow("missing reference")
        << QStringList{s("generate"), s("fox"), s("--ref"), s("/nonexistent/fox.jpg")}
        << s("/nonexistent/fox.jpg");
    QStringList six{s("generate"), s("fox")};
    for (int i = 0; i < 6; ++i)
        six << s("--ref") << s("/nonexistent/fox.jpg");
    QTest::newRow("six references") << six << s("At most 5");
    QTest::newRow("--out without --wait")
        << QStringList{s("generate"), s("fox"), s("--out"), s("x")} << s("--wait");
    QTest::newRow("unknown job") << QStringList{s("wait"), s("12345")} << s("no job 12345");
    QTest::newRow("not a job number") << QStringList{s("wait"), s("abc")} << s("no job abc");
}

void TestCliJobs::badJobInputs()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    if (!m_inputServer.port()) {
        QVERIFY2(m_inputServer.start(), qPrintable(m_inputServer.errorString()));
        QVERIFY(m_inputProfile.isValid());
    }
    CliRunner cli(m_inputProfile.path(), m_inputServer.origin().toString());
    if (!QFile::exists(QDir(m_inputProfile.path()).filePath(s("token"))))
        QVERIFY(login(cli, s("+15550003009")));
    const auto run = cli.run(arguments);
    QVERIFY2(run.exitCode == 1, run.describe().constData());
    QVERIFY2(run.errText().contains(expected), run.describe().constData());
    QCOMPARE(m_inputServer.devState().value(s("generatePosts")).toInt(), 0);
    QCOMPARE(cli.run({s("--json"), s("jobs"), s("--all")}).array().size(), 0);
}

void TestCliJobs::edit()
{
    DevServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTemporaryDir work;
    const auto image = QDir(work.path()).filePath(s("cat.png"));
    QVERIFY(writeImage(image, 64, 64, "PNG"));
    CliRunner cli(QDir(work.path()).filePath(s("profile")), server.origin().toString());
    QVERIFY(login(cli, s("+15550003004")));

    const auto outWithoutWait =
        cli.run({s("edit"), s("make it blue"), s("--image"), image, s("--out"), work.path()});
    QVERIFY2(outWithoutWait.exitCode == 1, outWithoutWait.describe().constData());
    QVERIFY2(outWithoutWait.errText().contains(s("--wait")), outWithoutWait.describe().constData());
    const auto missing = cli.run({s("edit"), s("make it blue")});
    QVERIFY2(missing.exitCode == 1, missing.describe().constData());
    QVERIFY2(missing.errText().contains(s("--image")), missing.describe().constData());
    const auto noFile =
        cli.run({s("edit"), s("make it blue"), s("--image"), s("/nonexistent.png")});
    QVERIFY2(noFile.exitCode == 1, noFile.describe().constData());
    QCOMPARE(server.devState().value(s("editPosts")).toInt(), 0);

    const auto out = QDir(work.path()).filePath(s("out"));
    const auto run = cli.run({s("--json"), s("edit"), s("make it blue"), s("--image"), image,
                              s("--wait"), s("--out"), out});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(run.object().value(s("kind")).toString(), s("edit"));
    QVERIFY(QFileInfo(run.object().value(s("saved")).toString()).isFile());
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), 1);
    QCOMPARE(server.devState().value(s("editPosts")).toInt(), 1);
}

void TestCliJobs::failedJobExitsFour()
{
    DevServerProcess server;
    QVERIFY2(server.start({s("--fail-rate"), s("1")}), qPrintable(server.errorString()));
    QTemporaryDir profile;
    CliRunner cli(profile.path(), server.origin().toString());
    QVERIFY(login(cli, s("+15550003005")));
    const auto run = cli.run({s("generate"), s("a small dragon"), s("--wait")});
    QVERIFY2(run.exitCode == 4, run.describe().constData());
    // The server's own reason reaches the user.
    // An error sentence on stderr carrying the server's own reason.
    const QString all = run.errText();
    QVERIFY2(all.contains(s("nanobanana-cli: job")), run.describe().constData());
    QVERIFY2(all.contains(s("Content policy violation")) || all.contains(s("Generation failed")),
             run.describe().constData());

    const auto json = cli.run({s("--json"), s("jobs"), s("--all")});
    const auto job = json.array().first().toObject();
    QCOMPARE(job.value(s("state")).toString(), s("failed"));
    QVERIFY(!job.value(s("serverMessage")).toString().isEmpty());
}

void TestCliJobs::characters()
{
    QTemporaryDir work;
    const auto log = QDir(work.path()).filePath(s("requests.jsonl"));
    DevServerProcess server;
    QVERIFY2(server.start({s("--log-requests"), log}), qPrintable(server.errorString()));
    const QString phone = s("+15550003006");
    CliRunner cli(QDir(work.path()).filePath(s("profile")), server.origin().toString());
    QVERIFY(login(cli, phone));

    const auto none = cli.run({s("characters")});
    QVERIFY2(none.exitCode == 0, none.describe().constData());
    QVERIFY2(none.outText().contains(s("No characters")), none.describe().constData());

    const auto token = server.signIn(phone);
    QList<DevServerProcess::FormPart> parts{{"name", "Ana"}};
    for (int i = 0; i < 3; ++i) {
        QByteArray png;
        {
            QImage image(32, 32, QImage::Format_RGB32);
            image.fill(qRgb(40 * i, 90, 200));
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
        }
        parts.append({"images", png, "ana" + QByteArray::number(i) + ".png", "image/png"});
    }
    const auto [body, contentType] = DevServerProcess::multipart(parts);
    const auto created = server.request("POST", s("/api/v1/characters"), body, contentType, token);
    QCOMPARE(created.status, 201);
    const auto character =
        created.json.value(s("data")).toObject().value(s("character")).toObject();
    const auto characterId = character.value(s("id")).toString();
    QVERIFY(!characterId.isEmpty());

    // Not in the local cache yet: generate must fetch the list itself.
    const auto run = cli.run(
        {s("--json"), s("generate"), s("Ana on a quiet beach"), s("--character"), characterId});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const auto posts = loggedPostsTo(log, generatePath);
    QCOMPARE(posts.size(), 1);
    const auto fields = posts.first().value(s("fields")).toArray();
    QVERIFY2(fields.contains(s("characterImageUrls")),
             QJsonDocument(posts.first()).toJson().constData());

    const auto listed = cli.run({s("characters")});
    QVERIFY2(listed.exitCode == 0, listed.describe().constData());
    QVERIFY2(listed.outText().contains(characterId), listed.describe().constData());
    QVERIFY2(listed.outText().contains(s("Ana")), listed.describe().constData());
    const auto json = cli.run({s("--json"), s("characters")});
    QCOMPARE(json.array().size(), 1);
    QCOMPARE(json.array().first().toObject().value(s("images")).toArray().size(), 3);

    const auto unknown =
        cli.run({s("generate"), s("nobody"), s("--character"), s("000000000000000000000000")});
    QVERIFY2(unknown.exitCode == 1, unknown.describe().constData());
    QCOMPARE(loggedPostsTo(log, generatePath).size(), 1);
}

QTEST_GUILESS_MAIN(TestCliJobs)
#include "tst_cli_jobs.moc"
