#include "history/historydatabase.h"

#include "history/historybackup.h"
#include "history/historylog.h"
#include "history/historysql.h"
#include "history/recordstage.h"
#include "history/searchbacklog.h"
#include "history/walcheckpointer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

Q_LOGGING_CATEGORY(lcHistory, "studio.history")

using namespace Qt::StringLiterals;

namespace {

// SQLite primary result codes that mean the bytes on disk are not a usable database.
constexpr int sqliteCorrupt = 11;
constexpr int sqliteNotADatabase = 26;

bool isCorruption(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString text = error.databaseText();
    return code == sqliteCorrupt || code == sqliteNotADatabase
           || text.contains(u"malformed"_s, Qt::CaseInsensitive)
           || text.contains(u"not a database"_s, Qt::CaseInsensitive);
}

ApiError openError(const QString &path, const QString &detail)
{
    return ApiError::make(ApiError::Kind::Local, UserMessage::of("core.history.openFailed", {path}),
                          0, detail);
}

} // namespace

HistoryDatabase::HistoryDatabase(QString path, QList<MigrationStep> steps)
    : m_path(std::move(path))
    , m_steps(std::move(steps))
    , m_checkpointer(std::make_unique<WalCheckpointer>(*this))
{ }

HistoryDatabase::~HistoryDatabase()
{
    m_checkpointer->stop(); // its thread closes its connection as it ends
    QSet<QString> names;
    {
        QMutexLocker lock(&m_mutex);
        names.swap(m_connectionNames);
    }
    for (const auto &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

UserMessage HistoryDatabase::newerSchema(int found, int understood)
{
    return UserMessage::of("core.history.newerSchema",
                           {QString::number(found), QString::number(understood)});
}

QString HistoryDatabase::newerSchemaMessage(int found, int understood)
{
    return newerSchema(found, understood).text();
}

int HistoryDatabase::checkpoints() const
{
    return m_checkpointer->checkpoints();
}

bool HistoryDatabase::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

QString HistoryDatabase::threadConnectionName() const
{
    // The object's address keeps two HistoryDatabase objects on one file apart; the thread
    // id gives each thread its own connection.
    return u"studio.history:%1:%2:%3"_s.arg(m_path)
        .arg(quintptr(this), 0, 16)
        .arg(quintptr(QThread::currentThreadId()), 0, 16);
}

QSqlDatabase HistoryDatabase::openConnection(const QString &name)
{
    QSqlDatabase db;
    if (QSqlDatabase::contains(name)) {
        db = QSqlDatabase::database(name, false);
        // Invalid when it belongs to another thread: one that ended without
        // releaseThreadConnection() and whose id this thread now reuses.
        if (!db.isValid())
            QSqlDatabase::removeDatabase(name);
    }
    if (!db.isValid())
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames.insert(name);
    }
    if (db.isOpen())
        return db;
    db.setDatabaseName(m_path);
    if (!db.open()) {
        qCWarning(lcHistory) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery query(db);
    const QStringList pragmas = {
        // Several connections (UI thread, sync, jobs worker) take turns writing; wait for the
        // lock instead of failing at once with SQLITE_BUSY.
        u"PRAGMA busy_timeout = 5000"_s,
        // SQLite ships with foreign keys off per connection; later schema steps may rely on them.
        u"PRAGMA foreign_keys = ON"_s,
        // With WAL, NORMAL is safe against application crashes and skips an fsync per commit;
        // a power cut can lose the last commits, which the next sync refetches.
        u"PRAGMA synchronous = NORMAL"_s,
        // The default 2 MB page cache thrashes on a 100k-row history with its FTS index:
        // every page and search then costs read() calls. 32 MB keeps the hot pages in memory.
        u"PRAGMA cache_size = -32000"_s,
        // Sorting and IN (...) lists built for queries stay in memory, not in temp files.
        u"PRAGMA temp_store = MEMORY"_s,
    };
    for (const auto &pragma : pragmas)
        if (!query.exec(pragma))
            qCWarning(lcHistory) << pragma << "failed:" << query.lastError().text();
    sqlite3 *handle = sqliteHandle(db);
    // No commit of this connection copies the log into the file; the checkpointer does.
    m_checkpointer->watch(handle);
    // The sync's writer inserts new records from memory through this table.
    if (!handle || RecordStage::registerTable(handle) != 0)
        qCWarning(lcHistory) << "cannot register the record stage on" << name;
    return db;
}

void HistoryDatabase::removeConnection(const QString &name)
{
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames.remove(name);
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QSqlDatabase HistoryDatabase::connection()
{
    if (!isOpen())
        return {};
    return openConnection(threadConnectionName());
}

void HistoryDatabase::releaseThreadConnection()
{
    const QString name = threadConnectionName();
    if (QSqlDatabase::contains(name))
        removeConnection(name);
}

HistoryDatabase::CheckResult HistoryDatabase::checkFile(QSqlDatabase db, bool readEveryPage)
{
    if (!db.isOpen())
        return {Check::Failed, 0, db.lastError().text()};
    QSqlQuery query(db);
    // Reading the header is the first access to the file: garbage fails here.
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        const QSqlError error = query.lastError();
        return {isCorruption(error) ? Check::Corrupt : Check::Failed, 0, error.text()};
    }
    const int version = query.value(0).toInt();
    query.finish();
    // Nothing may be written to a newer database (not even the WAL switch), so this comes
    // before any check that could touch it.
    if (version > latestSchemaVersion())
        return {Check::Newer, version, {}};
    // An earlier session's verifyIntegrity() found this file damaged.
    QFile marker(damageMarkerPath());
    if (marker.exists()) {
        const QString detail = marker.open(QIODevice::ReadOnly)
                                   ? QString::fromUtf8(marker.readAll()).trimmed()
                                   : QString();
        return {Check::Corrupt, version,
                detail.isEmpty() ? QCoreApplication::translate("HistoryDatabase",
                                                               "found damaged by an earlier check")
                                 : detail};
    }
    if (!readEveryPage) {
        // The schema is read by every statement anyway; a damaged schema fails here.
        if (!query.exec(u"SELECT count(*) FROM sqlite_schema"_s) || !query.next()) {
            const QSqlError error = query.lastError();
            return {isCorruption(error) ? Check::Corrupt : Check::Failed, version, error.text()};
        }
        return {Check::Ok, version, {}};
    }
    return quickCheck(db, version);
}

HistoryDatabase::CheckResult HistoryDatabase::quickCheck(QSqlDatabase db, int version)
{
    // quick_check reads every page (without cross-checking indexes): a truncated or
    // overwritten file is caught here rather than by a later query that loses data.
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA quick_check"_s)) {
        const QSqlError error = query.lastError();
        return {isCorruption(error) ? Check::Corrupt : Check::Failed, version, error.text()};
    }
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok")
            problems.append(line);
    }
    if (!problems.isEmpty())
        return {Check::Corrupt, version, problems.join(u"; ").left(300)};
    return {Check::Ok, version, {}};
}

Result<bool> HistoryDatabase::verifyIntegrity()
{
    const QSqlDatabase db = connection();
    if (!db.isOpen())
        return openError(m_path, db.lastError().text());
    const CheckResult check = quickCheck(db, latestSchemaVersion());
    if (check.check == Check::Ok)
        return true;
    if (check.check == Check::Failed)
        return openError(m_path, check.detail);
    qCWarning(lcHistory) << m_path << "is damaged:" << check.detail;
    QFile marker(damageMarkerPath());
    if (!marker.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || marker.write(check.detail.toUtf8()) < 0)
        qCWarning(lcHistory) << "cannot mark" << m_path << "as damaged:" << marker.errorString();
    return ApiError::make(ApiError::Kind::Local,
                          UserMessage::of("core.history.damaged", {check.detail}), 0, check.detail);
}

Result<QString> HistoryDatabase::setCorruptFileAside()
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString backup = m_path + u".corrupt-"_s + stamp;
    for (int n = 2; QFileInfo::exists(backup); ++n)
        backup = m_path + u".corrupt-"_s + stamp + u'-' + QString::number(n);
    if (!QFile::rename(m_path, backup))
        return openError(m_path, u"cannot rename the damaged file to "_s + backup);
    for (const auto &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(m_path + suffix) && !QFile::rename(m_path + suffix, backup + suffix))
            QFile::remove(m_path + suffix); // a stale WAL must never be replayed into the new file
    }
    return backup;
}

Result<int> HistoryDatabase::switchToWalAndMigrate(const QString &name)
{
    QSqlDatabase db = openConnection(name);
    QSqlQuery query(db);
    // Only a new file takes a page size (an existing one keeps its own). 16 KB pages make the
    // B-trees of a 100,000-record history shallower and its commits write fewer, larger pages:
    // writing a first sync of 100,000 records took a median 1.63 s instead of 1.94 s.
    if (!query.exec(u"PRAGMA page_size = 16384"_s))
        qCWarning(lcHistory) << "page size:" << query.lastError().text();
    // Readers (the gallery) and the writer (sync, jobs) must not block each other.
    if (!query.exec(u"PRAGMA journal_mode = WAL"_s))
        qCWarning(lcHistory) << "WAL unavailable:" << query.lastError().text();
    query.finish();
    return SchemaMigrator::migrate(db, m_steps);
}

Result<HistoryOpenReport> HistoryDatabase::open(IntegrityCheck integrity)
{
    HistoryOpenReport report;
    const QString name = threadConnectionName();
    for (int attempt = 0; attempt < 2; ++attempt) {
        CheckResult check;
        {
            QSqlDatabase db = openConnection(name);
            check = checkFile(db, integrity == IntegrityCheck::AtOpen);
        }
        if (check.check == Check::Newer) {
            removeConnection(name);
            qCWarning(lcHistory) << "refusing" << m_path << "schema" << check.version;
            return ApiError::make(ApiError::Kind::Local,
                                  newerSchema(check.version, latestSchemaVersion()));
        }
        if (check.check == Check::Failed) {
            removeConnection(name);
            return openError(m_path, check.detail);
        }
        if (check.check == Check::Corrupt) {
            removeConnection(name);
            if (attempt > 0)
                return openError(m_path, check.detail);
            qCWarning(lcHistory) << m_path << "is damaged:" << check.detail;
            auto backup = setCorruptFileAside();
            if (!backup)
                return backup.error();
            QFile::remove(damageMarkerPath());
            report.recreated = true;
            report.corruptBackupPath = backup.value();
            report.problem = check.detail;
            continue;
        }
        report.previousVersion = check.version;
        break;
    }

    const Result<int> migrated = switchToWalAndMigrate(name);
    if (!migrated) {
        removeConnection(name);
        return migrated.error();
    }
    report.schemaVersion = migrated.value();
    // What only this computer knew comes back into the fresh file before anyone reads it.
    if (report.recreated)
        report.salvage = HistorySalvage::run(openConnection(name), report.corruptBackupPath,
                                             HistoryBackup::pathFor(m_path));
    // A sync that stopped before indexing its records for search (the app was closed or died
    // while it wrote) left them waiting: index them now. Should that fail, the next sync tries
    // again; the history itself is whole either way.
    if (auto indexed = SearchBacklog::indexWaiting(openConnection(name)); !indexed)
        qCWarning(lcHistory) << "search backlog:" << indexed.error().serverMessage;
    else if (indexed.value() > 0)
        qCInfo(lcHistory) << "indexed" << indexed.value() << "records a sync left for search";
    {
        QMutexLocker lock(&m_mutex);
        m_open = true;
    }
    return report;
}
