#include "history/historyrecord.h"
#include "historyfixture.h"
#include "jobs/jobstore.h"
#include "lineage/lineagebackfill.h"
#include "lineage/lineagereader.h"
#include "media/imagestore.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"user"_s;
const qint64 baseMs = 1'770'000'000'000;

GeneratedImage record(int n, const QString &prompt = {})
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.userId = kAccount;
    g.prompt = prompt.isEmpty() ? u"prompt %1"_s.arg(n) : prompt;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.type = ImageType::TextToImage;
    g.status = ImageStatus::Completed;
    g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(n);
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64{n} * 60000, Qt::UTC);
    g.completedAt = g.createdAt.addSecs(20);
    return g;
}

GeneratedImage editOf(int n, int source, bool absolute = false)
{
    GeneratedImage g = record(n, u"edit %1 of %2"_s.arg(n).arg(source));
    g.typeRaw = u"IMAGETOIAMGE"_s;
    g.type = ImageType::ImageToImage;
    g.originImageUrl = (absolute ? u"http://localhost:2000"_s : QString())
                       + u"/uploads/nero/generated/%1.png"_s.arg(source);
    g.referenceImageUrls = {u"/uploads/nero/references/%1-ref.png"_s.arg(n)};
    return g;
}

QString hashOf(int n)
{
    return QString::number(n).repeated(64).left(64);
}

// A file name as ImageStore gives it: its content hash.
QString storedPath(const QString &root, int n)
{
    return root + u"/images/"_s + hashOf(n).left(2) + u'/' + hashOf(n) + u".png"_s;
}

} // namespace

// LineageWriter, LineageReader and LineageBackfill on a real database: links from server
// records (by address, whichever arrives first), from local jobs (by content hash), moved when
// a job row becomes its server record, regenerations, the tree, a restart and a backfill.
class TestLineageStore final : public QObject, private HistoryFixture
{
    Q_OBJECT

    QString root() const { return m_dir->path(); }

    qint64 rowOf(const QString &id)
    {
        const auto r = m_store->record(kAccount, id);
        return r && r.value() ? r.value()->rowId : 0;
    }

    QStringList sourcesOf(qint64 row)
    {
        QStringList out;
        const auto sources = LineageReader(*m_db).sources(row);
        for (const auto &entry : sources.value())
            out << u"%1:%2"_s.arg(entry.record.rowId).arg(lineageKindName(entry.kind));
        return out;
    }

    QStringList derivativesOf(qint64 row)
    {
        QStringList out;
        const auto derivatives = LineageReader(*m_db).derivatives(row);
        for (const auto &entry : derivatives.value())
            out << u"%1:%2"_s.arg(entry.record.rowId).arg(lineageKindName(entry.kind));
        return out;
    }

    // A finished local job that edited the files named by `sources` (content hashes).
    qint64 finishJob(const QString &prompt, const QList<int> &sources, int result,
                     bool brush = false, JobKind kind = JobKind::Edit)
    {
        JobStore jobs(*m_db);
        Job job;
        job.accountId = kAccount;
        job.request.kind = kind;
        job.request.prompt = prompt;
        for (int n : sources)
            job.request.referencePaths << root() + u"/refs/"_s + hashOf(n) + u".png"_s;
        if (brush)
            job.request.maskPath = root() + u"/refs/mask.png"_s;
        if (!jobs.insert(job))
            return 0;
        job.state = JobState::Completed;
        job.completedAt = QDateTime::currentDateTimeUtc();
        const StoredImage image{storedPath(root(), result), hashOf(result), 10, 4, 4};
        if (!jobs.storeResult(job, image))
            return 0;
        const auto row = jobs.load(job.id);
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT row_id FROM generated_images WHERE job_id = :job"_s);
        q.bindValue(u":job"_s, job.id);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }

    void giveFile(const QString &id, int n)
    {
        QVERIFY(m_store->setLocalFile(kAccount, id, storedPath(root(), n), 10, 4, 4).value());
    }

private Q_SLOTS:
    void init() { QVERIFY(openFresh()); }
    void cleanup() { closeAll(); }

    void serverEditLinksToItsSourceByAddress()
    {
        QVERIFY(m_store->upsertServerRecords(kAccount, {record(1), editOf(2, 1)}, baseMs).ok());
        const qint64 a = rowOf(record(1).id), b = rowOf(editOf(2, 1).id);
        QCOMPARE(sourcesOf(b), QStringList{u"%1:edit"_s.arg(a)});
        QCOMPARE(derivativesOf(a), QStringList{u"%1:edit"_s.arg(b)});
        QVERIFY(sourcesOf(a).isEmpty());
    }

    void editArrivingBeforeItsSourceIsLinkedWhenTheSourceComes()
    {
        // Newest first: the edit's page comes first, its source two pages later.
        QVERIFY(m_store->upsertServerRecords(kAccount, {editOf(3, 1, true)}, baseMs).ok());
        QVERIFY(m_store->upsertServerRecords(kAccount, {record(2)}, baseMs).ok());
        const qint64 c = rowOf(editOf(3, 1).id);
        QVERIFY(sourcesOf(c).isEmpty());
        QVERIFY(m_store->upsertServerRecords(kAccount, {record(1)}, baseMs).ok());
        QCOMPARE(sourcesOf(c), QStringList{u"%1:edit"_s.arg(rowOf(record(1).id))});
        // The same page again (every sync reads the newest pages) changes nothing.
        QVERIFY(m_store->upsertServerRecords(kAccount, {editOf(3, 1, true), record(1)}, baseMs));
        QCOMPARE(sourcesOf(c).size(), 1);
    }

    void localJobsLinkByContentHashAndChain()
    {
        // A (server record, its file here) → B (edit job) → C (brush edit of B) and C2 (edit of B).
        QVERIFY(m_store->upsertServerRecords(kAccount, {record(1)}, baseMs).ok());
        giveFile(record(1).id, 1);
        const qint64 a = rowOf(record(1).id);
        const qint64 b = finishJob(u"make it blue"_s, {1}, 2);
        QVERIFY(b > 0);
        const qint64 c = finishJob(u"add a hat"_s, {2}, 3, true);
        const qint64 c2 = finishJob(u"add a scarf"_s, {2, 1}, 4);
        QCOMPARE(sourcesOf(b), QStringList{u"%1:edit"_s.arg(a)});
        QCOMPARE(sourcesOf(c), QStringList{u"%1:brushEdit"_s.arg(b)});
        QCOMPARE(sourcesOf(c2), (QStringList{u"%1:edit"_s.arg(b), u"%1:reference"_s.arg(a)}));
        QCOMPARE(derivativesOf(b), (QStringList{u"%1:brushEdit"_s.arg(c), u"%1:edit"_s.arg(c2)}));

        // The tree from the last image: A at the top, B under it, B's branches under B; A's use
        // as a reference of C2 does not list C2 twice.
        const auto tree = LineageReader(*m_db).tree(c);
        QVERIFY(tree.ok());
        QStringList shape;
        for (const auto &node : tree.value())
            shape << u"%1<%2@%3"_s.arg(node.record.rowId).arg(node.parentRow).arg(node.depth);
        QCOMPARE(shape, (QStringList{u"%1<0@0"_s.arg(a), u"%1<%2@1"_s.arg(b).arg(a),
                                     u"%1<%2@2"_s.arg(c).arg(b), u"%1<%2@2"_s.arg(c2).arg(b)}));

        // A restart keeps every link.
        QVERIFY(reopen());
        QCOMPARE(sourcesOf(c), QStringList{u"%1:brushEdit"_s.arg(b)});
        QCOMPARE(LineageReader(*m_db).tree(a).value().size(), 4);
    }

    void regenerationLinksToTheEarlierRun()
    {
        QVERIFY(m_store->upsertServerRecords(kAccount, {record(1)}, baseMs).ok());
        giveFile(record(1).id, 1);
        const qint64 first = finishJob(u"make it blue"_s, {1}, 2);
        const qint64 again = finishJob(u"make it blue"_s, {1}, 3);
        const qint64 other = finishJob(u"make it green"_s, {1}, 4);
        const qint64 a = rowOf(record(1).id);
        QCOMPARE(sourcesOf(again),
                 (QStringList{u"%1:edit"_s.arg(a), u"%1:regeneration"_s.arg(first)}));
        QCOMPARE(sourcesOf(other), QStringList{u"%1:edit"_s.arg(a)});
        const qint64 generated = finishJob(u"a fox"_s, {}, 5, false, JobKind::Generate);
        const qint64 generatedAgain = finishJob(u"a fox"_s, {}, 6, false, JobKind::Generate);
        QCOMPARE(sourcesOf(generatedAgain), QStringList{u"%1:regeneration"_s.arg(generated)});
    }

    void jobRowBecomingItsServerRecordKeepsItsLinks()
    {
        QVERIFY(m_store->upsertServerRecords(kAccount, {record(1)}, baseMs).ok());
        giveFile(record(1).id, 1);
        const qint64 jobRow = finishJob(u"make it blue"_s, {1}, 2);
        const qint64 child = finishJob(u"add a hat"_s, {2}, 3);
        QCOMPARE(sourcesOf(child), QStringList{u"%1:edit"_s.arg(jobRow)});
        // The server's record of the job arrived as its own row first; the job row folds into it.
        GeneratedImage server = record(9, u"make it blue"_s);
        server.type = ImageType::ImageToImage;
        QVERIFY(m_store->upsertServerRecords(kAccount, {server}, baseMs).ok());
        const qint64 serverRow = rowOf(server.id);
        QVERIFY(m_store->attachServerIdentity(jobRow, server.id, {}).ok());
        QCOMPARE(sourcesOf(serverRow), QStringList{u"%1:edit"_s.arg(rowOf(record(1).id))});
        QCOMPARE(sourcesOf(child), QStringList{u"%1:edit"_s.arg(serverRow)});
    }

    void backfillDerivesTheLinksOfOlderRows()
    {
        QVERIFY(m_store->upsertServerRecords(kAccount, {record(1), editOf(2, 1)}, baseMs).ok());
        giveFile(record(1).id, 1);
        const qint64 job = finishJob(u"make it blue"_s, {1}, 3);
        QVERIFY(LineageBackfill(*m_db).runIfNeeded().ok()); // a new database: nothing to do
        QCOMPARE(LineageBackfill(*m_db).isNeeded().value(), false);
        // As a database from before schema 10 would be: rows, no links.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"DELETE FROM lineage_links"_s));
        QVERIFY(q.exec(u"DELETE FROM lineage_backfill"_s));
        QVERIFY(sourcesOf(job).isEmpty());
        QCOMPARE(LineageBackfill(*m_db).isNeeded().value(), true);
        const auto stored = LineageBackfill(*m_db).runIfNeeded();
        QVERIFY(stored.ok());
        QCOMPARE(stored.value(), 2);
        const qint64 a = rowOf(record(1).id);
        QCOMPARE(sourcesOf(job), QStringList{u"%1:edit"_s.arg(a)});
        QCOMPARE(sourcesOf(rowOf(editOf(2, 1).id)), QStringList{u"%1:edit"_s.arg(a)});
        QCOMPARE(LineageBackfill(*m_db).runIfNeeded().value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLineageStore)
#include "tst_lineagestore.moc"
