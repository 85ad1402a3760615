#include "history/historydatabase.h"
#include "history/historyrecord.h"
#include "history/recordstage.h"
#include "history/sqltransaction.h"
#include "historyfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000; // Feb 2026

// Record n of a batch, with texts of varied lengths and scripts and, for some, the optional
// fields left empty.
GeneratedImage image(int n)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.userId = n % 3 == 0 ? QString() : u"user-%1"_s.arg(n);
    g.taskId = n % 2 == 0 ? u"task_%1"_s.arg(n) : QString();
    g.prompt = u"گربه فضانورد %1 🐈 "_s.arg(n) + QString(n % 97, u'x');
    g.typeRaw = n % 2 == 0 ? u"TEXTTOIAMGE"_s : u"IMAGETOIAMGE"_s;
    g.type = n % 2 == 0 ? ImageType::TextToImage : ImageType::ImageToImage;
    g.status = n % 5 == 0 ? ImageStatus::Failed : ImageStatus::Completed;
    g.error = g.status == ImageStatus::Failed ? u"refused %1"_s.arg(n) : QString();
    g.imageUrl = g.status == ImageStatus::Completed ? u"/uploads/%1.png"_s.arg(n) : QString();
    if (n % 4 == 0)
        g.referenceImageUrls = {u"/uploads/ref-%1.png"_s.arg(n), u"http://h/ref \"q\".png"_s};
    g.characterIds = n % 7 == 0 ? QStringList{u"c%1"_s.arg(n)} : QStringList{};
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 1000, Qt::UTC);
    if (g.status == ImageStatus::Completed)
        g.completedAt = g.createdAt.addMSecs(1500);
    return g;
}

// An empty optional text is stored as NULL.
bool storedAs(const QVariant &value, const QString &text)
{
    return value.isNull() == text.isEmpty() && value.toString() == text;
}

} // namespace

// RecordStage hands a batch to SQLite through a virtual table that reads it from memory. Every
// field must arrive as staged, NULL where empty, the batch's last record first.
class TestRecordStage final : public QObject, HistoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(openFresh()); }
    void cleanup() { closeAll(); }

    void insertsEveryFieldTheLastStagedFirst()
    {
        constexpr int count = 3000; // enough for the texts' buffer to grow many times
        QSqlDatabase db = m_db->connection();
        {
            SqlTransaction transaction(db);
            RecordStage stage(db);
            QCOMPARE(stage.open(), QString());
            for (int n = 0; n < count; ++n)
                QCOMPARE(stage.add(image(n)), QString());
            QCOMPARE(stage.insertInto(u"acc"_s, 42, RecordStage::Triggers::Fire), QString());
            // The stage is empty again: a second insert adds nothing.
            QCOMPARE(stage.insertInto(u"acc"_s, 42, RecordStage::Triggers::Fire), QString());
            QVERIFY(transaction.commit());
        }

        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT id, user_id, task_id, prompt, type, kind, image_url, "
                       "origin_image_url, reference_image_urls, character_ids, status, error, "
                       "created_at, completed_at, account_id, last_seen_on_server FROM "
                       "generated_images ORDER BY row_id"_s));
        int rows = 0;
        for (int n = count - 1; q.next(); --n, ++rows) {
            const GeneratedImage g = image(n);
            QCOMPARE(q.value(0).toString(), g.id);
            QVERIFY(storedAs(q.value(1), g.userId));
            QVERIFY(storedAs(q.value(2), g.taskId));
            QCOMPARE(q.value(3).toString(), g.prompt);
            QCOMPARE(q.value(4).toString(), g.typeRaw);
            QCOMPARE(q.value(5).toString(), n % 2 == 0 ? u"generate"_s : u"edit"_s);
            QVERIFY(storedAs(q.value(6), g.imageUrl));
            QVERIFY(q.value(7).isNull());
            QCOMPARE(q.value(8).toString(), jsonStringArray(g.referenceImageUrls));
            QCOMPARE(q.value(9).toString(), jsonStringArray(g.characterIds));
            QCOMPARE(q.value(10).toString(), n % 5 == 0 ? u"failed"_s : u"completed"_s);
            QVERIFY(storedAs(q.value(11), g.error));
            QCOMPARE(q.value(12).toLongLong(), g.createdAt.toMSecsSinceEpoch());
            if (g.completedAt.isValid())
                QCOMPARE(q.value(13).toLongLong(), g.completedAt.toMSecsSinceEpoch());
            else
                QVERIFY(q.value(13).isNull());
            QCOMPARE(q.value(14).toString(), u"acc"_s);
            QCOMPARE(q.value(15).toLongLong(), 42);
        }
        QCOMPARE(rows, count);
        // Inserted with the triggers on: every prompt is searchable.
        QVERIFY(q.exec(u"SELECT count(*) FROM images_fts WHERE images_fts MATCH 'فضانورد'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), count);
    }

    // The table reads nothing unless a statement names a stage, and only the app's own
    // statements may read it, not a view or a trigger of the file.
    void tableIsEmptyWithoutAStageAndDirectOnly()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY2(q.exec(u"SELECT count(*) FROM history_stage"_s), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(u"CREATE VIEW staged AS SELECT id FROM history_stage"_s));
        QVERIFY(!q.exec(u"SELECT count(*) FROM staged"_s));
        QVERIFY2(q.lastError().text().contains(u"unsafe use of"_s),
                 qPrintable(q.lastError().text()));
    }

    // On a connection HistoryDatabase did not open, the insert fails with SQLite's sentence
    // instead of losing the batch silently.
    void reportsAConnectionWithoutTheTable()
    {
        QTemporaryDir dir;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
            db.setDatabaseName(dir.filePath(u"plain.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE generated_images (row_id INTEGER PRIMARY KEY, "
                           "account_id, id, user_id, task_id, prompt, type, kind, image_url, "
                           "origin_image_url, reference_image_urls, character_ids, status, "
                           "error, created_at, completed_at, last_seen_on_server)"_s));
            RecordStage stage(db);
            QCOMPARE(stage.open(), QString());
            QCOMPARE(stage.add(image(1)), QString());
            const QString error = stage.insertInto(u"acc"_s, 1, RecordStage::Triggers::Fire);
            QVERIFY2(error.contains(u"history_stage"_s), qPrintable(error));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"plain"_s);
    }
};

QTEST_GUILESS_MAIN(TestRecordStage)
#include "tst_recordstage.moc"
