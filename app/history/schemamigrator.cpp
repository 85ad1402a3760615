#include "history/schemamigrator.h"

#include "history/historylog.h"
#include "history/historysql.h"
#include "history/profilepaths.h"
#include "history/sqltransaction.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE must be called outside any namespace; the resources live in a static
// library, whose unreferenced object files the linker would otherwise drop.
static void initHistoryResources()
{
    Q_INIT_RESOURCE(history);
}

namespace {

// `what` is one of core.history.migration.*.
ApiError databaseError(const UserMessage &what, const QString &detail)
{
    return ApiError::make(ApiError::Kind::Local,
                          UserMessage::of("core.history.migrationFailed", {what.toStorage()}), 0,
                          detail);
}

// The step of schema `version` that failed, e.g. core.history.migration.stepFailed.
ApiError databaseError(const char *what, int version, const QString &detail)
{
    return databaseError(UserMessage::of(what, {QString::number(version)}), detail);
}

} // namespace

QList<MigrationStep> SchemaMigrator::builtinSteps()
{
    initHistoryResources();
    const QList<std::pair<int, QString>> files = {
        {1, u"0001_images.sql"_s},         {2, u"0002_local_state.sql"_s},
        {3, u"0003_search_backlog.sql"_s}, {4, u"0004_checks_without_lists.sql"_s},
        {5, u"0005_message_codes.sql"_s},  {6, u"0006_image_state.sql"_s},
        {7, u"0007_job_progress.sql"_s},   {8, u"0008_relative_paths.sql"_s},
        {9, u"0009_mask_edits.sql"_s},     {10, u"0010_lineage.sql"_s},
        {11, u"0011_day_counts.sql"_s},
    };
    QList<MigrationStep> steps;
    for (const auto &[version, name] : files) {
        QFile file(u":/history/migrations/"_s + name);
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcHistory) << "missing migration resource" << name;
            break;
        }
        steps.append({version, name, QString::fromUtf8(file.readAll())});
    }
    return steps;
}

int SchemaMigrator::latestVersion(const QList<MigrationStep> &steps)
{
    int latest = 0;
    for (const auto &step : steps)
        latest = std::max(latest, step.version);
    return latest;
}

Result<int> SchemaMigrator::userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return databaseError(UserMessage::of("core.history.migration.cannotReadVersion"),
                             query.lastError().text());
    return query.value(0).toInt();
}

Result<int> SchemaMigrator::migrate(const QSqlDatabase &db, const QList<MigrationStep> &steps,
                                    int targetVersion)
{
    auto current = userVersion(db);
    if (!current)
        return current;
    int version = current.value();
    const int target = targetVersion < 0 ? latestVersion(steps) : targetVersion;
    // Schema 8 makes stored paths relative to the profile: the database's own folder.
    if (version < target) {
        sqlite3 *handle = sqliteHandle(db);
        if (handle
            && ProfilePaths::registerSqlFunction(handle, ProfilePaths::ofConnection(db).root())
                   != 0)
            qCWarning(lcHistory) << "cannot register profile_relative()";
    }

    for (const auto &step : steps) {
        if (step.version <= version || step.version > target)
            continue;
        if (step.version != version + 1)
            return databaseError("core.history.migration.stepMissing", version + 1, {});

        SqlTransaction transaction(db);
        if (!transaction.isActive())
            return databaseError("core.history.migration.cannotStart", step.version,
                                 transaction.errorText());
        QSqlQuery query(db);
        for (const auto &statement : splitStatements(step.sql)) {
            if (!query.exec(statement)) {
                const QString detail = query.lastError().text();
                qCWarning(lcHistory) << "schema step" << step.name << "failed:" << detail;
                return databaseError("core.history.migration.stepFailed", step.version, detail);
            }
        }
        // user_version lives in the file header and is written inside the same transaction.
        if (!query.exec(u"PRAGMA user_version = %1"_s.arg(step.version)))
            return databaseError("core.history.migration.cannotRecord", step.version,
                                 query.lastError().text());
        query.finish();
        if (!transaction.commit())
            return databaseError("core.history.migration.cannotCommit", step.version,
                                 transaction.errorText());
        qCInfo(lcHistory) << "schema upgraded to version" << step.version << step.name;
        version = step.version;
    }
    return version;
}

QStringList SchemaMigrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const auto lines = QStringView(sql).split(u'\n');
    for (const auto &rawLine : lines) {
        const QStringView line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u"--"))
            continue;
        if (current.isEmpty())
            inTrigger = line.startsWith(u"CREATE TRIGGER", Qt::CaseInsensitive);
        if (!current.isEmpty())
            current += u'\n';
        current += line;
        const bool ends =
            inTrigger ? line.compare(u"END;", Qt::CaseInsensitive) == 0 : line.endsWith(u';');
        if (ends) {
            statements.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current);
    return statements;
}
