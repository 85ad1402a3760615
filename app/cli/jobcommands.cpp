#include "appservices.h"
#include "backend/backendclient.h"
#include "backend/requestbudget.h"
#include "characters/charactercache.h"
#include "cli/clicontext.h"
#include "cli/jsonviews.h"
#include "domain/aspectratio.h"
#include "jobs/jobqueue.h"
#include "jobs/maskedit.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

namespace {

QString stateLine(const Job &job)
{
    QString line =
        QCoreApplication::translate("Cli", "job %1: %2").arg(job.id).arg(jobStateName(job.state));
    if (job.createdAt.isValid())
        line +=
            QStringLiteral(" (%1 s)").arg(job.createdAt.secsTo(QDateTime::currentDateTimeUtc()));
    if (!job.userMessage.isEmpty())
        line += QStringLiteral(" - ") + job.userMessage;
    // The server's own words, when the sentence above paraphrased them.
    if (job.state == JobState::Failed && !job.serverMessage.isEmpty()
        && !job.userMessage.contains(job.serverMessage))
        line += QCoreApplication::translate("Cli", " (the server said: %1)").arg(job.serverMessage);
    return line;
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Copies a finished job's image into `outDir` under the image's id (or task id) and its real
// extension. Never overwrites a different image already there (another profile's job 1...).
QString saveInto(const Job &job, const QString &outDir, QString *error)
{
    if (job.localImagePath.isEmpty()) {
        *error =
            QCoreApplication::translate("Cli", "job %1 has no downloaded image yet").arg(job.id);
        return {};
    }
    if (!QDir().mkpath(outDir)) {
        *error = QCoreApplication::translate("Cli", "could not create the folder %1").arg(outDir);
        return {};
    }
    const QFileInfo source(job.localImagePath);
    QString base = !job.imageId.isEmpty()  ? job.imageId
                   : !job.taskId.isEmpty() ? job.taskId
                                           : QStringLiteral("job-%1").arg(job.id);
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    base.replace(unsafe, QStringLiteral("_"));
    const QByteArray contents = fileContents(source.absoluteFilePath());
    QString target;
    for (int n = 1;; ++n) {
        target = QDir(outDir).filePath((n == 1 ? base : base + u'-' + QString::number(n)) + u'.'
                                       + source.suffix());
        if (!QFileInfo::exists(target))
            break;
        if (fileContents(target) == contents)
            return QDir::cleanPath(QFileInfo(target).absoluteFilePath()); // already saved
    }
    if (!QFile::copy(source.absoluteFilePath(), target)) {
        *error = QCoreApplication::translate("Cli", "could not write %1").arg(target);
        return {};
    }
    return QDir::cleanPath(QFileInfo(target).absoluteFilePath());
}

enum class Until { Sent, Finished };

bool reached(const Job &job, Until until)
{
    // A completed job is finished once its image is saved (or could not be: the message says).
    if (job.state == JobState::Completed)
        return until == Until::Sent || !job.localImagePath.isEmpty();
    if (isFinal(job.state))
        return true;
    return until == Until::Sent && job.state != JobState::Queued
           && job.state != JobState::Submitting;
}

// Runs the queue until every job in `ids` reaches `until`; returns an exit code when it had to
// stop early (sign-in needed, network gone), else ExitOk.
int driveJobs(CliContext &ctx, AppServices &services, QSet<qint64> ids, Until until)
{
    auto &queue = services.jobs();
    for (const auto id : QSet<qint64>(ids))
        if (auto job = queue.job(id); !job || reached(*job, until))
            ids.remove(id);
    if (ids.isEmpty())
        return ExitOk;

    int code = ExitOk;
    bool unreachable = false;
    QEventLoop loop;
    QString lastLine;
    // Once the server is found away, stop as soon as no job is mid-submission: leaving one
    // `submitting` would make the next run treat it as possibly sent and reconcile for minutes.
    const auto stopWhenSettled = [&] {
        if (!unreachable)
            return;
        for (const auto &job : queue.jobs(true))
            if (job.state == JobState::Submitting)
                return;
        code = ExitServer;
        loop.quit();
    };
    QObject::connect(&queue, &JobQueue::jobChanged, &loop, [&](const Job &job) {
        if (!ids.contains(job.id))
            return;
        // The final state is reported once, by reportJobs().
        const auto line = isFinal(job.state) ? lastLine : stateLine(job);
        if (line != lastLine)
            ctx.progress(line);
        lastLine = line;
        if (reached(job, until))
            ids.remove(job.id);
        if (ids.isEmpty())
            loop.quit();
        else
            stopWhenSettled();
    });
    // On a terminal the one progress line keeps its elapsed time current.
    QTimer tick;
    if (ctx.interactive() && ids.size() == 1) {
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            if (auto job = queue.job(*ids.cbegin()); job && !isFinal(job->state))
                ctx.progress(stateLine(*job));
        });
        tick.start(1000);
    }
    QObject::connect(&queue, &JobQueue::jobFinished, &loop, [&](const Job &job) {
        ids.remove(job.id);
        if (ids.isEmpty())
            loop.quit();
    });
    // A script must not hang while the server is away: the jobs stay in the profile and
    // `wait` picks them up later.
    QObject::connect(
        &services.client(), &BackendClient::reachabilityChanged, &loop, [&](bool reachable) {
            if (reachable || unreachable)
                return;
            unreachable = true;
            QStringList waiting;
            for (const auto id : std::as_const(ids))
                waiting.append(QString::number(id));
            waiting.sort();
            ctx.notice(
                // English singular ("Job 5 stays ... resumes it") from studio_en.ts.
                QCoreApplication::translate("Cli",
                                            "nanobanana-cli: Could not reach the server at %1. "
                                            "Jobs %2 stay in the profile; `nanobanana-cli wait` "
                                            "resumes them when the server answers again.",
                                            nullptr, int(waiting.size()))
                    .arg(services.server().toString(), waiting.join(QStringLiteral(", "))));
            stopWhenSettled();
        });
    // A full disk: say so and stop; the job stays in the profile as the database last had it,
    // and `wait` goes on once there is room.
    QObject::connect(&queue, &JobQueue::writeFailed, &loop,
                     [&](qint64 jobId, const UserMessage &message) {
                         if (!ids.contains(jobId) || code != ExitOk)
                             return;
                         ctx.notice(QStringLiteral("nanobanana-cli: ") + message.text());
                         code = ExitUsage;
                         loop.quit();
                     });
    QObject::connect(&services.client(), &BackendClient::unauthorized, &loop,
                     [&](const ApiError &e) {
                         ctx.notice(e.userMessage);
                         code = ExitSignIn;
                         loop.quit();
                     });
    QObject::connect(&services.budget(), &RequestBudget::rateLimited, &loop, [&](int seconds) {
        if (seconds > 0 && seconds % 10 == 0)
            ctx.notice(
                QCoreApplication::translate("Cli", "Rate limited by the server; resuming in %1 s.")
                    .arg(seconds));
    });
    loop.exec();
    return code;
}

enum class Shape { Object, Array }; // --json: one job object, or an array for `wait`

int reportJobs(CliContext &ctx, AppServices &services, const QList<qint64> &ids,
               const QString &outDir, Shape shape = Shape::Object)
{
    QJsonArray array;
    QString text;
    int code = ExitOk;
    for (const auto id : ids) {
        auto job = services.jobs().job(id);
        if (!job)
            continue;
        auto json = jobToJson(*job);
        QString line = stateLine(*job);
        if (job->state == JobState::Completed && !outDir.isEmpty()) {
            QString error;
            const auto saved = saveInto(*job, outDir, &error);
            if (saved.isEmpty()) {
                line += QCoreApplication::translate("Cli", " - not saved: ") + error;
                code = ExitServer;
            } else {
                json.insert(QStringLiteral("saved"), saved);
                line = saved;
            }
        }
        if (job->state == JobState::Failed || job->state == JobState::Cancelled)
            code = ExitJobFailed;
        array.append(json);
        // A failure is an error sentence (stderr); stdout keeps the results.
        if (job->state == JobState::Failed)
            ctx.notice(QStringLiteral("nanobanana-cli: ") + line);
        else
            text += line + u'\n';
    }
    ctx.result(shape == Shape::Object && !array.isEmpty() ? QJsonValue(array.first())
                                                          : QJsonValue(array),
               text.trimmed());
    return code;
}

} // namespace

int runGenerate(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    const auto &args = ctx.args();
    if (args.values.contains(QStringLiteral("out")) && !args.has(QStringLiteral("wait")))
        return ctx.fail(ExitUsage, QCoreApplication::translate(
                                       "Cli", "--out saves the finished image, so it needs "
                                              "--wait (or use `nanobanana-cli wait --out "
                                              "DIR` later)."));
    JobRequest request;
    request.kind = args.command == u"edit" ? JobKind::Edit : JobKind::Generate;
    request.prompt = args.arguments.value(0);
    request.aspectRatio = args.value(QStringLiteral("ratio"), QStringLiteral("1:1"));
    // An edit without --ratio keeps the shape of the first image it edits.
    if (request.kind == JobKind::Edit && !args.values.contains(QStringLiteral("ratio"))) {
        QImageReader reader(args.all(QStringLiteral("image")).value(0));
        QSize size = reader.size();
        if (reader.transformation().testFlag(QImageIOHandler::TransformationRotate90))
            size.transpose();
        if (size.isValid())
            request.aspectRatio = nearestAspectRatio(size);
    }
    request.resolution = args.value(QStringLiteral("resolution"), QStringLiteral("1K")).toUpper();
    request.referencePaths = args.all(QStringLiteral("image")) + args.all(QStringLiteral("ref"));
    request.templateId = args.value(QStringLiteral("template"));
    if (request.kind == JobKind::Edit && args.all(QStringLiteral("image")).isEmpty())
        return ctx.fail(ExitUsage, QCoreApplication::translate(
                                       "Cli", "An edit needs at least one --image FILE."));
    if (args.has(QStringLiteral("keep-unmasked")) && args.has(QStringLiteral("no-keep-unmasked")))
        return ctx.fail(ExitUsage, QCoreApplication::translate(
                                       "Cli", "Give --keep-unmasked or --no-keep-unmasked, not "
                                              "both."));
    request.maskPath = args.value(QStringLiteral("mask"));
    request.keepUnmasked = !args.has(QStringLiteral("no-keep-unmasked"));
    if (request.isBrushEdit())
        request.prompt = MaskEdit::withSentence(request.prompt); // as the app sends it
    const auto characterIds = args.all(QStringLiteral("character"));
    if (!characterIds.isEmpty()) {
        auto urls = characterImageUrls(*services, characterIds);
        if (!urls) {
            // The cache only holds what `characters` last saw: ask the server once.
            auto fetched = ctx.await(services->client().fetchCharacters());
            if (!fetched)
                return ctx.failWith(fetched.error());
            services->characters().replace(services->accountId(), fetched.value());
            urls = characterImageUrls(*services, characterIds);
        }
        if (!urls)
            return ctx.failWith(urls.error());
        request.characterIds = characterIds;
        request.characterImageUrls = urls.value();
    }
    auto queued = services->jobs().enqueue(request);
    if (!queued)
        return ctx.failWith(queued.error());
    const auto id = queued.value().id;
    ctx.progress(QCoreApplication::translate("Cli", "job %1 queued: %2")
                     .arg(id)
                     .arg(elide(request.prompt, 60)));

    const bool wait = args.has(QStringLiteral("wait"));
    const int stopped = driveJobs(ctx, *services, {id}, wait ? Until::Finished : Until::Sent);
    const int code =
        reportJobs(ctx, *services, {id},
                   wait ? args.value(QStringLiteral("out"), QStringLiteral(".")) : QString());
    return stopped != ExitOk ? stopped : code;
}

int runJobs(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    const bool all = ctx.args().has(QStringLiteral("all"));
    const int limit = ctx.args().value(QStringLiteral("limit"), QStringLiteral("50")).toInt();
    const auto jobs = services->jobStore().list(services->accountId(), !all, limit);
    QJsonArray array;
    QString text;
    for (const auto &job : jobs) {
        array.append(jobToJson(job));
        text += QStringLiteral("%1  %2  %3  %4\n")
                    .arg(job.id, 5)
                    .arg(jobStateName(job.state), -10)
                    .arg(shortTime(job.createdAt.toMSecsSinceEpoch()))
                    .arg(elide(job.request.prompt, 60));
    }
    if (jobs.isEmpty())
        text = all ? QCoreApplication::translate("Cli", "No jobs yet.")
                   : QCoreApplication::translate("Cli", "No unfinished jobs.");
    if (text.endsWith(u'\n'))
        text.chop(1);
    ctx.result(array, text);
    return ExitOk;
}

int runWait(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    QList<qint64> ids;
    for (const auto &arg : ctx.args().arguments) {
        bool ok = false;
        const auto id = arg.toLongLong(&ok);
        if (!ok || !services->jobs().job(id))
            return ctx.fail(ExitUsage, QCoreApplication::translate(
                                           "Cli", "There is no job %1 in this profile; "
                                                  "`nanobanana-cli jobs --all` lists them.")
                                           .arg(arg));
        ids.append(id);
    }
    if (ids.isEmpty()) {
        for (const auto &job : services->jobs().jobs(true))
            ids.append(job.id);
        // "Completed, not saved yet" (the disk was full): saved now.
        for (const auto &job : services->jobStore().unsavedResults(services->accountId()))
            ids.append(job.id);
    }
    if (ids.isEmpty()) {
        ctx.result(QJsonArray(), QCoreApplication::translate("Cli", "No unfinished jobs."));
        return ExitOk;
    }
    QSet<qint64> waiting(ids.cbegin(), ids.cend());
    const int stopped = driveJobs(ctx, *services, waiting, Until::Finished);
    const int code =
        reportJobs(ctx, *services, ids, ctx.args().value(QStringLiteral("out")), Shape::Array);
    return stopped != ExitOk ? stopped : code;
}

int runCancel(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    const auto id = ctx.args().arguments.value(0).toLongLong();
    if (!services->jobs().cancel(id))
        return ctx.fail(ExitUsage, QCoreApplication::translate(
                                       "Cli", "Job %1 is not an unfinished job of this "
                                              "profile; `nanobanana-cli jobs` lists them.")
                                       .arg(ctx.args().arguments.value(0)));
    reportJobs(ctx, *services, {id}, {});
    return ExitOk;
}

int runRetry(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    if (ctx.args().values.contains(QStringLiteral("out"))
        && !ctx.args().has(QStringLiteral("wait")))
        return ctx.fail(ExitUsage, QCoreApplication::translate(
                                       "Cli", "--out saves the finished image, so it needs "
                                              "--wait."));
    const auto id = ctx.args().arguments.value(0).toLongLong();
    if (!services->jobs().retry(id))
        return ctx.fail(ExitUsage, QCoreApplication::translate(
                                       "Cli", "Only a failed or cancelled job can be retried; "
                                              "job %1 is not one.")
                                       .arg(ctx.args().arguments.value(0)));
    const bool wait = ctx.args().has(QStringLiteral("wait"));
    const int stopped = driveJobs(ctx, *services, {id}, wait ? Until::Finished : Until::Sent);
    const int code =
        reportJobs(ctx, *services, {id},
                   wait ? ctx.args().value(QStringLiteral("out"), QStringLiteral(".")) : QString());
    return stopped != ExitOk ? stopped : code;
}
