#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "models/gallerymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000; // 2026-02-02 02:40 UTC
const qint64 hourMs = 3'600'000;
const QString account = u"acc"_s;

// Record n: created n hours after the base (so 24 a day, and blocks of 20 rows cross days);
// every third failed.
GeneratedImage record(int n)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.prompt = u"prompt number %1"_s.arg(n);
    g.type = ImageType::TextToImage;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.status = n % 3 == 0 ? ImageStatus::Failed : ImageStatus::Completed;
    if (g.status == ImageStatus::Failed)
        g.error = u"failed %1"_s.arg(n);
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + n * hourMs, Qt::UTC);
    return g;
}

QList<GeneratedImage> records(int from, int to)
{
    QList<GeneratedImage> list;
    for (int n = from; n <= to; ++n)
        list << record(n);
    return list;
}

QString promptAt(GalleryModel &model, int row)
{
    return model.data(model.index(row), GalleryModel::PromptRole).toString();
}

} // namespace

// GalleryModel in span mode over a real database: the row count is the match count before any
// scrolling, a row far down is read without the rows above it, filters and order change the
// count, a refresh keeps the first row on screen in place, and days and records are found
// anywhere in the history. QAbstractItemModelTester watches every model.
class TestGallerySpan final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryDatabase> m_db;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryReader> m_reader;

    HistoryQuery baseQuery() const
    {
        HistoryQuery q;
        q.accountId = account;
        return q;
    }

    std::unique_ptr<GalleryModel> makeModel(const HistoryQuery &query)
    {
        auto model = std::make_unique<GalleryModel>(*m_reader);
        model->setPageSize(20);
        model->setSpansHistory(true);
        new QAbstractItemModelTester(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, model.get());
        model->setQuery(query);
        return model;
    }

    qint64 rowIdOf(int n)
    {
        auto r = m_store->record(account, record(n).id);
        return r && r.value() ? r.value()->rowId : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Days are the local calendar's: make them UTC's, as the records are written.
        qputenv("TZ", "UTC");
        tzset();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<HistoryDatabase>(m_dir->filePath(u"studio.sqlite"_s));
        QVERIFY(m_db->open().ok());
        m_store = std::make_unique<HistoryStore>(*m_db);
        m_reader = std::make_unique<HistoryReader>(*m_db);
        QVERIFY(m_store->upsertServerRecords(account, records(1, 250), baseMs).ok());
        // Another account's rows must never show.
        QVERIFY(m_store->upsertServerRecords(u"other"_s, records(300, 320), baseMs).ok());
    }

    void cleanup()
    {
        m_reader.reset();
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void rowCountIsTheMatchCountBeforeScrolling()
    {
        auto model = makeModel(baseQuery());
        QCOMPARE(model->rowCount(), 250);
        QCOMPARE(model->matchCount(), 250);
        QVERIFY(!model->canFetchMore({}));
        QCOMPARE(promptAt(*model, 0), u"prompt number 250"_s);
        QCOMPARE(promptAt(*model, 249), u"prompt number 1"_s);
    }

    void aFarRowLoadsWithoutTheRowsAbove()
    {
        auto model = makeModel(baseQuery());
        // At most the top block (the tester reads the first row).
        QVERIFY(model->loadedRowCount() <= 20);
        // Row 230 is block 11 of 20-row blocks: one block is read, not the ten above it.
        QCOMPARE(promptAt(*model, 230), u"prompt number 20"_s);
        QVERIFY(model->loadedRowCount() <= 40);
        QCOMPARE(model->rowOfRecord(rowIdOf(100)), -1);
        QCOMPARE(model->rowOfRecord(rowIdOf(20)), 230);
        // Every row, jumping about, is the row a full read has there.
        for (const int row : {137, 3, 249, 100, 99, 120, 119, 240, 0, 61})
            QCOMPARE(promptAt(*model, row), u"prompt number %1"_s.arg(250 - row));
        // Far blocks are dropped once the screen moves on; the top block stays.
        model->setVisibleRows(20, 30);
        QVERIFY(model->loadedRowCount() < 250);
        QCOMPARE(model->rowOfRecord(rowIdOf(1)), -1);
        QCOMPARE(model->rowOfRecord(rowIdOf(250)), 0);
    }

    // A scroll through everything that never settles (no setVisibleRows) still holds a
    // bounded number of blocks.
    void anUnsettledScrollHoldsFewRows()
    {
        auto model = makeModel(baseQuery());
        model->setPageSize(2);
        model->setQuery(baseQuery());
        for (int row = 0; row < 250; ++row)
            QCOMPARE(promptAt(*model, row), u"prompt number %1"_s.arg(250 - row));
        QVERIFY2(model->loadedRowCount() <= 130,
                 qPrintable(QString::number(model->loadedRowCount())));
    }

    void filtersAndOrderChangeTheCount_data()
    {
        QTest::addColumn<QList<ImageStatus>>("statuses");
        QTest::addColumn<QString>("search");
        QTest::addColumn<bool>("oldestFirst");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("lastPrompt");
        QTest::newRow("all") << QList<ImageStatus>{} << QString() << false << 250
                             << u"prompt number 1"_s;
        QTest::newRow("oldest first")
            << QList<ImageStatus>{} << QString() << true << 250 << u"prompt number 250"_s;
        QTest::newRow("failed") << QList<ImageStatus>{ImageStatus::Failed} << QString() << false
                                << 83 << u"prompt number 3"_s;
        QTest::newRow("failed, oldest first") << QList<ImageStatus>{ImageStatus::Failed}
                                              << QString() << true << 83 << u"prompt number 249"_s;
        QTest::newRow("search") << QList<ImageStatus>{} << u"number 125"_s << false << 1
                                << u"prompt number 125"_s;
        QTest::newRow("nothing") << QList<ImageStatus>{ImageStatus::Pending} << QString() << false
                                 << 0 << QString();
    }

    void filtersAndOrderChangeTheCount()
    {
        QFETCH(QList<ImageStatus>, statuses);
        QFETCH(QString, search);
        QFETCH(bool, oldestFirst);
        QFETCH(int, expected);
        QFETCH(QString, lastPrompt);
        auto q = baseQuery();
        q.statuses = statuses;
        q.search = search;
        q.order = oldestFirst ? HistoryQuery::Order::OldestFirst : HistoryQuery::Order::NewestFirst;
        auto model = makeModel(q);
        QCOMPARE(model->rowCount(), expected);
        QCOMPARE(model->matchCount(), expected);
        if (expected == 0)
            return;
        // The last row first (a jump), then every row in a scroll from the top.
        QCOMPARE(promptAt(*model, expected - 1), lastPrompt);
        QDateTime previous;
        for (int row = 0; row < expected; ++row) {
            const HistoryRecord *r = model->recordAt(row);
            QVERIFY(r);
            QCOMPARE(r->accountId, account);
            QVERIFY(statuses.isEmpty() || statuses.contains(r->status));
            if (previous.isValid())
                QVERIFY(oldestFirst ? r->createdAt() > previous : r->createdAt() < previous);
            previous = r->createdAt();
        }
    }

    // New records above the screen are inserted at the top, so the rows on screen keep their
    // records; a changed row reports its change.
    void refreshKeepsTheScrollPosition()
    {
        auto model = makeModel(baseQuery());
        QCOMPARE(promptAt(*model, 0), u"prompt number 250"_s);
        model->setVisibleRows(100, 120);
        QCOMPARE(promptAt(*model, 100), u"prompt number 150"_s);
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_store->upsertServerRecords(account, records(251, 255), baseMs).ok());
        QVERIFY(m_store->setFavorite(rowIdOf(150), true).ok());
        model->refresh();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 4);
        QCOMPARE(model->rowCount(), 255);
        QCOMPARE(model->matchCount(), 255);
        QCOMPARE(promptAt(*model, 105), u"prompt number 150"_s);
        QVERIFY(model->data(model->index(105), GalleryModel::FavoriteRole).toBool());
        QCOMPARE(promptAt(*model, 0), u"prompt number 255"_s);

        // Rows hidden above the screen: the rows are reset, and the model says where the
        // first row on screen went, so the view keeps its place.
        model->setVisibleRows(105, 125);
        QVERIFY(m_store->setHidden(rowIdOf(254), true).ok());
        QVERIFY(m_store->setHidden(rowIdOf(200), true).ok());
        QSignalSpy moved(model.get(), &GalleryModel::refreshMovedRows);
        model->refresh();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(0).toInt(), 105);
        QCOMPARE(moved.at(0).at(1).toInt(), 103);
        QCOMPARE(model->rowCount(), 253);
        QCOMPARE(promptAt(*model, 103), u"prompt number 150"_s);
    }

    void findsDaysAndRecordsAnywhere()
    {
        auto model = makeModel(baseQuery());
        // Record n was made n hours after the base: the newest of a day is the first of its
        // rows newest first, the oldest the first oldest first.
        const QDate day = QDateTime::fromMSecsSinceEpoch(baseMs + 100 * hourMs, Qt::UTC).date();
        const int row = model->rowOfDay(day);
        QVERIFY(row >= 0);
        const HistoryRecord *first = model->recordAt(row);
        QCOMPARE(first->createdAt().date(), day);
        QVERIFY(model->recordAt(row - 1)->createdAt().date() > day);
        QCOMPARE(model->timeOfRow(row).date(), day);
        // A day after the newest record: the top; before the oldest: the last row.
        QCOMPARE(model->rowOfDay(day.addYears(1)), 0);
        QCOMPARE(model->rowOfDay(day.addYears(-1)), 249);
        // The month of a row not read yet comes from the per-day index.
        auto fresh = makeModel(baseQuery());
        QCOMPARE(fresh->timeOfRow(200).date(), model->timeOfRow(200).date());
        QCOMPARE(fresh->rowOfRecord(rowIdOf(50)), -1);

        auto q = baseQuery();
        q.order = HistoryQuery::Order::OldestFirst;
        auto oldest = makeModel(q);
        const int oldestRow = oldest->rowOfDay(day);
        QCOMPARE(oldest->recordAt(oldestRow)->createdAt().date(), day);
        QVERIFY(oldest->recordAt(oldestRow - 1)->createdAt().date() < day);

        // A record far down, and one that the query leaves out.
        QCOMPARE(fresh->locateRecord(rowIdOf(7)), 243);
        QVERIFY(m_store->setHidden(rowIdOf(8), true).ok());
        fresh->refresh();
        QCOMPARE(fresh->locateRecord(rowIdOf(8)), -1);
        QCOMPARE(fresh->locateRecord(rowIdOf(7)), 242);
    }
};

QTEST_GUILESS_MAIN(TestGallerySpan)
#include "tst_galleryspan.moc"
