#include "history/profilepaths.h"

#include "history/historysql.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace {

// The folders of a profile whose files the database names.
const QStringList kProfileFolders = {u"images"_s, u"refs"_s, u"drag"_s};

QString rootOfDatabaseFile(sqlite3 *handle)
{
    const char *file = handle ? sqlite3_db_filename(handle, "main") : nullptr;
    if (!file || !*file)
        return {};
    // Asked for every row a gallery page reads: the last answer is kept per thread.
    thread_local QByteArray lastFile;
    thread_local QString lastRoot;
    if (lastFile != file) {
        lastFile = file;
        lastRoot = QFileInfo(QString::fromUtf8(file)).absolutePath();
    }
    return lastRoot;
}

void profileRelative(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_value(context, argv[0]);
        return;
    }
    const auto *paths = static_cast<const ProfilePaths *>(sqlite3_user_data(context));
    const QString path = QString::fromUtf8(
        reinterpret_cast<const char *>(sqlite3_value_text(argv[0])), sqlite3_value_bytes(argv[0]));
    const QByteArray stored = paths->toStored(path).toUtf8();
    sqlite3_result_text(context, stored.constData(), int(stored.size()), SQLITE_TRANSIENT);
}

} // namespace

ProfilePaths::ProfilePaths(const QString &profileRoot)
    : m_root(profileRoot.isEmpty() ? QString() : QDir::cleanPath(QDir(profileRoot).absolutePath()))
{ }

ProfilePaths ProfilePaths::ofDatabase(const QString &databasePath)
{
    return ProfilePaths(QFileInfo(databasePath).absolutePath());
}

ProfilePaths ProfilePaths::ofConnection(const QSqlDatabase &db)
{
    return ProfilePaths(rootOfDatabaseFile(sqliteHandle(db)));
}

ProfilePaths ProfilePaths::ofQuery(const QSqlQuery &query)
{
    const QSqlDriver *driver = query.driver();
    const QVariant handle = driver ? driver->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return ProfilePaths(QString());
    return ProfilePaths(rootOfDatabaseFile(*static_cast<sqlite3 *const *>(handle.constData())));
}

QString ProfilePaths::toStored(const QString &path) const
{
    if (m_root.isEmpty() || path.isEmpty() || !QDir::isAbsolutePath(path))
        return path;
    const QString clean = QDir::cleanPath(path);
    if (clean.startsWith(m_root + u'/'))
        return clean.mid(m_root.size() + 1);
    // Written where this profile lived before (moved, copied, restored): its own folders' files
    // are found by their place inside the profile.
    const QStringList parts = clean.split(u'/');
    for (qsizetype i = parts.size() - 2; i > 0; --i) {
        if (!kProfileFolders.contains(parts.at(i)))
            continue;
        QString tail = parts.mid(i).join(u'/');
        if (QFileInfo::exists(m_root + u'/' + tail))
            return tail;
        break;
    }
    return path;
}

QStringList ProfilePaths::toStored(const QStringList &paths) const
{
    QStringList out;
    out.reserve(paths.size());
    for (const auto &path : paths)
        out.append(toStored(path));
    return out;
}

QString ProfilePaths::resolve(const QString &stored) const
{
    if (m_root.isEmpty() || stored.isEmpty() || QDir::isAbsolutePath(stored))
        return stored;
    return m_root + u'/' + stored;
}

QStringList ProfilePaths::resolve(const QStringList &stored) const
{
    QStringList out;
    out.reserve(stored.size());
    for (const auto &path : stored)
        out.append(resolve(path));
    return out;
}

int ProfilePaths::registerSqlFunction(sqlite3 *handle, const QString &profileRoot)
{
    if (!handle)
        return SQLITE_MISUSE;
    auto *paths = new ProfilePaths(profileRoot);
    return sqlite3_create_function_v2(
        handle, "profile_relative", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, paths, &profileRelative,
        nullptr, nullptr, [](void *p) { delete static_cast<ProfilePaths *>(p); });
}
