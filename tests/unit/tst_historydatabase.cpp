#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "historyfixture.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000; // Feb 2026

GeneratedImage image(int n, const QString &prompt = {})
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.userId = u"user"_s;
    g.prompt = prompt.isEmpty() ? u"prompt %1"_s.arg(n) : prompt;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.type = ImageType::TextToImage;
    g.status = ImageStatus::Completed;
    g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(n);
    g.referenceImageUrls = {u"/uploads/nero/references/r.png"_s, u"https://cdn.example/x.png"_s};
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 1000, Qt::UTC);
    g.completedAt = g.createdAt.addSecs(20);
    return g;
}

Job job(qint64 id, const QString &prompt, const QString &taskId = {})
{
    Job j;
    j.id = id;
    j.accountId = u"acc"_s;
    j.request.kind = JobKind::Edit;
    j.request.prompt = prompt;
    j.request.characterIds = {u"c1"_s};
    j.taskId = taskId;
    j.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + 500'000, Qt::UTC);
    return j;
}

} // namespace

// The write side of the mirror: upsert counts, local columns, job rows meeting their server
// records, account separation and gone marks.
class TestHistoryDatabase final : public QObject, HistoryFixture
{
    Q_OBJECT

private:
    qint64 rowCount(const QString &accountId = {})
    {
        QSqlQuery q(m_db->connection());
        q.prepare(accountId.isEmpty()
                      ? u"SELECT count(*) FROM generated_images"_s
                      : u"SELECT count(*) FROM generated_images WHERE account_id = :a"_s);
        if (!accountId.isEmpty())
            q.bindValue(u":a"_s, accountId);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    HistoryRecord mustGet(const QString &accountId, const QString &id)
    {
        auto found = m_store->record(accountId, id);
        if (!found.ok() || !found.value())
            return {};
        return *found.value();
    }

    const QString acc = u"acc"_s;

private Q_SLOTS:
    void init() { QVERIFY(openFresh()); }
    void cleanup() { closeAll(); }

    // The URL and id lists are stored as JSON text; what is written reads back the same, also
    // through SQLite's own JSON functions (the lookups use json_each).
    void jsonStringArraysRoundTrip()
    {
        const QStringList list = {u"/uploads/a.png"_s, u"with \"quotes\" and \\ back\\slash"_s,
                                  u"tab\tnew\nline\u0001"_s,
                                  u"روباه قرمز\u200cها 🦊"_s, QString()};
        const QString json = jsonStringArray(list);
        QCOMPARE(parseJsonStringArray(json), list);
        QCOMPARE(jsonStringArray({}), u"[]"_s);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.prepare(u"SELECT value FROM json_each(:list) ORDER BY key"_s));
        q.bindValue(u":list"_s, json);
        QVERIFY(q.exec());
        QStringList read;
        while (q.next())
            read.append(q.value(0).toString());
        QCOMPARE(read, list);
    }

    void upsertCountsNewAndUnchanged()
    {
        const QList<GeneratedImage> page = {image(1), image(2), image(3)};
        auto first = m_store->upsertServerRecords(acc, page, baseMs);
        QVERIFY(first.ok());
        QCOMPARE(first.value().inserted, 3);
        QCOMPARE(first.value().changed, 0);
        QCOMPARE(first.value().unchanged, 0);

        auto again = m_store->upsertServerRecords(acc, page + QList{image(4)}, baseMs + 1);
        QVERIFY(again.ok());
        QCOMPARE(again.value().inserted, 1);
        QCOMPARE(again.value().changed, 0);
        QCOMPARE(again.value().unchanged, 3);
        QCOMPARE(rowCount(), 4);

        const HistoryRecord r = mustGet(acc, image(2).id);
        QCOMPARE(r.prompt, image(2).prompt);
        QCOMPARE(r.kind, ImageType::TextToImage);
        QCOMPARE(r.typeRaw, u"TEXTTOIAMGE"_s);
        QCOMPARE(r.status, ImageStatus::Completed);
        QCOMPARE(r.referenceImageUrls, image(2).referenceImageUrls);
        QCOMPARE(r.createdAtMs, image(2).createdAt.toMSecsSinceEpoch());
        QCOMPARE(r.completedAt(), image(2).completedAt);
        QCOMPARE(r.lastSeenOnServerMs.value_or(0), baseMs + 1);
        QVERIFY(r.taskId.isEmpty());
    }

    void upsertDetectsChanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("counts");
        QTest::newRow("status") << u"status"_s << true;
        QTest::newRow("imageUrl") << u"imageUrl"_s << true;
        QTest::newRow("error") << u"error"_s << true;
        QTest::newRow("completedAt") << u"completedAt"_s << true;
        QTest::newRow("completedAt removed") << u"completedAtGone"_s << true;
        QTest::newRow("prompt") << u"prompt"_s << true;
        QTest::newRow("originImageUrl (not tracked)") << u"origin"_s << false;
        QTest::newRow("nothing") << u"none"_s << false;
    }

    void upsertDetectsChanges()
    {
        QFETCH(QString, field);
        QFETCH(bool, counts);
        GeneratedImage g = image(7);
        g.status = ImageStatus::Pending;
        g.imageUrl.clear();
        QVERIFY(m_store->upsertServerRecords(acc, {g}, baseMs).ok());
        if (field == u"status")
            g.status = ImageStatus::Failed;
        else if (field == u"imageUrl")
            g.imageUrl = u"/uploads/x.png"_s;
        else if (field == u"error")
            g.error = u"Content policy violation: no"_s;
        else if (field == u"completedAt")
            g.completedAt = g.completedAt.addSecs(5);
        else if (field == u"completedAtGone")
            g.completedAt = {};
        else if (field == u"prompt")
            g.prompt = u"a different prompt"_s;
        else if (field == u"origin")
            g.originImageUrl = u"/uploads/o.png"_s;
        auto result = m_store->upsertServerRecords(acc, {g}, baseMs + 1);
        QVERIFY(result.ok());
        QCOMPARE(result.value().changed, counts ? 1 : 0);
        QCOMPARE(result.value().unchanged, counts ? 0 : 1);
        QCOMPARE(result.value().inserted, 0);
        QCOMPARE(rowCount(), 1);
        if (counts)
            QCOMPARE(mustGet(acc, g.id).prompt, g.prompt);
    }

    void changedPromptIsSearchable()
    {
        GeneratedImage g = image(1, u"a red balloon"_s);
        QVERIFY(m_store->upsertServerRecords(acc, {g}, baseMs).ok());
        g.prompt = u"a blue kite"_s;
        QVERIFY(m_store->upsertServerRecords(acc, {g}, baseMs).ok());
        HistoryReader reader(*m_db);
        HistoryQuery q;
        q.accountId = acc;
        q.search = u"balloon"_s;
        QCOMPARE(reader.count(q).value(), 0);
        q.search = u"kite"_s;
        QCOMPARE(reader.count(q).value(), 1);
    }

    void localColumnsSurviveUpserts()
    {
        GeneratedImage g = image(1);
        QVERIFY(m_store->upsertServerRecords(acc, {g}, baseMs).ok());
        const qint64 rowId = mustGet(acc, g.id).rowId;
        QVERIFY(m_store->setFavorite(rowId, true).value());
        QVERIFY(m_store->setHidden(rowId, true).value());
        QVERIFY(m_store->setLocalFile(rowId, u"/p/images/ab.png"_s, 1234, 1024, 768).value());

        g.status = ImageStatus::Failed;
        g.error = u"Internal error: x"_s;
        auto changed = m_store->upsertServerRecords(acc, {g}, baseMs + 1);
        QCOMPARE(changed.value().changed, 1);
        QVERIFY(m_store->upsertServerRecords(acc, {g}, baseMs + 2).ok());

        const HistoryRecord r = mustGet(acc, g.id);
        QCOMPARE(r.rowId, rowId);
        QCOMPARE(r.status, ImageStatus::Failed);
        QCOMPARE(r.error, g.error);
        QVERIFY(r.favorite);
        QVERIFY(r.hidden);
        QCOMPARE(r.localFile, u"/p/images/ab.png"_s);
        QCOMPARE(r.fileSize.value_or(0), 1234);
        QCOMPARE(r.width.value_or(0), 1024);
        QCOMPARE(r.height.value_or(0), 768);
        QVERIFY(m_store->setFavorite(rowId, false).ok());
        QVERIFY(!mustGet(acc, g.id).favorite);
        QVERIFY(!m_store->setFavorite(999'999, true).value()); // no such row
    }

    void jobRowIsAPendingCard()
    {
        const Job j = job(11, u"make it blue"_s);
        auto row = m_store->insertLocalJobRow(acc, j);
        QVERIFY(row.ok());
        auto again = m_store->insertLocalJobRow(acc, j);
        QCOMPARE(again.value(), row.value()); // idempotent per job
        QCOMPARE(rowCount(), 1);

        const auto r = m_store->recordByRowId(row.value()).value();
        QVERIFY(r.has_value());
        QVERIFY(r->id.isEmpty());
        QVERIFY(!r->isOnServer());
        QCOMPARE(r->jobId.value_or(0), 11);
        QCOMPARE(r->status, ImageStatus::Pending);
        QCOMPARE(r->kind, ImageType::ImageToImage);
        QCOMPARE(imageTypeFromServer(r->typeRaw), ImageType::ImageToImage);
        QCOMPARE(r->characterIds, QStringList{u"c1"_s});
        QCOMPARE(r->createdAt(), j.createdAt);

        LocalJobUpdate update;
        update.status = ImageStatus::Completed;
        update.imageUrl = u"/uploads/done.png"_s;
        update.completedAtMs = baseMs + 600'000;
        QVERIFY(m_store->updateLocalJobRow(row.value(), update).value());
        const auto done = m_store->recordByRowId(row.value()).value();
        QCOMPARE(done->status, ImageStatus::Completed);
        QCOMPARE(done->imageUrl, u"/uploads/done.png"_s);
        QCOMPARE(done->completedAtMs.value_or(0), baseMs + 600'000);
    }

    void jobRowBecomesServerRecordByTaskId()
    {
        auto row = m_store->insertLocalJobRow(acc, job(5, u"a cat"_s, u"task-5"_s));
        QVERIFY(row.ok());
        QVERIFY(m_store->setFavorite(row.value(), true).ok());

        GeneratedImage g = image(50, u"a cat"_s);
        g.taskId = u"task-5"_s;
        auto result = m_store->upsertServerRecords(acc, {g}, baseMs);
        QVERIFY(result.ok());
        QCOMPARE(result.value().inserted, 0);
        QCOMPARE(result.value().changed, 1);
        QCOMPARE(rowCount(), 1);
        const HistoryRecord r = mustGet(acc, g.id);
        QCOMPARE(r.rowId, row.value());
        QCOMPARE(r.jobId.value_or(0), 5);
        QVERIFY(r.favorite);
        QCOMPARE(r.status, ImageStatus::Completed);
        QCOMPARE(r.createdAtMs, g.createdAt.toMSecsSinceEpoch()); // the server's time wins
    }

    void jobRowBecomesServerRecordById()
    {
        auto row = m_store->insertLocalJobRow(acc, job(6, u"a dog"_s));
        const GeneratedImage g = image(60, u"a dog"_s);
        auto attached = m_store->attachServerIdentity(row.value(), g.id, {});
        QCOMPARE(attached.value(), row.value());
        auto result = m_store->upsertServerRecords(acc, {g}, baseMs);
        QCOMPARE(result.value().inserted, 0);
        QCOMPARE(result.value().changed, 1);
        QCOMPARE(rowCount(), 1);
        QCOMPARE(mustGet(acc, g.id).rowId, row.value());
        QCOMPARE(mustGet(acc, g.id).jobId.value_or(0), 6);
    }

    void serverRecordFirstThenJobAttaches_data()
    {
        QTest::addColumn<bool>("byTaskId");
        QTest::newRow("by image id") << false;
        QTest::newRow("by task id") << true;
    }

    void serverRecordFirstThenJobAttaches()
    {
        QFETCH(bool, byTaskId);
        GeneratedImage g = image(70, u"a bird"_s);
        g.taskId = u"task-70"_s;
        QVERIFY(m_store->upsertServerRecords(acc, {g}, baseMs).ok());
        auto row = m_store->insertLocalJobRow(acc, job(7, u"a bird"_s));
        QVERIFY(m_store->setLocalFile(row.value(), u"/p/x.png"_s, 10, 2, 3).ok());
        QCOMPARE(rowCount(), 2);

        auto survivor = byTaskId ? m_store->attachServerIdentity(row.value(), {}, g.taskId)
                                 : m_store->attachServerIdentity(row.value(), g.id, {});
        QVERIFY(survivor.ok());
        QCOMPARE(rowCount(), 1);
        const HistoryRecord r = mustGet(acc, g.id);
        QCOMPARE(survivor.value(), r.rowId);
        QCOMPARE(r.jobId.value_or(0), 7);
        QCOMPARE(r.localFile, u"/p/x.png"_s);
        QVERIFY(!m_store->recordByRowId(row.value()).value().has_value());
    }

    void upsertMergesAJobRowThatStillCarriesTheTaskId()
    {
        GeneratedImage g = image(80);
        QVERIFY(m_store->upsertServerRecords(acc, {g}, baseMs).ok()); // mirrored without taskId
        auto row = m_store->insertLocalJobRow(acc, job(8, g.prompt, u"task-80"_s));
        QCOMPARE(rowCount(), 2);
        g.taskId = u"task-80"_s;
        auto result = m_store->upsertServerRecords(acc, {g}, baseMs + 1);
        QVERIFY(result.ok());
        QCOMPARE(rowCount(), 1);
        QCOMPARE(mustGet(acc, g.id).taskId, u"task-80"_s);
        QCOMPARE(mustGet(acc, g.id).jobId.value_or(0), 8);
        QVERIFY(!m_store->recordByRowId(row.value()).value().has_value());
    }

    void accountsNeverMix()
    {
        const GeneratedImage g = image(1);
        QCOMPARE(m_store->upsertServerRecords(u"alice"_s, {g, image(2)}, baseMs).value().inserted,
                 2);
        // The same server id in another account is another row.
        QCOMPARE(m_store->upsertServerRecords(u"bob"_s, {g}, baseMs).value().inserted, 1);
        QCOMPARE(rowCount(u"alice"_s), 2);
        QCOMPARE(rowCount(u"bob"_s), 1);
        QVERIFY(m_store->setFavorite(mustGet(u"bob"_s, g.id).rowId, true).ok());
        QVERIFY(!mustGet(u"alice"_s, g.id).favorite);
        QVERIFY(!m_store->record(u"bob"_s, image(2).id).value().has_value());

        HistoryReader reader(*m_db);
        HistoryQuery q;
        q.accountId = u"bob"_s;
        const auto page = reader.page(q).value();
        QCOMPARE(page.rows.size(), 1);
        QCOMPARE(page.rows.first().accountId, u"bob"_s);
        q.accountId = u"carol"_s;
        QCOMPARE(reader.count(q).value(), 0);

        QVERIFY(m_store->setSyncState(u"alice"_s, {{u"total"_s, u"2"_s}}).ok());
        QVERIFY(m_store->syncState(u"bob"_s).value().isEmpty());
        QCOMPARE(m_store->syncState(u"alice"_s).value().value(u"total"_s), u"2"_s);
        QVERIFY(m_store->markGoneUnlessSeenSince(u"bob"_s, baseMs + 1).ok());
        QVERIFY(!mustGet(u"alice"_s, g.id).goneFromServer);
    }

    void marksGone()
    {
        QVERIFY(m_store->upsertServerRecords(acc, {image(1), image(2), image(3)}, baseMs).ok());
        QVERIFY(m_store->upsertServerRecords(acc, {image(1), image(3)}, baseMs + 5).ok());
        QCOMPARE(m_store->markGoneUnlessSeenSince(acc, baseMs + 5).value(), 1); // image 2
        QVERIFY(mustGet(acc, image(2).id).goneFromServer);
        QVERIFY(!mustGet(acc, image(1).id).goneFromServer);

        QVERIFY(m_store->upsertServerRecords(acc, {image(1)}, baseMs + 10).ok());
        QVERIFY(m_store->insertLocalJobRow(acc, job(9, u"local only"_s)).ok());
        QCOMPARE(m_store->markGoneUnlessSeenSince(acc, baseMs + 10).value(), 1); // image 3
        QVERIFY(mustGet(acc, image(3).id).goneFromServer);
        QVERIFY(!mustGet(acc, image(1).id).goneFromServer);
        QCOMPARE(rowCount(), 4); // kept, only marked

        // Seen again: no longer gone.
        QVERIFY(m_store->upsertServerRecords(acc, {image(2)}, baseMs + 20).ok());
        QVERIFY(!mustGet(acc, image(2).id).goneFromServer);
    }

    void writersOnTwoThreadsTakeTurns()
    {
        // Both write pages at once; BEGIN IMMEDIATE plus busy_timeout make them wait for the
        // lock instead of failing with "database is locked".
        HistoryStore *store = m_store.get();
        HistoryDatabase *db = m_db.get();
        bool otherOk = true;
        // A thread of its own: a QFuture's result() may run a task that has not started yet
        // on the waiting thread.
        std::unique_ptr<QThread> other(QThread::create([store, db, &otherOk] {
            for (int p = 0; p < 20; ++p) {
                QList<GeneratedImage> page;
                for (int i = 0; i < 100; ++i)
                    page.append(image(10'000 + p * 100 + i));
                otherOk = store->upsertServerRecords(u"bob"_s, page, baseMs).ok() && otherOk;
            }
            db->releaseThreadConnection();
        }));
        other->start();
        bool ok = true;
        for (int p = 0; p < 20; ++p) {
            QList<GeneratedImage> page;
            for (int i = 0; i < 100; ++i)
                page.append(image(p * 100 + i));
            ok = m_store->upsertServerRecords(acc, page, baseMs).ok() && ok;
        }
        QVERIFY(other->wait(60'000));
        QVERIFY(ok);
        QVERIFY(otherOk);
        QCOMPARE(rowCount(acc), 2000);
        QCOMPARE(rowCount(u"bob"_s), 2000);
    }

    void eachThreadHasItsOwnConnection()
    {
        QVERIFY(m_store->upsertServerRecords(acc, {image(1), image(2)}, baseMs).ok());
        const QString mainName = m_db->connection().connectionName();
        HistoryDatabase *db = m_db.get();
        qint64 count = -1;
        QString name;
        std::unique_ptr<QThread> thread(QThread::create([db, &count, &name] {
            QSqlDatabase c = db->connection();
            QSqlQuery q(c);
            count = q.exec(u"SELECT count(*) FROM generated_images"_s) && q.next()
                        ? q.value(0).toLongLong()
                        : -1;
            name = c.connectionName();
            q = QSqlQuery();
            c = QSqlDatabase();
            db->releaseThreadConnection();
        }));
        thread->start();
        QVERIFY(thread->wait(60'000));
        QCOMPARE(count, 2);
        QVERIFY(name != mainName);
    }

    // Commits never copy the write-ahead log into the file themselves: once the log passes
    // 1,000 pages, the checkpointer's thread does, and every record is there after a restart.
    void checkpointerCopiesALongLog()
    {
        QCOMPARE(m_db->checkpoints(), 0);
        int written = 0;
        for (int batch = 0; batch < 200 && m_db->checkpoints() == 0; ++batch) {
            QList<GeneratedImage> page;
            for (int i = 0; i < 1000; ++i) {
                ++written;
                page.append(image(written, u"a long prompt to fill the log %1"_s.arg(written)));
            }
            QVERIFY(m_store->upsertServerRecords(acc, page, baseMs).ok());
            QTest::qWait(0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_db->checkpoints() > 0, 20000);
        QVERIFY(reopen());
        QCOMPARE(rowCount(acc), written);
    }

    // A new history file gets 16 KB pages; a file made before keeps its own page size and
    // still opens, upgrades and takes records.
    void newFilesUseLargePagesAndOlderFilesKeepTheirs()
    {
        const auto pageSize = [](QSqlDatabase db) {
            QSqlQuery q(db);
            return q.exec(u"PRAGMA page_size"_s) && q.next() ? q.value(0).toInt() : -1;
        };
        QCOMPARE(pageSize(m_db->connection()), 16384);

        const QString older = m_dir->filePath(u"older.sqlite"_s);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"older-file"_s);
            raw.setDatabaseName(older);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(u"PRAGMA page_size = 4096"_s));
            QVERIFY(q.exec(u"CREATE TABLE notes (text TEXT)"_s));
            q = QSqlQuery();
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"older-file"_s);
        HistoryDatabase database(older);
        QVERIFY(database.open().ok());
        QCOMPARE(pageSize(database.connection()), 4096);
        HistoryStore store(database);
        QCOMPARE(store.upsertServerRecords(acc, {image(1)}, baseMs).value().inserted, 1);
    }
};

QTEST_GUILESS_MAIN(TestHistoryDatabase)
#include "tst_historydatabase.moc"
