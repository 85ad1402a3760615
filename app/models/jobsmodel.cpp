#include "models/jobsmodel.h"

#include "jobs/jobqueue.h"

JobsModel::JobsModel(JobQueue &queue, QObject *parent)
    : QAbstractListModel(parent)
    , m_queue(queue)
{
    connect(&m_queue, &JobQueue::jobAdded, this, &JobsModel::upsert);
    connect(&m_queue, &JobQueue::jobChanged, this, &JobsModel::upsert);
    connect(&m_queue, &JobQueue::jobFinished, this, &JobsModel::upsert);
    reload();
}

void JobsModel::reload()
{
    beginResetModel();
    m_jobs = m_queue.jobs(false).mid(0, m_limit);
    endResetModel();
    Q_EMIT activeCountChanged(activeCount());
}

const Job *JobsModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? &m_jobs.at(row) : nullptr;
}

int JobsModel::rowOfJob(qint64 jobId) const
{
    for (qsizetype i = 0; i < m_jobs.size(); ++i)
        if (m_jobs.at(i).id == jobId)
            return int(i);
    return -1;
}

int JobsModel::activeCount() const
{
    int n = 0;
    for (const auto &job : m_jobs)
        n += isFinal(job.state) ? 0 : 1;
    return n;
}

void JobsModel::upsert(const Job &job)
{
    if (job.accountId != m_queue.accountId())
        return;
    const int before = activeCount();
    if (const int row = rowOfJob(job.id); row >= 0) {
        m_jobs[row] = job;
        Q_EMIT dataChanged(index(row), index(row));
    } else {
        beginInsertRows({}, 0, 0);
        m_jobs.prepend(job);
        endInsertRows();
    }
    if (activeCount() != before)
        Q_EMIT activeCountChanged(activeCount());
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    const auto *job = index.isValid() ? jobAt(index.row()) : nullptr;
    if (!job)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case PromptRole:
        return job->request.prompt;
    case Qt::ToolTipRole:
        return job->userMessage.isEmpty() ? job->request.prompt
                                          : job->request.prompt + u'\n' + job->userMessage;
    case JobIdRole:
        return job->id;
    case StateRole:
        return int(job->state);
    case KindRole:
        return int(job->request.kind);
    case MessageRole:
        return job->userMessage;
    case CreatedAtRole:
        return job->createdAt;
    case CompletedAtRole:
        return job->completedAt;
    case LocalFileRole:
        return job->localImagePath;
    case ImageIdRole:
        return job->imageId;
    case CanCancelRole:
        return !isFinal(job->state);
    case CanRetryRole:
        return job->state == JobState::Failed || job->state == JobState::Cancelled;
    default:
        return {};
    }
}

QHash<int, QByteArray> JobsModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(JobIdRole, "jobId");
    names.insert(StateRole, "state");
    names.insert(KindRole, "kind");
    names.insert(PromptRole, "prompt");
    names.insert(MessageRole, "message");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(CompletedAtRole, "completedAt");
    names.insert(LocalFileRole, "localFile");
    names.insert(ImageIdRole, "imageId");
    names.insert(CanCancelRole, "canCancel");
    names.insert(CanRetryRole, "canRetry");
    return names;
}
