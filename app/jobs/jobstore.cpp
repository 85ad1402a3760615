#include "jobs/jobstore.h"

#include "history/historydatabase.h"
#include "history/historylog.h"
#include "history/profilepaths.h"
#include "history/sqltransaction.h"
#include "history/storagefault.h"
#include "lineage/lineagewriter.h"
#include "media/imagestore.h"

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

void bindJob(QSqlQuery &q, const Job &job, const ProfilePaths &paths)
{
    q.bindValue(QStringLiteral(":account_id"), job.accountId);
    q.bindValue(QStringLiteral(":kind"), jobKindName(job.request.kind));
    q.bindValue(QStringLiteral(":state"), jobStateName(job.state));
    q.bindValue(QStringLiteral(":prompt"), job.request.prompt);
    q.bindValue(QStringLiteral(":aspect_ratio"), job.request.aspectRatio);
    q.bindValue(QStringLiteral(":resolution"), job.request.resolution);
    // Relative to the profile: a moved profile keeps its references and results.
    q.bindValue(QStringLiteral(":reference_paths"),
                toJson(paths.toStored(job.request.referencePaths)));
    q.bindValue(QStringLiteral(":character_ids"), toJson(job.request.characterIds));
    q.bindValue(QStringLiteral(":character_image_urls"), toJson(job.request.characterImageUrls));
    q.bindValue(QStringLiteral(":template_id"), textOrNull(job.request.templateId));
    q.bindValue(QStringLiteral(":task_id"), textOrNull(job.taskId));
    q.bindValue(QStringLiteral(":image_id"), textOrNull(job.imageId));
    q.bindValue(QStringLiteral(":image_url"), textOrNull(job.imageUrl));
    q.bindValue(QStringLiteral(":local_image_path"),
                textOrNull(paths.toStored(job.localImagePath)));
    q.bindValue(QStringLiteral(":error_kind"), textOrNull(job.errorKind));
    q.bindValue(QStringLiteral(":server_message"), textOrNull(job.serverMessage));
    // The code and its arguments, never the sentence: it is put into words when read. A
    // message set as a bare sentence is kept as the plain text it is.
    const UserMessage message =
        job.message.isEmpty() ? UserMessage::plain(job.userMessage) : job.message;
    q.bindValue(QStringLiteral(":user_message"), textOrNull(message.toStorage()));
    q.bindValue(QStringLiteral(":attempts"), job.attempts);
    q.bindValue(QStringLiteral(":created_at"), msOrNull(job.createdAt));
    q.bindValue(QStringLiteral(":submitted_at"), msOrNull(job.submittedAt));
    q.bindValue(QStringLiteral(":completed_at"), msOrNull(job.completedAt));
    q.bindValue(QStringLiteral(":updated_at"), msOrNull(job.updatedAt));
    // A brush edit (schema 10).
    q.bindValue(QStringLiteral(":mask_path"), textOrNull(paths.toStored(job.request.maskPath)));
    q.bindValue(QStringLiteral(":keep_unmasked"), int(job.request.keepUnmasked));
    q.bindValue(QStringLiteral(":server_image_path"),
                textOrNull(paths.toStored(job.serverImagePath)));
}

Job readJob(const QSqlQuery &q, const ProfilePaths &paths)
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
    job.request.referencePaths = paths.resolve(fromJson(value("reference_paths").toString()));
    job.request.characterIds = fromJson(value("character_ids").toString());
    job.request.characterImageUrls = fromJson(value("character_image_urls").toString());
    job.request.templateId = value("template_id").toString();
    job.taskId = value("task_id").toString();
    job.imageId = value("image_id").toString();
    job.imageUrl = value("image_url").toString();
    job.localImagePath = paths.resolve(value("local_image_path").toString());
    job.errorKind = value("error_kind").toString();
    job.serverMessage = value("server_message").toString();
    job.setMessage(UserMessage::fromStorage(value("user_message").toString()));
    job.attempts = value("attempts").toInt();
    job.createdAt = fromMs(value("created_at"));
    job.submittedAt = fromMs(value("submitted_at"));
    job.completedAt = fromMs(value("completed_at"));
    job.updatedAt = fromMs(value("updated_at"));
    job.request.maskPath = paths.resolve(value("mask_path").toString());
    job.request.keepUnmasked = value("keep_unmasked").toInt() != 0;
    job.serverImagePath = paths.resolve(value("server_image_path").toString());
    return job;
}

const QLatin1StringView kColumns(
    "account_id, kind, state, prompt, aspect_ratio, resolution, reference_paths, character_ids, "
    "character_image_urls, template_id, task_id, image_id, image_url, local_image_path, "
    "error_kind, server_message, user_message, attempts, created_at, submitted_at, "
    "completed_at, updated_at, mask_path, keep_unmasked, server_image_path");

ImageStatus galleryStatus(JobState state)
{
    switch (state) {
    case JobState::Completed:
        return ImageStatus::Completed;
    case JobState::Failed:
    case JobState::Cancelled:
        return ImageStatus::Failed;
    default:
        return ImageStatus::Pending;
    }
}

// The job's gallery row: a pending card at once, later the same row as the server record.
LocalJobUpdate galleryUpdate(const Job &job)
{
    LocalJobUpdate update;
    update.status = galleryStatus(job.state);
    // Stored as the job's message is (UserMessage::toStorage), shown through
    // HistoryRecord::errorText().
    if (job.state == JobState::Failed || job.state == JobState::Cancelled)
        update.error =
            (job.message.isEmpty() ? UserMessage::plain(job.userMessage) : job.message).toStorage();
    update.imageUrl = job.imageUrl;
    if (job.completedAt.isValid())
        update.completedAtMs = job.completedAt.toMSecsSinceEpoch();
    return update;
}

} // namespace

JobStore::JobStore(HistoryDatabase &database)
    : m_database(database)
    , m_gallery(database)
    , m_paths(ProfilePaths::ofDatabase(database.path()))
{ }

bool JobStore::insert(Job &job)
{
    return write(job, true, nullptr);
}

bool JobStore::update(const Job &job)
{
    Job stamped = job;
    return write(stamped, false, nullptr);
}

bool JobStore::storeResult(const Job &job, const StoredImage &image)
{
    Job stamped = job;
    return write(stamped, false, &image);
}

bool JobStore::write(Job &job, bool insertNew, const StoredImage *image)
{
    const qint64 idBefore = job.id;
    m_lastNoRoom = false;
    SqlTransaction transaction(m_database.connection());
    if (!transaction.isActive())
        return failedWith(transaction.errorText());
    const auto failed = [&](const QString &error) {
        job.id = idBefore; // the insert is rolled back
        return failedWith(error);
    };
    if (!writeJobRow(job, insertNew))
        return failed(m_lastError);
    auto row = m_gallery.writeLocalJobRow(job, galleryUpdate(job));
    if (!row)
        return failed(row.error().userMessage + u' ' + row.error().serverMessage);
    if (image) {
        auto stored = m_gallery.setLocalFile(row.value(), image->path, image->size, image->width,
                                             image->height);
        if (!stored)
            return failed(stored.error().userMessage + u' ' + stored.error().serverMessage);
        if (!job.serverImagePath.isEmpty() && !writeServerFile(row.value(), job.serverImagePath))
            return failed(m_lastError);
        // What the result was made from; a link that cannot be written never costs the result.
        if (const QString error =
                LineageWriter(m_database.connection()).deriveForJob(row.value(), job);
            !error.isEmpty())
            qCWarning(lcHistory) << "lineage of job" << job.id << "not stored:" << error;
    }
    if (!transaction.commit())
        return failed(transaction.errorText());
    return true;
}

void JobStore::learnRecordIds(const QString &accountId)
{
    for (auto job : list(accountId, false, 100)) {
        if (job.state != JobState::Completed || !job.imageId.isEmpty() || job.taskId.isEmpty())
            continue;
        auto row = m_gallery.insertLocalJobRow(job.accountId, job);
        if (!row)
            continue;
        auto record = m_gallery.recordByRowId(row.value());
        if (!record || !record.value() || record.value()->id.isEmpty())
            continue;
        job.imageId = record.value()->id;
        // The jobs table only: the row is already the server's record.
        writeJobRow(job, false);
    }
}

bool JobStore::writeJobRow(Job &job, bool insertNew)
{
    if (insertNew && !job.createdAt.isValid())
        job.createdAt = QDateTime::currentDateTimeUtc();
    job.updatedAt = QDateTime::currentDateTimeUtc();
    if (!insertNew)
        return updateJobRow(job);
    QSqlQuery q(m_database.connection());
    QString placeholders = kColumns;
    placeholders.replace(QStringLiteral(", "), QStringLiteral(", :")).prepend(u':');
    q.prepare(QStringLiteral("INSERT INTO jobs (") + kColumns + QStringLiteral(") VALUES (")
              + placeholders + u')');
    bindJob(q, job, m_paths);
    if (!q.exec())
        return failedWith(q.lastError().text());
    job.id = q.lastInsertId().toLongLong();
    return true;
}

bool JobStore::updateJobRow(const Job &stamped)
{
    QString assignments;
    for (const auto &column : QString(kColumns).split(QStringLiteral(", ")))
        assignments += (assignments.isEmpty() ? QString() : QStringLiteral(", ")) + column
                       + QStringLiteral(" = :") + column;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE jobs SET ") + assignments
              + QStringLiteral(" WHERE job_id = :job_id"));
    bindJob(q, stamped, m_paths);
    q.bindValue(QStringLiteral(":job_id"), stamped.id);
    if (!q.exec())
        return failedWith(q.lastError().text());
    return true;
}

bool JobStore::failedWith(const QString &error)
{
    m_lastError = error;
    m_lastNoRoom = m_lastNoRoom || StorageFault::sqlNoRoom(m_database.connection(), error);
    return false;
}

bool JobStore::writeServerFile(qint64 rowId, const QString &path)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE generated_images SET server_local_file = :path "
                             "WHERE row_id = :row"));
    q.bindValue(QStringLiteral(":path"), m_paths.toStored(path));
    q.bindValue(QStringLiteral(":row"), rowId);
    if (!q.exec())
        return failedWith(q.lastError().text());
    return true;
}

bool JobStore::execOnJob(qint64 jobId, const QString &sql, const QVariantMap &values)
{
    QSqlQuery q(m_database.connection());
    q.prepare(sql);
    q.bindValue(QStringLiteral(":job_id"), jobId);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bindValue(it.key(), it.value());
    m_lastNoRoom = false;
    if (!q.exec())
        return failedWith(q.lastError().text());
    return true;
}

bool JobStore::setRequestSentAt(qint64 jobId, const QDateTime &when)
{
    return execOnJob(jobId,
                     QStringLiteral("UPDATE jobs SET request_sent_at = :at WHERE job_id = :job_id"),
                     {{QStringLiteral(":at"), msOrNull(when)}});
}

QDateTime JobStore::requestSentAt(qint64 jobId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT request_sent_at FROM jobs WHERE job_id = :id"));
    q.bindValue(QStringLiteral(":id"), jobId);
    if (!q.exec() || !q.next())
        return {};
    return fromMs(q.value(0));
}

bool JobStore::saveReconcileSchedule(qint64 jobId, const ReconcileSchedule &schedule)
{
    return execOnJob(
        jobId,
        QStringLiteral("UPDATE jobs SET reconcile_step = :step, reconcile_looks = :looks, "
                       "reconcile_server_answered = :answered, reconcile_next_at = :next "
                       "WHERE job_id = :job_id"),
        {{QStringLiteral(":step"), schedule.step},
         {QStringLiteral(":looks"), schedule.historyLooks},
         {QStringLiteral(":answered"), int(schedule.serverAnswered)},
         {QStringLiteral(":next"), msOrNull(schedule.nextCheckAt)}});
}

ReconcileSchedule JobStore::reconcileSchedule(qint64 jobId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT reconcile_step, reconcile_looks, reconcile_server_answered, "
                             "reconcile_next_at FROM jobs WHERE job_id = :id"));
    q.bindValue(QStringLiteral(":id"), jobId);
    if (!q.exec() || !q.next())
        return {};
    return {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt() != 0, fromMs(q.value(3))};
}

bool JobStore::resetAttemptProgress(qint64 jobId)
{
    return execOnJob(jobId,
                     QStringLiteral("UPDATE jobs SET request_sent_at = NULL, reconcile_step = 0, "
                                    "reconcile_looks = 0, reconcile_server_answered = 0, "
                                    "reconcile_next_at = NULL WHERE job_id = :job_id"),
                     {});
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
    return readJob(q, m_paths);
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
        jobs.append(readJob(q, m_paths));
    return jobs;
}

QList<Job> JobStore::unsavedResults(const QString &accountId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT * FROM jobs WHERE account_id = :account AND state = "
                             "'completed' AND local_image_path IS NULL AND image_url IS NOT NULL "
                             "ORDER BY job_id"));
    q.bindValue(QStringLiteral(":account"), accountId);
    QList<Job> jobs;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return jobs;
    }
    while (q.next())
        jobs.append(readJob(q, m_paths));
    return jobs;
}

QSet<QString> JobStore::claimedIds(const QString &accountId, qint64 jobId) const
{
    QSet<QString> claimed;
    for (const auto &other : list(accountId, false, 500))
        if (other.id != jobId)
            claimed << other.imageId << other.taskId;
    claimed.remove(QString());
    return claimed;
}
