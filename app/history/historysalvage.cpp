#include "history/historysalvage.h"

#include "history/historylog.h"
#include "history/historysql.h"
#include "history/profilepaths.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Rows read per statement: one damaged page loses a range this small before it is read again
// row by row.
constexpr qint64 kRange = 200;

struct Table
{
    QString name;
    QString key; // its INTEGER PRIMARY KEY
    QString localOnly; // the rows only this computer knows; the server gives back the rest
};

const Table kTables[] = {
    {u"jobs"_s, u"job_id"_s, u"1"_s},
    {u"generated_images"_s, u"row_id"_s,
     u"(favorite = 1 OR hidden = 1 OR local_file IS NOT NULL OR job_id IS NOT NULL)"_s},
};

bool exec(QSqlQuery &q, const QString &sql)
{
    if (q.exec(sql))
        return true;
    qCInfo(lcHistory) << "salvage:" << sql.left(80) << q.lastError().text();
    return false;
}

QStringList columnsOf(const QSqlDatabase &db, const QString &schema, const QString &table)
{
    QSqlQuery q(db);
    QStringList columns;
    if (!q.exec(u"PRAGMA %1.table_info(%2)"_s.arg(schema, table)))
        return columns;
    while (q.next())
        columns.append(q.value(1).toString());
    return columns;
}

// The key ranges [from, to] a copy could not read.
using Gaps = QList<std::pair<qint64, qint64>>;

struct Copied
{
    bool unreadable = false; // the table gave nothing (its schema or root page is gone)
    Gaps lost;
};

// Copies the rows of `table` from `schema` that read into main (rows already there are kept):
// the key ranges `only`, or every key up to `upper` (or the table's own max) when empty.
Copied copyRows(const QSqlDatabase &db, const QString &schema, const Table &table, const Gaps &only,
                qint64 upper)
{
    const QStringList ours = columnsOf(db, u"main"_s, table.name);
    QStringList common;
    for (const auto &column : columnsOf(db, schema, table.name))
        if (ours.contains(column))
            common.append(column);
    if (!common.contains(table.key))
        return {true, {}};
    const QString insert =
        u"INSERT OR IGNORE INTO main.%1 (%2) SELECT %2 FROM %3.%1 WHERE %4 AND %5 "_s.arg(
            table.name, common.join(u", "_s), schema, table.localOnly, table.key);
    QSqlQuery q(db);
    Gaps ranges = only;
    if (ranges.isEmpty()) {
        // The rightmost pages may be gone (a truncated file): then the caller's guess.
        if (q.exec(u"SELECT max(%1) FROM %2.%3"_s.arg(table.key, schema, table.name)) && q.next())
            upper = std::max(upper, q.value(0).toLongLong());
        q.finish();
        ranges.append({1, upper});
    }
    Copied copied;
    for (const auto &[from, to] : std::as_const(ranges)) {
        int failedInARow = 0;
        for (qint64 start = from; start <= to; start += kRange) {
            const qint64 end = std::min(to, start + kRange - 1);
            if (exec(q, insert + u"BETWEEN %1 AND %2"_s.arg(start).arg(end)))
                continue;
            // Row by row: a damaged page loses its own rows only.
            for (qint64 key = start; key <= end; ++key) {
                if (q.exec(insert + u"= %1"_s.arg(key))) {
                    failedInARow = 0;
                    continue;
                }
                if (!copied.lost.isEmpty() && copied.lost.last().second == key - 1)
                    copied.lost.last().second = key;
                else
                    copied.lost.append({key, key});
                // A whole region gone (the end of a truncated file): the rest of the range
                // is left to the backup rather than tried key by key.
                if (++failedInARow > 2000) {
                    copied.lost.last().second = to;
                    start = to + 1;
                    break;
                }
            }
        }
    }
    return copied;
}

qint64 maxKey(const QSqlDatabase &db, const QString &schema, const Table &table)
{
    QSqlQuery q(db);
    return q.exec(u"SELECT max(%1) FROM %2.%3"_s.arg(table.key, schema, table.name)) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

bool attach(const QSqlDatabase &db, const QString &path, const QString &schema)
{
    if (!QFileInfo::exists(path))
        return false;
    QSqlQuery q(db);
    q.prepare(u"ATTACH DATABASE ? AS %1"_s.arg(schema));
    q.addBindValue(path);
    if (!q.exec())
        return false;
    // The header and the schema must read, or nothing will.
    if (exec(q, u"SELECT count(*) FROM %1.sqlite_schema"_s.arg(schema)) && q.next())
        return true;
    q.finish();
    exec(q, u"DETACH DATABASE %1"_s.arg(schema));
    return false;
}

// Images in the profile by content hash (ImageStore names each file by its SHA-256).
QHash<QString, QString> imagesByHash(const QString &root)
{
    QHash<QString, QString> files;
    QDirIterator it(root + u"/images"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        files.insert(file.completeBaseName(), file.absoluteFilePath());
    }
    return files;
}

// Each stored link whose file is not where it says is found again by its hash, or dropped (the
// mirror then downloads it again). Returns the records left linked to a file.
int relinkImages(const QSqlDatabase &db)
{
    const ProfilePaths paths = ProfilePaths::ofConnection(db);
    const auto byHash = imagesByHash(paths.root());
    QSqlQuery q(db);
    QSqlQuery update(db);
    for (const auto &[table, column, key] :
         {std::tuple{u"generated_images"_s, u"local_file"_s, u"row_id"_s},
          std::tuple{u"jobs"_s, u"local_image_path"_s, u"job_id"_s}}) {
        if (!exec(q, u"SELECT %1, %2 FROM %3 WHERE %2 IS NOT NULL"_s.arg(key, column, table)))
            continue;
        QList<std::pair<qint64, QVariant>> changes;
        while (q.next()) {
            const QString stored = q.value(1).toString();
            if (QFileInfo::exists(paths.resolve(stored)))
                continue;
            const QString found = byHash.value(QFileInfo(stored).completeBaseName());
            changes.append({q.value(0).toLongLong(),
                            found.isEmpty() ? QVariant() : QVariant(paths.toStored(found))});
        }
        q.finish();
        for (const auto &[id, value] : std::as_const(changes)) {
            update.prepare(u"UPDATE %1 SET %2 = ? WHERE %3 = ?"_s.arg(table, column, key));
            update.addBindValue(value);
            update.addBindValue(id);
            update.exec();
        }
    }
    return exec(q, u"SELECT count(*) FROM generated_images WHERE local_file IS NOT NULL"_s)
                   && q.next()
               ? q.value(0).toInt()
               : 0;
}

int countOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return exec(q, sql) && q.next() ? q.value(0).toInt() : 0;
}

} // namespace

SalvageReport HistorySalvage::run(const QSqlDatabase &target, const QString &damagedPath,
                                  const QString &backupPath)
{
    SalvageReport report;
    // Older files kept absolute paths; what comes back is relative like the rest (schema 8).
    ProfilePaths::registerSqlFunction(sqliteHandle(target),
                                      ProfilePaths::ofConnection(target).root());
    // A truncated file's header counts more pages than the file holds, which SQLite refuses
    // unless the schema is writable: then it reads the pages that are there. Nothing here
    // writes a schema.
    QSqlQuery pragma(target);
    exec(pragma, u"PRAGMA writable_schema = ON"_s);
    const bool damaged = attach(target, damagedPath, u"damaged"_s);
    const bool backup = attach(target, backupPath, u"backup"_s);
    // No enclosing transaction: after SQLITE_CORRUPT the damaged file's pager stays in error
    // until its read transaction ends, so each range is a statement (and a commit) of its own.
    QSqlQuery q(target);
    bool usedBackup = false;
    for (const auto &table : kTables) {
        // Without a backup, a damaged file whose end is gone is read up to a generous guess.
        const qint64 upper =
            std::max<qint64>(backup ? maxKey(target, u"backup"_s, table) : 0, 100'000);
        Copied copied{true, {}};
        if (damaged)
            copied = copyRows(target, u"damaged"_s, table, {}, upper);
        if (backup && (copied.unreadable || !copied.lost.isEmpty())) {
            // Every row when the damaged file gave nothing, else only the rows it could not.
            usedBackup = true;
            copied = copyRows(target, u"backup"_s, table, copied.unreadable ? Gaps{} : copied.lost,
                              upper);
        }
        for (const auto &[from, to] : std::as_const(copied.lost))
            report.rowsLost += int(std::min<qint64>(to - from + 1, 1'000'000));
    }
    exec(q, u"UPDATE generated_images SET local_file = profile_relative(local_file) "
            "WHERE local_file LIKE '/%'"_s);
    exec(q, u"UPDATE jobs SET local_image_path = profile_relative(local_image_path) "
            "WHERE local_image_path LIKE '/%'"_s);
    report.imageLinks = relinkImages(target);
    if (damaged)
        exec(q, u"DETACH DATABASE damaged"_s);
    if (backup)
        exec(q, u"DETACH DATABASE backup"_s);
    exec(pragma, u"PRAGMA writable_schema = OFF"_s);

    report.source = damaged && usedBackup ? SalvageReport::Source::Both
                    : damaged             ? SalvageReport::Source::DamagedFile
                    : usedBackup          ? SalvageReport::Source::Backup
                                          : SalvageReport::Source::Nothing;
    report.favourites =
        countOf(target, u"SELECT count(*) FROM generated_images WHERE favorite = 1"_s);
    report.hidden = countOf(target, u"SELECT count(*) FROM generated_images WHERE hidden = 1"_s);
    report.jobs = countOf(target, u"SELECT count(*) FROM jobs"_s);
    qCInfo(lcHistory) << "salvaged" << report.favourites << "favourites," << report.hidden
                      << "hidden," << report.jobs << "jobs," << report.imageLinks << "image links;"
                      << report.rowsLost << "rows lost";
    return report;
}

UserMessage SalvageReport::message() const
{
    if (!recoveredAnything())
        return {};
    const char *from = source == Source::Backup        ? "core.history.recoveredFrom.backup"
                       : source == Source::DamagedFile ? "core.history.recoveredFrom.damaged"
                                                       : "core.history.recoveredFrom.both";
    return UserMessage::of(
        "core.history.recovered",
        {UserMessage::of(from).toStorage(),
         UserMessage::of("core.history.recovered.favourites", {QString::number(favourites)})
             .toStorage(),
         UserMessage::of("core.history.recovered.hidden", {QString::number(hidden)}).toStorage(),
         UserMessage::of("core.history.recovered.jobs", {QString::number(jobs)}).toStorage(),
         UserMessage::of("core.history.recovered.links", {QString::number(imageLinks)})
             .toStorage()});
}
