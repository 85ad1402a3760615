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
    SqlTransaction transaction(db);
    if (!transaction.isActive())
        return historyWriteError("core.history.step.saveHistory", transaction.errorText());
    QSqlQuery q(db);
    const int before = linkCount(q);
    LineageWriter writer(db);

    // Server records first: a job row's links come from its reference copies, which may name
    // the same sources as the server's addresses.
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT account_id, id, image_url, origin_image_url, reference_image_urls, "
                "kind FROM generated_images WHERE id IS NOT NULL AND (origin_image_url IS NOT "
                "NULL OR reference_image_urls <> '[]') ORDER BY account_id"_s))
        return historyWriteError("core.history.step.readHistory", q.lastError().text());
    QString account;
    QList<GeneratedImage> batch;
    const auto flush = [&]() -> QString {
        const QString error =
            batch.isEmpty() ? QString() : writer.deriveForServerRecords(account, {batch});
        batch.clear();
        return error;
    };
    while (q.next()) {
        if (q.value(0).toString() != account || batch.size() >= kBatch) {
            if (const QString error = flush(); !error.isEmpty())
                return historyWriteError("core.history.step.saveHistory", error);
            account = q.value(0).toString();
        }
        GeneratedImage image;
        image.id = q.value(1).toString();
        image.imageUrl = q.value(2).toString();
        image.originImageUrl = q.value(3).toString();
        image.referenceImageUrls = parseJsonStringArray(q.value(4).toString());
        image.type =
            q.value(5).toString() == u"edit" ? ImageType::ImageToImage : ImageType::TextToImage;
        batch.append(image);
    }
    if (const QString error = flush(); !error.isEmpty())
        return historyWriteError("core.history.step.saveHistory", error);
    q.finish();

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
    const int stored = linkCount(q) - before;
    if (!transaction.commit())
        return historyWriteError("core.history.step.saveHistory", transaction.errorText());
    qCInfo(lcLineageBackfill) << "lineage backfill stored" << stored << "links for"
                              << jobRows.size() << "jobs";
    return stored;
}
