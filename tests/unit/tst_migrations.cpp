#include "history/historydatabase.h"
#include "history/historystore.h"
#include "history/schemamigrator.h"
#include "jobs/jobstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The schema ladder: fresh files, upgrades from every earlier version, refusal of newer
// databases and recovery from damaged ones.
class TestMigrations final : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(u"studio.sqlite"_s); }

    // Runs `body` with a raw connection to `path` that is removed afterwards.
    template<class F>
    void withRawConnection(const QString &path, F body)
    {
        const QString name = u"raw"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            body(db);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    static QStringList tableNames(QSqlDatabase db)
    {
        QSqlQuery q(db);
        q.exec(u"SELECT name FROM sqlite_schema WHERE type IN ('table') ORDER BY name"_s);
        QStringList names;
        while (q.next())
            names.append(q.value(0).toString());
        return names;
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void splitsStatementsAndTriggers()
    {
        const QString sql =
            u"-- comment\nCREATE TABLE a (x);\n\nCREATE TRIGGER t AFTER INSERT ON a "
            "BEGIN\n  INSERT INTO a VALUES (1);\n  INSERT INTO a VALUES (2);\nEND;\n"
            "CREATE INDEX i\n  ON a (x);\n"_s;
        const QStringList statements = SchemaMigrator::splitStatements(sql);
        QCOMPARE(statements.size(), 3);
        QVERIFY(statements.at(1).startsWith(u"CREATE TRIGGER"));
        QVERIFY(statements.at(1).endsWith(u"END;"));
        QVERIFY(statements.at(2).contains(u"ON a (x);"));
    }

    void createsFromEmptyFile()
    {
        HistoryDatabase database(dbPath());
        auto opened = database.open();
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().serverMessage));
        QCOMPARE(opened.value().previousVersion, 0);
        QCOMPARE(opened.value().schemaVersion, database.latestSchemaVersion());
        QVERIFY(database.latestSchemaVersion() >= 2);
        QVERIFY(!opened.value().recreated);

        QSqlDatabase db = database.connection();
        QVERIFY(db.isOpen());
        const QStringList tables = tableNames(db);
        for (const auto &table :
             {u"generated_images"_s, u"jobs"_s, u"characters"_s, u"sync_state"_s, u"images_fts"_s})
            QVERIFY2(tables.contains(table), qPrintable(table));

        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        QVERIFY(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(u"PRAGMA synchronous"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1); // NORMAL
        QVERIFY(q.exec(u"PRAGMA busy_timeout"_s) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
    }

    void reopeningIsANoOp()
    {
        {
            HistoryDatabase database(dbPath());
            QVERIFY(database.open().ok());
        }
        HistoryDatabase database(dbPath());
        auto opened = database.open();
        QVERIFY(opened.ok());
        QCOMPARE(opened.value().previousVersion, database.latestSchemaVersion());
        QCOMPARE(opened.value().schemaVersion, database.latestSchemaVersion());
    }

    void upgradesFromEachEarlierVersion_data()
    {
        QTest::addColumn<int>("startVersion");
        const int latest = SchemaMigrator::latestVersion(SchemaMigrator::builtinSteps());
        for (int v = 1; v < latest; ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void upgradesFromEachEarlierVersion()
    {
        QFETCH(int, startVersion);
        withRawConnection(dbPath(), [&](QSqlDatabase db) {
            auto reached =
                SchemaMigrator::migrate(db, SchemaMigrator::builtinSteps(), startVersion);
            QVERIFY(reached.ok());
            QCOMPARE(reached.value(), startVersion);
            // Schema 2 added sync_state: it exists exactly from version 2 on.
            QCOMPARE(tableNames(db).contains(u"sync_state"_s), startVersion >= 2);
            QSqlQuery q(db);
            QVERIFY2(q.exec(u"INSERT INTO generated_images (account_id, id, prompt, type, kind, "
                            "status, created_at, favorite) VALUES ('acc', "
                            "'aaaaaaaaaaaaaaaaaaaaaaaa', 'an old fox', 'TEXTTOIAMGE', "
                            "'generate', 'completed', 1000, 1)"_s),
                     qPrintable(q.lastError().text()));
        });

        HistoryDatabase database(dbPath());
        auto opened = database.open();
        QVERIFY(opened.ok());
        QCOMPARE(opened.value().previousVersion, startVersion);
        QCOMPARE(opened.value().schemaVersion, database.latestSchemaVersion());
        QVERIFY(tableNames(database.connection()).contains(u"sync_state"_s));

        HistoryStore store(database);
        auto record = store.record(u"acc"_s, u"aaaaaaaaaaaaaaaaaaaaaaaa"_s);
        QVERIFY(record.ok() && record.value().has_value());
        QCOMPARE(record.value()->prompt, u"an old fox"_s);
        QVERIFY(record.value()->favorite);
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM images_fts WHERE images_fts MATCH 'fox'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // Schema 4 rebuilt the table: the search index still points at the same rows.
        QVERIFY2(
            q.exec(u"INSERT INTO images_fts (images_fts, rank) VALUES ('integrity-check', 1)"_s),
            qPrintable(q.lastError().text()));
    }

    // A CHECK constraint written "x IN (...)" makes SQLite fill and clear a temporary table for
    // every row it writes, a third of the time of a first sync's inserts; schema 4 writes the
    // same tests as comparisons. Both constraints must still refuse what they refused.
    void insertsBuildNoTableForTheirChecks()
    {
        HistoryDatabase database(dbPath());
        QVERIFY(database.open().ok());
        QSqlQuery q(database.connection());
        const QString insert = u"INSERT INTO generated_images (account_id, id, prompt, type, "
                               "kind, status, created_at) VALUES ('acc', :id, 'a fox', "
                               "'TEXTTOIAMGE', :kind, :status, 1000)"_s;
        QVERIFY2(q.exec(u"EXPLAIN "_s
                        + QString(insert)
                              .replace(u":id"_s, u"'a'"_s)
                              .replace(u":kind"_s, u"'edit'"_s)
                              .replace(u":status"_s, u"'failed'"_s)),
                 qPrintable(q.lastError().text()));
        QStringList opcodes;
        while (q.next())
            opcodes.append(q.value(1).toString());
        QVERIFY(opcodes.contains(u"Insert"_s));
        QVERIFY2(!opcodes.contains(u"OpenEphemeral"_s), qPrintable(opcodes.join(u' ')));

        const auto accepts = [&](const QString &id, const QString &kind, const QString &status) {
            q.prepare(insert);
            q.bindValue(u":id"_s, id);
            q.bindValue(u":kind"_s, kind);
            q.bindValue(u":status"_s, status);
            return q.exec();
        };
        int n = 0;
        for (const auto &kind : {u"generate"_s, u"edit"_s, u"other"_s})
            for (const auto &status : {u"pending"_s, u"completed"_s, u"failed"_s})
                QVERIFY2(accepts(QString::number(++n), kind, status),
                         qPrintable(q.lastError().text()));
        QVERIFY(!accepts(u"x1"_s, u"Generate"_s, u"pending"_s));
        QVERIFY(!accepts(u"x2"_s, u"generate"_s, u"done"_s));
        QVERIFY(!accepts(u"x3"_s, u""_s, u"failed"_s));
        QVERIFY(q.exec(u"SELECT count(*) FROM generated_images"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 9);
    }

    void failingStepRollsBack()
    {
        QList<MigrationStep> steps = SchemaMigrator::builtinSteps();
        steps.append({int(steps.size()) + 1, u"broken"_s,
                      u"CREATE TABLE half_done (x);\nTHIS IS NOT SQL;\n"_s});
        {
            HistoryDatabase database(dbPath(), steps);
            auto opened = database.open();
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().kind, ApiError::Kind::Local);
            QVERIFY(!opened.error().userMessage.isEmpty());
            QVERIFY(!database.isOpen());
        }
        withRawConnection(dbPath(), [&](QSqlDatabase db) {
            QCOMPARE(SchemaMigrator::userVersion(db).value(), int(steps.size()) - 1);
            QVERIFY(!tableNames(db).contains(u"half_done"_s));
        });
    }

    void refusesNewerDatabase()
    {
        {
            HistoryDatabase database(dbPath());
            QVERIFY(database.open().ok());
        }
        withRawConnection(dbPath(), [](QSqlDatabase db) {
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA journal_mode = DELETE"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 999"_s));
        });
        const QByteArray before = fileHash(dbPath());
        const QStringList filesBefore = QDir(m_dir->path()).entryList(QDir::Files);

        HistoryDatabase database(dbPath());
        auto opened = database.open();
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().userMessage,
                 HistoryDatabase::newerSchemaMessage(999, database.latestSchemaVersion()));
        QVERIFY(opened.error().userMessage.contains(u"schema 999"_s));
        QVERIFY(!database.isOpen());
        QVERIFY(!database.connection().isValid());
        QCOMPARE(fileHash(dbPath()), before);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), filesBefore);
    }

    void setsCorruptFileAside_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("random bytes") << u"random"_s;
        QTest::newRow("truncated database") << u"truncated"_s;
        QTest::newRow("overwritten pages") << u"overwritten"_s;
    }

    void setsCorruptFileAside()
    {
        QFETCH(QString, damage);
        if (damage == u"random") {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray bytes(qsizetype(64) * 1024, Qt::Uninitialized);
            QRandomGenerator rng(42);
            rng.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            file.write(bytes);
        } else {
            {
                HistoryDatabase database(dbPath());
                QVERIFY(database.open().ok());
                QSqlQuery q(database.connection());
                QVERIFY(
                    q.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 3000) INSERT INTO generated_images (account_id, id, "
                           "prompt, type, kind, status, created_at) SELECT 'acc', printf('%024x', "
                           "i), 'prompt number ' || i || ' ' || hex(randomblob(40)), 'x', "
                           "'other', 'completed', i FROM n"_s));
                QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
            }
            QFile file(dbPath());
            const qint64 size = file.size();
            QVERIFY(size > qint64(64) * 1024);
            if (damage == u"truncated") {
                QVERIFY(file.resize(size / 2));
            } else {
                QVERIFY(file.open(QIODevice::ReadWrite));
                QVERIFY(file.seek(qint64(4096) * 4)); // keep the header and the schema page intact
                file.write(QByteArray(qsizetype(4096) * 8, '\x5a'));
            }
        }

        HistoryDatabase database(dbPath());
        auto opened = database.open();
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().serverMessage));
        QVERIFY(opened.value().recreated);
        QVERIFY(!opened.value().problem.isEmpty());
        const QString backup = opened.value().corruptBackupPath;
        QVERIFY(backup.startsWith(dbPath() + u".corrupt-"_s));
        QVERIFY(QFile::exists(backup));
        QCOMPARE(opened.value().schemaVersion, database.latestSchemaVersion());

        HistoryStore store(database);
        auto state = store.syncState(u"acc"_s);
        QVERIFY(state.ok());
        QVERIFY(state.value().isEmpty()); // so the next sync is a full one
        QSqlQuery q(database.connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM generated_images"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // The desktop app opens without reading every page; the check runs afterwards, and a
    // damaged file found then is set aside at the next open.
    void deferredCheckMarksDamageForTheNextOpen()
    {
        {
            HistoryDatabase database(dbPath());
            QVERIFY(database.open().ok());
            QSqlQuery q(database.connection());
            QVERIFY(q.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 3000) INSERT INTO generated_images (account_id, id, "
                           "prompt, type, kind, status, created_at) SELECT 'acc', printf('%024x', "
                           "i), 'prompt number ' || i || ' ' || hex(randomblob(40)), 'x', "
                           "'other', 'completed', i FROM n"_s));
            QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
            // A healthy file passes the deferred check and is not marked.
            auto verified = database.verifyIntegrity();
            QVERIFY(verified.ok());
            QVERIFY(!QFile::exists(dbPath() + u".damaged"_s));
        }
        {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(qint64(4096) * 4)); // keep the header and the schema page intact
            file.write(QByteArray(qsizetype(4096) * 8, '\x5a'));
        }
        {
            HistoryDatabase database(dbPath());
            auto opened = database.open(HistoryDatabase::IntegrityCheck::Deferred);
            QVERIFY(opened.ok());
            QVERIFY(!opened.value().recreated); // the damage is past the pages open() reads
            auto verified = database.verifyIntegrity();
            QVERIFY(!verified.ok());
            QVERIFY(verified.error().userMessage.contains(u"Restart"_s));
            QVERIFY(QFile::exists(dbPath() + u".damaged"_s));
        }
        HistoryDatabase database(dbPath());
        auto opened = database.open(HistoryDatabase::IntegrityCheck::Deferred);
        QVERIFY(opened.ok());
        QVERIFY(opened.value().recreated);
        QVERIFY(QFile::exists(opened.value().corruptBackupPath));
        QVERIFY(!QFile::exists(dbPath() + u".damaged"_s));
        QVERIFY(database.verifyIntegrity().ok());
    }

    // Schema 5: a job's message and its gallery row's error become message codes; the sentence
    // shown afterwards is the one shown before.
    void storesJobMessagesAsCodes_data()
    {
        QTest::addColumn<QVariant>("before"); // the English sentence a version-4 row held
        QTest::addColumn<QString>("code"); // after: the message's code ("" none)
        QTest::addColumn<QStringList>("args");

        const auto sentence = [](const char *text) { return QVariant(QString::fromUtf8(text)); };
        QTest::newRow("cancelled before sending")
            << sentence("Cancelled before it was sent; nothing was charged.")
            << u"jobs.cancelledBeforeSending"_s << QStringList{};
        QTest::newRow("cancelled after sending")
            << sentence("Cancelled here. The server may still finish this job and charge for it; "
                        "it will then appear in the history.")
            << u"jobs.cancelledAfterSending"_s << QStringList{};
        QTest::newRow("content policy")
            << sentence("The model refused this prompt under its content policy. Change the "
                        "prompt or the references and try again.")
            << u"jobs.contentPolicy"_s << QStringList{};
        QTest::newRow("never confirmed")
            << sentence("The server never confirmed this job and its history has no record of "
                        "it, so nothing was charged. Retry it when you like.")
            << u"jobs.neverConfirmedUncharged"_s << QStringList{};
        QTest::newRow("the server said")
            << sentence("The server could not make this image (it said: GPU on fire). Try again; "
                        "if it keeps failing, change the prompt.")
            << u"jobs.serverFailedSaying"_s << QStringList{u"GPU on fire"_s};
        QTest::newRow("the server said, in Persian")
            << sentence("The server could not make this image (it said: خطای سرور). Try again; "
                        "if it keeps failing, change the prompt.")
            << u"jobs.serverFailedSaying"_s << QStringList{u"خطای سرور"_s};
        QTest::newRow("a sentence with no code")
            << sentence("Waiting for the network: Could not reach example.org.") << u"text"_s
            << QStringList{u"Waiting for the network: Could not reach example.org."_s};
        QTest::newRow("quotes and percent") << sentence("It's \"100%\" broken: 'x'") << u"text"_s
                                            << QStringList{u"It's \"100%\" broken: 'x'"_s};
        QTest::newRow("no message")
            << QVariant(QMetaType::fromType<QString>()) << QString() << QStringList{};
        QTest::newRow("empty message") << QVariant(u""_s) << QString() << QStringList{};
    }

    void storesJobMessagesAsCodes()
    {
        QFETCH(QVariant, before);
        QFETCH(QString, code);
        QFETCH(QStringList, args);
        const QString serverError = u"Content policy violation"_s;
        withRawConnection(dbPath(), [&](QSqlDatabase db) {
            QVERIFY(SchemaMigrator::migrate(db, SchemaMigrator::builtinSteps(), 4).ok());
            QSqlQuery q(db);
            q.prepare(u"INSERT INTO jobs (job_id, account_id, kind, state, prompt, aspect_ratio, "
                      "resolution, user_message, created_at, updated_at) VALUES (1, 'acc', "
                      "'generate', 'failed', 'a fox', '1:1', '1K', :message, 1000, 2000)"_s);
            q.bindValue(u":message"_s, before);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            q.prepare(u"INSERT INTO generated_images (account_id, prompt, type, kind, status, "
                      "error, created_at, job_id) VALUES ('acc', 'a fox', 'TEXTTOIAMGE', "
                      "'generate', 'failed', :error, 1000, 1)"_s);
            q.bindValue(u":error"_s, before);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            // A server record's error is the server's own text and stays as it is.
            q.prepare(u"INSERT INTO generated_images (account_id, id, prompt, type, kind, status, "
                      "error, created_at) VALUES ('acc', 'aaaaaaaaaaaaaaaaaaaaaaaa', 'a dog', "
                      "'TEXTTOIAMGE', 'generate', 'failed', :error, 1000)"_s);
            q.bindValue(u":error"_s, serverError);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        });

        HistoryDatabase database(dbPath());
        auto opened = database.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().userMessage));
        QCOMPARE(opened.value().previousVersion, 4);
        QVERIFY(opened.value().schemaVersion >= 5);

        QSqlQuery q(database.connection());
        QVERIFY(q.exec(u"SELECT user_message FROM jobs WHERE job_id = 1"_s) && q.next());
        const QVariant storedJob = q.value(0);
        QVERIFY(q.exec(u"SELECT error FROM generated_images WHERE job_id = 1"_s) && q.next());
        const QVariant storedRow = q.value(0);
        QVERIFY(q.exec(u"SELECT error FROM generated_images WHERE job_id IS NULL"_s) && q.next());
        QCOMPARE(q.value(0).toString(), serverError);

        QCOMPARE(storedJob.isNull(), before.isNull());
        for (const auto &stored : {storedJob.toString(), storedRow.toString()}) {
            const auto message = UserMessage::fromStorage(stored);
            QCOMPARE(message.code, code);
            QCOMPARE(message.args, args);
            if (!code.isEmpty())
                QVERIFY2(stored.startsWith(u'{'), qPrintable(stored)); // a code, not English
        }
        // The sentence shown is the one shown before.
        JobStore jobs(database);
        QCOMPARE(jobs.load(1)->userMessage, before.toString());
        HistoryStore history(database);
        const auto record = history.record(u"acc"_s, u"aaaaaaaaaaaaaaaaaaaaaaaa"_s);
        QCOMPARE(record.value()->errorText(), serverError);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
