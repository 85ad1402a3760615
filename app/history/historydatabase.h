#pragma once

#include "domain/result.h"
#include "history/historysalvage.h"
#include "history/schemamigrator.h"

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class WalCheckpointer;

// What opening the database found and did.
struct HistoryOpenReport
{
    int schemaVersion = 0; // after migration
    int previousVersion = 0; // as found on disk (0 for a new file)
    // The file was unreadable (not a database, malformed, failed its check): it was renamed
    // to corruptBackupPath and a fresh database created. The caller should run a full sync
    // so the mirror is rebuilt from the server, and tell the user.
    bool recreated = false;
    QString corruptBackupPath;
    QString problem; // why the old file was set aside
    // What came back from the set-aside file and the backup (HistorySalvage), when recreated.
    SalvageReport salvage;
};

// The profile's SQLite database (studio.sqlite): opens it, checks it, brings the schema up to
// date, and hands each thread its own connection (QtSql connections are bound to the thread
// that opened them).
class HistoryDatabase final
{
public:
    explicit HistoryDatabase(QString path,
                             QList<MigrationStep> steps = SchemaMigrator::builtinSteps());
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    enum class IntegrityCheck {
        AtOpen, // open() reads every page before anything else (quick_check)
        // open() reads only the header and the schema; verifyIntegrity() reads every page
        // later, off the start-up path (the desktop app, where 100,000 records make a 48 MB
        // file and the full read costs ~150 ms before the first paint)
        Deferred,
    };

    // Checks and migrates the file. Refuses a database written by a newer program (the file
    // is left untouched); sets a corrupt file aside and starts a fresh one (see the report),
    // also when an earlier verifyIntegrity() found it damaged.
    Result<HistoryOpenReport> open(IntegrityCheck check = IntegrityCheck::AtOpen);
    bool isOpen() const;
    // Reads every page on the calling thread's connection (call releaseThreadConnection()
    // after it on a worker thread). When the file is damaged, it is marked so that the next
    // open() sets it aside, and the error says so in a sentence for the user.
    Result<bool> verifyIntegrity();

    // The calling thread's connection, opened on first use with the connection PRAGMAs.
    // Invalid (isOpen() false) before a successful open() or when the file cannot be opened.
    QSqlDatabase connection();
    // Closes the calling thread's connection; call it before a worker thread ends.
    void releaseThreadConnection();

    QString path() const { return m_path; }
    // Checkpoints the write-ahead log has had on the checkpointer's thread (WalCheckpointer).
    int checkpoints() const;
    int latestSchemaVersion() const { return SchemaMigrator::latestVersion(m_steps); }

    // The refusal of a profile whose schema is newer than this program's, and its sentence.
    static UserMessage newerSchema(int found, int understood);
    static QString newerSchemaMessage(int found, int understood);

private:
    enum class Check { Ok, Corrupt, Newer, Failed };
    struct CheckResult
    {
        Check check = Check::Failed;
        int version = 0;
        QString detail;
    };

    QString threadConnectionName() const;
    QSqlDatabase openConnection(const QString &name);
    void removeConnection(const QString &name);
    CheckResult checkFile(QSqlDatabase db, bool readEveryPage);
    static CheckResult quickCheck(QSqlDatabase db, int version);
    QString damageMarkerPath() const { return m_path + QStringLiteral(".damaged"); }
    Result<QString> setCorruptFileAside();
    Result<int> switchToWalAndMigrate(const QString &name);

    QString m_path;
    QList<MigrationStep> m_steps;
    bool m_open = false;
    mutable QMutex m_mutex; // guards m_connectionNames
    QSet<QString> m_connectionNames;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};
