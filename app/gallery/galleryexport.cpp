#include "gallery/galleryexport.h"

#include "gallery/imagestory.h"
#include "history/storagefault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace GalleryExport {

namespace {

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString freeName(const QDir &dir, const QString &stem, const QString &ext)
{
    const QString dotExt = ext.isEmpty() ? QString() : QStringLiteral(".") + ext;
    QString name = stem + dotExt;
    for (int n = 2; QFileInfo::exists(dir.filePath(name)); ++n)
        name = stem + QStringLiteral("-%1").arg(n) + dotExt;
    return name;
}

} // namespace

QString realExtension(const QString &imagePath)
{
    const QByteArray format = QImageReader::imageFormat(imagePath).toLower();
    if (format.isEmpty())
        return {};
    if (format == "jpeg")
        return QStringLiteral("jpg");
    return QString::fromLatin1(format);
}

QString withRealExtension(const QString &chosen, const QString &imagePath)
{
    const QString ext = realExtension(imagePath);
    if (ext.isEmpty())
        return chosen;
    const QFileInfo info(chosen);
    const QString suffix = info.suffix().toLower();
    if (suffix == ext || (ext == u"jpg" && suffix == u"jpeg"))
        return chosen;
    const QString base = suffix.isEmpty() ? chosen : chosen.left(chosen.size() - suffix.size() - 1);
    return base + u'.' + ext;
}

Result<QString> saveImageAs(const QString &imagePath, const QString &target,
                            const HistoryRecord *record)
{
    QFile source(imagePath);
    if (!source.open(QIODevice::ReadOnly))
        return ApiError::make(
            ApiError::Kind::Local,
            UserMessage::of("core.gallery.cannotReadImage",
                            {QDir::toNativeSeparators(imagePath), source.errorString()}));
    QSaveFile out(target);
    QByteArray bytes = source.readAll();
    if (record) // the image carries its record (ImageStory)
        bytes = ImageStory::withStory(bytes, *record);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) < 0 || !out.commit())
        return ApiError::make(
            ApiError::Kind::Local,
            UserMessage::of("core.gallery.cannotWriteImage",
                            {QDir::toNativeSeparators(target), out.errorString()}));
    return target;
}

QJsonObject recordToJson(const HistoryRecord &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("rowId"), r.rowId);
    o.insert(QStringLiteral("prompt"), r.prompt);
    o.insert(QStringLiteral("type"), imageTypeName(r.kind));
    o.insert(QStringLiteral("typeRaw"), r.typeRaw);
    o.insert(QStringLiteral("status"), imageStatusName(r.status));
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), r.errorText());
    if (!r.taskId.isEmpty())
        o.insert(QStringLiteral("taskId"), r.taskId);
    o.insert(QStringLiteral("imageUrl"), r.imageUrl);
    if (!r.originImageUrl.isEmpty())
        o.insert(QStringLiteral("originImageUrl"), r.originImageUrl);
    o.insert(QStringLiteral("referenceImageUrls"),
             QJsonArray::fromStringList(r.referenceImageUrls));
    o.insert(QStringLiteral("characterIds"), QJsonArray::fromStringList(r.characterIds));
    o.insert(QStringLiteral("createdAt"), iso(r.createdAtMs));
    if (r.completedAtMs)
        o.insert(QStringLiteral("completedAt"), iso(*r.completedAtMs));
    o.insert(QStringLiteral("favorite"), r.favorite);
    o.insert(QStringLiteral("hidden"), r.hidden);
    if (r.width && r.height) {
        o.insert(QStringLiteral("width"), *r.width);
        o.insert(QStringLiteral("height"), *r.height);
    }
    return o;
}

std::optional<ApiError> lacksRoomFor(const QString &folder, qint64 bytes,
                                     const FreeBytes &freeBytes)
{
    const qint64 available = freeBytes ? freeBytes(folder) : StorageFault::freeBytes(folder);
    if (!StorageFault::leavesTooLittle(available, bytes))
        return std::nullopt;
    return ApiError::make(ApiError::Kind::Local, UserMessage::of("core.image.diskFull"));
}

Result<ExportSummary> exportRecords(const QList<HistoryRecord> &records, const QString &folder)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return ApiError::make(
            ApiError::Kind::Local,
            UserMessage::of("core.gallery.cannotCreateFolder", {QDir::toNativeSeparators(folder)}));
    // The room it needs, asked first: a full disk would stop it half-way.
    qint64 bytes = 0;
    for (const auto &r : records)
        if (!r.localFile.isEmpty())
            bytes += QFileInfo(r.localFile).size();
    if (auto noRoom = lacksRoomFor(folder, bytes))
        return *noRoom;
    ExportSummary summary;
    QJsonArray array;
    for (const auto &r : records) {
        QJsonObject o = recordToJson(r);
        if (!r.localFile.isEmpty() && QFileInfo::exists(r.localFile)) {
            const QString stem = r.id.isEmpty() ? QStringLiteral("local-%1").arg(r.rowId) : r.id;
            const QString name = freeName(dir, stem, realExtension(r.localFile));
            // The image carries its record (ImageStory): any image tool shows the prompt.
            if (!ImageStory::copyWithStory(r.localFile, dir.filePath(name), r))
                return ApiError::make(ApiError::Kind::Local,
                                      UserMessage::of("core.gallery.cannotCopy",
                                                      {QDir::toNativeSeparators(r.localFile),
                                                       QDir::toNativeSeparators(folder)}));
            o.insert(QStringLiteral("file"), name);
            ++summary.images;
        } else {
            ++summary.withoutFile;
        }
        array.append(o);
    }
    summary.sidecarPath =
        dir.filePath(freeName(dir, QStringLiteral("records"), QStringLiteral("json")));
    QSaveFile sidecar(summary.sidecarPath);
    if (!sidecar.open(QIODevice::WriteOnly)
        || sidecar.write(QJsonDocument(array).toJson(QJsonDocument::Indented)) < 0
        || !sidecar.commit())
        return ApiError::make(ApiError::Kind::Local,
                              UserMessage::of("core.gallery.cannotWriteRecords",
                                              {QDir::toNativeSeparators(summary.sidecarPath),
                                               sidecar.errorString()}));
    return summary;
}

} // namespace GalleryExport
