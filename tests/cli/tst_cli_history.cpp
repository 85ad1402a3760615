// nanobanana-cli's sync / list / show / favorite / hide / export against a seeded dev server,
// offline behaviour, and two accounts on one machine.
#include "support/clirunner.h"
#include "support/devserverprocess.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QString typeName(const QString &serverType)
{
    if (serverType == u"TEXTTOIAMGE")
        return s("generate");
    if (serverType == u"IMAGETOIAMGE")
        return s("edit");
    return s("other");
}

QStringList ids(const QJsonArray &records)
{
    QStringList out;
    for (const auto &r : records)
        out.append(r.toObject().value(QStringLiteral("id")).toString());
    return out;
}

} // namespace

class TestCliHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listFilters_data();
    void listFilters();
    void limitAndOrder();
    void textColumns();
    void showRecord();
    void favoriteAndHide();
    void exportFiles_data();
    void exportFiles();
    void secondAccountSeesNothingOfTheFirst();
    void offline(); // stops the server: keep it last

private:
    QJsonArray serverRecords(const QString &phone);
    CliRunner::Run list(const QStringList &arguments);

    DevServerProcess m_server;
    QTemporaryDir m_work;
    std::unique_ptr<CliRunner> m_cli;
    QJsonArray m_records; // the server's history of the first account, newest first
    const QString m_phone = s("+15550004001");
};

QJsonArray TestCliHistory::serverRecords(const QString &phone)
{
    const auto token = m_server.signIn(phone);
    return m_server.request("GET", s("/api/v1/nanobanana/images?limit=100000"), {}, {}, token)
        .json.value(s("data"))
        .toObject()
        .value(s("images"))
        .toArray();
}

CliRunner::Run TestCliHistory::list(const QStringList &arguments)
{
    return m_cli->run(QStringList{s("--json"), s("list"), s("--limit"), s("100000")} + arguments);
}

void TestCliHistory::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(m_server.start({s("--flavor"), s("sync"), s("--seed-history"), s("150")}),
             qPrintable(m_server.errorString()));
    m_cli = std::make_unique<CliRunner>(QDir(m_work.path()).filePath(s("profile")),
                                        m_server.origin().toString());
    const auto login = m_cli->run({s("login"), s("--phone"), m_phone, s("--code"), s("123456")});
    QVERIFY2(login.exitCode == 0, login.describe().constData());
    // One record with a downloaded image, for export --with-images.
    const auto generated = m_cli->run({s("generate"), s("a red fox at the window"), s("--wait"),
                                       s("--out"), QDir(m_work.path()).filePath(s("out"))});
    QVERIFY2(generated.exitCode == 0, generated.describe().constData());
    const auto sync = m_cli->run({s("--json"), s("sync")});
    QVERIFY2(sync.exitCode == 0, sync.describe().constData());
    m_records = serverRecords(m_phone);
    QCOMPARE(m_records.size(), 151);
    QCOMPARE(sync.object().value(s("fetched")).toInt(), 151);
}

void TestCliHistory::listFilters_data()
{
    QTest::addColumn<QStringList>("arguments"); // besides --search
    QTest::addColumn<QString>("status"); // expected filter on the server's records; empty: any
    QTest::addColumn<QString>("type");
    // The --search term: literal, or "<persian>" / "<english>" for a word taken from the
    // seeded history (it differs per run: the seed hangs on the random user id).
    QTest::addColumn<QString>("search");

    QTest::newRow("everything") << QStringList{} << QString() << QString() << QString();
    for (const char *status : {"completed", "failed", "pending"})
        QTest::addRow("--status %s", status)
            << QStringList{s("--status"), s(status)} << s(status) << QString() << QString();
    for (const char *type : {"generate", "edit", "other"})
        QTest::addRow("--type %s", type)
            << QStringList{s("--type"), s(type)} << QString() << s(type) << QString();
    QTest::newRow("--status failed --type edit")
        << QStringList{s("--status"), s("failed"), s("--type"), s("edit")} << s("failed")
        << s("edit") << QString();
    QTest::newRow("--search fox") << QStringList{} << QString() << QString() << s("fox");
    QTest::newRow("--search FOX (case)") << QStringList{} << QString() << QString() << s("FOX");
    QTest::newRow("--search english word")
        << QStringList{} << QString() << QString() << s("<english>");
    QTest::newRow("--search persian word")
        << QStringList{} << QString() << QString() << s("<persian>");
    QTest::newRow("--search persian word, completed")
        << QStringList{s("--status"), s("completed")} << s("completed") << QString()
        << s("<persian>");
    QTest::newRow("--search no such word")
        << QStringList{} << QString() << QString() << s("zzyzxq");
}

// The longest word (3+ letters) of the first prompt in the wanted script.
static QString wordFromHistory(const QJsonArray &records, bool persian)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    for (const auto &value : records) {
        const auto prompt = value.toObject().value(QStringLiteral("prompt")).toString();
        const bool isPersian = prompt.contains(QRegularExpression(QStringLiteral("\\p{Arabic}")));
        if (isPersian != persian)
            continue;
        QString best;
        for (const auto &word : prompt.split(separators, Qt::SkipEmptyParts))
            if (word.size() >= 3 && word.size() > best.size())
                best = word;
        if (!best.isEmpty())
            return best;
    }
    return {};
}

// What the CLI promises: every word of the search matches the start of a word of the prompt.
static bool matchesSearch(const QString &prompt, const QString &search)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const auto words = prompt.split(separators, Qt::SkipEmptyParts);
    for (const auto &term : search.split(separators, Qt::SkipEmptyParts)) {
        const bool found = std::any_of(words.cbegin(), words.cend(), [&](const QString &w) {
            return w.startsWith(term, Qt::CaseInsensitive);
        });
        if (!found)
            return false;
    }
    return true;
}

void TestCliHistory::listFilters()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, status);
    QFETCH(QString, type);
    QFETCH(QString, search);

    const bool fromHistory = search.startsWith(u'<');
    if (fromHistory) {
        search = wordFromHistory(m_records, search == u"<persian>");
        QVERIFY2(!search.isEmpty(), "the seeded history has prompts in English and Persian");
    }
    if (!search.isEmpty())
        arguments << s("--search") << search;

    QSet<QString> expected;
    for (const auto &value : std::as_const(m_records)) {
        const auto r = value.toObject();
        if (!status.isEmpty() && r.value(s("status")).toString() != status)
            continue;
        if (!type.isEmpty() && typeName(r.value(s("type")).toString()) != type)
            continue;
        if (!search.isEmpty() && !matchesSearch(r.value(s("prompt")).toString(), search))
            continue;
        expected.insert(r.value(s("id")).toString());
    }
    // "fox" is always there: initTestCase generated a fox.
    if (arguments.isEmpty() || (fromHistory && status.isEmpty()) || search == u"fox")
        QVERIFY2(!expected.isEmpty(), qPrintable(search));

    const auto run = list(arguments);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const auto records = run.object().value(s("records")).toArray();
    const auto got = ids(records);
    QCOMPARE(QSet<QString>(got.cbegin(), got.cend()), expected);
    QCOMPARE(got.size(), expected.size()); // no duplicates
    QCOMPARE(run.object().value(s("total")).toInteger(), expected.size());
}

void TestCliHistory::limitAndOrder()
{
    const auto newest = list({s("--limit"), s("5")});
    // list() put --limit 100000 first; the command refuses a second --limit.
    QCOMPARE(newest.exitCode, 1);

    const auto five = m_cli->run({s("--json"), s("list"), s("--limit"), s("5")});
    QVERIFY2(five.exitCode == 0, five.describe().constData());
    QStringList serverNewest;
    for (int i = 0; i < 5; ++i)
        serverNewest.append(m_records.at(i).toObject().value(s("id")).toString());
    QCOMPARE(ids(five.object().value(s("records")).toArray()), serverNewest);
    QCOMPARE(five.object().value(s("total")).toInteger(), m_records.size());

    const auto oldest = m_cli->run({s("--json"), s("list"), s("--oldest"), s("--limit"), s("3")});
    QVERIFY2(oldest.exitCode == 0, oldest.describe().constData());
    QStringList serverOldest;
    for (qsizetype i = m_records.size() - 1; i >= m_records.size() - 3; --i)
        serverOldest.append(m_records.at(i).toObject().value(s("id")).toString());
    QCOMPARE(ids(oldest.object().value(s("records")).toArray()), serverOldest);

    const auto defaults = m_cli->run({s("--json"), s("list")});
    QCOMPARE(defaults.object().value(s("records")).toArray().size(), 50);

    for (const char *bad : {"0", "-3", "many"}) {
        const auto run = m_cli->run({s("list"), s("--limit"), s(bad)});
        QVERIFY2(run.exitCode == 1, run.describe().constData());
    }
    const auto badStatus = m_cli->run({s("list"), s("--status"), s("done")});
    QVERIFY2(badStatus.exitCode == 1, badStatus.describe().constData());
    const auto badType = m_cli->run({s("list"), s("--type"), s("video")});
    QVERIFY2(badType.exitCode == 1, badType.describe().constData());
}

void TestCliHistory::textColumns()
{
    const auto run = m_cli->run({s("list"), s("--limit"), s("20")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    auto lines = run.outText().split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 21, run.describe().constData());
    QVERIFY2(lines.takeLast().contains(s("20 of 151")), run.describe().constData());
    // Every row starts with the 24-hex id, then the status and type in fixed columns.
    static const QRegularExpression row(
        s("^[0-9a-f]{24}  (completed|failed   |pending  )  (generate|edit    |other   )  "));
    for (const auto &line : std::as_const(lines))
        QVERIFY2(row.match(line).hasMatch(), qPrintable(line));
}

void TestCliHistory::showRecord()
{
    const auto record = m_records.at(7).toObject();
    const auto id = record.value(s("id")).toString();
    const auto text = m_cli->run({s("show"), id});
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.outText().contains(id), text.describe().constData());
    QVERIFY2(text.outText().contains(record.value(s("prompt")).toString()),
             text.describe().constData());
    const auto json = m_cli->run({s("--json"), s("show"), id});
    QCOMPARE(json.object().value(s("id")).toString(), id);
    QCOMPARE(json.object().value(s("status")).toString(), record.value(s("status")).toString());
    const auto missing = m_cli->run({s("show"), s("ffffffffffffffffffffffff")});
    QVERIFY2(missing.exitCode == 1, missing.describe().constData());
}

void TestCliHistory::favoriteAndHide()
{
    const auto first = m_records.at(3).toObject().value(s("id")).toString();
    const auto second = m_records.at(4).toObject().value(s("id")).toString();

    const auto fav = m_cli->run({s("favorite"), first});
    QVERIFY2(fav.exitCode == 0, fav.describe().constData());
    const auto favs = list({s("--favorites")});
    QCOMPARE(ids(favs.object().value(s("records")).toArray()), QStringList{first});
    QCOMPARE(m_cli->run({s("favorite"), first, s("--off")}).exitCode, 0);
    QCOMPARE(list({s("--favorites")}).object().value(s("total")).toInteger(), 0);

    const auto hide = m_cli->run({s("hide"), second});
    QVERIFY2(hide.exitCode == 0, hide.describe().constData());
    const auto visible = list({});
    QVERIFY(!ids(visible.object().value(s("records")).toArray()).contains(second));
    QCOMPARE(visible.object().value(s("total")).toInteger(), m_records.size() - 1);
    const auto withHidden = list({s("--hidden")});
    QVERIFY(ids(withHidden.object().value(s("records")).toArray()).contains(second));
    QCOMPARE(withHidden.object().value(s("total")).toInteger(), m_records.size());
    QCOMPARE(m_cli->run({s("hide"), second, s("--off")}).exitCode, 0);
    QCOMPARE(list({}).object().value(s("total")).toInteger(), m_records.size());

    QCOMPARE(m_cli->run({s("favorite"), s("ffffffffffffffffffffffff")}).exitCode, 1);
}

void TestCliHistory::exportFiles_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << s("json");
    QTest::newRow("csv") << s("csv");
}

void TestCliHistory::exportFiles()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const auto run = m_cli->run(
        {s("--json"), s("export"), dir.path(), s("--format"), format, s("--with-images")});
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    const auto file = run.object().value(s("file")).toString();
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    const auto body = f.readAll();
    const auto n = m_records.size();
    QCOMPARE(run.object().value(s("records")).toInteger(), n);
    if (format == u"json") {
        QVERIFY(file.endsWith(s(".json")));
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.array().size(), n);
    } else {
        QVERIFY(file.endsWith(s(".csv")));
        const auto lines = QString::fromUtf8(body).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), n + 1);
        QVERIFY2(lines.first().startsWith(s("id,status,type,created_at")),
                 body.left(200).constData());
    }
    const auto images = QDir(QDir(dir.path()).filePath(s("images"))).entryList(QDir::Files);
    QVERIFY(!images.isEmpty());
    QCOMPARE(run.object().value(s("images")).toInteger(), images.size());

    const auto badFormat = m_cli->run({s("export"), dir.path(), s("--format"), s("xml")});
    QVERIFY2(badFormat.exitCode == 1, badFormat.describe().constData());
}

void TestCliHistory::secondAccountSeesNothingOfTheFirst()
{
    const auto firstIds = ids(list({}).object().value(s("records")).toArray());
    QCOMPARE(firstIds.size(), m_records.size());
    const QSet<QString> first(firstIds.cbegin(), firstIds.cend());
    const QString otherPhone = s("+15550004002");

    // Another profile folder, another phone.
    QTemporaryDir other;
    CliRunner b(other.path(), m_server.origin().toString());
    QCOMPARE(b.run({s("login"), s("--phone"), otherPhone, s("--code"), s("123456")}).exitCode, 0);
    QCOMPARE(b.run({s("sync")}).exitCode, 0);
    const auto bIds = ids(b.run({s("--json"), s("list"), s("--limit"), s("1000")})
                              .object()
                              .value(s("records"))
                              .toArray());
    QCOMPARE(bIds.size(), serverRecords(otherPhone).size());
    for (const auto &id : bIds)
        QVERIFY2(!first.contains(id), qPrintable(id));

    // The same profile folder, signed out and in as the other phone.
    QTemporaryDir shared;
    QVERIFY(QDir().mkpath(shared.path()));
    CliRunner same(shared.path(), m_server.origin().toString());
    QCOMPARE(same.run({s("login"), s("--phone"), m_phone, s("--code"), s("123456")}).exitCode, 0);
    QCOMPARE(same.run({s("sync")}).exitCode, 0);
    QCOMPARE(same.run({s("logout")}).exitCode, 0);
    QCOMPARE(same.run({s("login"), s("--phone"), otherPhone, s("--code"), s("123456")}).exitCode,
             0);
    const auto sameList = same.run({s("--json"), s("list"), s("--limit"), s("1000")});
    QVERIFY2(sameList.exitCode == 0, sameList.describe().constData());
    for (const auto &id : ids(sameList.object().value(s("records")).toArray()))
        QVERIFY2(!first.contains(id), qPrintable(id));
}

void TestCliHistory::offline()
{
    const auto before = list({s("--search"), s("fox")});
    QVERIFY2(before.exitCode == 0, before.describe().constData());
    m_server.stop();

    const auto whoami = m_cli->run({s("whoami")});
    QVERIFY2(whoami.exitCode == 2, whoami.describe().constData());
    QVERIFY2(!whoami.errText().trimmed().isEmpty(), whoami.describe().constData());
    const auto sync = m_cli->run({s("sync")});
    QVERIFY2(sync.exitCode == 2, sync.describe().constData());
    QVERIFY2(sync.errText().contains(s("nanobanana-cli: ")), sync.describe().constData());

    const auto after = list({s("--search"), s("fox")});
    QVERIFY2(after.exitCode == 0, after.describe().constData());
    QCOMPARE(after.json, before.json);
    const auto text = m_cli->run({s("list")});
    QVERIFY2(text.exitCode == 0, text.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
