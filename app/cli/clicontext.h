#pragma once

#include "backend/apicall.h"
#include "cli/cliargs.h"

#include <QEventLoop>
#include <QJsonValue>
#include <QTextStream>

#include <memory>
#include <optional>

class AppServices;

// Exit codes of nanobanana-cli (DESIGN.md).
enum CliExit : int {
    ExitOk = 0,
    ExitUsage = 1,
    ExitServer = 2, // network or server error
    ExitSignIn = 3, // sign-in needed
    ExitJobFailed = 4,
};

// What one CLI command works with: its parsed line, the services of the profile, stdout for
// results, stderr for progress.
class CliContext final
{
public:
    CliContext(CliInvocation invocation, QTextStream &out, QTextStream &err);
    ~CliContext();

    const CliInvocation &args() const { return m_args; }
    bool json() const { return m_args.json; }

    // Opens the profile (and its database) on first use; nullptr after printing why not.
    AppServices *services();
    // Loads the stored token; false (after saying how to sign in) when there is none.
    bool requireSignIn();

    void progress(const QString &line); // stderr; rewritten in place on a terminal
    bool interactive() const { return m_errIsTerminal; } // stderr is a terminal
    void notice(const QString &line); // stderr, also in --json mode
    // Prints the result: the JSON document with --json, else the text.
    void result(const QJsonValue &json, const QString &text);
    // Prints the error sentence on stderr (and {"error":...} on stdout with --json).
    int fail(int exitCode, const QString &sentence, const QString &kind = {});
    int failWith(const ApiError &error);
    static int exitCodeFor(const ApiError &error);

    // Runs the event loop until the call finishes and returns its result.
    template<class T>
    Result<T> await(ApiCall<T> *call)
    {
        std::optional<Result<T>> out;
        QEventLoop loop;
        QObject::connect(call, &ApiCallBase::finished, &loop, [&] {
            out.emplace(call->result());
            loop.quit();
        });
        loop.exec();
        return std::move(*out);
    }

private:
    void endProgressLine();

    CliInvocation m_args;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<AppServices> m_services;
    bool m_servicesFailed = false;
    bool m_errIsTerminal = false;
    bool m_progressOpen = false;
};

// The image URLs of the given characters, from the local cache of the character list; the
// error names the command that refreshes it (characterurls.cpp).
Result<QStringList> characterImageUrls(AppServices &services, const QStringList &characterIds);

// What `sync --images` and `export --with-images` fetched (imagecommands.cpp).
struct ImageMirrorOutcome
{
    qint64 downloaded = 0;
    qint64 alreadyHere = 0;
    qint64 gone = 0; // gone from the server (verified misses, this run or before)
    qint64 failed = 0; // still missing: refused, failing, or not tried once offline
    bool offline = false; // the server could not be reached; the run stopped
};
// Downloads every completed record's image that is not on this computer yet (ImageMirror),
// with progress on stderr.
ImageMirrorOutcome mirrorImages(CliContext &ctx, AppServices &services);

// The commands, one function each (sessioncommands.cpp, jobcommands.cpp, historycommands.cpp).
int runLogin(CliContext &ctx);
int runLogout(CliContext &ctx);
int runWhoami(CliContext &ctx);
int runGenerate(CliContext &ctx);
int runJobs(CliContext &ctx);
int runWait(CliContext &ctx);
int runCancel(CliContext &ctx);
int runRetry(CliContext &ctx);
int runSync(CliContext &ctx);
int runList(CliContext &ctx);
int runShow(CliContext &ctx);
int runFavorite(CliContext &ctx);
int runHide(CliContext &ctx);
int runExport(CliContext &ctx);
int runCharacters(CliContext &ctx);
int runStyles(CliContext &ctx); // stylecommands.cpp
