#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "history/searchbacklog.h"
#include "history/sqltransaction.h"
#include "historyfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000; // Feb 2026

GeneratedImage image(int n, const QString &prompt)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.userId = u"user"_s;
    g.prompt = prompt;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.type = ImageType::TextToImage;
    g.status = ImageStatus::Completed;
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 1000, Qt::UTC);
    return g;
}

QList<GeneratedImage> images(int from, int count, const QString &word)
{
    QList<GeneratedImage> list;
    for (int n = from; n < from + count; ++n)
        list.append(image(n, u"%1 number %2"_s.arg(word).arg(n)));
    return list;
}

} // namespace

// Schema 3: the records of a first sync join the search index in large batches. Whatever
// happens meanwhile (edits, deletes, a crash), each record must end up in the index exactly
// once, under its current prompt.
class TestSearchBacklog final : public QObject, HistoryFixture
{
    Q_OBJECT

private:
    int matches(const QString &search)
    {
        HistoryReader reader(*m_db);
        HistoryQuery q;
        q.accountId = acc;
        q.includeHidden = true;
        q.search = search;
        const auto count = reader.count(q);
        return count ? int(count.value()) : -1;
    }

    // FTS5 compares its index with the content table: a record indexed twice, a stale entry
    // or a missing one fails the check. The prompts here need no normalisation, so the
    // content table's text is what the index holds.
    QString indexProblem()
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(u"INSERT INTO images_fts (images_fts, rank) VALUES ('integrity-check', 1)"_s))
            return q.lastError().text();
        return {};
    }

    int waiting()
    {
        QSqlQuery q(m_db->connection());
        return q.exec(u"SELECT count(*) FROM search_backlog"_s) && q.next() ? q.value(0).toInt()
                                                                            : -1;
    }

    bool openBacklog()
    {
        SqlTransaction transaction(m_db->connection());
        return transaction.isActive()
               && SearchBacklog::open(m_db->connection(), QDateTime::currentMSecsSinceEpoch()).ok()
               && transaction.commit();
    }

    const QString acc = u"acc"_s;

private Q_SLOTS:
    void init() { QVERIFY(openFresh()); }
    void cleanup() { closeAll(); }

    void backlogRecordsAreSearchableOnceIndexed()
    {
        QVERIFY(m_store->upsertServerRecords(acc, images(1, 3, u"harbour"_s), baseMs).ok());
        QVERIFY(openBacklog());
        QVERIFY(m_store->upsertServerRecords(acc, images(10, 5, u"meadow"_s), baseMs).ok());
        QCOMPARE(matches(u"harbour"_s), 3); // indexed before the backlog opened
        QCOMPARE(matches(u"meadow"_s), 0); // waiting

        const auto indexed = m_store->indexSearchBacklog();
        QVERIFY(indexed.ok());
        QCOMPARE(indexed.value(), 5);
        QCOMPARE(waiting(), 0);
        QCOMPARE(matches(u"meadow"_s), 5);
        QCOMPARE(indexProblem(), QString());

        // A second backlog starts after the first one's records: none is indexed twice. Every
        // write of a sync opens it; the first one counts.
        QVERIFY(openBacklog());
        QVERIFY(m_store->upsertServerRecords(acc, images(20, 2, u"meadow"_s), baseMs).ok());
        QVERIFY(openBacklog());
        QVERIFY(m_store->upsertServerRecords(acc, images(22, 2, u"meadow"_s), baseMs).ok());
        QCOMPARE(waiting(), 1);
        QCOMPARE(m_store->indexSearchBacklog().value(), 4);
        QCOMPARE(matches(u"meadow"_s), 9);
        QCOMPARE(indexProblem(), QString());
        // Nothing waits any more: new records are indexed as they are written.
        QVERIFY(m_store->upsertServerRecords(acc, images(30, 1, u"meadow"_s), baseMs).ok());
        QCOMPARE(matches(u"meadow"_s), 10);
        QCOMPARE(m_store->indexSearchBacklog().value(), 0);
    }

    void editsAndDeletesWhileWaitingKeepTheIndexWhole()
    {
        QVERIFY(m_store->upsertServerRecords(acc, images(1, 2, u"harbour"_s), baseMs).ok());
        QVERIFY(openBacklog());
        QVERIFY(m_store->upsertServerRecords(acc, images(10, 3, u"meadow"_s), baseMs).ok());
        // A prompt changes on an indexed record and on a waiting one; a waiting one is deleted.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"UPDATE generated_images SET prompt = 'lantern one' WHERE id = '%1'"_s.arg(
            image(1, {}).id)));
        QVERIFY(q.exec(u"UPDATE generated_images SET prompt = 'lantern ten' WHERE id = '%1'"_s.arg(
            image(10, {}).id)));
        QVERIFY(q.exec(u"DELETE FROM generated_images WHERE id = '%1'"_s.arg(image(11, {}).id)));
        QCOMPARE(matches(u"lantern"_s), 1);
        QCOMPARE(matches(u"harbour"_s), 1);

        QCOMPARE(m_store->indexSearchBacklog().value(), 2);
        QCOMPARE(matches(u"lantern"_s), 2);
        QCOMPARE(matches(u"meadow"_s), 1);
        QCOMPARE(indexProblem(), QString());
        // Deleting and editing indexed records after the catch-up still updates the index.
        QVERIFY(q.exec(u"DELETE FROM generated_images WHERE id = '%1'"_s.arg(image(10, {}).id)));
        QVERIFY(q.exec(u"UPDATE generated_images SET prompt = 'beacon' WHERE id = '%1'"_s.arg(
            image(12, {}).id)));
        QCOMPARE(matches(u"lantern"_s), 1);
        QCOMPARE(matches(u"beacon"_s), 1);
        QCOMPARE(indexProblem(), QString());
    }

    void openingIndexesWhatAnInterruptedSyncLeft()
    {
        QVERIFY(openBacklog());
        QVERIFY(m_store->upsertServerRecords(acc, images(1, 6, u"meadow"_s), baseMs).ok());
        QCOMPARE(matches(u"meadow"_s), 0);
        // The app goes away before the sync ends, and starts again.
        QVERIFY(reopen());
        QCOMPARE(waiting(), 0);
        QCOMPARE(matches(u"meadow"_s), 6);
        QCOMPARE(indexProblem(), QString());
    }

    // A sync into an empty account (HistorySync's MirrorWriteState) writes through the backlog;
    // its records are searchable once the sync indexes the rest, Persian spellings included.
    void firstSyncWritesThroughTheBacklog()
    {
        MirrorWriteState state;
        QList<GeneratedImage> page = images(1, 3, u"meadow"_s);
        page.append(image(4, u"گربه روي ديوار"_s)); // Arabic yeh, as some keyboards type it
        QVERIFY(m_store->upsertServerRecordPages(acc, {page}, baseMs, &state).ok());
        QVERIFY(state.fresh);
        QCOMPARE(waiting(), 1);
        QCOMPARE(matches(u"meadow"_s), 0);
        QVERIFY(m_store->upsertServerRecordPages(acc, {images(10, 2, u"meadow"_s)}, baseMs, &state)
                    .ok());
        QCOMPARE(m_store->indexSearchBacklog().value(), 6);
        QCOMPARE(matches(u"meadow"_s), 5);
        QCOMPARE(matches(u"روی"_s), 1); // Persian yeh finds it
        QCOMPARE(matches(u"ديوار"_s), 1);
        // The sync writes on: its next records wait again, until the sync ends.
        QVERIFY(m_store->upsertServerRecordPages(acc, {images(20, 1, u"meadow"_s)}, baseMs, &state)
                    .ok());
        QCOMPARE(waiting(), 1);
        QCOMPARE(matches(u"meadow"_s), 5);
        QCOMPARE(m_store->indexSearchBacklog().value(), 1);
        QCOMPARE(matches(u"meadow"_s), 6);
    }

    // A first sync writes without lookups. When offset paging repeats a record (newer ones
    // pushed it onto the next page), within one write or across two, the write fails its
    // UNIQUE constraint, undoes itself and is done again with lookups: nothing is lost or
    // doubled, a record that changed meanwhile takes its new fields, and the rest of the sync
    // looks its records up.
    void repeatedRecordsTurnAFirstSyncToLookups()
    {
        MirrorWriteState state;
        QVERIFY(m_store->upsertServerRecordPages(acc, {images(1, 3, u"meadow"_s)}, baseMs, &state)
                    .ok());
        QVERIFY(state.fresh);

        QList<GeneratedImage> first = images(4, 2, u"meadow"_s);
        first.append(image(3, u"harbour at dawn"_s)); // record 3 again, renamed meanwhile
        QList<GeneratedImage> second = images(6, 2, u"meadow"_s);
        second.append(image(6, u"meadow number 6"_s)); // and a repeat within the write
        const auto counts = m_store->upsertServerRecordPages(acc, {first, second}, baseMs, &state);
        QVERIFY2(counts.ok(), qPrintable(counts ? QString() : counts.error().serverMessage));
        QCOMPARE(counts.value().size(), 2);
        QCOMPARE(counts.value().at(0).inserted, 2);
        QCOMPARE(counts.value().at(0).changed, 1);
        QCOMPARE(counts.value().at(1).inserted, 2);
        QCOMPARE(counts.value().at(1).unchanged, 1);
        QVERIFY(!state.fresh);

        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"SELECT count(*), count(DISTINCT id) FROM generated_images"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 7);
        QCOMPARE(q.value(1).toInt(), 7);
        QCOMPARE(m_store->record(acc, image(3, {}).id).value()->prompt, u"harbour at dawn"_s);

        // Later writes of the sync look up; a repeat there is an ordinary unchanged record.
        QVERIFY(m_store->upsertServerRecordPages(acc, {images(7, 2, u"meadow"_s)}, baseMs, &state)
                    .ok());
        QVERIFY(!state.fresh);
        QCOMPARE(m_store->indexSearchBacklog().value(), 8);
        QCOMPARE(matches(u"meadow"_s), 7);
        QCOMPARE(matches(u"harbour"_s), 1);
        QCOMPARE(indexProblem(), QString());
    }
};

QTEST_GUILESS_MAIN(TestSearchBacklog)
#include "tst_searchbacklog.moc"
