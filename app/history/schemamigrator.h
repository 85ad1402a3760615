#pragma once

#include "domain/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// One rung of the schema ladder: the SQL that takes a database from version - 1 to version.
struct MigrationStep
{
    int version = 0;
    QString name;
    QString sql; // several statements; see splitStatements()
};

// Brings a database up the ladder of numbered steps (PRAGMA user_version), each step in one
// transaction that rolls back on failure, so a database is always at a whole version.
class SchemaMigrator final
{
public:
    // The steps shipped in history.qrc (app/history/migrations/*.sql), in order.
    static QList<MigrationStep> builtinSteps();
    static int latestVersion(const QList<MigrationStep> &steps);

    // Runs every step above the current version up to targetVersion (-1: the last step).
    // Returns the version reached.
    static Result<int> migrate(const QSqlDatabase &db, const QList<MigrationStep> &steps,
                               int targetVersion = -1);
    static Result<int> userVersion(const QSqlDatabase &db);

    // Splits a migration file into statements: each ends with ';' at the end of a line, a
    // CREATE TRIGGER ends with a line "END;". Whole-line "--" comments are dropped.
    static QStringList splitStatements(const QString &sql);
};
