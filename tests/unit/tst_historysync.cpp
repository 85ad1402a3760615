#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "history/historysync.h"
#include "historyfixture.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000;

// Answers like BackendClient::fetchImages: later, from the event loop, exactly once.
class FakeImagesCall final : public ApiCall<ImagesPage>
{
public:
    FakeImagesCall(std::function<Result<ImagesPage>()> answer, QObject *parent)
        : ApiCall<ImagesPage>(parent)
    {
        QTimer::singleShot(0, this, [this, answer = std::move(answer)] { finish(answer()); });
    }
    void abort() override { finish(ApiError::make(ApiError::Kind::Cancelled, u"Cancelled."_s)); }
};

// The server's state is a list of records, newest first; tests change it between and during
// syncs, and can make one request fail.
class FakeHistoryServer final : public QObject
{
public:
    QList<GeneratedImage> records;
    int requests = 0;
    QList<std::pair<int, int>> asked; // (limit, skip) per request
    int failAtRequest = -1; // 1-based
    std::function<void(int request)> beforeAnswer;
    int nextNumber = 0;
    qint64 claimedTotal = -1; // >= 0: the total (and hasMore) the server claims instead
    int pageCap = -1; // >= 0: at most this many records per page, whatever the limit

    GeneratedImage make(ImageStatus status = ImageStatus::Completed)
    {
        const int n = nextNumber++;
        GeneratedImage g;
        g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
        g.userId = u"user"_s;
        g.prompt = u"prompt %1"_s.arg(n);
        g.typeRaw = u"TEXTTOIAMGE"_s;
        g.type = ImageType::TextToImage;
        g.status = status;
        if (status == ImageStatus::Completed)
            g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(n);
        g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 1000, Qt::UTC);
        return g;
    }
    // Adds `count` records at the top (newest).
    void addNewest(int count)
    {
        for (int i = 0; i < count; ++i)
            records.prepend(make());
    }

    ApiCall<ImagesPage> *fetch(int limit, int skip)
    {
        const int request = ++requests;
        asked.append({limit, skip});
        return new FakeImagesCall(
            [this, limit, skip, request]() -> Result<ImagesPage> {
                if (beforeAnswer)
                    beforeAnswer(request);
                if (request == failAtRequest)
                    return ApiError::make(ApiError::Kind::ServerError,
                                          u"The server had a problem."_s, 500,
                                          u"Internal server error"_s);
                ImagesPage page;
                page.images = records.mid(skip, pageCap >= 0 ? std::min(limit, pageCap) : limit);
                page.total = claimedTotal >= 0 ? claimedTotal : records.size();
                page.limit = limit;
                page.skip = skip;
                page.hasMore = skip + page.images.size() < page.total;
                return page;
            },
            this);
    }
};

} // namespace

// HistorySync against a stateful fake page source: request counts, drift, failures, gone
// records and account separation.
class TestHistorySync final : public QObject, HistoryFixture
{
    Q_OBJECT

private:
    std::unique_ptr<HistorySync> makeSync(FakeHistoryServer &server, const QString &account)
    {
        return std::make_unique<HistorySync>(
            [&server](int limit, int skip) { return server.fetch(limit, skip); }, *m_store,
            account);
    }

    // Runs one sync to its end; the report, or nullopt (and `error`) when it failed.
    std::optional<SyncReport> run(HistorySync &sync, HistorySync::Mode mode,
                                  ApiError *error = nullptr)
    {
        std::optional<SyncReport> report;
        std::optional<ApiError> failure;
        QObject context;
        connect(&sync, &HistorySync::finished, &context, [&](const SyncReport &r) { report = r; });
        connect(&sync, &HistorySync::failed, &context, [&](const ApiError &e) { failure = e; });
        if (!sync.start(mode))
            return std::nullopt;
        // QTRY_VERIFY's own wait, usable in a function that returns a value.
        if (!QTest::qWaitFor([&] { return report || failure; }, 60000))
            qWarning("sync did not end within 60 s");
        if (failure && error)
            *error = *failure;
        return report;
    }

    qint64 localCount(const QString &account)
    {
        HistoryReader reader(*m_db);
        HistoryQuery q;
        q.accountId = account;
        q.includeHidden = true;
        return reader.count(q).value();
    }

    QSet<QString> localIds(const QString &account)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT id FROM generated_images WHERE account_id = :a"_s);
        q.bindValue(u":a"_s, account);
        q.exec();
        QSet<QString> ids;
        while (q.next())
            ids.insert(q.value(0).toString());
        return ids;
    }

    static QSet<QString> serverIds(const FakeHistoryServer &server)
    {
        QSet<QString> ids;
        for (const auto &g : server.records)
            ids.insert(g.id);
        return ids;
    }

    const QString acc = u"acc"_s;

private Q_SLOTS:
    void init() { QVERIFY(openFresh()); }
    void cleanup() { closeAll(); }

    void firstSyncPagesLargeAndResyncCostsOneRequest()
    {
        FakeHistoryServer server;
        server.addNewest(10'000);
        auto sync = makeSync(server, acc);
        QSignalSpy progress(sync.get(), &HistorySync::progress);

        const auto first = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(first);
        QVERIFY(first->full);
        QVERIFY2(first->requests <= 15, qPrintable(QString::number(first->requests)));
        QCOMPARE(first->requests, server.requests);
        QCOMPARE(first->fetched, 10'000);
        QCOMPARE(first->added, 10'000);
        QCOMPARE(first->gone, 0);
        QCOMPARE(localCount(acc), 10'000);
        QCOMPARE(localIds(acc), serverIds(server));
        QCOMPARE(progress.size(), first->requests);
        QCOMPARE(progress.last().at(0).toLongLong(), 10'000);
        QCOMPARE(progress.last().at(1).toLongLong(), 10'000);
        const auto state = m_store->syncState(acc).value();
        QVERIFY(state.contains(QString::fromLatin1(HistorySync::lastFullSyncKey)));
        QCOMPARE(state.value(QString::fromLatin1(HistorySync::serverTotalKey)), u"10000"_s);
        QCOMPARE(state.value(QString::fromLatin1(HistorySync::newestCreatedKey)).toLongLong(),
                 server.records.first().createdAt.toMSecsSinceEpoch());
        qInfo("first sync of 10,000 records: %d requests, %lld ms in all, store %lld ms = %lld "
              "records/s",
              first->requests, first->durationMs, first->storeMs,
              first->storeMs > 0 ? qint64(10'000) * 1000 / first->storeMs : -1);

        server.requests = 0;
        const auto again = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(again);
        QVERIFY(!again->full);
        QCOMPARE(again->requests, 1);
        QCOMPARE(server.requests, 1);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->changed, 0);
        QCOMPARE(localCount(acc), 10'000);
    }

    void newRecordsAtTheTopAreFetched_data()
    {
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("maxRequests");
        QTest::newRow("one") << 1 << 2;
        QTest::newRow("a page's worth") << 100 << 3;
        QTest::newRow("many") << 2500 << 5;
    }

    void newRecordsAtTheTopAreFetched()
    {
        QFETCH(int, added);
        QFETCH(int, maxRequests);
        FakeHistoryServer server;
        server.addNewest(300);
        auto sync = makeSync(server, acc);
        QVERIFY(run(*sync, HistorySync::Mode::Auto));

        server.addNewest(added);
        server.requests = 0;
        const auto report = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(report);
        QVERIFY(!report->full);
        QCOMPARE(report->added, added);
        QVERIFY2(report->requests <= maxRequests, qPrintable(QString::number(report->requests)));
        QCOMPARE(localIds(acc), serverIds(server));
    }

    void changedRecordsAreUpdated()
    {
        FakeHistoryServer server;
        server.records.prepend(server.make(ImageStatus::Pending));
        server.addNewest(5);
        auto sync = makeSync(server, acc);
        QVERIFY(run(*sync, HistorySync::Mode::Auto));
        const QString pendingId = server.records.last().id;
        QCOMPARE(m_store->record(acc, pendingId).value()->status, ImageStatus::Pending);

        server.records.last().status = ImageStatus::Completed;
        server.records.last().imageUrl = u"/uploads/done.png"_s;
        const auto report = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(report);
        QCOMPARE(report->changed, 1);
        QCOMPARE(report->added, 0);
        const auto record = m_store->record(acc, pendingId).value();
        QCOMPARE(record->status, ImageStatus::Completed);
        QCOMPARE(record->imageUrl, u"/uploads/done.png"_s);
    }

    void driftDuringAFullSyncLosesNothing_data()
    {
        QTest::addColumn<int>("perRequest");
        QTest::newRow("7 new records per request") << 7;
        QTest::newRow("a full page more per request") << 1000;
    }

    void driftDuringAFullSyncLosesNothing()
    {
        QFETCH(int, perRequest);
        FakeHistoryServer server;
        server.addNewest(3000);
        server.beforeAnswer = [&server, perRequest](int request) {
            if (request >= 2 && request <= 3)
                server.addNewest(perRequest);
        };
        auto sync = makeSync(server, acc);
        const auto report = run(*sync, HistorySync::Mode::Full);
        QVERIFY(report);
        QCOMPARE(server.records.size(), 3000 + 2 * perRequest);
        QCOMPARE(localCount(acc), server.records.size()); // no duplicates
        QCOMPARE(localIds(acc), serverIds(server)); // nothing missed
        QCOMPARE(report->fetched, server.records.size());
        QCOMPARE(report->added, server.records.size());
        QCOMPARE(report->gone, 0);
    }

    void failingPageKeepsWhatWasStored()
    {
        FakeHistoryServer server;
        server.addNewest(2500);
        server.failAtRequest = 2;
        auto sync = makeSync(server, acc);
        ApiError error;
        QVERIFY(!run(*sync, HistorySync::Mode::Auto, &error));
        QCOMPARE(error.kind, ApiError::Kind::ServerError);
        QCOMPARE(error.httpStatus, 500);
        QVERIFY(!sync->isRunning());
        QCOMPARE(localCount(acc), 1000); // the first page stays
        QVERIFY(!m_store->syncState(acc).value().contains(
            QString::fromLatin1(HistorySync::lastFullSyncKey)));

        // The next sync is a full one again and completes the mirror.
        server.failAtRequest = -1;
        const auto report = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(report);
        QVERIFY(report->full);
        QCOMPARE(report->added, 1500);
        QCOMPARE(report->unchanged, 1000);
        QCOMPARE(localIds(acc), serverIds(server));
    }

    // A failure deep into a paged sync, with pages still queued for the writer: the sync
    // reports it once every page before it is written, and keeps them.
    void failureMidwayKeepsEveryEarlierPage()
    {
        FakeHistoryServer server;
        server.addNewest(5000);
        server.failAtRequest = 30;
        auto sync = makeSync(server, acc);
        HistorySync::Options options;
        options.fullPageSize = 100;
        sync->setOptions(options);
        ApiError error;
        QVERIFY(!run(*sync, HistorySync::Mode::Auto, &error));
        QCOMPARE(error.kind, ApiError::Kind::ServerError);
        QVERIFY(!sync->isRunning());
        QCOMPARE(localCount(acc), 2900);
    }

    void abortReportsCancelled()
    {
        FakeHistoryServer server;
        server.addNewest(10);
        auto sync = makeSync(server, acc);
        QSignalSpy failed(sync.get(), &HistorySync::failed);
        QVERIFY(sync->start());
        QVERIFY(!sync->start()); // one at a time
        sync->abort();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(!sync->isRunning());
    }

    void removedRecordIsMarkedGoneAfterAFullSync()
    {
        FakeHistoryServer server;
        server.addNewest(50);
        auto sync = makeSync(server, acc);
        QVERIFY(run(*sync, HistorySync::Mode::Auto));
        const GeneratedImage removedA = server.records.takeAt(10);
        const GeneratedImage removedB = server.records.takeAt(40);
        QVERIFY(m_store->setFavorite(m_store->record(acc, removedA.id).value()->rowId, true).ok());

        const auto incremental = run(*sync, HistorySync::Mode::Incremental);
        QVERIFY(incremental);
        QCOMPARE(incremental->gone, 0); // only a complete listing proves absence

        const auto full = run(*sync, HistorySync::Mode::Full);
        QVERIFY(full);
        QCOMPARE(full->gone, 2);
        QCOMPARE(localCount(acc), 50); // kept: the user's copy
        const auto a = m_store->record(acc, removedA.id).value();
        QVERIFY(a->goneFromServer);
        QVERIFY(a->favorite);
        QVERIFY(m_store->record(acc, removedB.id).value()->goneFromServer);
        QVERIFY(!m_store->record(acc, server.records.first().id).value()->goneFromServer);

        // Back on the server: no longer gone.
        server.records.insert(10, removedA);
        const auto again = run(*sync, HistorySync::Mode::Full);
        QVERIFY(again);
        QCOMPARE(again->gone, 0);
        QVERIFY(!m_store->record(acc, removedA.id).value()->goneFromServer);
    }

    void incompleteListingMarksNothingGone()
    {
        FakeHistoryServer server;
        server.addNewest(40);
        auto sync = makeSync(server, acc);
        QVERIFY(run(*sync, HistorySync::Mode::Auto));
        // The server claims 50 records but lists 30, then answers an empty page.
        server.records.remove(30, 10);
        server.claimedTotal = 50;
        const auto report = run(*sync, HistorySync::Mode::Full);
        QVERIFY(report);
        QCOMPARE(report->fetched, 30);
        QCOMPARE(report->gone, 0);
        QCOMPARE(localCount(acc), 40);
    }

    void accountsSyncApart()
    {
        FakeHistoryServer alice, bob;
        alice.addNewest(30);
        bob.nextNumber = 1000;
        bob.addNewest(20);
        auto syncAlice = makeSync(alice, u"alice"_s);
        auto syncBob = makeSync(bob, u"bob"_s);
        QVERIFY(run(*syncAlice, HistorySync::Mode::Auto));
        const auto bobReport = run(*syncBob, HistorySync::Mode::Auto);
        QVERIFY(bobReport);
        QVERIFY(bobReport->full); // alice's sync state is not bob's
        QCOMPARE(localIds(u"alice"_s), serverIds(alice));
        QCOMPARE(localIds(u"bob"_s), serverIds(bob));
        // A full sync of bob marks nothing of alice's gone.
        QCOMPARE(run(*syncBob, HistorySync::Mode::Full)->gone, 0);
        QCOMPARE(localCount(u"alice"_s), 30);
    }

    void jobRowMeetsItsRecordDuringSync()
    {
        FakeHistoryServer server;
        server.addNewest(5);
        auto sync = makeSync(server, acc);
        QVERIFY(run(*sync, HistorySync::Mode::Auto));
        Job job;
        job.id = 77;
        job.request.prompt = u"a new one"_s;
        job.taskId = u"task-77"_s;
        const qint64 row = m_store->insertLocalJobRow(acc, job).value();
        GeneratedImage g = server.make();
        g.taskId = u"task-77"_s;
        g.prompt = job.request.prompt;
        server.records.prepend(g);
        const auto report = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(report);
        QCOMPARE(report->changed, 1);
        QCOMPARE(report->added, 0);
        QCOMPARE(localCount(acc), 6);
        QCOMPARE(m_store->record(acc, g.id).value()->rowId, row);
    }

    // A full sync asks for the next page one ahead; a server that sends fewer records than
    // asked (with more to come) breaks that arithmetic, and the sync reads on page by page.
    void shortPagesEndTheLookAheadAndLoseNothing()
    {
        FakeHistoryServer server;
        server.addNewest(2500);
        server.pageCap = 300;
        auto sync = makeSync(server, acc);
        const auto report = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(report);
        QCOMPARE(report->added, 2500);
        QCOMPARE(report->gone, 0);
        QCOMPARE(localIds(acc), serverIds(server));
        // Nine pages of 300 and at most the two look-aheads that went wrong.
        QVERIFY2(report->requests <= 11, qPrintable(QString::number(report->requests)));
    }

    // A worker that falls behind stops the paging (bounded memory) and the sync still ends:
    // every page is written and reported once.
    void slowWritesPauseThePagingAndLoseNothing()
    {
        FakeHistoryServer server;
        server.addNewest(1050);
        auto sync = makeSync(server, acc);
        HistorySync::Options options;
        options.fullPageSize = 100;
        options.maxQueuedPages = 2;
        sync->setOptions(options);
        QSignalSpy progress(sync.get(), &HistorySync::progress);
        const auto report = run(*sync, HistorySync::Mode::Full);
        QVERIFY(report);
        QCOMPARE(report->requests, 11);
        QCOMPARE(report->added, 1050);
        QCOMPARE(progress.size(), 11);
        QCOMPARE(localIds(acc), serverIds(server));
    }

    // A first sync into an empty account writes its pages without looking records up; a job
    // row that appears meanwhile must still meet its record.
    void jobRowAddedDuringAFirstSyncMeetsItsRecord()
    {
        FakeHistoryServer server;
        server.addNewest(3000);
        GeneratedImage &onLastPage = server.records[2500];
        onLastPage.taskId = u"task-88"_s;
        const QString recordId = onLastPage.id;
        qint64 jobRow = 0;
        server.beforeAnswer = [&](int request) {
            if (request != 2)
                return;
            Job job;
            job.id = 88;
            job.request.prompt = u"queued meanwhile"_s;
            job.taskId = u"task-88"_s;
            jobRow = m_store->insertLocalJobRow(acc, job).value();
        };
        auto sync = makeSync(server, acc);
        const auto report = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(report);
        QVERIFY(report->full);
        QVERIFY(jobRow > 0);
        QCOMPARE(report->added, 2999);
        QCOMPARE(report->changed, 1);
        QCOMPARE(report->gone, 0);
        QCOMPARE(localCount(acc), 3000);
        QCOMPARE(localIds(acc), serverIds(server));
        const auto record = m_store->record(acc, recordId).value();
        QVERIFY(record);
        QCOMPARE(record->rowId, jobRow);
        QCOMPARE(record->jobId, std::optional<qint64>(88));
    }

    // Pages written without lookups leave nothing to mark gone; a later full sync still marks
    // what the server dropped.
    void firstSyncIntoAnEmptyAccountThenFullSyncMarksGone()
    {
        FakeHistoryServer server;
        server.addNewest(2500);
        auto sync = makeSync(server, acc);
        const auto first = run(*sync, HistorySync::Mode::Auto);
        QVERIFY(first);
        QCOMPARE(first->added, 2500);
        QCOMPARE(first->gone, 0);
        const QString dropped = server.records.takeAt(1200).id;
        const auto second = run(*sync, HistorySync::Mode::Full);
        QVERIFY(second);
        QCOMPARE(second->added, 0);
        QCOMPARE(second->unchanged, 2499);
        QCOMPARE(second->gone, 1);
        QVERIFY(m_store->record(acc, dropped).value()->goneFromServer);
    }
};

QTEST_GUILESS_MAIN(TestHistorySync)
#include "tst_historysync.moc"
