#include "appservices.h"
#include "backend/backendclient.h"
#include "characters/charactercache.h"
#include "cli/clicontext.h"
#include "cli/jsonviews.h"
#include "history/historysync.h"
#include "history/syncscheduler.h"
#include "session/phonenumber.h"
#include "session/session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>

namespace {

// Waits for one of the session's outcome signals; returns the error, or nullopt on success.
template<class SuccessSignal, class FailureSignal>
std::optional<ApiError> awaitSession(Session &session, SuccessSignal success, FailureSignal failure)
{
    std::optional<ApiError> error;
    QEventLoop loop;
    QObject::connect(&session, success, &loop, [&loop] { loop.quit(); });
    QObject::connect(&session, failure, &loop, [&](const ApiError &e) {
        error = e;
        loop.quit();
    });
    loop.exec();
    return error;
}

QString userLine(const User &user)
{
    return QCoreApplication::translate("Cli", "%1 (%2 stars)")
        .arg(user.displayName().isEmpty() ? user.id : user.displayName())
        .arg(user.stars);
}

// A code or token the server (or the token check) rejected leaves the user signed out: exit 3,
// like every command that needs a sign-in. Network and server trouble stays exit 2.
int failSignIn(CliContext &ctx, const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Validation:
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::NotFound:
        return ctx.fail(ExitSignIn, error.userMessage, ApiError::kindName(error.kind));
    default:
        return ctx.failWith(error);
    }
}

void restoreSession(Session &session)
{
    if (session.state() != Session::State::SignedOut)
        return;
    QEventLoop loop;
    QObject::connect(&session, &Session::restored, &loop, [&loop] { loop.quit(); });
    session.restore();
    loop.exec();
}

} // namespace

int runLogin(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services)
        return ExitUsage;
    auto &session = services->session();
    restoreSession(session);
    const auto &args = ctx.args();
    const auto token = args.value(QStringLiteral("token"));
    const auto phoneInput = args.value(QStringLiteral("phone"));
    if (token.isEmpty() == phoneInput.isEmpty())
        return ctx.fail(ExitUsage, QCoreApplication::translate(
                                       "Cli", "Give either --phone NUMBER or --token TOKEN."));

    if (!token.isEmpty()) {
        session.signInWithToken(token);
        if (auto error = awaitSession(session, &Session::signedIn, &Session::signInFailed))
            return failSignIn(ctx, *error);
    } else {
        const auto phone = PhoneNumber::normalize(phoneInput);
        if (!phone)
            return ctx.failWith(phone.error());
        auto code = args.value(QStringLiteral("code"));
        if (code.isEmpty()) {
            session.requestCode(phone.value());
            if (auto error = awaitSession(session, &Session::codeSent, &Session::codeRequestFailed))
                return ctx.failWith(*error);
            ctx.progress(QCoreApplication::translate(
                             "Cli", "A code was sent to %1. Type it and press Enter:")
                             .arg(phone.value()));
            QTextStream in(stdin);
            code = in.readLine().trimmed();
            if (code.isEmpty())
                return ctx.fail(ExitUsage,
                                QCoreApplication::translate("Cli", "No code was entered."));
        }
        code.remove(u' ');
        session.verifyCode(phone.value(), code);
        if (auto error = awaitSession(session, &Session::signedIn, &Session::signInFailed)) {
            if (error->kind == ApiError::Kind::Validation && error->httpStatus == 400)
                error->userMessage =
                    QCoreApplication::translate(
                        "Cli", "The server did not accept the code %1 for %2 (%3). Check "
                               "the code, or run `nanobanana-cli login --phone %2` again "
                               "for a new one.")
                        .arg(code, phone.value(), error->serverMessage);
            return failSignIn(ctx, *error);
        }
    }
    const auto &user = session.user();
    QJsonObject json = userToJson(user);
    json.insert(QStringLiteral("server"), services->server().toString());
    if (session.tokenExpiresAt().isValid())
        json.insert(QStringLiteral("tokenExpiresAt"),
                    session.tokenExpiresAt().toString(Qt::ISODate));
    ctx.result(json, QCoreApplication::translate("Cli", "Signed in to %1 as %2.")
                         .arg(services->server().toString(), userLine(user)));
    return ExitOk;
}

int runLogout(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services)
        return ExitUsage;
    auto &session = services->session();
    restoreSession(session);
    QEventLoop loop;
    QObject::connect(&session, &Session::signedOut, &loop, [&loop] { loop.quit(); });
    session.signOut();
    if (session.state() != Session::State::SignedOut || !session.accountId().isEmpty())
        loop.exec();
    ctx.result(
        QJsonObject{{QStringLiteral("signedOut"), true}},
        QCoreApplication::translate("Cli", "Signed out. The local history stays in the profile."));
    return ExitOk;
}

int runWhoami(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    auto &session = services->session();
    session.refreshUser();
    std::optional<ApiError> error;
    {
        QEventLoop loop;
        QObject::connect(&session, &Session::userChanged, &loop, [&loop] { loop.quit(); });
        QObject::connect(&session, &Session::refreshFailed, &loop, [&](const ApiError &e) {
            error = e;
            loop.quit();
        });
        loop.exec();
    }
    if (error && error->kind == ApiError::Kind::Unauthorized)
        return ctx.failWith(*error);
    if (error)
        ctx.notice(QCoreApplication::translate("Cli", "%1 Showing what this profile last knew.")
                       .arg(error->userMessage));
    QJsonObject json = userToJson(session.user());
    json.insert(QStringLiteral("server"), services->server().toString());
    json.insert(QStringLiteral("offline"), error.has_value());
    ctx.result(json, userLine(session.user()));
    return error ? ExitServer : ExitOk;
}

int runSync(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    auto &sync = services->sync();
    std::optional<SyncReport> report;
    std::optional<ApiError> error;
    QEventLoop loop;
    QObject::connect(&sync, &SyncScheduler::progress, &loop, [&](qint64 fetched, qint64 total) {
        ctx.progress(
            QCoreApplication::translate("Cli", "synced %1 of %2 records").arg(fetched).arg(total));
    });
    QObject::connect(&sync, &SyncScheduler::finished, &loop, [&](const SyncReport &r) {
        report = r;
        loop.quit();
    });
    QObject::connect(&sync, &SyncScheduler::failed, &loop, [&](const ApiError &e) {
        error = e;
        loop.quit();
    });
    if (!sync.requestSync(SyncScheduler::Reason::OnDemand, ctx.args().has(QStringLiteral("full"))))
        return ctx.fail(ExitSignIn, QCoreApplication::translate(
                                        "CliSync", "The server no longer accepts your sign-in. "
                                                   "Run `nanobanana-cli login` again to sync."));
    loop.exec();
    if (error)
        return ctx.failWith(*error);
    const auto &r = *report;
    const double seconds = qMax<qint64>(1, r.durationMs) / 1000.0;
    std::optional<ImageMirrorOutcome> images;
    if (ctx.args().has(QStringLiteral("images")))
        images = mirrorImages(ctx, *services);
    QJsonObject json{
        {QStringLiteral("requests"), r.requests},   {QStringLiteral("fetched"), r.fetched},
        {QStringLiteral("new"), r.added},           {QStringLiteral("changed"), r.changed},
        {QStringLiteral("unchanged"), r.unchanged}, {QStringLiteral("gone"), r.gone},
        {QStringLiteral("full"), r.full},           {QStringLiteral("durationMs"), r.durationMs}};
    // %n counts the requests; English says "1 request" through studio_en.ts.
    QString text = QCoreApplication::translate("Cli",
                                               "Synced %1 records in %n requests (%2 new, %3 "
                                               "changed, %4 gone) in %5 s.",
                                               nullptr, r.requests)
                       .arg(r.fetched)
                       .arg(r.added)
                       .arg(r.changed)
                       .arg(r.gone)
                       .arg(seconds, 0, 'f', 2);
    if (images) {
        json.insert(QStringLiteral("images"),
                    QJsonObject{{QStringLiteral("downloaded"), images->downloaded},
                                {QStringLiteral("alreadyHere"), images->alreadyHere},
                                {QStringLiteral("gone"), images->gone},
                                {QStringLiteral("failed"), images->failed},
                                {QStringLiteral("offline"), images->offline}});
        text += u'\n'
                + QCoreApplication::translate("Cli",
                                              "Images: %n downloaded, %1 already here, %2 gone "
                                              "from the server, %3 not downloaded.",
                                              nullptr, int(images->downloaded))
                      .arg(images->alreadyHere)
                      .arg(images->gone)
                      .arg(images->failed);
    }
    ctx.result(json, text);
    return images && images->offline ? ExitServer : ExitOk;
}

int runCharacters(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    auto result = ctx.await(services->client().fetchCharacters());
    QList<Character> characters;
    bool offline = false;
    if (result) {
        characters = result.value();
        services->characters().replace(services->accountId(), characters);
    } else if (result.error().kind == ApiError::Kind::Unauthorized) {
        return ctx.failWith(result.error());
    } else {
        offline = true;
        ctx.notice(
            QCoreApplication::translate("Cli", "%1 Showing the characters this profile last saw.")
                .arg(result.error().userMessage));
        characters = services->characters().list(services->accountId());
    }
    QJsonArray array;
    QString text;
    for (const auto &c : characters) {
        array.append(characterToJson(c));
        text +=
            QCoreApplication::translate("Cli", "%1  %2  (%n images)", nullptr, int(c.images.size()))
                .arg(c.id, c.name)
            + u'\n';
    }
    if (characters.isEmpty())
        text = QCoreApplication::translate("Cli", "No characters yet.");
    ctx.result(array, text.trimmed());
    return offline ? ExitServer : ExitOk;
}
