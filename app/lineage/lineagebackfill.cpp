#include "lineage/lineagebackfill.h"

#include "history/historydatabase.h"
#include "history/historysql.h"
#include "history/sqltransaction.h"
#include "jobs/jobstore.h"
#include "lineage/lineagewriter.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcLineageBackfill, "studio.lineage")

// Records that name their inputs are written in batches of this many.
constexpr int kBatch = 1000;

int linkCount(QSqlQuery &q)
{
    return q.exec(u"SELECT count(*) FROM lineage_links"_s) && q.next() ? q.value(0).toInt() : 0;
}

} // namespace

LineageBackfill::LineageBackfill(HistoryDatabase &database)
    : m_database(database)
{ }

Result<bool> LineageBackfill::isNeeded()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT count(*) FROM lineage_backfill"_s) || !q.next())
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    return q.value(0).toInt() == 0;
}

Result<int> LineageBackfill::runIfNeeded()
{
    auto needed = isNeeded();
    if (!needed || !needed.value())
        return needed ? Result<int>(0) : Result<int>(needed.error());
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const int before = linkCount(q);
    LineageWriter writer(db);

    // Server records first: a job row's links come from its reference copies, which may name
    // the same sources as the server's addresses.
    if (!q.exec(u"SELECT account_id, id, image_url, origin_image_url, reference_image_urls, "
                "kind FROM generated_images WHERE id IS NOT NULL AND (origin_image_url IS NOT "
                "NULL OR reference_image_urls <> '[]') ORDER BY account_id"_s))
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    QList<std::pair<QString, GeneratedImage>> named;
    while (q.next()) {
        GeneratedImage image;
        image.id = q.value(1).toString();
        image.imageUrl = q.value(2).toString();
        image.originImageUrl = q.value(3).toString();
        image.referenceImageUrls = parseJsonStringArray(q.value(4).toString());
        image.type =
            q.value(5).toString() == u"edit" ? ImageType::ImageToImage : ImageType::TextToImage;
        named.append({q.value(0).toString(), image});
    }
    q.finish();
    // A transaction per batch: a sync or a job's result waits for one batch at most, never for
    // the whole backfill (busy_timeout is 5 s). Links are idempotent, so a backfill cut short
    // simply runs again.
    for (qsizetype from = 0; from < named.size();) {
        const QString account = named.at(from).first;
        QList<GeneratedImage> batch;
        while (from < named.size() && named.at(from).first == account && batch.size() < kBatch)
            batch.append(named.at(from++).second);
        SqlTransaction transaction(db);
        if (!transaction.isActive())
            return historyWriteError("core.history.step.saveHistory", transaction.errorText());
        if (const QString error = writer.deriveForServerRecords(account, {batch}); !error.isEmpty())
            return historyWriteError("core.history.step.saveHistory", error);
        if (!transaction.commit())
            return historyWriteError("core.history.step.saveHistory", transaction.errorText());
    }

    // Then every completed job, oldest first, so a regeneration finds its earlier run linked.
    if (!q.exec(u"SELECT g.row_id, j.job_id FROM jobs AS j JOIN generated_images AS g ON "
                "g.account_id = j.account_id AND g.job_id = j.job_id WHERE j.state = "
                "'completed' ORDER BY j.job_id"_s))
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    QList<std::pair<qint64, qint64>> jobRows;
    while (q.next())
        jobRows.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    q.finish();
    JobStore jobs(m_database);
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return historyWriteError("core.history.step.saveHistory", transaction.errorText());
    for (const auto &[rowId, jobId] : std::as_const(jobRows)) {
        const auto job = jobs.load(jobId);
        if (!job)
            continue;
        if (const QString error = writer.deriveForJob(rowId, *job); !error.isEmpty())
            return historyWriteError("core.history.step.saveHistory", error);
    }
    QSqlQuery mark(db);
    mark.prepare(u"INSERT INTO lineage_backfill (finished_at) VALUES (:at)"_s);
    mark.bindValue(u":at"_s, QDateTime::currentMSecsSinceEpoch());
    if (!mark.exec())
        return historyWriteError("core.history.step.saveHistory", mark.lastError().text());
    mark.finish();
    if (!transaction.commit())
        return historyWriteError("core.history.step.saveHistory", transaction.errorText());
    const int stored = linkCount(q) - before;
    qCInfo(lcLineageBackfill) << "lineage backfill stored" << stored << "links for"
                              << jobRows.size() << "jobs";
    return stored;
}
