#include "cli/clicontext.h"
#include "i18n/translations.h"
#include "media/imagelimits.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

namespace {

int dispatch(CliContext &ctx)
{
    const auto &command = ctx.args().command;
    if (command == u"login")
        return runLogin(ctx);
    if (command == u"logout")
        return runLogout(ctx);
    if (command == u"whoami")
        return runWhoami(ctx);
    if (command == u"generate" || command == u"edit")
        return runGenerate(ctx);
    if (command == u"jobs")
        return runJobs(ctx);
    if (command == u"wait")
        return runWait(ctx);
    if (command == u"cancel")
        return runCancel(ctx);
    if (command == u"retry")
        return runRetry(ctx);
    if (command == u"sync")
        return runSync(ctx);
    if (command == u"list")
        return runList(ctx);
    if (command == u"show")
        return runShow(ctx);
    if (command == u"favorite")
        return runFavorite(ctx);
    if (command == u"hide")
        return runHide(ctx);
    if (command == u"export")
        return runExport(ctx);
    if (command == u"characters")
        return runCharacters(ctx);
    if (command == u"styles")
        return runStyles(ctx);
    return ExitUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nanobanana-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("NanoBanana"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STUDIO_VERSION));

    // The CLI follows LANG (fa_IR.UTF-8: Persian); --json's keys and values never change.
    Translations translations;
    translations.install(Translations::localeFor(Translations::Language::System));
    configureImageLimits();
    // The CLI's stderr is for progress a person reads; module chatter only on request.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("studio.*.debug=false\nstudio.*.info=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto invocation = parseCliArguments(QCoreApplication::arguments().mid(1));
    if (invocation.version) {
        out << "nanobanana-cli " << STUDIO_VERSION << Qt::endl;
        return ExitOk;
    }
    if (invocation.help) {
        out << (invocation.command.isEmpty() ? cliUsage() : cliCommandUsage(invocation.command));
        out.flush();
        return ExitOk;
    }
    if (!invocation.error.isEmpty()) {
        // A typo deserves one sentence and a pointer, not the whole manual.
        err << "nanobanana-cli: " << invocation.error << '\n';
        if (invocation.command.isEmpty())
            err << QCoreApplication::translate("Cli",
                                               "Run `nanobanana-cli --help` for the commands.")
                << '\n';
        else
            err << '\n' << cliCommandUsage(invocation.command);
        err.flush();
        if (invocation.json) {
            const QJsonObject error{{QStringLiteral("message"), invocation.error},
                                    {QStringLiteral("exitCode"), int(ExitUsage)},
                                    {QStringLiteral("kind"), QStringLiteral("usage")}};
            out << QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
                       .toJson(QJsonDocument::Indented);
            out.flush();
        }
        return ExitUsage;
    }
    CliContext ctx(std::move(invocation), out, err);
    const int code = dispatch(ctx);
    out.flush();
    err.flush();
    return code;
}
