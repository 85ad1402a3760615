#include "jobs/jobstore.h"

#include "history/historydatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace {

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &text)
{
    QStringList out;
    const auto array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &v : array)
        out.append(v.toString());
    return out;
}

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

void bindJob(QSqlQuery &q, const Job &job)
{
    q.bindValue(QStringLiteral(":account_id"), job.accountId);
    q.bindValue(QStringLiteral(":kind"), jobKindName(job.request.kind));
    q.bindValue(QStringLiteral(":state"), jobStateName(job.state));
    q.bindValue(QStringLiteral(":prompt"), job.request.prompt);
    q.bindValue(QStringLiteral(":aspect_ratio"), job.request.aspectRatio);
    q.bindValue(QStringLiteral(":resolution"), job.request.resolution);
    q.bindValue(QStringLiteral(":reference_paths"), toJson(job.request.referencePaths));
    q.bindValue(QStringLiteral(":character_ids"), toJson(job.request.characterIds));
    q.bindValue(QStringLiteral(":character_image_urls"), toJson(job.request.characterImageUrls));
    q.bindValue(QStringLiteral(":template_id"), textOrNull(job.request.templateId));
    q.bindValue(QStringLiteral(":task_id"), textOrNull(job.taskId));
    q.bindValue(QStringLiteral(":image_id"), textOrNull(job.imageId));
    q.bindValue(QStringLiteral(":image_url"), textOrNull(job.imageUrl));
    q.bindValue(QStringLiteral(":local_image_path"), textOrNull(job.localImagePath));
    q.bindValue(QStringLiteral(":error_kind"), textOrNull(job.errorKind));
    q.bindValue(QStringLiteral(":server_message"), textOrNull(job.serverMessage));
    q.bindValue(QStringLiteral(":user_message"), textOrNull(job.userMessage));
    q.bindValue(QStringLiteral(":attempts"), job.attempts);
    q.bindValue(QStringLiteral(":created_at"), msOrNull(job.createdAt));
    q.bindValue(QStringLiteral(":submitted_at"), msOrNull(job.submittedAt));
    q.bindValue(QStringLiteral(":completed_at"), msOrNull(job.completedAt));
    q.bindValue(QStringLiteral(":updated_at"), msOrNull(job.updatedAt));
}

Job readJob(const QSqlQuery &q)
{
    const auto r = q.record();
    auto value = [&](const char *name) { return q.value(r.indexOf(QLatin1StringView(name))); };
    Job job;
    job.id = value("job_id").toLongLong();
    job.accountId = value("account_id").toString();
    job.request.kind = jobKindFromName(value("kind").toString()).value_or(JobKind::Generate);
    job.state = jobStateFromName(value("state").toString()).value_or(JobState::Unknown);
    job.request.prompt = value("prompt").toString();
    job.request.aspectRatio = value("aspect_ratio").toString();
    job.request.resolution = value("resolution").toString();
    job.request.referencePaths = fromJson(value("reference_paths").toString());
    job.request.characterIds = fromJson(value("character_ids").toString());
    job.request.characterImageUrls = fromJson(value("character_image_urls").toString());
    job.request.templateId = value("template_id").toString();
    job.taskId = value("task_id").toString();
    job.imageId = value("image_id").toString();
    job.imageUrl = value("image_url").toString();
    job.localImagePath = value("local_image_path").toString();
    job.errorKind = value("error_kind").toString();
    job.serverMessage = value("server_message").toString();
    job.userMessage = value("user_message").toString();
    job.attempts = value("attempts").toInt();
    job.createdAt = fromMs(value("created_at"));
    job.submittedAt = fromMs(value("submitted_at"));
    job.completedAt = fromMs(value("completed_at"));
    job.updatedAt = fromMs(value("updated_at"));
    return job;
}

const QLatin1StringView kColumns(
    "account_id, kind, state, prompt, aspect_ratio, resolution, reference_paths, character_ids, "
    "character_image_urls, template_id, task_id, image_id, image_url, local_image_path, "
    "error_kind, server_message, user_message, attempts, created_at, submitted_at, "
    "completed_at, updated_at");

} // namespace

JobStore::JobStore(HistoryDatabase &database)
    : m_database(database)
{ }

bool JobStore::insert(Job &job)
{
    if (!job.createdAt.isValid())
        job.createdAt = QDateTime::currentDateTimeUtc();
    job.updatedAt = QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_database.connection());
    QString placeholders = kColumns;
    placeholders.replace(QStringLiteral(", "), QStringLiteral(", :")).prepend(u':');
    q.prepare(QStringLiteral("INSERT INTO jobs (") + kColumns + QStringLiteral(") VALUES (")
              + placeholders + u')');
    bindJob(q, job);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    job.id = q.lastInsertId().toLongLong();
    return true;
}

bool JobStore::update(const Job &job)
{
    Job stamped = job;
    stamped.updatedAt = QDateTime::currentDateTimeUtc();
    QString assignments;
    for (const auto &column : QString(kColumns).split(QStringLiteral(", ")))
        assignments += (assignments.isEmpty() ? QString() : QStringLiteral(", ")) + column
                       + QStringLiteral(" = :") + column;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE jobs SET ") + assignments
              + QStringLiteral(" WHERE job_id = :job_id"));
    bindJob(q, stamped);
    q.bindValue(QStringLiteral(":job_id"), job.id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<Job> JobStore::load(qint64 jobId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT * FROM jobs WHERE job_id = :id"));
    q.bindValue(QStringLiteral(":id"), jobId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

QList<Job> JobStore::list(const QString &accountId, bool unfinishedOnly, int limit) const
{
    QSqlQuery q(m_database.connection());
    QString sql = QStringLiteral("SELECT * FROM jobs WHERE account_id = :account");
    if (unfinishedOnly)
        sql += QStringLiteral(" AND state NOT IN ('completed', 'failed', 'cancelled')");
    sql += QStringLiteral(" ORDER BY job_id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    q.prepare(sql);
    q.bindValue(QStringLiteral(":account"), accountId);
    QList<Job> jobs;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return jobs;
    }
    while (q.next())
        jobs.append(readJob(q));
    return jobs;
}
