#pragma once

#include "domain/job.h"

#include <QAbstractListModel>

class JobQueue;

// The jobs panel's rows: the account's recent jobs, newest first, kept current from the
// queue's signals (no polling of the database).
class JobsModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StateRole, // JobState as int
        KindRole, // JobKind as int
        PromptRole,
        MessageRole, // the user sentence (error, waiting for network...)
        CreatedAtRole,
        CompletedAtRole,
        LocalFileRole,
        ImageIdRole,
        CanCancelRole,
        CanRetryRole,
    };

    explicit JobsModel(JobQueue &queue, QObject *parent = nullptr);

    // Re-reads the account's jobs (after a sign-in or account switch).
    void reload();
    const Job *jobAt(int row) const;
    int rowOfJob(qint64 jobId) const;
    int activeCount() const; // jobs not yet final

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void activeCountChanged(int count);

private:
    void upsert(const Job &job);

    JobQueue &m_queue;
    QList<Job> m_jobs;
    int m_limit = 200;
};
