#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlQuery;
struct sqlite3;

// Paths kept in the database are relative to the profile folder (the database's own folder):
// a moved, copied or restored profile keeps every image and reference. Writers store
// toStored(), readers resolve(); a path outside the profile (an export folder...) stays
// absolute.
class ProfilePaths final
{
public:
    explicit ProfilePaths(const QString &profileRoot);
    // The profile of the database file at `databasePath`.
    static ProfilePaths ofDatabase(const QString &databasePath);
    // The profile of the database `db` (or `query`) is open on; an empty root (paths left as
    // they are) for an in-memory database.
    static ProfilePaths ofConnection(const QSqlDatabase &db);
    static ProfilePaths ofQuery(const QSqlQuery &query);

    QString root() const { return m_root; }
    // Relative to the profile when the path lies under it; a path an earlier place of this
    // profile wrote (…/images/ab/abcd….png, …/refs/…) whose file is here becomes relative too;
    // anything else as given.
    QString toStored(const QString &path) const;
    QStringList toStored(const QStringList &paths) const;
    // The absolute path of a stored one.
    QString resolve(const QString &stored) const;
    QStringList resolve(const QStringList &stored) const;

    // Registers profile_relative(path) (toStored() in SQL) on the connection, for schema 8's
    // conversion of older rows. SQLite's result code.
    static int registerSqlFunction(sqlite3 *handle, const QString &profileRoot);

private:
    QString m_root; // clean and absolute; empty: paths are left as they are
};
