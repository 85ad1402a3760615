// Benchmark 3: the gallery's local queries (HistoryReader) on a generated 100,000-row history:
// first page, a keyset page ~90,000 rows deep, prompt searches, a status+type filter and
// favourites. Prints p50/p95 in ms per query.
//   bench_queries [ROWS] [ITERATIONS]
#include "benchcommon.h"
#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"bench-account"_s;
constexpr int kDefaultPageRows = 120; // GalleryModel's page size
const qint64 kNewestMs = 1'790'000'000'000;

const QStringList &words()
{
    static const QStringList list = [] {
        const QString text =
            u"fox lantern castle river neon portrait forest ocean desert city robot dragon "
            "garden mountain sunset storm winter summer autumn spring cat dog horse bird owl "
            "whale tiger wolf bear rabbit flower tree bridge tower ship train car bicycle "
            "market street window door mirror candle book clock crown sword shield armor "
            "knight wizard queen king child old young smiling quiet golden silver red blue "
            "green purple orange black white pastel vivid misty foggy rainy snowy sunny "
            "night morning evening cinematic watercolor oil sketch pixel anime realistic "
            "studio macro aerial underwater vintage futuristic baroque minimal surreal cozy "
            "gloomy bright dark soft sharp glowing ancient modern rustic floating broken "
            "hidden giant tiny wooden glass stone marble paper velvet"_s;
        return text.split(u' ', Qt::SkipEmptyParts);
    }();
    return list;
}

// Deterministic records, newest first, spread over two years: ~85% completed, ~8% failed,
// the rest pending; ~70% generate, ~25% edit, a few others.
QList<GeneratedImage> makeRecords(int from, int count, int total)
{
    QList<GeneratedImage> records;
    records.reserve(count);
    const qint64 spanMs = 2ll * 365 * 24 * 3600 * 1000;
    for (int i = from; i < from + count; ++i) {
        quint32 h = quint32(i) * 2654435761u + 12345u;
        const auto next = [&h] {
            h ^= h << 13;
            h ^= h >> 17;
            h ^= h << 5;
            return h;
        };
        GeneratedImage g;
        g.id = u"%1"_s.arg(i, 24, 16, QChar(u'0'));
        g.userId = kAccount;
        QStringList prompt;
        const int length = 4 + int(next() % 6);
        for (int w = 0; w < length; ++w)
            prompt.append(words().at(int(next() % words().size())));
        g.prompt = prompt.join(u' ');
        const int kind = int(next() % 100);
        g.type = kind < 70 ? ImageType::TextToImage
                           : (kind < 95 ? ImageType::ImageToImage : ImageType::Other);
        g.typeRaw = kind < 70 ? u"TEXTTOIAMGE"_s : (kind < 95 ? u"IMAGETOIAMGE"_s : u"PRODUCT"_s);
        const int status = int(next() % 100);
        g.status = status < 85 ? ImageStatus::Completed
                               : (status < 93 ? ImageStatus::Failed : ImageStatus::Pending);
        if (g.status == ImageStatus::Completed)
            g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(g.id);
        if (g.status == ImageStatus::Failed)
            g.error = u"Generation failed: bench"_s;
        g.createdAt = QDateTime::fromMSecsSinceEpoch(kNewestMs - spanMs * i / total, Qt::UTC);
        records.append(g);
    }
    return records;
}

struct Figure
{
    QString name;
    HistoryQuery query;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = app.arguments().value(1, u"100000"_s).toInt();
    const int iterations = app.arguments().value(2, u"200"_s).toInt();
    // Optional: rows per page, to compare page sizes (the first screen shows ~30 cells).
    const int pageRows = app.arguments().value(3, QString::number(kDefaultPageRows)).toInt();
    if (pageRows < 1 || rows < 10 * pageRows || iterations < 1)
        return Bench::fail(
            u"usage: bench_queries [ROWS >= 10 x PAGE_ROWS] [ITERATIONS] [PAGE_ROWS]"_s);

    QTemporaryDir dir;
    HistoryDatabase database(dir.filePath(u"studio.sqlite"_s));
    if (auto opened = database.open(); !opened)
        return Bench::fail(opened.error().userMessage);
    HistoryStore store(database);
    QElapsedTimer fillClock;
    fillClock.start();
    for (int from = 0; from < rows; from += 1000) {
        const auto upserted = store.upsertServerRecords(
            kAccount, makeRecords(from, qMin(1000, rows - from), rows), kNewestMs);
        if (!upserted)
            return Bench::fail(upserted.error().userMessage);
    }
    // About 1% favourites, spread over the whole history (a local column the user sets).
    {
        QSqlQuery favorite(database.connection());
        if (!favorite.exec(u"UPDATE generated_images SET favorite = 1 WHERE row_id % 97 = 0"_s))
            return Bench::fail(u"cannot mark favourites"_s);
    }
    const double fillSeconds = double(fillClock.nsecsElapsed()) / 1e9;

    HistoryReader reader(database);
    HistoryQuery base;
    base.accountId = kAccount;
    base.limit = pageRows;

    // The cursor after ~90% of the rows, reached by paging as the gallery would.
    HistoryQuery walk = base;
    walk.limit = 1000;
    int walked = 0;
    while (walked < rows * 9 / 10) {
        const auto page = reader.page(walk);
        if (!page || !page.value().next)
            return Bench::fail(u"paging stopped after %1 rows"_s.arg(walked));
        walked += int(page.value().rows.size());
        walk.after = page.value().next;
    }

    QList<Figure> figures;
    figures.append({u"first_page"_s, base});
    HistoryQuery deep = base;
    deep.after = walk.after;
    figures.append({u"deep_page"_s, deep});
    HistoryQuery search = base;
    search.search = u"lantern"_s;
    figures.append({u"search_word"_s, search});
    HistoryQuery twoTerms = base;
    twoTerms.search = u"red fo"_s; // two terms, the last one still being typed
    figures.append({u"search_two_terms"_s, twoTerms});
    HistoryQuery filtered = base;
    filtered.statuses = {ImageStatus::Failed};
    filtered.kinds = {ImageType::ImageToImage};
    figures.append({u"status_type_filter"_s, filtered});
    HistoryQuery favorites = base;
    favorites.favoritesOnly = true;
    figures.append({u"favorites"_s, favorites});

    QJsonObject results;
    for (const Figure &figure : std::as_const(figures)) {
        QList<double> samples;
        int returned = 0;
        for (int i = -5; i < iterations; ++i) { // five warm-up runs
            QElapsedTimer clock;
            clock.start();
            const auto page = reader.page(figure.query);
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            if (!page)
                return Bench::fail(figure.name + u": "_s + page.error().userMessage);
            returned = int(page.value().rows.size());
            if (i >= 0)
                samples.append(ms);
        }
        const auto matches = reader.count(figure.query);
        results.insert(figure.name,
                       QJsonObject{{u"p50_ms"_s, Bench::percentile(samples, 50)},
                                   {u"p95_ms"_s, Bench::percentile(samples, 95)},
                                   {u"rows"_s, returned},
                                   {u"matches"_s, matches ? double(matches.value()) : -1.0}});
    }
    Bench::printJson({{u"rows"_s, rows},
                      {u"iterations"_s, iterations},
                      {u"page_rows"_s, pageRows},
                      {u"deep_offset"_s, walked},
                      {u"fill_s"_s, fillSeconds},
                      {u"queries"_s, results}});
    return 0;
}
