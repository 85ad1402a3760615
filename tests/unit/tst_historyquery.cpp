#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000;
const QString acc = u"acc"_s;

struct Fixture
{
    int n;
    QString prompt;
    ImageStatus status;
    ImageType type;
    int createdSecond; // equal seconds make created_at ties
    bool favorite;
    bool hidden;
};

// 24 records: every status and kind, favourites, hidden ones, ties on created_at, English
// and Persian prompts.
QList<Fixture> fixtures()
{
    using S = ImageStatus;
    using T = ImageType;
    return {
        {1, u"a quick brown fox"_s, S::Completed, T::TextToImage, 10, true, false},
        {2, u"the lazy dog sleeps"_s, S::Completed, T::ImageToImage, 20, false, false},
        {3, u"foxes in the snow"_s, S::Failed, T::TextToImage, 20, false, false},
        {4, u"a forest at dawn"_s, S::Pending, T::Other, 20, true, false},
        {5, u"café on the corner"_s, S::Completed, T::TextToImage, 30, false, true},
        {6, u"یک گربه‌ی سیاه روی دیوار"_s, S::Completed, T::TextToImage, 40,
         false, false},
        {7, u"باغ ایرانی با درختان انار"_s, S::Completed, T::ImageToImage, 40, true, false},
        {8, u"portrait of a fox, oil painting"_s, S::Completed, T::ImageToImage, 40, false, false},
        {9, u"mountains AND rivers"_s, S::Failed, T::ImageToImage, 50, false, false},
        {10, u"near the sea"_s, S::Completed, T::TextToImage, 60, false, true},
        {11, u"red fox running"_s, S::Pending, T::TextToImage, 60, true, true},
        {12, u"blue whale"_s, S::Completed, T::Other, 60, false, false},
        {13, u"green frog"_s, S::Completed, T::TextToImage, 60, false, false},
        {14, u"old fortress"_s, S::Completed, T::TextToImage, 70, false, false},
        {15, u"kitten with yarn"_s, S::Failed, T::TextToImage, 80, false, false},
        {16, u"city lights"_s, S::Completed, T::ImageToImage, 90, true, false},
        {17, u"a fox and a hound"_s, S::Completed, T::TextToImage, 90, false, false},
        {18, u"desert dunes"_s, S::Pending, T::ImageToImage, 90, false, false},
        {19, u"snowy owl"_s, S::Completed, T::TextToImage, 100, false, false},
        {20, u"sunflowers"_s, S::Completed, T::Other, 110, false, false},
        {21, u"fog over the bay"_s, S::Completed, T::TextToImage, 110, false, false},
        {22, u"rainy street"_s, S::Completed, T::TextToImage, 110, false, false},
        {23, u"a \"quoted\" prompt"_s, S::Completed, T::TextToImage, 120, false, false},
        {24, u"last one"_s, S::Completed, T::ImageToImage, 130, false, false},
    };
}

GeneratedImage toImage(const Fixture &f)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(f.n, 24, 16, QChar(u'0'));
    g.prompt = f.prompt;
    g.type = f.type;
    g.typeRaw = f.type == ImageType::TextToImage    ? u"TEXTTOIAMGE"_s
                : f.type == ImageType::ImageToImage ? u"IMAGETOIAMGE"_s
                                                    : u"THUMBNAIL"_s;
    g.status = f.status;
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(f.createdSecond) * 1000, Qt::UTC);
    return g;
}

// CPU time of this thread: the figures stay meaningful on a machine busy with other work,
// where wall time mostly measures waiting for a core.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 percentile(QList<qint64> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(p * samples.size())));
}

} // namespace

// Reading the mirror: filters, prompt search in any language, both orders, keyset pages and
// counts; prints the figures at 100,000 rows.
class TestHistoryQuery final : public QObject
{
    Q_OBJECT

private:
    // The fixture numbers `query` should return, computed without SQL.
    QList<int> expected(const HistoryQuery &query,
                        const std::function<bool(const Fixture &)> &match)
    {
        QList<Fixture> rows;
        for (const auto &f : fixtures()) {
            if (f.hidden && !query.includeHidden)
                continue;
            if (query.favoritesOnly && !f.favorite)
                continue;
            if (!query.statuses.isEmpty() && !query.statuses.contains(f.status))
                continue;
            if (!query.kinds.isEmpty() && !query.kinds.contains(f.type))
                continue;
            if (match && !match(f))
                continue;
            rows.append(f);
        }
        std::sort(rows.begin(), rows.end(), [this](const Fixture &a, const Fixture &b) {
            const auto ka = std::pair(a.createdSecond, m_rowIds.value(a.n));
            const auto kb = std::pair(b.createdSecond, m_rowIds.value(b.n));
            return ka > kb;
        });
        if (query.order == HistoryQuery::Order::OldestFirst)
            std::reverse(rows.begin(), rows.end());
        QList<int> numbers;
        for (const auto &f : rows)
            numbers.append(f.n);
        return numbers;
    }

    QList<int> numbersOf(const QList<HistoryRecord> &rows)
    {
        QList<int> numbers;
        for (const auto &r : rows)
            numbers.append(r.id.toInt(nullptr, 16));
        return numbers;
    }

    // Every page of `query`, concatenated.
    QList<int> allPages(HistoryQuery query, int *pages = nullptr)
    {
        QList<int> numbers;
        query.after.reset();
        int count = 0;
        for (;;) {
            auto page = m_reader->page(query);
            if (!page.ok())
                return {-1};
            ++count;
            numbers += numbersOf(page.value().rows);
            if (!page.value().next)
                break;
            query.after = page.value().next;
        }
        if (pages)
            *pages = count;
        return numbers;
    }

    QList<int> searchAll(const QString &text)
    {
        HistoryQuery q;
        q.accountId = acc;
        q.includeHidden = true;
        q.search = text;
        auto page = m_reader->page(q);
        if (!page.ok())
            return {-1};
        auto numbers = numbersOf(page.value().rows);
        std::sort(numbers.begin(), numbers.end());
        return numbers;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryDatabase> m_db;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryReader> m_reader;
    QHash<int, qint64> m_rowIds;

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<HistoryDatabase>(m_dir.filePath(u"studio.sqlite"_s));
        QVERIFY(m_db->open().ok());
        m_store = std::make_unique<HistoryStore>(*m_db);
        m_reader = std::make_unique<HistoryReader>(*m_db);
        // Inserted out of order so row_id order differs from created_at order.
        QList<GeneratedImage> images;
        for (const auto &f : fixtures())
            images.prepend(toImage(f));
        std::swap(images[3], images[10]);
        QCOMPARE(m_store->upsertServerRecords(acc, images, baseMs).value().inserted, 24);
        QVERIFY(
            m_store->upsertServerRecords(u"other"_s, {toImage(fixtures().first())}, baseMs).ok());
        for (const auto &f : fixtures()) {
            const auto r = m_store->record(acc, toImage(f).id).value();
            QVERIFY(r.has_value());
            m_rowIds.insert(f.n, r->rowId);
            if (f.favorite)
                QVERIFY(m_store->setFavorite(r->rowId, true).value());
            if (f.hidden)
                QVERIFY(m_store->setHidden(r->rowId, true).value());
        }
    }

    void filters_data()
    {
        using S = ImageStatus;
        using T = ImageType;
        QTest::addColumn<QList<ImageStatus>>("statuses");
        QTest::addColumn<QList<ImageType>>("kinds");
        QTest::addColumn<bool>("favoritesOnly");
        QTest::addColumn<bool>("includeHidden");
        QTest::newRow("everything visible") << QList<S>{} << QList<T>{} << false << false;
        QTest::newRow("including hidden") << QList<S>{} << QList<T>{} << false << true;
        QTest::newRow("completed") << QList<S>{S::Completed} << QList<T>{} << false << false;
        QTest::newRow("failed") << QList<S>{S::Failed} << QList<T>{} << false << false;
        QTest::newRow("pending incl. hidden")
            << QList<S>{S::Pending} << QList<T>{} << false << true;
        QTest::newRow("pending or failed")
            << QList<S>{S::Pending, S::Failed} << QList<T>{} << false << false;
        QTest::newRow("generate") << QList<S>{} << QList<T>{T::TextToImage} << false << false;
        QTest::newRow("edit") << QList<S>{} << QList<T>{T::ImageToImage} << false << false;
        QTest::newRow("other") << QList<S>{} << QList<T>{T::Other} << false << false;
        QTest::newRow("generate or edit")
            << QList<S>{} << QList<T>{T::TextToImage, T::ImageToImage} << false << false;
        QTest::newRow("favourites") << QList<S>{} << QList<T>{} << true << false;
        QTest::newRow("favourites incl. hidden") << QList<S>{} << QList<T>{} << true << true;
        QTest::newRow("completed edits")
            << QList<S>{S::Completed} << QList<T>{T::ImageToImage} << false << false;
        QTest::newRow("completed favourite edits")
            << QList<S>{S::Completed} << QList<T>{T::ImageToImage} << true << false;
        QTest::newRow("pending generate favourites incl. hidden")
            << QList<S>{S::Pending} << QList<T>{T::TextToImage} << true << true;
        QTest::newRow("nothing matches")
            << QList<S>{S::Failed} << QList<T>{T::Other} << false << true;
    }

    void filters()
    {
        QFETCH(QList<ImageStatus>, statuses);
        QFETCH(QList<ImageType>, kinds);
        QFETCH(bool, favoritesOnly);
        QFETCH(bool, includeHidden);
        for (auto order : {HistoryQuery::Order::NewestFirst, HistoryQuery::Order::OldestFirst}) {
            HistoryQuery q;
            q.accountId = acc;
            q.statuses = statuses;
            q.kinds = kinds;
            q.favoritesOnly = favoritesOnly;
            q.includeHidden = includeHidden;
            q.order = order;
            const QList<int> want = expected(q, {});
            auto page = m_reader->page(q);
            QVERIFY(page.ok());
            QCOMPARE(numbersOf(page.value().rows), want);
            QVERIFY(!page.value().next);
            QCOMPARE(m_reader->count(q).value(), want.size());
            for (const auto &r : page.value().rows) {
                QCOMPARE(r.accountId, acc);
                QVERIFY(includeHidden || !r.hidden);
            }
        }
    }

    void searches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("want");
        QTest::newRow("prefix fo") << u"fo"_s << QList<int>{1, 3, 4, 8, 11, 14, 17, 21};
        QTest::newRow("word fox") << u"fox"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("two terms, both required") << u"fox run"_s << QList<int>{11};
        QTest::newRow("case-insensitive") << u"FOX Portrait"_s << QList<int>{8};
        QTest::newRow("diacritics") << u"cafe"_s << QList<int>{5};
        QTest::newRow("with diacritic") << u"café"_s << QList<int>{5};
        QTest::newRow("persian word") << u"دیوار"_s << QList<int>{6};
        QTest::newRow("persian prefix") << u"انا"_s << QList<int>{7};
        QTest::newRow("persian word before zwnj") << u"گربه"_s << QList<int>{6};
        QTest::newRow("persian word typed with zwnj") << u"گربه‌ی"_s << QList<int>{6};
        QTest::newRow("arabic yeh for persian yeh") << u"ديوار"_s << QList<int>{6};
        QTest::newRow("persian two words") << u"باغ درختان"_s << QList<int>{7};
        QTest::newRow("no match") << u"zebra"_s << QList<int>{};
        QTest::newRow("double quote") << u"\""_s << QList<int>{};
        QTest::newRow("quoted word") << u"\"quoted\""_s << QList<int>{23};
        QTest::newRow("unbalanced quote") << u"\"fox"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("star") << u"*"_s << QList<int>{};
        QTest::newRow("star suffix") << u"fox*"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("AND as text") << u"AND"_s << QList<int>{9, 17};
        QTest::newRow("and between words") << u"fox AND hound"_s << QList<int>{17};
        QTest::newRow("OR is a word") << u"fox OR dog"_s << QList<int>{};
        QTest::newRow("NOT alone") << u"NOT"_s << QList<int>{};
        QTest::newRow("minus") << u"-fox"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("NEAR(") << u"NEAR("_s << QList<int>{10};
        QTest::newRow("NEAR(fox dog)") << u"NEAR(fox dog)"_s << QList<int>{};
        QTest::newRow("column filter") << u"prompt:fox"_s << QList<int>{};
        QTest::newRow("caret") << u"^fox"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("parentheses") << u"(fox)"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("plus and braces") << u"{fox} + owl"_s << QList<int>{};
        QTest::newRow("apostrophe") << u"fox's"_s << QList<int>{};
        QTest::newRow("backslash") << u"\\"_s << QList<int>{};
        QTest::newRow("emoji") << u"🦊 fox"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("spaces only") << u"   "_s << QList<int>{};
        QTest::newRow("NUL before a word")
            << QString(QChar(0)) + u"fox"_s << QList<int>{1, 3, 8, 11, 17};
        QTest::newRow("tab and control characters")
            << u"fox\t\u0001hound\u007f"_s << QList<int>{17};
        QTest::newRow("lone surrogate")
            << QString(QChar(0xD800)) + u" fox"_s << QList<int>{1, 3, 8, 11, 17};
        QStringList many(40, u"fox"_s);
        many.append(u"zebra"_s); // beyond the 16 terms that count
        QTest::newRow("very many terms") << many.join(u' ') << QList<int>{1, 3, 8, 11, 17};
    }

    void searches()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, want);
        if (text.trimmed().isEmpty()) {
            // No search at all: everything.
            QCOMPARE(searchAll(text).size(), fixtures().size());
            return;
        }
        QCOMPARE(searchAll(text), want);
        HistoryQuery q;
        q.accountId = acc;
        q.includeHidden = true;
        q.search = text;
        QCOMPARE(m_reader->count(q).value(), want.size());
    }

    void searchCombinesWithFilters()
    {
        HistoryQuery q;
        q.accountId = acc;
        q.search = u"fo"_s;
        q.statuses = {ImageStatus::Completed};
        q.favoritesOnly = false;
        const auto rows = numbersOf(m_reader->page(q).value().rows);
        QCOMPARE(rows, (QList<int>{21, 17, 14, 8, 1}));
        q.favoritesOnly = true;
        QCOMPARE(numbersOf(m_reader->page(q).value().rows), QList<int>{1});
        q.includeHidden = true;
        q.statuses = {ImageStatus::Pending};
        QCOMPARE(numbersOf(m_reader->page(q).value().rows), (QList<int>{11, 4}));
        q.order = HistoryQuery::Order::OldestFirst;
        QCOMPARE(numbersOf(m_reader->page(q).value().rows), (QList<int>{4, 11}));
    }

    void keysetPagesConcatenateToTheFullList_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("oldestFirst");
        QTest::addColumn<QString>("search");
        for (int limit : {1, 2, 3, 5, 7, 23, 24, 25, 100}) {
            QTest::addRow("limit %d newest", limit) << limit << false << QString();
            QTest::addRow("limit %d oldest", limit) << limit << true << QString();
        }
        QTest::newRow("limit 2 search fo") << 2 << false << u"fo"_s;
        QTest::newRow("limit 3 search fo oldest") << 3 << true << u"fo"_s;
    }

    void keysetPagesConcatenateToTheFullList()
    {
        QFETCH(int, limit);
        QFETCH(bool, oldestFirst);
        QFETCH(QString, search);
        HistoryQuery q;
        q.accountId = acc;
        q.includeHidden = true;
        q.limit = limit;
        q.search = search;
        q.order = oldestFirst ? HistoryQuery::Order::OldestFirst : HistoryQuery::Order::NewestFirst;
        HistoryQuery whole = q;
        whole.limit = 1000;
        const QList<int> full = numbersOf(m_reader->page(whole).value().rows);
        QVERIFY(!full.isEmpty());
        if (search.isEmpty())
            QCOMPARE(full, expected(q, {}));
        int pages = 0;
        const QList<int> concatenated = allPages(q, &pages);
        QCOMPARE(concatenated, full); // no duplicates, no gaps, same order
        QCOMPARE(pages, int((full.size() + limit - 1) / limit));
    }

    void pageAfterTheLastRowIsEmpty()
    {
        HistoryQuery q;
        q.accountId = acc;
        q.after = HistoryCursor{baseMs, 0};
        QVERIFY(m_reader->page(q).value().rows.isEmpty());
        q.limit = 0;
        q.after.reset();
        QVERIFY(m_reader->page(q).value().rows.isEmpty());
    }

    void matchExpressionQuotesEveryTerm()
    {
        QCOMPARE(HistoryReader::ftsMatchExpression(u"fox \"AND\" NEAR("_s),
                 u"\"fox\"* \"\"\"AND\"\"\"* \"NEAR(\"*"_s);
        QCOMPARE(HistoryReader::ftsMatchExpression(u" * - \" "_s), QString());
    }

    // Many matches walk the time index; few matches are looked up and sorted. Both plans
    // must give the same pages as a plain scan.
    void denseAndSparseSearchesAgree_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("word"); // what a matching prompt contains, for the scan
        QTest::newRow("dense word") << u"common"_s << u" common "_s;
        QTest::newRow("dense prefix") << u"comm"_s << u" comm"_s;
        QTest::newRow("sparse word") << u"item3"_s << u" item3 "_s;
        QTest::newRow("sparse prefix") << u"item1"_s << u" item1"_s;
        QTest::newRow("no match") << u"zzzq"_s << u" zzzq"_s;
    }

    void denseAndSparseSearchesAgree()
    {
        QFETCH(QString, search);
        QFETCH(QString, word);
        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(u"dense.sqlite"_s));
        QVERIFY(db.open().ok());
        HistoryStore store(db);
        HistoryReader reader(db);
        QList<GeneratedImage> images;
        for (int i = 0; i < 2600; ++i) {
            GeneratedImage g;
            g.id = u"%1"_s.arg(i, 24, 16, QChar(u'0'));
            g.prompt = u"common item%1 tag%2"_s.arg(i % 13).arg(i);
            g.typeRaw = u"TEXTTOIAMGE"_s;
            g.type = ImageType::TextToImage;
            g.status = ImageStatus::Completed;
            g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(i / 3) * 1000, Qt::UTC);
            images.append(g);
        }
        QVERIFY(store.upsertServerRecords(acc, images, baseMs).ok());
        QSqlQuery hide(db.connection());
        QVERIFY(hide.exec(u"UPDATE generated_images SET hidden = 1 WHERE row_id % 7 = 0"_s));

        QSqlQuery scan(db.connection());
        scan.prepare(u"SELECT id FROM generated_images WHERE account_id = :a AND hidden = 0 AND "
                     "instr(' ' || prompt || ' ', :w) > 0 ORDER BY created_at DESC, row_id DESC"_s);
        scan.bindValue(u":a"_s, acc);
        scan.bindValue(u":w"_s, word);
        QVERIFY(scan.exec());
        QStringList want;
        while (scan.next())
            want.append(scan.value(0).toString());

        HistoryQuery q;
        q.accountId = acc;
        q.search = search;
        q.limit = 37;
        QStringList got;
        for (;;) {
            auto page = reader.page(q);
            QVERIFY(page.ok());
            for (const auto &r : page.value().rows)
                got.append(r.id);
            if (!page.value().next)
                break;
            q.after = page.value().next;
        }
        QCOMPARE(got, want);
        QCOMPARE(reader.count(q).value(), want.size());
    }

    // Figures at 100,000 rows, printed for the report (never asserted: speed is measured, not
    // tested).
    void figuresAt100kRows()
    {
        QTemporaryDir dir;
        HistoryDatabase db(dir.filePath(u"big.sqlite"_s));
        QVERIFY(db.open().ok());
        HistoryStore store(db);
        HistoryReader reader(db);

        QRandomGenerator rng(7);
        QStringList vocabulary;
        for (int i = 0; i < 2000; ++i) {
            QString word;
            const int length = 3 + int(rng.bounded(7));
            for (int c = 0; c < length; ++c)
                word += QChar(u'a' + int(rng.bounded(26)));
            vocabulary.append(word);
        }
        vocabulary += {u"گربه"_s, u"دیوار"_s, u"باغ"_s, u"انار"_s, u"کوه"_s, u"دریا"_s};
        constexpr int total = 100'000;
        constexpr int pageSize = 1000;
        QList<QList<GeneratedImage>> pages;
        for (int p = 0; p < total / pageSize; ++p) {
            QList<GeneratedImage> page;
            page.reserve(pageSize);
            for (int i = 0; i < pageSize; ++i) {
                const int n = p * pageSize + i;
                GeneratedImage g;
                g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
                g.userId = u"user"_s;
                QStringList words;
                const int count = 6 + int(rng.bounded(10));
                for (int w = 0; w < count; ++w)
                    words.append(vocabulary.at(int(rng.bounded(vocabulary.size()))));
                g.prompt = words.join(u' ');
                g.type = n % 3 ? ImageType::TextToImage : ImageType::ImageToImage;
                g.typeRaw = n % 3 ? u"TEXTTOIAMGE"_s : u"IMAGETOIAMGE"_s;
                g.status = n % 17 ? ImageStatus::Completed : ImageStatus::Failed;
                g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(n);
                g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs - qint64(n) * 60'000, Qt::UTC);
                g.completedAt = g.createdAt.addSecs(30);
                page.append(g);
            }
            pages.append(page);
        }
        // Wall and CPU nanoseconds of one call.
        struct Sample
        {
            QList<qint64> wall, cpu;
            void report(const char *what) const
            {
                qInfo("%s: wall p50 %.3f ms p95 %.3f ms | cpu p50 %.3f ms p95 %.3f ms", what,
                      percentile(wall, 0.5) / 1e6, percentile(wall, 0.95) / 1e6,
                      percentile(cpu, 0.5) / 1e6, percentile(cpu, 0.95) / 1e6);
            }
        };
        const auto measure = [](Sample &sample, const auto &call) {
            QElapsedTimer wall;
            wall.start();
            const qint64 cpu = threadCpuNs();
            call();
            sample.cpu.append(threadCpuNs() - cpu);
            sample.wall.append(wall.nsecsElapsed());
        };

        Sample ingest;
        for (const auto &page : std::as_const(pages))
            measure(ingest, [&] { QVERIFY(store.upsertServerRecords(acc, page, baseMs).ok()); });
        const qint64 ingestWall = std::accumulate(ingest.wall.cbegin(), ingest.wall.cend(), 0ll);
        const qint64 ingestCpu = std::accumulate(ingest.cpu.cbegin(), ingest.cpu.cend(), 0ll);
        qInfo("ingest of %d new records in pages of %d (one transaction each): wall %lld ms = "
              "%lld records/s | cpu %lld ms = %lld records/s",
              total, pageSize, ingestWall / 1'000'000, qint64(total) * 1'000'000'000 / ingestWall,
              ingestCpu / 1'000'000,
              qint64(total) * 1'000'000'000 / std::max<qint64>(1, ingestCpu));

        Sample again;
        for (const auto &page : std::as_const(pages).mid(0, 10))
            measure(again, [&] { QVERIFY(store.upsertServerRecords(acc, page, baseMs + 1).ok()); });
        qInfo("re-upsert of 10,000 unchanged records: wall %lld ms",
              std::accumulate(again.wall.cbegin(), again.wall.cend(), 0ll) / 1'000'000);

        // Keyset pages of 100 from random positions, newest first.
        HistoryQuery q;
        q.accountId = acc;
        q.limit = 100;
        Sample keyset;
        for (int i = 0; i < 300; ++i) {
            const qint64 n = rng.bounded(total);
            q.after = HistoryCursor{baseMs - n * 60'000, n + 1};
            measure(keyset, [&] { QVERIFY(reader.page(q).ok()); });
        }
        keyset.report("keyset page of 100 at 100k rows");

        Sample words, prefixes, shortPrefixes, counts;
        q.after.reset();
        for (int i = 0; i < 300; ++i) {
            const QString &word = vocabulary.at(int(rng.bounded(vocabulary.size())));
            q.search = word;
            measure(words, [&] { QVERIFY(reader.page(q).ok()); });
            measure(counts, [&] { QVERIFY(reader.count(q).ok()); });
            q.search = word.left(3);
            measure(prefixes, [&] { QVERIFY(reader.page(q).ok()); });
            q.search = word.left(1);
            measure(shortPrefixes, [&] { QVERIFY(reader.page(q).ok()); });
        }
        words.report("FTS search page of 100, whole words");
        prefixes.report("FTS search page of 100, 3-letter prefixes");
        shortPrefixes.report("FTS search page of 100, 1-letter prefixes");
        counts.report("FTS match count, whole words");

        q.search.clear();
        Sample plainCounts;
        for (int i = 0; i < 40; ++i) {
            q.statuses = i % 2 ? QList{ImageStatus::Failed} : QList<ImageStatus>{};
            measure(plainCounts, [&] { QVERIFY(reader.count(q).ok()); });
        }
        plainCounts.report("count of all / failed rows at 100k rows");

        Sample open;
        measure(open, [&] {
            HistoryDatabase reopened(dir.filePath(u"big.sqlite"_s));
            QVERIFY(reopened.open().ok());
        });
        open.report("open with quick_check at 100k rows");
    }
};

QTEST_GUILESS_MAIN(TestHistoryQuery)
#include "tst_historyquery.moc"
