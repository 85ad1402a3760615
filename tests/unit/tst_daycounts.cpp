#include "domain/job.h"
#include "domain/records.h"
#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "history/mirrorwrite.h"
#include "historyfixture.h"

#include <QSqlQuery>
#include <QTest>

#include <map>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000;
const qint64 hourMs = 3'600'000;

// `count` records, newest first, five hours apart (so they spread over days), every seventh
// failed and every third an edit.
QList<GeneratedImage> records(int count, int first = 0)
{
    QList<GeneratedImage> list;
    for (int i = 0; i < count; ++i) {
        const int n = first + i;
        GeneratedImage g;
        g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
        g.prompt = u"prompt %1"_s.arg(n);
        g.type = n % 3 == 0 ? ImageType::ImageToImage : ImageType::TextToImage;
        g.typeRaw = n % 3 == 0 ? u"IMAGETOIAMGE"_s : u"TEXTTOIAMGE"_s;
        g.status = n % 7 == 0 ? ImageStatus::Failed : ImageStatus::Completed;
        if (g.status == ImageStatus::Completed)
            g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(n);
        g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs - qint64(n) * 5 * hourMs, Qt::UTC);
        list.append(g);
    }
    return list;
}

} // namespace

// The per-day count index (history_day_counts, schema 11): HistoryReader::count() and
// ::buckets() read it, so it must match the rows after every kind of write.
class TestDayCounts final : public QObject, HistoryFixture
{
    Q_OBJECT

private:
    const QString acc = u"acc"_s;

    // The rows themselves, counted: what count() and buckets() must say for `query`.
    std::pair<qint64, QList<std::pair<qint64, qint64>>> fromRows(const HistoryQuery &query)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT created_at, hidden, favorite, status, kind FROM generated_images "
                  "WHERE account_id = :a"_s);
        q.bindValue(u":a"_s, query.accountId);
        if (!q.exec())
            qFatal("reading rows failed");
        std::map<qint64, qint64, std::greater<>> days;
        qint64 total = 0;
        while (q.next()) {
            if (!query.includeHidden && q.value(1).toInt() != 0)
                continue;
            if (query.favoritesOnly && q.value(2).toInt() != 1)
                continue;
            if (!query.statuses.isEmpty()
                && !query.statuses.contains(imageStatusFromName(q.value(3).toString()).value()))
                continue;
            if (!query.kinds.isEmpty()
                && imageTypeName(query.kinds.constFirst()) != q.value(4).toString())
                continue;
            ++total;
            const qint64 at = q.value(0).toLongLong();
            ++days[at - at % HistoryBucket::lengthMs];
        }
        QList<std::pair<qint64, qint64>> buckets;
        for (const auto &[day, rows] : days)
            buckets.append({day, rows});
        return {total, buckets};
    }

    // count() and buckets() against the rows, for the unfiltered view and each filter.
    bool matchesRows()
    {
        QList<HistoryQuery> queries;
        HistoryQuery all;
        all.accountId = acc;
        queries.append(all);
        HistoryQuery hidden = all;
        hidden.includeHidden = true;
        queries.append(hidden);
        HistoryQuery favourites = all;
        favourites.favoritesOnly = true;
        queries.append(favourites);
        HistoryQuery failed = all;
        failed.statuses = {ImageStatus::Failed};
        queries.append(failed);
        HistoryQuery pendingOrDone = all;
        pendingOrDone.statuses = {ImageStatus::Pending, ImageStatus::Completed};
        queries.append(pendingOrDone);
        HistoryQuery edits = all;
        edits.kinds = {ImageType::ImageToImage};
        queries.append(edits);
        HistoryReader reader(*m_db);
        for (const auto &query : std::as_const(queries)) {
            const auto [total, days] = fromRows(query);
            const auto counted = reader.count(query);
            const auto buckets = reader.buckets(query);
            if (!counted || !buckets)
                return false;
            QList<std::pair<qint64, qint64>> read;
            for (const auto &bucket : buckets.value())
                read.append({bucket.startMs, bucket.rows});
            if (counted.value() != total || read != days) {
                qWarning() << "count" << counted.value() << "rows" << total << "days" << read.size()
                           << days.size() << "hidden" << query.includeHidden << "favourites"
                           << query.favoritesOnly << "statuses" << query.statuses.size() << "kinds"
                           << query.kinds.size();
                return false;
            }
        }
        return true;
    }

    qint64 rowOf(const QString &id) { return m_store->record(acc, id).value()->rowId; }

private Q_SLOTS:
    void init() { QVERIFY(openFresh()); }
    void cleanup() { closeAll(); }

    // A first sync writes with the triggers off (RecordStage::Triggers::Skip) and counts its
    // stage in one statement; every later write goes through the triggers, on the same
    // connection.
    void everyWriteKeepsTheCountsExact()
    {
        MirrorWriteState state;
        const QList<GeneratedImage> first = records(600);
        QVERIFY(m_store->upsertServerRecordPages(acc, {first.mid(0, 300), first.mid(300)}, baseMs,
                                                 &state));
        QVERIFY(state.fresh); // the stage path ran
        QVERIFY(matchesRows());

        // A queued job's pending card, then its end.
        Job job;
        job.id = 7;
        job.request.prompt = u"a lighthouse"_s;
        job.taskId = u"task-7"_s;
        const qint64 jobRow = m_store->insertLocalJobRow(acc, job).value();
        QVERIFY(matchesRows());
        LocalJobUpdate done;
        done.status = ImageStatus::Failed;
        done.error = u"core.job.failed"_s;
        QVERIFY(m_store->updateLocalJobRow(jobRow, done));
        QVERIFY(matchesRows());

        // Local flags, on and off.
        QVERIFY(m_store->setFavorite(rowOf(first.at(3).id), true));
        QVERIFY(m_store->setFavorite(rowOf(first.at(4).id), true));
        QVERIFY(m_store->setHidden(rowOf(first.at(5).id), true));
        QVERIFY(matchesRows());
        QVERIFY(m_store->setFavorite(rowOf(first.at(3).id), false));
        QVERIFY(m_store->setHidden(rowOf(first.at(5).id), false));
        QVERIFY(matchesRows());

        // Newer records, a record changing status, and the job's record meeting its row.
        QList<GeneratedImage> newer = records(40, 1000);
        for (auto &g : newer)
            g.createdAt = g.createdAt.addMSecs(qint64(600) * 5 * hourMs);
        newer[0].taskId = u"task-7"_s;
        QList<GeneratedImage> changed = {first.at(0)};
        changed[0].status = ImageStatus::Failed;
        changed[0].imageUrl.clear();
        QVERIFY(m_store->upsertServerRecordPages(acc, {newer, changed}, baseMs + 1));
        QVERIFY(matchesRows());

        // Gone from the server (a deletion is the fixture's own, as salvage or a reset does).
        QSqlQuery remove(m_db->connection());
        QVERIFY(remove.exec(u"DELETE FROM generated_images WHERE row_id IN (SELECT row_id "
                            "FROM generated_images ORDER BY row_id LIMIT 25)"_s));
        QVERIFY(matchesRows());
    }

    // A second first sync on the same connection: the triggers came back on after the first.
    void triggersComeBackOnAfterAFirstSync()
    {
        MirrorWriteState state;
        QVERIFY(m_store->upsertServerRecordPages(acc, {records(50)}, baseMs, &state));
        QVERIFY(state.fresh);
        Job job;
        job.id = 9;
        job.request.prompt = u"written after the stage"_s;
        QVERIFY(m_store->insertLocalJobRow(acc, job));
        HistoryReader reader(*m_db);
        HistoryQuery all;
        all.accountId = acc;
        QCOMPARE(reader.count(all).value(), 51);
    }

    // Opening a database of schema 10 fills the index from the rows already there.
    void theMigrationCountsExistingRows()
    {
        QVERIFY(m_store->upsertServerRecords(acc, records(120), baseMs));
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"DELETE FROM history_day_counts"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = 10"_s));
        QVERIFY(q.exec(u"DROP TABLE history_day_counts"_s));
        QVERIFY(q.exec(u"DROP TRIGGER history_day_counts_insert"_s));
        QVERIFY(q.exec(u"DROP TRIGGER history_day_counts_delete"_s));
        QVERIFY(q.exec(u"DROP TRIGGER history_day_counts_update"_s));
        q.finish();
        QVERIFY(reopen());
        QVERIFY(matchesRows());
        HistoryReader reader(*m_db);
        HistoryQuery all;
        all.accountId = acc;
        QCOMPARE(reader.count(all).value(), 120);
    }
};

QTEST_GUILESS_MAIN(TestDayCounts)
#include "tst_daycounts.moc"
