#pragma once

// Shared by the end-to-end tests: an AppServices on a temporary profile, signed in against a
// DevServerProcess, and small waits over the job queue and the local history.

#include "appservices.h"
#include "backend/backendclient.h"
#include "history/historydatabase.h"
#include "history/historysync.h"
#include "history/profilepaths.h"
#include "history/syncscheduler.h"
#include "jobs/jobqueue.h"
#include "jobs/jobstore.h"
#include "session/session.h"
#include "support/devserverprocess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace studiotest {

inline const QString kPhone = QStringLiteral("+15550001111");

// Fast timings: the defaults wait seconds between polls and reconciles.
inline JobQueue::Timing fastTiming()
{
    JobQueue::Timing timing;
    timing.pollDelaysMs = {100, 150, 200, 300};
    timing.reconcileDelaysMs = {0, 200, 400};
    timing.retryDelaysMs = {100, 200};
    return timing;
}

// `desktop`: as the app opens them (the mirror follows each sync, and so on).
inline std::unique_ptr<AppServices> openServices(const QString &profile, const QUrl &server,
                                                 bool desktop = false)
{
    AppServices::Options options;
    options.profilePath = profile;
    options.server = server;
    options.fileOnlyTokens = true;
    options.desktop = desktop;
    auto services = std::make_unique<AppServices>(options);
    const auto opened = services->open();
    if (!opened) {
        qWarning() << "AppServices::open failed:" << opened.error().userMessage;
        return nullptr;
    }
    services->jobs().setTiming(fastTiming());
    return services;
}

// Restores the stored token (a second run on the same profile); true when signed in.
inline bool restoreSession(AppServices &services)
{
    QSignalSpy restored(&services.session(), &Session::restored);
    services.session().restore();
    if (restored.isEmpty() && !restored.wait(10000))
        return false;
    return services.session().isSignedIn();
}

inline bool signIn(AppServices &services, const QString &phone = kPhone)
{
    QSignalSpy signedIn(&services.session(), &Session::signedIn);
    QSignalSpy failed(&services.session(), &Session::signInFailed);
    services.session().verifyCode(phone, QString::fromLatin1(DevServerProcess::defaultOtp));
    if (!QTest::qWaitFor([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, 10000))
        return false;
    return !signedIn.isEmpty() && services.jobs().accountId() == services.accountId();
}

inline JobRequest generateRequest(const QString &prompt,
                                  const QString &ratio = QStringLiteral("1:1"))
{
    JobRequest request;
    request.kind = JobKind::Generate;
    request.prompt = prompt;
    request.aspectRatio = ratio;
    return request;
}

// Waits until the job is final (and a completed one has its file, or gave up on it).
inline std::optional<Job> waitFinished(AppServices &services, qint64 jobId, int timeoutMs = 20000)
{
    bool finished = false;
    QObject context;
    QObject::connect(&services.jobs(), &JobQueue::jobFinished, &context,
                     [&finished, jobId](const Job &job) { finished |= job.id == jobId; });
    auto done = [&] {
        const auto job = services.jobs().job(jobId);
        if (!job)
            return false;
        if (job->state == JobState::Completed)
            return !job->localImagePath.isEmpty() || finished;
        return isFinal(job->state);
    };
    if (!QTest::qWaitFor(done, timeoutMs))
        qWarning() << "job" << jobId << "did not finish:"
                   << (services.jobs().job(jobId) ? jobStateName(services.jobs().job(jobId)->state)
                                                  : QStringLiteral("gone"));
    return services.jobs().job(jobId);
}

inline std::optional<SyncReport> runSync(AppServices &services, bool full = false,
                                         int timeoutMs = 60000)
{
    auto &sync = services.sync();
    QSignalSpy finished(&sync, &SyncScheduler::finished);
    QSignalSpy failed(&sync, &SyncScheduler::failed);
    if (!sync.requestSync(SyncScheduler::Reason::OnDemand, full))
        return std::nullopt;
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, timeoutMs))
        return std::nullopt;
    if (finished.isEmpty()) {
        qWarning() << "sync failed:" << failed.first().first().value<ApiError>().userMessage;
        return std::nullopt;
    }
    return finished.first().first().value<SyncReport>();
}

// Rows of the local gallery table with this prompt (any status, local or from the server).
struct GalleryRow
{
    qint64 rowId = 0;
    QString id;
    QString taskId;
    QString status;
    QString localFile;
    QString error;
};

inline QList<GalleryRow> galleryRows(AppServices &services, const QString &prompt)
{
    QSqlQuery q(services.database().connection());
    q.prepare(QStringLiteral("SELECT row_id, id, task_id, status, local_file, error FROM "
                             "generated_images WHERE account_id = :account AND prompt = :prompt"));
    q.bindValue(QStringLiteral(":account"), services.accountId());
    q.bindValue(QStringLiteral(":prompt"), prompt);
    QList<GalleryRow> rows;
    if (!q.exec())
        return rows;
    // local_file is stored relative to the profile (schema 8).
    const auto paths = ProfilePaths::ofDatabase(services.database().path());
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), paths.resolve(q.value(4).toString()),
                     q.value(5).toString()});
    return rows;
}

inline QJsonObject userState(DevServerProcess &server, const QString &phone = kPhone)
{
    const auto users = server.devState().value(QStringLiteral("users")).toArray();
    for (const auto &user : users)
        if (user.toObject().value(QStringLiteral("phoneNumber")).toString() == phone)
            return user.toObject();
    return {};
}

inline int generatePosts(DevServerProcess &server)
{
    return server.devState().value(QStringLiteral("generatePosts")).toInt();
}

} // namespace studiotest
