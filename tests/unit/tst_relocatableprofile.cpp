// A profile is a folder that can be moved, copied or restored (issue 15, defect 3): every path
// the database keeps is relative to it, and schema 8 converts the absolute paths older versions
// stored.
#include "gallery/galleryexport.h"
#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "history/profilepaths.h"
#include "jobs/jobstore.h"
#include "media/imagestore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

GeneratedImage record(int n)
{
    GeneratedImage r;
    r.id = u"%1"_s.arg(n, 24, 10, QLatin1Char('a'));
    r.prompt = u"a record %1"_s.arg(n);
    r.status = ImageStatus::Completed;
    r.imageUrl = u"/uploads/%1.png"_s.arg(n);
    r.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + qint64(n) * 1000, Qt::UTC);
    return r;
}

QString imagePath(const QString &root, int n)
{
    return root + u"/images/%1/%1%2.png"_s.arg(n, 2, 10, QLatin1Char('0')).arg(u"cafe"_s);
}

QString rawColumn(HistoryDatabase &database, const QString &sql)
{
    QSqlQuery q(database.connection());
    return q.exec(sql) && q.next() ? q.value(0).toString() : u"(none)"_s;
}

} // namespace

class TestRelocatableProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedPathsAreRelative();
    void movedProfileKeepsEveryFile();
    void schema8ConvertsOlderRows();
};

void TestRelocatableProfile::storedPathsAreRelative()
{
    QTemporaryDir dir;
    const ProfilePaths paths(dir.path());
    QCOMPARE(paths.toStored(dir.path() + u"/images/ab/abc.png"_s), u"images/ab/abc.png"_s);
    QCOMPARE(paths.resolve(u"images/ab/abc.png"_s), dir.path() + u"/images/ab/abc.png"_s);
    // Outside the profile: as it was.
    QCOMPARE(paths.toStored(u"/elsewhere/pictures/cat.png"_s), u"/elsewhere/pictures/cat.png"_s);
    QCOMPARE(paths.resolve(u"/elsewhere/pictures/cat.png"_s), u"/elsewhere/pictures/cat.png"_s);
    // Written where the profile lived before, and the file is here now.
    QVERIFY(writeFile(dir.path() + u"/refs/12/1234.png"_s, "x"));
    QCOMPARE(paths.toStored(u"/old/home/profile/refs/12/1234.png"_s), u"refs/12/1234.png"_s);
    QCOMPARE(paths.toStored(u"/old/home/profile/refs/12/9999.png"_s),
             u"/old/home/profile/refs/12/9999.png"_s);
}

void TestRelocatableProfile::movedProfileKeepsEveryFile()
{
    QTemporaryDir work;
    const QString before = work.path() + u"/before"_s;
    const QString after = work.path() + u"/moved/after"_s;
    QVERIFY(QDir().mkpath(before));
    qint64 jobId = 0;
    {
        HistoryDatabase database(before + u"/studio.sqlite"_s);
        QVERIFY(database.open());
        HistoryStore history(database);
        QVERIFY(history.upsertServerRecords(kAccount, {record(1), record(2), record(3)}, 1));
        for (int n = 1; n <= 3; ++n) {
            QVERIFY(writeFile(imagePath(before, n), "image " + QByteArray::number(n)));
            QVERIFY(history.setLocalFile(kAccount, record(n).id, imagePath(before, n), 7, 8, 8));
        }
        JobStore jobs(database);
        Job job;
        job.accountId = kAccount;
        job.request.prompt = u"a job"_s;
        QVERIFY(writeFile(before + u"/refs/ab/abref.png"_s, "reference"));
        job.request.referencePaths = {before + u"/refs/ab/abref.png"_s};
        QVERIFY(jobs.insert(job));
        job.state = JobState::Completed;
        job.localImagePath = imagePath(before, 1);
        QVERIFY(jobs.update(job));
        jobId = job.id;
        QCOMPARE(
            rawColumn(database, u"SELECT local_file FROM generated_images WHERE id = '%1'"_s.arg(
                                    record(2).id)),
            u"images/02/02cafe.png"_s);
    }
    QVERIFY(QDir().mkpath(work.path() + u"/moved"_s));
    QVERIFY(QDir().rename(before, after));

    HistoryDatabase database(after + u"/studio.sqlite"_s);
    QVERIFY(database.open());
    // The gallery's records resolve to files that exist.
    HistoryReader reader(database);
    HistoryQuery query;
    query.accountId = kAccount;
    const auto page = reader.page(query);
    QVERIFY(page);
    int records = 0;
    for (const auto &r : page.value().rows) {
        if (!r.id.isEmpty() && r.status == ImageStatus::Completed) {
            QVERIFY2(QFileInfo::exists(r.localFile), qPrintable(r.localFile));
            QVERIFY(r.localFile.startsWith(after));
            ++records;
        }
    }
    QCOMPARE(records, 3);
    // Export finds every image.
    QTemporaryDir out;
    const auto exported = GalleryExport::exportRecords(page.value().rows, out.path());
    QVERIFY(exported);
    QCOMPARE(exported.value().images, 3);
    // The job's result and references too.
    JobStore jobs(database);
    const auto job = jobs.load(jobId);
    QVERIFY(job);
    QVERIFY2(QFileInfo::exists(job->localImagePath), qPrintable(job->localImagePath));
    QCOMPARE(job->request.referencePaths.size(), 1);
    QVERIFY(QFileInfo::exists(job->request.referencePaths.first()));
}

void TestRelocatableProfile::schema8ConvertsOlderRows()
{
    QTemporaryDir work;
    const QString root = work.path() + u"/profile"_s;
    QVERIFY(QDir().mkpath(root));
    const QString db = root + u"/studio.sqlite"_s;
    {
        // A schema-7 database with the absolute paths of its time.
        HistoryDatabase old(db, SchemaMigrator::builtinSteps().mid(0, 7));
        QVERIFY(old.open());
        QCOMPARE(old.latestSchemaVersion(), 7);
        HistoryStore history(old);
        QVERIFY(history.upsertServerRecords(kAccount, {record(1), record(2), record(3)}, 1));
        QVERIFY(writeFile(imagePath(root, 1), "one"));
        QVERIFY(writeFile(imagePath(root, 3), "three"));
        QSqlQuery q(old.connection());
        const auto set = [&](int n, const QString &path) {
            q.prepare(u"UPDATE generated_images SET local_file = ? WHERE id = ?"_s);
            q.addBindValue(path);
            q.addBindValue(record(n).id);
            return q.exec();
        };
        QVERIFY(set(1, imagePath(root, 1))); // under the profile
        QVERIFY(set(2, u"/somewhere/else/pic.png"_s)); // not the profile's
        QVERIFY(set(3, imagePath(u"/home/before/the/move"_s, 3))); // written before a move
        QVERIFY(q.exec(u"INSERT INTO jobs (account_id, kind, state, prompt, aspect_ratio, "
                       "resolution, reference_paths, local_image_path, created_at, updated_at) "
                       "VALUES ('acc-1', 'generate', 'completed', 'p', '1:1', '1K', '[\"%1\", "
                       "\"/outside/ref.png\"]', '%2', 1, 1)"_s.arg(root + u"/refs/r.png"_s,
                                                                   imagePath(root, 1))));
    }
    HistoryDatabase database(db);
    const auto opened = database.open();
    QVERIFY(opened);
    QCOMPARE(opened.value().previousVersion, 7);
    const auto column = [&](int n) {
        return rawColumn(database, u"SELECT local_file FROM generated_images WHERE id = '%1'"_s.arg(
                                       record(n).id));
    };
    QCOMPARE(column(1), u"images/01/01cafe.png"_s);
    QCOMPARE(column(2), u"/somewhere/else/pic.png"_s);
    QCOMPARE(column(3), u"images/03/03cafe.png"_s);
    QCOMPARE(rawColumn(database, u"SELECT local_image_path FROM jobs"_s),
             u"images/01/01cafe.png"_s);
    QCOMPARE(rawColumn(database, u"SELECT reference_paths FROM jobs"_s),
             u"[\"refs/r.png\",\"/outside/ref.png\"]"_s);
}

QTEST_GUILESS_MAIN(TestRelocatableProfile)
#include "tst_relocatableprofile.moc"
