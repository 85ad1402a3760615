#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

class HistoryDatabase;

// The last distinct prompts the user sent, for the prompt field's "Recent prompts" menu. Kept
// in a small JSON file of the profile (recent-prompts.json), apart from the history, so hiding
// or losing an image never takes its prompt from the list; the jobs this computer sent (the
// jobs table, never pruned) fill in what the file does not know, such as jobs from before it.
class RecentPrompts final
{
public:
    static constexpr int kept = 50; // entries the file keeps

    // `database` may be null (then only the file counts).
    RecentPrompts(QString filePath, HistoryDatabase *database);

    // Remembers a prompt sent now (an older use of the same prompt moves to the top).
    void add(const QString &accountId, const QString &prompt,
             const QDateTime &when = QDateTime::currentDateTimeUtc());
    // Newest first, each prompt once; `accountId` empty: every account's.
    QStringList list(const QString &accountId, int limit = 15) const;

private:
    struct Use
    {
        QString accountId;
        QString prompt;
        qint64 atMs = 0;
    };
    QList<Use> readFile() const;
    QList<Use> readJobs(const QString &accountId, int limit) const;

    QString m_path;
    HistoryDatabase *m_database;
};
