#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// The CLI's command line: global options (--server, --profile, --json) anywhere, one command
// word, its arguments and options. Pure; usage errors come back as text.
struct CliOptionSpec
{
    QString name; // without the dashes
    QString valueName; // empty for a flag
    bool repeatable = false;
    QString help;
};

struct CliCommandSpec
{
    QString name;
    QString arguments; // e.g. "PROMPT", "[JOB]..."
    QString summary;
    int minArgs = 0;
    int maxArgs = 0; // -1: any number
    QList<CliOptionSpec> options;
};

struct CliInvocation
{
    QString command;
    QStringList arguments;
    QHash<QString, QStringList> values; // option -> values in order
    QStringList flags;
    QString server;
    QString profile;
    bool json = false;
    bool help = false;
    bool version = false;
    QString error; // a usage error; empty when the line is fine

    bool has(const QString &flag) const { return flags.contains(flag); }
    QString value(const QString &option, const QString &fallback = {}) const
    {
        return values.value(option).value(0, fallback);
    }
    QStringList all(const QString &option) const { return values.value(option); }
};

const QList<CliCommandSpec> &cliCommands();
CliInvocation parseCliArguments(const QStringList &arguments); // without argv[0]
QString cliUsage(); // the whole help text
QString cliCommandUsage(const QString &command);
