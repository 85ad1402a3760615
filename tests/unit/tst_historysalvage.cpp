// A damaged database loses nothing only this computer knew (issue 15, defect 4): favourites,
// hidden flags, local jobs and image links come back from the damaged file where it still
// reads, else from the backup written on a clean exit; the user is told what came back.
#include "history/historybackup.h"
#include "history/historydatabase.h"
#include "history/historystore.h"
#include "history/profilepaths.h"
#include "jobs/jobstore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"acc-1"_s;
constexpr int kRecords = 3000;

GeneratedImage record(int n)
{
    GeneratedImage r;
    r.id = u"%1"_s.arg(n, 24, 10, QLatin1Char('a'));
    // Long prompts: many pages, so damage in the middle hits a few rows only.
    r.prompt = u"record %1 "_s.arg(n) + QString(300, QLatin1Char('x'));
    r.status = ImageStatus::Completed;
    r.imageUrl = u"/uploads/%1.png"_s.arg(n);
    r.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + qint64(n) * 1000, Qt::UTC);
    return r;
}

QString hashName(int n)
{
    return u"%1"_s.arg(n, 64, 10, QLatin1Char('f'));
}

} // namespace

class TestHistorySalvage final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    qint64 m_jobId = 0;

    QString root() const { return m_dir->path(); }
    QString dbPath() const { return root() + u"/studio.sqlite"_s; }
    QString imageFile(int n) const
    {
        return root() + u"/images/"_s + hashName(n).left(2) + u'/' + hashName(n) + u".png"_s;
    }

    // Builds the profile: kRecords records, two favourites, two hidden, two image links and a
    // job with its result. `damagedPage` receives a leaf page of the records in the middle,
    // none of the special rows on it, and how many rows it holds.
    void build(bool withBackup, int *damagedPage = nullptr, int *rowsOnIt = nullptr,
               int *lastSchemaPage = nullptr, int *earlyRecord = nullptr)
    {
        HistoryDatabase database(dbPath());
        QVERIFY(database.open());
        HistoryStore history(database);
        QList<GeneratedImage> records;
        for (int n = 1; n <= kRecords; ++n)
            records.append(record(n));
        QVERIFY(history.upsertServerRecords(kAccount, records, 1));
        const auto rowOf = [&](int n) {
            return history.record(kAccount, record(n).id).value()->rowId;
        };
        QVERIFY(history.setFavorite(rowOf(10), true));
        QVERIFY(history.setFavorite(rowOf(1500), true));
        QVERIFY(history.setHidden(rowOf(20), true));
        QVERIFY(history.setHidden(rowOf(2500), true));
        for (const int n : {30, 2900}) {
            QDir().mkpath(QFileInfo(imageFile(n)).path());
            QFile file(imageFile(n));
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write("png") == 3);
            QVERIFY(history.setLocalFile(rowOf(n), imageFile(n), 3, 8, 8));
        }
        JobStore jobs(database);
        Job job;
        job.accountId = kAccount;
        job.request.prompt = u"a local job"_s;
        QVERIFY(jobs.insert(job));
        job.state = JobState::Completed;
        job.localImagePath = imageFile(30);
        QVERIFY(jobs.update(job));
        m_jobId = job.id;
        if (withBackup)
            QVERIFY(HistoryBackup::write(database));
        if (lastSchemaPage) {
            // The pages without which nothing reads (the schema, the table's interior pages),
            // and a record on the leaf nearest the file's start.
            QSqlQuery q(database.connection());
            QVERIFY(q.exec(u"SELECT max(pageno) FROM dbstat WHERE name = 'sqlite_schema' OR "
                           "(name = 'generated_images' AND pagetype = 'internal')"_s));
            QVERIFY(q.next());
            *lastSchemaPage = q.value(0).toInt();
            QVERIFY(q.exec(u"SELECT pageno, ncell FROM dbstat WHERE name = 'generated_images' "
                           "AND pagetype = 'leaf' ORDER BY path"_s));
            int first = 1;
            int lowest = std::numeric_limits<int>::max();
            while (q.next()) {
                if (q.value(0).toInt() < lowest) {
                    lowest = q.value(0).toInt();
                    *earlyRecord = first;
                }
                first += q.value(1).toInt();
            }
        }
        if (damagedPage) {
            // The table's leaves in key order, and how many rows each holds.
            QSqlQuery q(database.connection());
            QVERIFY(q.exec(u"SELECT pageno, ncell FROM dbstat WHERE name = 'generated_images' "
                           "AND pagetype = 'leaf' ORDER BY path"_s));
            int first = 1;
            while (q.next()) {
                const int cells = q.value(1).toInt();
                if (first > 1000 && first + cells < 1400) {
                    *damagedPage = q.value(0).toInt();
                    *rowsOnIt = cells;
                    break;
                }
                first += cells;
            }
            QVERIFY(*damagedPage > 0);
        }
    }

    void overwrite(qint64 offset, qint64 bytes)
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(offset));
        QCOMPARE(file.write(QByteArray(bytes, '\xA5')), bytes);
    }

    // Opens the damaged profile; the fresh database's report.
    HistoryOpenReport reopen()
    {
        HistoryDatabase database(dbPath());
        const auto opened = database.open();
        if (!opened)
            return {};
        return opened.value();
    }

    // What the reopened database holds.
    struct Held
    {
        int favourites = 0;
        int hidden = 0;
        int records = 0;
        QStringList links; // resolved, existing
        QString jobImage;
    };
    Held held()
    {
        HistoryDatabase database(dbPath());
        if (!database.open())
            return {};
        Held h;
        QSqlQuery q(database.connection());
        q.exec(u"SELECT sum(favorite), sum(hidden), count(*) FROM generated_images"_s);
        q.next();
        h.favourites = q.value(0).toInt();
        h.hidden = q.value(1).toInt();
        h.records = q.value(2).toInt();
        const auto paths = ProfilePaths::ofDatabase(dbPath());
        q.exec(u"SELECT local_file FROM generated_images WHERE local_file IS NOT NULL"_s);
        while (q.next())
            if (QFileInfo::exists(paths.resolve(q.value(0).toString())))
                h.links.append(paths.resolve(q.value(0).toString()));
        JobStore jobs(database);
        if (auto job = jobs.load(m_jobId))
            h.jobImage = job->localImagePath;
        return h;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void pagesOverwrittenInTheMiddle()
    {
        int page = 0;
        int rows = 0;
        build(false, &page, &rows);
        overwrite(qint64(page - 1) * 16384, 16384);
        const auto report = reopen();
        QVERIFY(report.recreated);
        QCOMPARE(report.salvage.source, SalvageReport::Source::DamagedFile);
        QCOMPARE(report.salvage.favourites, 2);
        QCOMPARE(report.salvage.hidden, 2);
        QCOMPARE(report.salvage.jobs, 1);
        QCOMPARE(report.salvage.imageLinks, 2);
        QCOMPARE(report.salvage.rowsLost, rows); // the page's own rows, no more
        const auto message = report.salvage.message().text();
        QVERIFY2(message.contains(u"the damaged file"_s), qPrintable(message));
        const Held h = held();
        QCOMPARE(h.favourites, 2);
        QCOMPARE(h.hidden, 2);
        // The rows that carry them and the job's card; the server gives back the rest.
        QCOMPARE(h.records, 7);
        QCOMPARE(h.links.size(), 2);
        QCOMPARE(h.jobImage, imageFile(30));
    }

    void truncatedFileTakesTheRestFromTheBackup()
    {
        int lastSchemaPage = 0;
        int early = 0;
        build(true, nullptr, nullptr, &lastSchemaPage, &early);
        {
            // After the backup: only the damaged file knows it.
            HistoryDatabase database(dbPath());
            QVERIFY(database.open());
            HistoryStore history(database);
            QVERIFY(history.setFavorite(early, true));
        }
        QFile file(dbPath());
        const qint64 keep = std::max(file.size() / 2, qint64(lastSchemaPage) * 16384);
        QVERIFY(keep < file.size());
        QVERIFY(file.resize(keep));
        const auto report = reopen();
        QVERIFY(report.recreated);
        QCOMPARE(report.salvage.source, SalvageReport::Source::Both);
        QCOMPARE(report.salvage.rowsLost, 0);
        const Held h = held();
        QCOMPARE(h.favourites, 3);
        QCOMPARE(h.hidden, 2);
        QCOMPARE(h.records, 8);
        QCOMPARE(h.links.size(), 2);
        QCOMPARE(h.jobImage, imageFile(30));
    }

    void headerDestroyedUsesTheBackup()
    {
        build(true);
        overwrite(0, 100);
        const auto report = reopen();
        QVERIFY(report.recreated);
        QCOMPARE(report.salvage.source, SalvageReport::Source::Backup);
        QCOMPARE(report.salvage.favourites, 2);
        QCOMPARE(report.salvage.jobs, 1);
        QVERIFY2(report.salvage.message().text().contains(u"the last backup"_s),
                 qPrintable(report.salvage.message().text()));
        const Held h = held();
        QCOMPARE(h.favourites, 2);
        QCOMPARE(h.hidden, 2);
        QCOMPARE(h.links.size(), 2);
        QCOMPARE(h.jobImage, imageFile(30));
    }

    void movedImageIsRelinkedByItsHash()
    {
        build(true);
        // The file went elsewhere in images/ (another extension), and the header is gone.
        QVERIFY(
            QFile::rename(imageFile(2900), root() + u"/images/"_s + hashName(2900) + u".jpg"_s));
        overwrite(0, 100);
        QVERIFY(reopen().recreated);
        const Held h = held();
        QCOMPARE(h.links.size(), 2);
        QVERIFY(h.links.contains(root() + u"/images/"_s + hashName(2900) + u".jpg"_s));
    }

    void nothingToSalvageSaysNothing()
    {
        QVERIFY(QDir().mkpath(root()));
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'z'));
        file.close();
        const auto report = reopen();
        QVERIFY(report.recreated);
        QVERIFY(!report.salvage.recoveredAnything());
        QVERIFY(report.salvage.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistorySalvage)
#include "tst_historysalvage.moc"
