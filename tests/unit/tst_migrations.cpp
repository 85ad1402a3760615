#include "history/historydatabase.h"
#include "history/historystore.h"
#include "history/schemamigrator.h"

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
            QByteArray bytes(64 * 1024, Qt::Uninitialized);
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
            QVERIFY(size > 64 * 1024);
            if (damage == u"truncated") {
                QVERIFY(file.resize(size / 2));
            } else {
                QVERIFY(file.open(QIODevice::ReadWrite));
                QVERIFY(file.seek(4096 * 4)); // keep the header and the schema page intact
                file.write(QByteArray(4096 * 8, '\x5a'));
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
            QVERIFY(file.seek(4096 * 4)); // keep the header and the schema page intact
            file.write(QByteArray(4096 * 8, '\x5a'));
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
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
