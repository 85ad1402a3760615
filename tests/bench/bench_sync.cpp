// Benchmark 2: a first history sync (HistorySync + HistoryStore + BackendClient, as the app
// wires them) against a running nanobanana-devserver, then an unchanged re-sync. Prints the
// pages it asked for so the runner can fetch the same pages with curl.
//   bench_sync --server URL --token TOKEN --account ID [--page-size N]
#include "backend/backendclient.h"
#include "backend/requestbudget.h"
#include "benchcommon.h"
#include "history/historydatabase.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "history/historysync.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    std::optional<SyncReport> report;
    ApiError error;
    double wallSeconds = 0;
};

Outcome runSync(HistorySync &sync, HistorySync::Mode mode)
{
    Outcome outcome;
    QEventLoop loop;
    QObject::connect(&sync, &HistorySync::finished, &loop, [&](const SyncReport &report) {
        outcome.report = report;
        loop.quit();
    });
    QObject::connect(&sync, &HistorySync::failed, &loop, [&](const ApiError &error) {
        outcome.error = error;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    if (!sync.start(mode)) {
        outcome.error = ApiError::make(ApiError::Kind::Local, u"the sync did not start"_s);
        return outcome;
    }
    loop.exec();
    outcome.wallSeconds = double(clock.nsecsElapsed()) / 1e9;
    return outcome;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"server"_s, u"dev server origin"_s, u"url"_s},
                       {u"token"_s, u"access token"_s, u"token"_s},
                       {u"account"_s, u"account id rows are keyed by"_s, u"id"_s},
                       {u"page-size"_s, u"full-sync page size (default: the app's)"_s, u"n"_s}});
    parser.process(app);
    const QUrl server(parser.value(u"server"_s));
    if (!server.isValid() || parser.value(u"token"_s).isEmpty())
        return Bench::fail(u"usage: bench_sync --server URL --token TOKEN [--account ID]"_s);
    const QString account =
        parser.isSet(u"account"_s) ? parser.value(u"account"_s) : u"bench-account"_s;

    QTemporaryDir dir;
    HistoryDatabase database(dir.filePath(u"studio.sqlite"_s));
    if (auto opened = database.open(); !opened)
        return Bench::fail(opened.error().userMessage);
    HistoryStore store(database);
    QNetworkAccessManager network;
    RequestBudget budget;
    BackendClient client(network, budget);
    client.setOrigin(server);
    client.setAccessToken(parser.value(u"token"_s));

    QJsonArray pages;
    const auto fetch = [&client, &pages](int limit, int skip) {
        pages.append(QJsonArray{limit, skip});
        return client.fetchImages(limit, skip);
    };

    HistorySync::Options syncOptions;
    if (parser.isSet(u"page-size"_s))
        syncOptions.fullPageSize = parser.value(u"page-size"_s).toInt();

    HistorySync first(fetch, store, account);
    first.setOptions(syncOptions);
    const Outcome full = runSync(first, HistorySync::Mode::Auto);
    if (!full.report)
        return Bench::fail(u"first sync failed: "_s + full.error.userMessage);
    const QJsonArray firstPages = pages;
    const qint64 peakAfterFirst = Bench::peakRssKib();

    pages = {};
    HistorySync again(fetch, store, account);
    again.setOptions(syncOptions);
    const Outcome resync = runSync(again, HistorySync::Mode::Auto);
    if (!resync.report)
        return Bench::fail(u"re-sync failed: "_s + resync.error.userMessage);

    HistoryReader reader(database);
    HistoryQuery everything;
    everything.accountId = account;
    everything.includeHidden = true;
    const auto rows = reader.count(everything);

    const SyncReport &r = *full.report;
    Bench::printJson({
        {u"records"_s, r.fetched},
        {u"full_page_size"_s, syncOptions.fullPageSize},
        {u"added"_s, r.added},
        {u"rows_in_database"_s, rows ? double(rows.value()) : -1.0},
        {u"full"_s, r.full},
        {u"wall_s"_s, full.wallSeconds},
        {u"records_per_s"_s, r.fetched / full.wallSeconds},
        {u"store_s"_s, double(r.storeMs) / 1000.0},
        {u"store_records_per_s"_s, r.storeMs > 0 ? r.fetched * 1000.0 / double(r.storeMs) : 0.0},
        {u"requests"_s, r.requests},
        {u"pages"_s, firstPages},
        {u"peak_rss_mib"_s, double(peakAfterFirst) / 1024.0},
        {u"resync_requests"_s, resync.report->requests},
        {u"resync_full"_s, resync.report->full},
        {u"resync_pages"_s, pages},
        {u"resync_wall_s"_s, resync.wallSeconds},
    });
    return 0;
}
