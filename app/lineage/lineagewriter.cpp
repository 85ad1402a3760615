#include "lineage/lineagewriter.h"

#include "history/historyquery.h"
#include "history/historyrecord.h"
#include "lineage/lineagematch.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcLineage, "studio.lineage")

// The SHA-256 of a reference copy: its name when content-addressed (refs/<hex>.png), else
// its bytes.
QString sha256Of(const QString &path)
{
    if (QString named = sha256OfFileName(path); !named.isEmpty())
        return named;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

// The row ids of a json_group_array().
QList<qint64> rowList(const QString &json)
{
    QList<qint64> rows;
    for (const auto &value : QJsonDocument::fromJson(json.toUtf8()).array())
        rows.append(value.toInteger());
    return rows;
}

struct RowFacts
{
    qint64 rowId = 0;
    qint64 createdAtMs = 0;
};

// The candidate records a query of row_id, created_at, image_url, file_sha256 returned.
QList<LineageCandidate> readCandidates(QSqlQuery &q)
{
    QList<LineageCandidate> candidates;
    while (q.next()) {
        LineageCandidate c{
            q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), {}};
        if (const QString hash = q.value(3).toString(); !hash.isEmpty())
            c.sha256.append(hash);
        candidates.append(c);
    }
    return candidates;
}

// An image's inputs as the server lists them: the image it was made from (when the server
// names it) and its references, the first of an edit being the one edited.
QList<LineageInput> serverInputs(const GeneratedImage &image)
{
    QList<LineageInput> inputs;
    if (!image.originImageUrl.isEmpty())
        inputs.append({image.originImageUrl, {}, LineageKind::Edit});
    const auto kinds =
        inputKinds(image.type == ImageType::ImageToImage, false, image.referenceImageUrls.size());
    for (qsizetype i = 0; i < image.referenceImageUrls.size(); ++i)
        inputs.append({image.referenceImageUrls.at(i), {}, kinds.at(i)});
    return inputs;
}

} // namespace

LineageWriter::LineageWriter(QSqlDatabase db)
    : m_db(db)
{ }

QString LineageWriter::insertLinks(const QString &accountId, const QList<LineageLink> &links)
{
    QJsonArray rows; // [from, to, kind]
    for (const auto &link : links)
        if (link.fromRow != link.toRow)
            rows.append(QJsonArray{link.fromRow, link.toRow, lineageKindName(link.kind)});
    if (rows.isEmpty())
        return {};
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR IGNORE INTO lineage_links (account_id, from_row, to_row, kind) SELECT "
              ":account, value ->> 0, value ->> 1, value ->> 2 FROM json_each(:links)"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":links"_s, QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    return q.exec() ? QString() : q.lastError().text();
}

QString LineageWriter::deriveForJob(qint64 rowId, const Job &job)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT account_id, created_at FROM generated_images WHERE row_id = :row"_s);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return q.lastError().text();
    if (!q.next())
        return {};
    const QString accountId = q.value(0).toString();
    LineageTarget target{rowId, q.value(1).toLongLong(), {}};
    q.finish();

    const auto &paths = job.request.referencePaths;
    const auto kinds =
        inputKinds(job.request.kind == JobKind::Edit, job.request.isBrushEdit(), paths.size());
    QStringList hashes;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString hash = sha256Of(paths.at(i));
        target.inputs.append({{}, hash, kinds.at(i)});
        if (!hash.isEmpty())
            hashes.append(hash);
    }
    if (!hashes.isEmpty()) {
        q.prepare(u"SELECT row_id, created_at, image_url, file_sha256 FROM generated_images "
                  "WHERE account_id = :account AND file_sha256 IN "
                  "(SELECT value FROM json_each(:hashes))"_s);
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":hashes"_s, jsonStringArray(hashes));
        if (!q.exec())
            return q.lastError().text();
        const auto links = matchLineageSources(target, readCandidates(q));
        q.finish();
        if (QString error = insertLinks(accountId, links); !error.isEmpty())
            return error;
    }
    return deriveRegeneration(accountId, rowId);
}

QString LineageWriter::deriveRegeneration(const QString &accountId, qint64 rowId)
{
    // The records with the same prompt and kind, with their sources; the pure match decides.
    // The prompt index (FTS5) finds them without reading the table: this runs whenever a job's
    // result is stored, on the thread that stores it.
    const QString sources = u"(SELECT json_group_array(l.from_row) FROM lineage_links AS l "
                            "WHERE l.to_row = g.row_id AND l.kind <> 'regeneration')"_s;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT g.row_id, g.created_at, g.prompt, g.kind, "_s + sources
              + u" FROM generated_images AS g WHERE g.row_id = :row"_s);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return q.lastError().text();
    if (!q.next())
        return {};
    const auto shapeOf = [&q] {
        return RequestShape{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                            q.value(3).toString(), rowList(q.value(4).toString())};
    };
    const RequestShape target = shapeOf();
    q.finish();
    const QString match = HistoryReader::ftsMatchExpression(target.prompt);
    if (match.isEmpty())
        return {};
    q.prepare(u"SELECT g.row_id, g.created_at, g.prompt, g.kind, "_s + sources
              + u" FROM generated_images AS g WHERE g.row_id IN (SELECT rowid FROM images_fts "
                "WHERE images_fts MATCH :match) AND g.account_id = :account AND g.prompt = "
                ":prompt AND g.kind = :kind AND g.status = 'completed' AND g.row_id <> :row"_s);
    q.bindValue(u":match"_s, match);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":prompt"_s, target.prompt);
    q.bindValue(u":kind"_s, target.kind);
    q.bindValue(u":row"_s, rowId);
    if (!q.exec())
        return q.lastError().text();
    QList<RequestShape> candidates;
    while (q.next())
        candidates.append(shapeOf());
    q.finish();
    const auto source = matchRegenerationSource(target, candidates);
    if (!source)
        return {};
    return insertLinks(accountId, {{*source, rowId, LineageKind::Regeneration}});
}

QString LineageWriter::deriveForServerRecords(const QString &accountId,
                                              const QList<QList<GeneratedImage>> &pages)
{
    // A sync writes 1,000 records a page: every step below is one statement per page, never
    // one per record (QtSql's per-statement cost is most of what a row costs).
    QStringList ids, inputUrls, imagePaths;
    QList<const GeneratedImage *> withInputs;
    for (const auto &page : pages) {
        for (const auto &image : page) {
            if (image.id.isEmpty())
                continue;
            if (!image.imageUrl.isEmpty())
                imagePaths.append(imageUrlPath(image.imageUrl));
            const auto inputs = serverInputs(image);
            if (inputs.isEmpty())
                continue;
            ids.append(image.id);
            withInputs.append(&image);
            for (const auto &input : inputs)
                inputUrls << input.url << imageUrlPath(input.url);
        }
    }
    QList<LineageLink> links;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Forward: the records these images were made from, by address.
    if (!withInputs.isEmpty()) {
        QHash<QString, RowFacts> rows;
        q.prepare(u"SELECT row_id, created_at, id FROM generated_images WHERE account_id = "
                  ":account AND id IN (SELECT value FROM json_each(:ids))"_s);
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":ids"_s, jsonStringArray(ids));
        if (!q.exec())
            return q.lastError().text();
        while (q.next())
            rows.insert(q.value(2).toString(), {q.value(0).toLongLong(), q.value(1).toLongLong()});
        q.finish();
        inputUrls.removeDuplicates();
        // IN alone picks the partial index row by row; an added "image_url IS NOT NULL" made
        // SQLite 3.40 walk every record of the account instead (a range on image_url > NULL).
        q.prepare(u"SELECT row_id, created_at, image_url, file_sha256 FROM generated_images "
                  "WHERE account_id = :account AND image_url IN "
                  "(SELECT value FROM json_each(:urls))"_s);
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":urls"_s, jsonStringArray(inputUrls));
        if (!q.exec())
            return q.lastError().text();
        const auto candidates = readCandidates(q);
        q.finish();
        QJsonArray wanted; // [path, row, kind] of the addresses that named no record
        for (const auto *image : std::as_const(withInputs)) {
            const auto row = rows.constFind(image->id);
            if (row == rows.cend())
                continue;
            const LineageTarget target{row->rowId, row->createdAtMs, serverInputs(*image)};
            const auto found = matchLineageSources(target, candidates);
            links += found;
            // An address that named no record waits for one (its source may come later).
            QSet<QString> linkedPaths;
            for (const auto &candidate : candidates)
                for (const auto &link : found)
                    if (link.fromRow == candidate.rowId)
                        linkedPaths.insert(imageUrlPath(candidate.imageUrl));
            for (const auto &input : target.inputs) {
                const QString path = imageUrlPath(input.url);
                if (!path.isEmpty() && !linkedPaths.contains(path))
                    wanted.append(QJsonArray{path, row->rowId, lineageKindName(input.kind)});
            }
        }
        if (!wanted.isEmpty()) {
            q.prepare(u"INSERT OR IGNORE INTO lineage_wanted (account_id, url_path, to_row, kind) "
                      "SELECT :account, value ->> 0, value ->> 1, value ->> 2 FROM "
                      "json_each(:wanted)"_s);
            q.bindValue(u":account"_s, accountId);
            q.bindValue(u":wanted"_s,
                        QString::fromUtf8(QJsonDocument(wanted).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                return q.lastError().text();
            q.finish();
        }
    }
    // Backward: images that arrived earlier and wait for one of these addresses, with the
    // records now here at that address.
    if (!imagePaths.isEmpty()) {
        q.prepare(u"SELECT w.to_row, w.url_path, w.kind, t.created_at, s.row_id, s.created_at, "
                  "s.image_url FROM lineage_wanted AS w JOIN generated_images AS t ON t.row_id = "
                  "w.to_row JOIN generated_images AS s ON s.account_id = w.account_id AND "
                  "s.image_url = w.url_path WHERE w.account_id = :account AND w.url_path IN "
                  "(SELECT value FROM json_each(:paths))"_s);
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":paths"_s, jsonStringArray(imagePaths));
        if (!q.exec())
            return q.lastError().text();
        QJsonArray resolved; // [path, row]
        while (q.next()) {
            const LineageTarget target{
                q.value(0).toLongLong(),
                q.value(3).toLongLong(),
                {{q.value(1).toString(),
                  {},
                  lineageKindFromName(q.value(2).toString()).value_or(LineageKind::Reference)}}};
            const QList<LineageCandidate> arrived{
                {q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toString(), {}}};
            const auto found = matchLineageSources(target, arrived);
            if (!found.isEmpty())
                resolved.append(QJsonArray{q.value(1).toString(), target.rowId});
            links += found;
        }
        q.finish();
        if (!resolved.isEmpty()) {
            q.prepare(u"DELETE FROM lineage_wanted WHERE account_id = :account AND "
                      "(url_path, to_row) IN (SELECT value ->> 0, value ->> 1 FROM "
                      "json_each(:resolved))"_s);
            q.bindValue(u":account"_s, accountId);
            q.bindValue(u":resolved"_s,
                        QString::fromUtf8(QJsonDocument(resolved).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                return q.lastError().text();
            q.finish();
        }
    }
    if (!links.isEmpty())
        qCDebug(lcLineage) << "linked" << links.size() << "records by address";
    return insertLinks(accountId, links);
}
