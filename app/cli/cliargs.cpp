#include "cli/cliargs.h"

#include <QCoreApplication>

namespace {

CliOptionSpec flag(const char *name, const char *help)
{
    return {QString::fromLatin1(name), {}, false, QCoreApplication::translate("Cli", help)};
}

CliOptionSpec option(const char *name, const char *valueName, const char *help,
                     bool repeatable = false)
{
    return {QString::fromLatin1(name), QString::fromLatin1(valueName), repeatable,
            QCoreApplication::translate("Cli", help)};
}

QList<CliOptionSpec> jobOptions()
{
    return {
        option(
            "ratio", "R",
            QT_TRANSLATE_NOOP("Cli", "aspect ratio: 1:1 2:3 3:2 3:4 4:3 4:5 5:4 9:16 16:9 21:9")),
        option("resolution", "1K|2K|4K",
               QT_TRANSLATE_NOOP("Cli", "output resolution (1K and 2K cost 10 stars, 4K 20)")),
        option("ref", "FILE", QT_TRANSLATE_NOOP("Cli", "a reference image (up to 5 images in all)"),
               true),
        option("character", "ID",
               QT_TRANSLATE_NOOP("Cli", "use a character's images (see `characters`)"), true),
        option("template", "ID", QT_TRANSLATE_NOOP("Cli", "a style template id")),
        flag("wait", QT_TRANSLATE_NOOP("Cli", "block until the job is done and save the image")),
        option("out", "DIR",
               QT_TRANSLATE_NOOP("Cli", "with --wait: where to save the image (default: .)"))};
}

const QList<CliOptionSpec> &globalOptions()
{
    static const QList<CliOptionSpec> options{
        option("server", "URL",
               QT_TRANSLATE_NOOP(
                   "Cli", "the backend origin (or NANOBANANA_SERVER; remembered per profile)")),
        option("profile", "DIR",
               QT_TRANSLATE_NOOP("Cli", "the profile folder (or NANOBANANA_PROFILE)")),
        flag("json", QT_TRANSLATE_NOOP("Cli", "print one JSON document on stdout")),
        flag("help", QT_TRANSLATE_NOOP("Cli", "show this help")),
        flag("version", QT_TRANSLATE_NOOP("Cli", "show the version"))};
    return options;
}

// "  NAME ARGS          summary", the summary column aligned (or on its own line when the
// left part is long).
QString twoColumns(const QString &left, const QString &right)
{
    constexpr qsizetype width = 22;
    if (left.size() < width - 1)
        return QStringLiteral("  ") + left.leftJustified(width) + right + u'\n';
    return QStringLiteral("  ") + left + QStringLiteral("\n  ") + QString(width, u' ') + right
           + u'\n';
}

QString optionSynopsis(const CliOptionSpec &o)
{
    QString text = QStringLiteral("--") + o.name;
    if (!o.valueName.isEmpty())
        text += u' ' + o.valueName;
    return text;
}

const CliOptionSpec *findOption(const QList<CliOptionSpec> &options, const QString &name)
{
    for (const auto &o : options)
        if (o.name == name)
            return &o;
    return nullptr;
}

} // namespace

const QList<CliCommandSpec> &cliCommands()
{
    static const QList<CliCommandSpec> commands{
        {QStringLiteral("login"),
         QString(),
         QCoreApplication::translate(
             "Cli", "sign in with a phone number (code from --code or stdin) or a token"),
         0,
         0,
         {option("phone", "NUMBER", QT_TRANSLATE_NOOP("Cli", "phone number, e.g. +15550001111")),
          option("code", "CODE",
                 QT_TRANSLATE_NOOP("Cli", "the 6-digit code (read from stdin when absent)")),
          option("token", "TOKEN",
                 QT_TRANSLATE_NOOP("Cli", "an access token obtained elsewhere"))}},
        {QStringLiteral("logout"),
         QString(),
         QCoreApplication::translate("Cli", "forget the stored token"),
         0,
         0,
         {}},
        {QStringLiteral("whoami"),
         QString(),
         QCoreApplication::translate("Cli", "show the user and the star balance"),
         0,
         0,
         {}},
        {QStringLiteral("generate"), QStringLiteral("PROMPT"),
         QCoreApplication::translate("Cli", "queue a generation"), 1, 1, jobOptions()},
        {QStringLiteral("edit"), QStringLiteral("PROMPT"),
         QCoreApplication::translate("Cli", "queue an edit of one or more images"), 1, 1,
         jobOptions() << option("image", "FILE",
                                QT_TRANSLATE_NOOP("Cli", "an image to edit (at least one)"), true)
                      << option("mask", "MASK.png",
                                QT_TRANSLATE_NOOP("Cli", "change only the white area of the "
                                                         "first image (a brush edit)"))
                      << flag("keep-unmasked",
                              QT_TRANSLATE_NOOP("Cli", "with --mask: put the rest of the first "
                                                       "image back into the result (default)"))
                      << flag("no-keep-unmasked",
                              QT_TRANSLATE_NOOP("Cli", "with --mask: keep the server's result "
                                                       "as it comes"))},
        {QStringLiteral("jobs"),
         QString(),
         QCoreApplication::translate("Cli", "list the jobs of this profile"),
         0,
         0,
         {flag("all", QT_TRANSLATE_NOOP("Cli", "include finished jobs")),
          option("limit", "N", QT_TRANSLATE_NOOP("Cli", "at most N jobs"))}},
        {QStringLiteral("wait"),
         QStringLiteral("[JOB]..."),
         QCoreApplication::translate(
             "Cli", "wait for jobs (default: all unfinished) and save their images"),
         0,
         -1,
         {option("out", "DIR", QT_TRANSLATE_NOOP("Cli", "where to save the images (default: .)"))}},
        {QStringLiteral("cancel"),
         QStringLiteral("JOB"),
         QCoreApplication::translate(
             "Cli", "stop tracking a job (the server may still finish and charge it)"),
         1,
         1,
         {}},
        {QStringLiteral("retry"),
         QStringLiteral("JOB"),
         QCoreApplication::translate("Cli", "send a failed or cancelled job again"),
         1,
         1,
         {flag("wait", QT_TRANSLATE_NOOP("Cli", "wait for it")),
          option("out", "DIR", QT_TRANSLATE_NOOP("Cli", "where to save the image"))}},
        {QStringLiteral("sync"),
         QString(),
         QCoreApplication::translate("Cli", "mirror the history from the server"),
         0,
         0,
         {flag("full", QT_TRANSLATE_NOOP("Cli", "page through the whole history again")),
          flag("images", QT_TRANSLATE_NOOP("Cli", "then download every image not on this "
                                                  "computer yet"))}},
        {QStringLiteral("list"),
         QString(),
         QCoreApplication::translate("Cli", "query the local history (works offline)"),
         0,
         0,
         {option("status", "S", QT_TRANSLATE_NOOP("Cli", "pending, completed or failed"), true),
          option("type", "T", QT_TRANSLATE_NOOP("Cli", "generate, edit or other"), true),
          option("search", "TEXT",
                 QT_TRANSLATE_NOOP("Cli", "words of the prompt (prefixes match)")),
          flag("favorites", QT_TRANSLATE_NOOP("Cli", "favourites only")),
          flag("hidden", QT_TRANSLATE_NOOP("Cli", "include hidden records")),
          flag("oldest", QT_TRANSLATE_NOOP("Cli", "oldest first")),
          option("limit", "N", QT_TRANSLATE_NOOP("Cli", "at most N records (default 50)"))}},
        {QStringLiteral("show"),
         QStringLiteral("ID"),
         QCoreApplication::translate("Cli", "one history record"),
         1,
         1,
         {}},
        {QStringLiteral("favorite"),
         QStringLiteral("ID"),
         QCoreApplication::translate("Cli", "mark a record as favourite"),
         1,
         1,
         {flag("off", QT_TRANSLATE_NOOP("Cli", "remove the mark"))}},
        {QStringLiteral("hide"),
         QStringLiteral("ID"),
         QCoreApplication::translate("Cli", "hide a record locally (the server keeps it)"),
         1,
         1,
         {flag("off", QT_TRANSLATE_NOOP("Cli", "show it again"))}},
        {QStringLiteral("export"),
         QStringLiteral("DIR"),
         QCoreApplication::translate("Cli", "export the history's metadata (and images)"),
         1,
         1,
         {option("format", "json|csv", QT_TRANSLATE_NOOP("Cli", "metadata format (default json)")),
          flag("with-images", QT_TRANSLATE_NOOP("Cli", "copy the images too, downloading the "
                                                       "missing ones first"))}},
        {QStringLiteral("characters"),
         QString(),
         QCoreApplication::translate("Cli", "list characters"),
         0,
         0,
         {}},
        {QStringLiteral("styles"),
         QString(),
         QCoreApplication::translate("Cli", "list the style catalogue (ids for --template)"),
         0,
         0,
         {}},
    };
    return commands;
}

CliInvocation parseCliArguments(const QStringList &arguments)
{
    CliInvocation inv;
    const CliCommandSpec *command = nullptr;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (optionsEnded || !arg.startsWith(QStringLiteral("--")) || arg == u"--") {
            if (arg == u"--" && !optionsEnded) {
                optionsEnded = true;
                continue;
            }
            if (!command) {
                for (const auto &c : cliCommands())
                    if (c.name == arg)
                        command = &c;
                if (!command) {
                    inv.error = QCoreApplication::translate("Cli", "unknown command '%1'").arg(arg);
                    return inv;
                }
                inv.command = arg;
            } else {
                inv.arguments.append(arg);
            }
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool hasInlineValue = false;
        if (const auto eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasInlineValue = true;
        }
        const CliOptionSpec *spec = findOption(globalOptions(), name);
        if (!spec && command)
            spec = findOption(command->options, name);
        if (!spec) {
            inv.error = command
                            ? QCoreApplication::translate("Cli", "'%1' has no option --%2")
                                  .arg(command->name, name)
                            : QCoreApplication::translate("Cli", "unknown option --%1").arg(name);
            return inv;
        }
        if (spec->valueName.isEmpty()) {
            if (hasInlineValue) {
                inv.error = QCoreApplication::translate("Cli", "--%1 takes no value").arg(name);
                return inv;
            }
            inv.flags.append(name);
            if (name == u"json")
                inv.json = true; // known even when a later word is a usage error
        } else {
            if (!hasInlineValue) {
                if (i + 1 >= arguments.size()) {
                    inv.error = QCoreApplication::translate("Cli", "--%1 needs a value (%2)")
                                    .arg(name, spec->valueName);
                    return inv;
                }
                value = arguments.at(++i);
            }
            if (!spec->repeatable && inv.values.contains(name)) {
                inv.error = QCoreApplication::translate("Cli", "--%1 given twice").arg(name);
                return inv;
            }
            inv.values[name].append(value);
        }
    }
    inv.help = inv.flags.contains(QStringLiteral("help"));
    inv.version = inv.flags.contains(QStringLiteral("version"));
    inv.json = inv.flags.contains(QStringLiteral("json"));
    inv.server = inv.value(QStringLiteral("server"));
    inv.profile = inv.value(QStringLiteral("profile"));
    if (inv.help || inv.version)
        return inv;
    if (!command) {
        inv.error = QCoreApplication::translate("Cli", "no command given");
        return inv;
    }
    const auto n = inv.arguments.size();
    if (n < command->minArgs || (command->maxArgs >= 0 && n > command->maxArgs)) {
        inv.error =
            command->arguments.isEmpty()
                ? QCoreApplication::translate("Cli", "'%1' takes no arguments").arg(command->name)
                : QCoreApplication::translate("Cli", "usage: nanobanana-cli %1 %2")
                      .arg(command->name, command->arguments);
    }
    return inv;
}

QString cliCommandUsage(const QString &name)
{
    for (const auto &c : cliCommands()) {
        if (c.name != name)
            continue;
        QString text = QCoreApplication::translate(
                           "Cli", "usage: nanobanana-cli [global options] %1%2%3\n%4.\n")
                           .arg(c.name, c.arguments.isEmpty() ? QString() : QStringLiteral(" "),
                                c.arguments, c.summary.left(1).toUpper() + c.summary.mid(1));
        if (!c.options.isEmpty())
            text += QStringLiteral("\noptions:\n");
        for (const auto &o : c.options)
            text += twoColumns(optionSynopsis(o),
                               o.repeatable
                                   ? o.help + QCoreApplication::translate("Cli", " (repeatable)")
                                   : o.help);
        return text;
    }
    return cliUsage();
}

QString cliUsage()
{
    QString text = QCoreApplication::translate(
        "Cli", "usage: nanobanana-cli [--server URL] [--profile DIR] [--json] COMMAND [ARGS]\n\n"
               "NanoBanana Studio from the command line: sign in, generate and edit images, follow "
               "jobs, mirror and query your history.\n\ncommands:\n");
    for (const auto &c : cliCommands())
        text += twoColumns(c.arguments.isEmpty() ? c.name : c.name + u' ' + c.arguments, c.summary);
    text += QCoreApplication::translate("Cli", "\nglobal options:\n");
    for (const auto &o : globalOptions())
        text += twoColumns(optionSynopsis(o), o.help);
    text += QCoreApplication::translate(
        "Cli",
        "\n`nanobanana-cli COMMAND --help` shows a command's options.\n"
        "exit codes: 0 ok, 1 usage, 2 network or server error, 3 sign-in needed, 4 job failed.\n"
        "Progress goes to stderr; results to stdout (--json: one JSON document).\n");
    return text;
}
