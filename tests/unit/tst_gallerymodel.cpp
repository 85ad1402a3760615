#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "models/gallerymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000;
const QString account = u"acc"_s;

// Record n: created n seconds after the base; every third failed, every fifth an edit.
GeneratedImage record(int n, const QString &prompt = {})
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.prompt = prompt.isEmpty() ? u"prompt number %1"_s.arg(n) : prompt;
    g.type = n % 5 == 0 ? ImageType::ImageToImage : ImageType::TextToImage;
    g.typeRaw = g.type == ImageType::ImageToImage ? u"IMAGETOIAMGE"_s : u"TEXTTOIAMGE"_s;
    g.status = n % 3 == 0 ? ImageStatus::Failed : ImageStatus::Completed;
    if (g.status == ImageStatus::Failed)
        g.error = u"failed %1"_s.arg(n);
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 1000, Qt::UTC);
    return g;
}

QList<GeneratedImage> records(int from, int to)
{
    QList<GeneratedImage> list;
    for (int n = from; n <= to; ++n)
        list << record(n);
    return list;
}

QList<qint64> rowIds(const GalleryModel &model)
{
    QList<qint64> ids;
    for (int i = 0; i < model.rowCount(); ++i)
        ids << model.recordAt(i)->rowId;
    return ids;
}

} // namespace

// GalleryModel over a real database: paging, filters and refresh with inserted, changed and
// removed rows, all watched by QAbstractItemModelTester.
class TestGalleryModel final : public QObject
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

    std::unique_ptr<GalleryModel> makeModel(int pageSize)
    {
        auto model = std::make_unique<GalleryModel>(*m_reader);
        model->setPageSize(pageSize);
        new QAbstractItemModelTester(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, model.get());
        return model;
    }

    qint64 rowIdOf(int n)
    {
        auto r = m_store->record(account, record(n).id);
        return r && r.value() ? r.value()->rowId : -1;
    }

private Q_SLOTS:
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

    void pagesInWithFetchMore()
    {
        auto model = makeModel(100);
        QSignalSpy counts(model.get(), &GalleryModel::matchCountChanged);
        model->setQuery(baseQuery());
        QCOMPARE(model->rowCount(), 100);
        QCOMPARE(model->matchCount(), 250);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(model->data(model->index(0), GalleryModel::PromptRole).toString(),
                 u"prompt number 250"_s);
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 200);
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 250);
        QVERIFY(!model->canFetchMore({}));
        // Newest first, no duplicates across pages.
        const auto ids = rowIds(*model);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), 250);
        QCOMPARE(model->data(model->index(249), GalleryModel::PromptRole).toString(),
                 u"prompt number 1"_s);
    }

    void filtersChangeRowsAndCount_data()
    {
        QTest::addColumn<QList<ImageStatus>>("statuses");
        QTest::addColumn<QList<ImageType>>("kinds");
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("expected");
        QTest::newRow("all") << QList<ImageStatus>{} << QList<ImageType>{} << QString() << 250;
        QTest::newRow("failed") << QList<ImageStatus>{ImageStatus::Failed} << QList<ImageType>{}
                                << QString() << 83;
        QTest::newRow("edits") << QList<ImageStatus>{} << QList<ImageType>{ImageType::ImageToImage}
                               << QString() << 50;
        QTest::newRow("failed edits")
            << QList<ImageStatus>{ImageStatus::Failed} << QList<ImageType>{ImageType::ImageToImage}
            << QString() << 16;
        QTest::newRow("pending") << QList<ImageStatus>{ImageStatus::Pending} << QList<ImageType>{}
                                 << QString() << 0;
        QTest::newRow("search one")
            << QList<ImageStatus>{} << QList<ImageType>{} << u"number 125"_s << 1;
        QTest::newRow("search none")
            << QList<ImageStatus>{} << QList<ImageType>{} << u"zebra"_s << 0;
    }

    void filtersChangeRowsAndCount()
    {
        QFETCH(QList<ImageStatus>, statuses);
        QFETCH(QList<ImageType>, kinds);
        QFETCH(QString, search);
        QFETCH(int, expected);
        auto model = makeModel(1000);
        auto q = baseQuery();
        q.statuses = statuses;
        q.kinds = kinds;
        q.search = search;
        model->setQuery(q);
        QCOMPARE(model->rowCount(), expected);
        QCOMPARE(model->matchCount(), expected);
        for (int i = 0; i < model->rowCount(); ++i) {
            const auto *r = model->recordAt(i);
            QCOMPARE(r->accountId, account);
            QVERIFY(statuses.isEmpty() || statuses.contains(r->status));
            QVERIFY(kinds.isEmpty() || kinds.contains(r->kind));
        }
    }

    void refreshInsertsNewRowsAtTheTop()
    {
        auto model = makeModel(100);
        model->setQuery(baseQuery());
        model->fetchMore({});
        const auto before = rowIds(*model);
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_store->upsertServerRecords(account, records(251, 255), baseMs).ok());
        model->refresh();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 4);
        QCOMPARE(model->matchCount(), 255);
        QCOMPARE(model->data(model->index(0), GalleryModel::PromptRole).toString(),
                 u"prompt number 255"_s);
        // The rows loaded before follow, in order; the read keeps its length, so the last five
        // went back to the next page, where fetchMore finds them.
        QCOMPARE(rowIds(*model).mid(5), before.mid(0, before.size() - 5));
        model->fetchMore({});
        QCOMPARE(rowIds(*model).mid(5, before.size()), before);
    }

    void refreshReportsChangedRowsOneByOne()
    {
        auto model = makeModel(100);
        model->setQuery(baseQuery());
        const int row = model->rowOfRecord(rowIdOf(240));
        QVERIFY(row >= 0);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_store->setFavorite(rowIdOf(240), true).ok());
        model->refresh();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
        QCOMPARE(model->data(model->index(row), GalleryModel::FavoriteRole).toBool(), true);
        // Nothing changed: nothing reported.
        model->refresh();
        QCOMPARE(changed.size(), 1);
    }

    void refreshRemovesRowsThatNoLongerMatch()
    {
        auto model = makeModel(100);
        model->setQuery(baseQuery());
        const qint64 gone = rowIdOf(245);
        const int row = model->rowOfRecord(gone);
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_store->setHidden(gone, true).ok());
        QVERIFY(m_store->setHidden(rowIdOf(244), true).ok());
        model->refresh();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1); // one contiguous run
        QCOMPARE(removed.at(0).at(1).toInt(), row);
        QCOMPARE(removed.at(0).at(2).toInt(), row + 1);
        QCOMPARE(model->rowOfRecord(gone), -1);
        QCOMPARE(model->matchCount(), 248);
        // The page keeps its length: a row from the next page moved up.
        QCOMPARE(model->rowCount(), 100);
        model->fetchMore({});
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 248);
        const auto ids = rowIds(*model);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), 248);
    }

    void refreshWithFiltersMovesRowsInAndOut()
    {
        auto model = makeModel(50);
        auto q = baseQuery();
        q.favoritesOnly = true;
        QVERIFY(m_store->setFavorite(rowIdOf(10), true).ok());
        QVERIFY(m_store->setFavorite(rowIdOf(20), true).ok());
        model->setQuery(q);
        QCOMPARE(rowIds(*model), (QList<qint64>{rowIdOf(20), rowIdOf(10)}));
        QVERIFY(m_store->setFavorite(rowIdOf(20), false).ok());
        QVERIFY(m_store->setFavorite(rowIdOf(30), true).ok());
        QVERIFY(m_store->setFavorite(rowIdOf(5), true).ok());
        model->refresh();
        QCOMPARE(rowIds(*model), (QList<qint64>{rowIdOf(30), rowIdOf(10), rowIdOf(5)}));
        QCOMPARE(model->matchCount(), 3);
    }

    // A history scrolled far down is re-read in slices: the top and the rows on screen at
    // once, the others one slice per event-loop pass. In the end the rows are what one full
    // read gives, reached by inserts, removals and dataChanged alone (the tester watches).
    void slicedRefreshEndsWhereAFullReadDoes()
    {
        auto model = makeModel(20);
        model->setRefreshSliceSize(30);
        model->setQuery(baseQuery());
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), 250);
        model->setVisibleRows(150, 160);
        const qint64 onScreen = model->recordAt(155)->rowId;
        QVERIFY(m_store->upsertServerRecords(account, records(251, 254), baseMs).ok());
        for (const int n : {249, 200, 120, 119, 118, 3})
            QVERIFY(m_store->setHidden(rowIdOf(n), true).ok());
        QVERIFY(m_store->setFavorite(onScreen, true).ok());
        QVERIFY(m_store->setFavorite(rowIdOf(10), true).ok()); // near the end: a later slice
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);

        model->refresh();
        QVERIFY(model->isRefreshing());
        QCOMPARE(model->recordAt(0)->rowId, rowIdOf(254));
        QCOMPARE(model->rowOfRecord(rowIdOf(249)), -1);
        QVERIFY(model->recordAt(model->rowOfRecord(onScreen))->favorite);
        QVERIFY(!model->recordAt(model->rowOfRecord(rowIdOf(10)))->favorite);
        QCOMPARE(model->matchCount(), 248);

        QTRY_VERIFY(!model->isRefreshing());
        QCOMPARE(reset.size(), 0);
        auto full = makeModel(1000);
        full->setQuery(baseQuery());
        QCOMPARE(rowIds(*model), rowIds(*full));
        for (int row = 0; row < full->rowCount(); ++row)
            QCOMPARE(model->recordAt(row)->favorite, full->recordAt(row)->favorite);
        QVERIFY(!model->canFetchMore({}));

        // Records older than everything loaded come in through fetchMore, as before.
        QVERIFY(m_store->upsertServerRecords(account, {record(-5)}, baseMs).ok());
        model->refresh();
        QTRY_VERIFY(!model->isRefreshing());
        QCOMPARE(model->rowCount(), 248);
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 249);
        QCOMPARE(model->recordAt(248)->rowId, rowIdOf(-5));
    }

    void emptyAccountHasNoRows()
    {
        auto model = makeModel(100);
        auto q = baseQuery();
        q.accountId = u"nobody"_s;
        model->setQuery(q);
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->matchCount(), 0);
        QVERIFY(!model->canFetchMore({}));
        model->refresh();
        QCOMPARE(model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGalleryModel)
#include "tst_gallerymodel.moc"
