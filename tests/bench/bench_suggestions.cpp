// Benchmark: prompt suggestions as one types (PromptSuggestions) on a generated history of
// 100,000 records, a third of them Persian: the index build off the GUI thread, then 200 typed
// prefixes (English and Persian, some typed with Arabic yeh and kaf) from ask() to the answer
// on the asking thread, and the index's own lookup. Prints median and worst in ms.
//   bench_suggestions [ROWS] [PREFIXES]
#include "benchcommon.h"
#include "history/historydatabase.h"
#include "history/historystore.h"
#include "prompts/promptindex.h"
#include "prompts/promptsuggestions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

const QString kAccount = u"bench-account"_s;
const qint64 kNewestMs = 1'790'000'000'000;

const QStringList &englishWords()
{
    static const QStringList list =
        u"fox lantern castle river neon portrait forest ocean desert city robot dragon garden "
        "mountain sunset storm winter summer autumn spring cat dog horse bird owl whale tiger "
        "wolf bear rabbit flower tree bridge tower ship train car bicycle market street window "
        "door mirror candle book clock crown sword shield armor knight wizard queen king child "
        "old young smiling quiet golden silver red blue green purple orange black white pastel "
        "vivid misty foggy rainy snowy sunny night morning evening cinematic watercolor oil "
        "sketch pixel anime realistic studio macro aerial underwater vintage futuristic baroque "
        "minimal surreal cozy gloomy bright dark soft sharp glowing ancient modern rustic"_s.split(
            u' ', Qt::SkipEmptyParts);
    return list;
}

// Persian words, some with yeh, keheh and a zero-width non-joiner, as people type them.
const QStringList &persianWords()
{
    // Short pieces: clang-format cannot settle on where to break a long Persian literal.
    static const QStringList list = [] {
        const QStringList pieces{
            u"گربه سگ درخت کوه دریا "_s,
            u"شهر خیابان باران برف آسمان "_s,
            u"ستاره ماه خورشید گل باغ "_s,
            u"خانه پنجره کتاب چراغ قایق "_s,
            u"پرنده اسب شیر ببر جنگل "_s,
            u"رود پل برج کشتی قطار "_s,
            u"ماشین دوچرخه بازار شب صبح "_s,
            u"غروب طلایی نقره‌ای قرمز آبی "_s,
            u"سبز بنفش نارنجی سیاه سفید "_s,
            u"روشن تاریک قدیمی مدرن کوچک "_s,
            u"بزرگ آرام زیبا می‌خوابد می‌دود "_s,
            u"پرواز نقاشی آبرنگ سینمایی کارتونی "_s,
            u"واقع‌گرایانه کودک پیرمرد دختر پسر "_s,
            u"ملکه پادشاه شمشیر تاج ساعت "_s,
            u"آینه شمع "_s,
        };
        return pieces.join(QString()).split(u' ', Qt::SkipEmptyParts);
    }();
    return list;
}

struct Rng
{
    quint32 h;
    quint32 next()
    {
        h ^= h << 13;
        h ^= h >> 17;
        h ^= h << 5;
        return h;
    }
};

QString makePrompt(Rng &rng, bool persian)
{
    const QStringList &words = persian ? persianWords() : englishWords();
    QStringList prompt;
    const int length = 4 + int(rng.next() % 8);
    for (int w = 0; w < length; ++w)
        prompt.append(words.at(int(rng.next() % words.size())));
    return prompt.join(u' ');
}

QList<GeneratedImage> makeRecords(int from, int count, int total)
{
    QList<GeneratedImage> records;
    const qint64 spanMs = 2ll * 365 * 24 * 3600 * 1000;
    for (int i = from; i < from + count; ++i) {
        Rng rng{quint32(i) * 2654435761u + 99u};
        GeneratedImage g;
        g.id = u"%1"_s.arg(i, 24, 16, QChar(u'0'));
        g.userId = kAccount;
        g.prompt = makePrompt(rng, i % 3 == 0);
        g.type = ImageType::TextToImage;
        g.typeRaw = u"TEXTTOIAMGE"_s;
        g.status = ImageStatus::Completed;
        g.imageUrl = u"/uploads/nero/generated/%1.png"_s.arg(g.id);
        g.createdAt = QDateTime::fromMSecsSinceEpoch(kNewestMs - spanMs * i / total, Qt::UTC);
        records.append(g);
    }
    return records;
}

// What a person has typed part-way through recalling a prompt: its first one to three words,
// the last cut after two to four letters; Persian typed with Arabic yeh and kaf half the time.
QString typedPrefix(Rng &rng, bool persian)
{
    const QStringList words = makePrompt(rng, persian).split(u' ');
    const int n = 1 + int(rng.next() % 3);
    QStringList typed = words.mid(0, n);
    QString &last = typed.last();
    last.truncate(std::min<qsizetype>(last.size(), 2 + int(rng.next() % 3)));
    QString text = typed.join(u' ');
    if (persian && rng.next() % 2 == 0)
        text.replace(QChar(0x06CC), QChar(0x064A)).replace(QChar(0x06A9), QChar(0x0643));
    return text;
}

QJsonObject summary(QList<double> samples)
{
    return {
        {u"p50_ms"_s, Bench::percentile(samples, 50)},
        {u"p95_ms"_s, Bench::percentile(samples, 95)},
        {u"max_ms"_s, samples.isEmpty() ? 0.0 : *std::max_element(samples.begin(), samples.end())}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = app.arguments().value(1, u"100000"_s).toInt();
    const int prefixes = app.arguments().value(2, u"200"_s).toInt();
    if (rows < 1000 || prefixes < 2)
        return Bench::fail(u"usage: bench_suggestions [ROWS >= 1000] [PREFIXES]"_s);

    QTemporaryDir dir;
    HistoryDatabase database(dir.filePath(u"studio.sqlite"_s));
    if (auto opened = database.open(); !opened)
        return Bench::fail(opened.error().userMessage);
    HistoryStore store(database);
    for (int from = 0; from < rows; from += 1000) {
        const auto upserted = store.upsertServerRecords(
            kAccount, makeRecords(from, qMin(1000, rows - from), rows), kNewestMs);
        if (!upserted)
            return Bench::fail(upserted.error().userMessage);
    }

    PromptSuggestions suggestions(database);
    QSignalSpy indexed(&suggestions, &PromptSuggestions::indexed);
    QElapsedTimer buildClock;
    buildClock.start();
    suggestions.setAccount(kAccount);
    if (!indexed.wait(120000))
        return Bench::fail(u"the index was not built"_s);
    const double buildMs = double(buildClock.nsecsElapsed()) / 1e6;
    const qint64 peakAfterBuild = Bench::peakRssKib();

    // The same index once more on this thread, for the lookup alone.
    PromptIndex index;
    for (const GeneratedImage &g : makeRecords(0, rows, rows))
        index.add(g.prompt, g.createdAt.toMSecsSinceEpoch());

    // The index alone, first lookup after its build (PromptSuggestions pays it while building),
    // then five warm-up questions, as in bench_queries.
    QElapsedTimer firstClock;
    firstClock.start();
    index.suggest(u"fo"_s);
    const double firstLookupMs = double(firstClock.nsecsElapsed()) / 1e6;
    {
        QSignalSpy warm(&suggestions, &PromptSuggestions::suggestionsReady);
        for (const QString &typed : {u"ca"_s, u"گر"_s, u"red fo"_s, u"يك"_s, u"ocean"_s}) {
            suggestions.ask(typed);
            if (!warm.wait(5000))
                return Bench::fail(u"no answer while warming up"_s);
            index.suggest(typed);
        }
    }

    QJsonObject results;
    int empty = 0;
    for (const bool persian : {false, true}) {
        Rng rng{persian ? 7u : 3u};
        QList<double> roundTrips;
        QList<double> lookups;
        QSignalSpy ready(&suggestions, &PromptSuggestions::suggestionsReady);
        for (int i = 0; i < prefixes / 2; ++i) {
            const QString typed = typedPrefix(rng, persian);
            QElapsedTimer clock;
            clock.start();
            suggestions.ask(typed);
            if (!ready.wait(5000))
                return Bench::fail(u"no answer for %1"_s.arg(typed));
            roundTrips.append(double(clock.nsecsElapsed()) / 1e6);
            if (ready.last().at(1).toStringList().isEmpty())
                ++empty;
            clock.restart();
            index.suggest(typed);
            lookups.append(double(clock.nsecsElapsed()) / 1e6);
        }
        const QString language = persian ? u"persian"_s : u"english"_s;
        results.insert(language + u"_round_trip"_s, summary(roundTrips));
        results.insert(language + u"_lookup"_s, summary(lookups));
    }
    Bench::printJson({{u"rows"_s, rows},
                      {u"prompts"_s, double(suggestions.indexedPrompts())},
                      {u"prefixes"_s, prefixes},
                      {u"without_suggestion"_s, empty},
                      {u"build_ms"_s, buildMs},
                      {u"first_lookup_ms"_s, firstLookupMs},
                      {u"peak_rss_mib_after_build"_s, double(peakAfterBuild) / 1024.0},
                      {u"latency"_s, results}});
    return 0;
}
