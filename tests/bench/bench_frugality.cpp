// Benchmark 5: how many backend requests the app spends. Starts nanobanana-devserver with the
// production rate limit and a slow asynchronous flavour, signs in through the app's Session,
// runs ten generations through JobQueue (AppServices wiring, ten in flight), then a sync and
// an unchanged re-sync. Requests are counted from the server's own request log.
//   bench_frugality [JOBS] [LATENCY_MS]
#include "appservices.h"
#include "benchcommon.h"
#include "history/historysync.h"
#include "history/syncscheduler.h"
#include "jobs/jobqueue.h"
#include "session/session.h"
#include "support/devserverprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <variant>

using namespace Qt::StringLiterals;

namespace {

const QString kPhone = u"+15550001111"_s;

// The server's request log: one JSON object per line.
QList<QJsonObject> readLog(const QString &path)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    const QList<QByteArray> raw = file.readAll().split('\n');
    for (const QByteArray &line : raw) {
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

// A logged request's method and route, with task ids and upload file names folded away.
QString routeOf(const QJsonObject &line)
{
    const QString path = line.value(u"path"_s).toString();
    const QString method = line.value(u"method"_s).toString();
    if (path.contains(u"/task/"_s))
        return method + u" /api/v1/nanobanana/task/:id"_s;
    if (path.startsWith(u"/uploads/"_s))
        return method + u" /uploads/..."_s;
    return method + u' ' + path;
}

// The sync's report, or why there is none (`why`): a sync that fails or does not end leaves
// the benchmark without its figures, which must not pass for a measurement.
std::optional<SyncReport> runSync(AppServices &services, int timeoutMs, QString &why)
{
    std::optional<SyncReport> report;
    std::optional<ApiError> error;
    QObject context;
    QObject::connect(&services.sync(), &SyncScheduler::finished, &context,
                     [&](const SyncReport &r) { report = r; });
    QObject::connect(&services.sync(), &SyncScheduler::failed, &context,
                     [&](const ApiError &e) { error = e; });
    services.sync().startNow(SyncScheduler::Reason::OnDemand);
    if (!QTest::qWaitFor([&] { return report || error; }, timeoutMs))
        why = u"it did not end within %1 s"_s.arg(timeoutMs / 1000);
    else if (error)
        why = error->userMessage;
    return report;
}

int measure(const QCoreApplication &app)
{
    const int jobCount = app.arguments().value(1, u"10"_s).toInt();
    const int latencyMs = app.arguments().value(2, u"30000"_s).toInt();
    qputenv("NANOBANANA_NO_KEYCHAIN", "1");

    QTemporaryDir dir;
    const QString logPath = dir.filePath(u"requests.jsonl"_s);
    DevServerProcess server;
    if (!server.start({u"--rate-limit"_s, u"100/900"_s, u"--flavor"_s, u"async"_s,
                       u"--latency-ms"_s, QString::number(latencyMs), u"--seed-history"_s,
                       u"1000"_s, u"--log-requests"_s, logPath}))
        return Bench::fail(u"dev server: "_s + server.errorString());

    AppServices::Options options;
    options.profilePath = dir.filePath(u"profile"_s);
    options.server = server.origin();
    options.fileOnlyTokens = true;
    AppServices services(options);
    if (auto opened = services.open(); !opened)
        return Bench::fail(opened.error().userMessage);

    // Sign in as a user would (verify-code only: the dev server's code needs no send-code).
    bool signedIn = false;
    QObject context;
    QObject::connect(&services.session(), &Session::signedIn, &context,
                     [&signedIn] { signedIn = true; });
    services.session().verifyCode(kPhone, QString::fromLatin1(DevServerProcess::defaultOtp));
    if (!QTest::qWaitFor([&] { return signedIn && !services.accountId().isEmpty(); }, 15000))
        return Bench::fail(u"sign-in did not finish"_s);
    if (!server.setStars(kPhone, 100000))
        return Bench::fail(u"cannot set the star balance"_s);
    const qsizetype signInRequests = readLog(logPath).size();

    services.jobs().setMaxInFlight(jobCount);
    QHash<qint64, Job> finished;
    QObject::connect(&services.jobs(), &JobQueue::jobFinished, &context,
                     [&finished](const Job &job) { finished.insert(job.id, job); });
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < jobCount; ++i) {
        JobRequest request;
        request.prompt = u"bench generation %1: a lantern in the fog"_s.arg(i);
        if (auto queued = services.jobs().enqueue(request); !queued)
            return Bench::fail(queued.error().userMessage);
    }
    // Polling backs off to 30 s, so allow the latency plus a few rounds of it.
    const int budgetMs = latencyMs + 180'000;
    const bool allFinished = QTest::qWaitFor([&] { return finished.size() == jobCount; }, budgetMs);
    const double generationSeconds = double(clock.nsecsElapsed()) / 1e9;
    // Downloads land after jobFinished in some flows, and the star balance is refreshed once
    // after jobs that finish together: let those in before counting.
    QTest::qWait(2500);
    const qsizetype afterJobs = readLog(logPath).size();

    const QList<QJsonObject> log = readLog(logPath);
    // Requests that name one job: its polls of GET /task/:id and the download of its image.
    // Everything else the server saw while the jobs ran (shared history pages that answered
    // for several jobs at once, star-balance refreshes) is shared by all of them alike.
    QHash<QString, qint64> jobOfPath;
    for (const Job &job : std::as_const(finished)) {
        if (!job.taskId.isEmpty())
            jobOfPath.insert(u"/api/v1/nanobanana/task/"_s + job.taskId, job.id);
        if (!job.imageUrl.isEmpty())
            jobOfPath.insert(QUrl(job.imageUrl).path(), job.id);
    }
    int shared = 0;
    for (qsizetype i = signInRequests; i < qMin(afterJobs, log.size()); ++i) {
        const QJsonObject &line = log.at(i);
        if (line.value(u"method"_s).toString() == u"POST"_s)
            continue; // each job's own submit, counted below
        if (!jobOfPath.contains(line.value(u"path"_s).toString()))
            ++shared;
    }
    QList<double> perJob;
    QJsonArray jobs;
    int completed = 0;
    for (const Job &job : std::as_const(finished)) {
        if (job.state == JobState::Completed)
            ++completed;
        int polls = 0, downloads = 0;
        const QString imagePath = QUrl(job.imageUrl).path();
        for (const QJsonObject &line : log) {
            const QString path = line.value(u"path"_s).toString();
            if (!job.taskId.isEmpty() && path.endsWith(u"/task/"_s + job.taskId))
                ++polls;
            else if (!imagePath.isEmpty() && path == imagePath)
                ++downloads;
        }
        const double share = double(shared) / qMax(1, jobCount);
        const double total = 1 + polls + downloads + share; // one POST /generate per job
        perJob.append(total);
        jobs.append(QJsonObject{{u"state"_s, jobStateName(job.state)},
                                {u"submits"_s, 1},
                                {u"polls"_s, polls},
                                {u"downloads"_s, downloads},
                                {u"shared_share"_s, share},
                                {u"requests"_s, total}});
    }
    const QJsonObject stateAfterJobs = server.devState();

    // Everything the server saw while the jobs ran, by route (ids folded away): what a
    // generation costs beyond its own submit/poll/download, e.g. star-balance refreshes.
    QJsonObject duringJobs;
    for (qsizetype i = signInRequests; i < qMin(afterJobs, log.size()); ++i) {
        const QString route = routeOf(log.at(i));
        duringJobs.insert(route, duringJobs.value(route).toInt() + 1);
    }

    const qsizetype beforeSync = readLog(logPath).size();
    QString why;
    const auto firstSync = runSync(services, 60000, why);
    if (!firstSync)
        return Bench::fail(u"the first sync failed: "_s + why);
    const qsizetype afterFirstSync = readLog(logPath).size();
    const auto resync = runSync(services, 60000, why);
    if (!resync)
        return Bench::fail(u"the unchanged re-sync failed: "_s + why);
    const qsizetype afterResync = readLog(logPath).size();

    // One job alone, as a user usually works: by now the queue has seen how long this
    // server takes, so it looks once near the end instead of walking its backoff.
    const qsizetype beforeAlone = readLog(logPath).size();
    JobRequest alone;
    alone.prompt = u"bench generation alone: a lighthouse at dawn"_s;
    auto queuedAlone = services.jobs().enqueue(alone);
    if (!queuedAlone)
        return Bench::fail(queuedAlone.error().userMessage);
    const qint64 aloneId = queuedAlone.value().id;
    const bool aloneDone =
        QTest::qWaitFor([&] { return finished.contains(aloneId); }, latencyMs + 120'000);
    QTest::qWait(2000); // the coalesced star-balance refresh
    const QList<QJsonObject> aloneLog = readLog(logPath).mid(beforeAlone);
    QJsonObject aloneByRoute;
    for (const QJsonObject &line : aloneLog) {
        const QString route = routeOf(line);
        aloneByRoute.insert(route, aloneByRoute.value(route).toInt() + 1);
    }
    const QJsonObject state = server.devState();

    Bench::printJson({
        {u"jobs"_s, jobCount},
        {u"completed"_s, completed},
        {u"finished"_s, int(finished.size())},
        {u"all_finished_in_time"_s, allFinished},
        {u"latency_ms"_s, latencyMs},
        {u"generation_wall_s"_s, generationSeconds},
        {u"requests_per_generation_median"_s, Bench::percentile(perJob, 50)},
        {u"requests_per_generation_max"_s, Bench::percentile(perJob, 100)},
        {u"shared_requests_during_jobs"_s, shared},
        {u"generate_posts"_s, stateAfterJobs.value(u"generatePosts"_s)},
        {u"requests_sign_in"_s, int(signInRequests)},
        {u"requests_during_jobs"_s, int(afterJobs - signInRequests)},
        {u"requests_during_jobs_per_generation"_s,
         double(afterJobs - signInRequests) / qMax(1, jobCount)},
        {u"requests_during_jobs_by_route"_s, duringJobs},
        {u"per_job"_s, jobs},
        {u"first_sync_requests_log"_s, int(afterFirstSync - beforeSync)},
        {u"first_sync_requests"_s, firstSync->requests},
        {u"first_sync_records"_s, firstSync->fetched},
        {u"unchanged_resync_requests_log"_s, int(afterResync - afterFirstSync)},
        {u"unchanged_resync_requests"_s, resync->requests},
        {u"single_job_completed"_s,
         aloneDone && finished.value(aloneId).state == JobState::Completed},
        {u"single_job_requests"_s, int(aloneLog.size())},
        {u"single_job_requests_by_route"_s, aloneByRoute},
        {u"total_requests"_s, int(readLog(logPath).size())},
        {u"too_many_requests"_s, state.value(u"tooManyRequests"_s)},
    });
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Result<T>::value() throws (std::get) if the result holds an error; every one read here
    // was checked first, but a mistake should end the run with a sentence, not an abort.
    try {
        return measure(app);
    } catch (const std::bad_variant_access &) {
        return Bench::fail(u"a result was read as a value although it held an error"_s);
    }
}
