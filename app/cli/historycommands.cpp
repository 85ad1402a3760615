#include "appservices.h"
#include "cli/clicontext.h"
#include "cli/jsonviews.h"
#include "gallery/exportimagefetch.h"
#include "gallery/galleryexport.h"
#include "gallery/imagestory.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "lineage/lineagebackfill.h"
#include "lineage/lineagetext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

// The bytes of the images an export of `query` would copy, read page by page.
Result<qint64> imageBytesToExport(AppServices &services, HistoryQuery query)
{
    qint64 bytes = 0;
    for (;;) {
        auto page = services.reader().page(query);
        if (!page)
            return page.error();
        for (const auto &r : page.value().rows)
            if (!r.localFile.isEmpty())
                bytes += QFileInfo(r.localFile).size();
        if (!page.value().next)
            return bytes;
        query.after = page.value().next;
    }
}

// A record by server id, or by local row number for records not yet on the server.
std::optional<HistoryRecord> findRecord(AppServices &services, const QString &key)
{
    auto byId = services.history().record(services.accountId(), key);
    if (byId && byId.value())
        return *byId.value();
    bool numeric = false;
    const auto row = key.toLongLong(&numeric);
    if (numeric) {
        auto byRow = services.history().recordByRowId(row);
        if (byRow && byRow.value() && byRow.value()->accountId == services.accountId())
            return *byRow.value();
    }
    return std::nullopt;
}

QString recordLine(const HistoryRecord &r)
{
    const QString id = r.id.isEmpty() ? QStringLiteral("row:%1").arg(r.rowId) : r.id;
    return QStringLiteral("%1  %2  %3  %4%5  %6")
        .arg(id, -24)
        .arg(imageStatusName(r.status), -9)
        .arg(imageTypeName(r.kind), -8)
        .arg(shortTime(r.createdAtMs))
        .arg(r.favorite ? QStringLiteral(" *") : QStringLiteral("  "))
        .arg(elide(r.prompt, 70));
}

QString csvField(QString s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n')) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

} // namespace

int runList(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn(/*offlineOk*/))
        return services ? ExitSignIn : ExitUsage;
    const auto &args = ctx.args();
    HistoryQuery query;
    query.accountId = services->accountId();
    for (const auto &s : args.all(QStringLiteral("status"))) {
        const auto status = imageStatusFromName(s.toLower());
        if (!status)
            return ctx.fail(ExitUsage, QCoreApplication::translate(
                                           "Cli", "--status takes pending, completed or "
                                                  "failed, not '%1'.")
                                           .arg(s));
        query.statuses.append(*status);
    }
    for (const auto &t : args.all(QStringLiteral("type"))) {
        const auto kind = imageTypeFromName(t.toLower());
        if (!kind)
            return ctx.fail(ExitUsage, QCoreApplication::translate(
                                           "Cli", "--type takes generate, edit or other, not '%1'.")
                                           .arg(t));
        query.kinds.append(*kind);
    }
    query.search = args.value(QStringLiteral("search"));
    query.favoritesOnly = args.has(QStringLiteral("favorites"));
    query.includeHidden = args.has(QStringLiteral("hidden"));
    query.order = args.has(QStringLiteral("oldest")) ? HistoryQuery::Order::OldestFirst
                                                     : HistoryQuery::Order::NewestFirst;
    bool ok = false;
    query.limit = args.value(QStringLiteral("limit"), QStringLiteral("50")).toInt(&ok);
    if (!ok || query.limit <= 0)
        return ctx.fail(ExitUsage,
                        QCoreApplication::translate("Cli", "--limit takes a positive number."));

    auto page = services->reader().page(query);
    if (!page)
        return ctx.failWith(page.error());
    auto total = services->reader().count(query);
    QJsonArray array;
    QString text;
    for (const auto &r : page.value().rows) {
        array.append(recordToJson(r));
        text += recordLine(r) + u'\n';
    }
    const qint64 matches = total ? total.value() : qint64(page.value().rows.size());
    text += QCoreApplication::translate("Cli", "%1 of %n matching records", nullptr, int(matches))
                .arg(page.value().rows.size());
    ctx.result(QJsonObject{{QStringLiteral("total"), matches}, {QStringLiteral("records"), array}},
               text);
    return ExitOk;
}

int runShow(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    const auto key = ctx.args().arguments.value(0);
    const auto record = findRecord(*services, key);
    if (!record)
        return ctx.fail(ExitUsage,
                        QCoreApplication::translate("Cli", "No record %1 in the local history; run "
                                                           "`nanobanana-cli sync` if it is new.")
                            .arg(key));
    const auto &r = *record;
    QString text =
        QCoreApplication::translate("Cli",
                                    "id:          %1\nprompt:      %2\ntype:        %3 (%4)\n"
                                    "status:      %5\ncreated:     %6\n")
            .arg(r.id.isEmpty() ? QCoreApplication::translate("Cli", "(not on the server yet)")
                                : r.id,
                 r.prompt, imageTypeName(r.kind), r.typeRaw, imageStatusName(r.status),
                 r.createdAt().toLocalTime().toString(Qt::ISODate));
    if (r.completedAtMs)
        text += QCoreApplication::translate("Cli", "completed:   %1\n")
                    .arg(r.completedAt().toLocalTime().toString(Qt::ISODate));
    if (!r.error.isEmpty())
        text += QCoreApplication::translate("Cli", "error:       %1\n").arg(r.errorText());
    if (!r.imageUrl.isEmpty())
        text += QCoreApplication::translate("Cli", "image:       %1\n").arg(r.imageUrl);
    if (!r.localFile.isEmpty())
        text += QCoreApplication::translate("Cli", "file:        %1\n").arg(r.localFile);
    for (const auto &ref : r.referenceImageUrls)
        text += QCoreApplication::translate("Cli", "reference:   %1\n").arg(ref);
    if (r.favorite)
        text += QCoreApplication::translate("Cli", "favourite:   yes\n");
    if (r.goneFromServer)
        text += QCoreApplication::translate(
            "Cli", "note:        no longer on the server; this is the local copy\n");
    // Lineage, offline: rows written before schema 10 get their links on first use.
    LineageBackfill(services->database()).runIfNeeded();
    const auto sources = services->lineage().sources(r.rowId);
    const auto derivatives = services->lineage().derivatives(r.rowId);
    const auto lineageLines = [](const char *heading, const QList<LineageEntry> &entries) {
        QString lines;
        for (const auto &entry : entries)
            lines += QCoreApplication::translate("Cli", heading)
                         .arg(recordKey(entry.record), lineageKindText(entry.kind),
                              elide(entry.record.prompt, 50));
        return lines;
    };
    if (sources)
        text +=
            lineageLines(QT_TRANSLATE_NOOP("Cli", "Made from:   %1  %2  %3\n"), sources.value());
    if (derivatives)
        text += lineageLines(QT_TRANSLATE_NOOP("Cli", "Edits:       %1  %2  %3\n"),
                             derivatives.value());
    QJsonObject json = recordToJson(r);
    json.insert(QStringLiteral("sources"),
                lineageToJson(sources ? sources.value() : QList<LineageEntry>()));
    json.insert(QStringLiteral("derivatives"),
                lineageToJson(derivatives ? derivatives.value() : QList<LineageEntry>()));
    ctx.result(json, text.trimmed());
    return ExitOk;
}

static int setFlag(CliContext &ctx, bool favorite)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    const auto key = ctx.args().arguments.value(0);
    const auto record = findRecord(*services, key);
    if (!record)
        return ctx.fail(
            ExitUsage,
            QCoreApplication::translate("Cli", "No record %1 in the local history.").arg(key));
    const bool on = !ctx.args().has(QStringLiteral("off"));
    auto done = favorite ? services->history().setFavorite(record->rowId, on)
                         : services->history().setHidden(record->rowId, on);
    if (!done)
        return ctx.failWith(done.error());
    auto updated = findRecord(*services, key);
    ctx.result(recordToJson(updated.value_or(*record)),
               QStringLiteral("%1 %2").arg(
                   key, favorite
                            ? (on ? QCoreApplication::translate("Cli", "is a favourite")
                                  : QCoreApplication::translate("Cli", "is no longer a favourite"))
                            : (on ? QCoreApplication::translate("Cli", "is hidden")
                                  : QCoreApplication::translate("Cli", "is shown again"))));
    return ExitOk;
}

int runFavorite(CliContext &ctx)
{
    return setFlag(ctx, true);
}

int runHide(CliContext &ctx)
{
    return setFlag(ctx, false);
}

int runExport(CliContext &ctx)
{
    auto *services = ctx.services();
    if (!services || !ctx.requireSignIn())
        return services ? ExitSignIn : ExitUsage;
    const auto dir = ctx.args().arguments.value(0);
    const auto format = ctx.args().value(QStringLiteral("format"), QStringLiteral("json"));
    if (format != u"json" && format != u"csv")
        return ctx.fail(ExitUsage,
                        QCoreApplication::translate("Cli", "--format takes json or csv."));
    const bool withImages = ctx.args().has(QStringLiteral("with-images"));
    if (!QDir().mkpath(dir)
        || (withImages && !QDir().mkpath(QDir(dir).filePath(QStringLiteral("images")))))
        return ctx.fail(
            ExitUsage,
            QCoreApplication::translate("Cli", "Could not create the folder %1.").arg(dir));

    // Export never comes back short when the server can be reached: fetch what is missing.
    std::optional<ImageMirrorOutcome> fetched;
    if (withImages)
        fetched = mirrorImages(ctx, *services);

    HistoryQuery query;
    query.accountId = services->accountId();
    query.includeHidden = true;
    query.order = HistoryQuery::Order::OldestFirst;
    query.limit = 1000;
    int gone = 0; // completed records whose image is gone from the server
    int missing = 0; // completed records whose image could not be had otherwise
    QJsonArray records;
    QString csv = QStringLiteral("id,status,type,created_at,completed_at,favorite,prompt,error,"
                                 "image_url,file\n");
    int images = 0;
    if (withImages) {
        // The room it needs, asked first: a full disk would stop it half-way.
        const auto bytes = imageBytesToExport(*services, query);
        if (!bytes)
            return ctx.failWith(bytes.error());
        if (auto noRoom = GalleryExport::lacksRoomFor(dir, bytes.value()))
            return ctx.failWith(*noRoom);
    }
    for (;;) {
        auto page = services->reader().page(query);
        if (!page)
            return ctx.failWith(page.error());
        for (auto r : page.value().rows) {
            if (withImages && r.localFile.isEmpty() && r.status == ImageStatus::Completed
                && !r.imageUrl.isEmpty())
                ++(r.imageGone ? gone : missing);
            if (withImages && !r.localFile.isEmpty()) {
                const QFileInfo source(r.localFile);
                const QString name = (r.id.isEmpty() ? QStringLiteral("row-%1").arg(r.rowId) : r.id)
                                     + u'.' + source.suffix();
                const auto target = QDir(dir).filePath(QStringLiteral("images/") + name);
                QFile::remove(target);
                if (!ImageStory::copyWithStory(r.localFile, target, r)) // it carries its record
                    return ctx.failWith(ApiError::make(
                        ApiError::Kind::Local,
                        UserMessage::of("core.gallery.cannotCopy",
                                        {QDir::toNativeSeparators(r.localFile),
                                         QDir::toNativeSeparators(QFileInfo(target).path())})));
                r.localFile = QStringLiteral("images/") + name;
                ++images;
            }
            records.append(recordToJson(r));
            csv += QStringList{csvField(r.id),
                               imageStatusName(r.status),
                               imageTypeName(r.kind),
                               r.createdAt().toString(Qt::ISODateWithMs),
                               r.completedAtMs ? r.completedAt().toString(Qt::ISODateWithMs)
                                               : QString(),
                               r.favorite ? QStringLiteral("1") : QStringLiteral("0"),
                               csvField(r.prompt),
                               csvField(r.errorText()),
                               csvField(r.imageUrl),
                               csvField(r.localFile)}
                       .join(u',')
                   + u'\n';
        }
        if (!page.value().next)
            break;
        query.after = page.value().next;
    }
    const auto path = QDir(dir).filePath(format == u"csv" ? QStringLiteral("history.csv")
                                                          : QStringLiteral("history.json"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ctx.fail(ExitUsage, QCoreApplication::translate("Cli", "Could not write %1: %2")
                                       .arg(path, file.errorString()));
    file.write(format == u"csv" ? csv.toUtf8()
                                : QJsonDocument(records).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return ctx.fail(ExitUsage, QCoreApplication::translate("Cli", "Could not write %1: %2")
                                       .arg(path, file.errorString()));
    const QString shortfall =
        ExportImageFetch::shortfallText(gone, missing, fetched && fetched->offline);
    ctx.result(QJsonObject{{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
                           {QStringLiteral("records"), records.size()},
                           {QStringLiteral("images"), images},
                           {QStringLiteral("imagesGone"), gone},
                           {QStringLiteral("imagesMissing"), missing}},
               (withImages
                    ? QCoreApplication::translate("Cli", "Exported %n records and %1 images to %2",
                                                  nullptr, int(records.size()))
                          .arg(images)
                          .arg(QDir::toNativeSeparators(path))
                    : QCoreApplication::translate("Cli", "Exported %n records to %1", nullptr,
                                                  int(records.size()))
                          .arg(QDir::toNativeSeparators(path)))
                   + (shortfall.isEmpty() ? QString() : QStringLiteral(". ") + shortfall));
    return ExitOk;
}
