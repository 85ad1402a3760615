#pragma once

#include "domain/job.h"

#include <QList>

class HistoryDatabase;

#include <optional>

// Reads and writes the `jobs` table: the persistent outbox. Every state change is written
// before the program acts on it, so a crash at any point leaves a job that resume() can finish.
class JobStore final
{
public:
    explicit JobStore(HistoryDatabase &database);

    // Inserts a new job (its id is assigned); false on a database error.
    bool insert(Job &job);
    bool update(const Job &job);
    std::optional<Job> load(qint64 jobId) const;
    // Jobs of an account, newest first; `unfinishedOnly` keeps the non-final states.
    QList<Job> list(const QString &accountId, bool unfinishedOnly = false, int limit = -1) const;
    QString lastError() const { return m_lastError; }

private:
    HistoryDatabase &m_database;
    mutable QString m_lastError;
};
