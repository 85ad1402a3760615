#include "gallery/imagestory.h"

#include "gallery/galleryexport.h"
#include "gallery/pngstory.h"
#include "gallery/xmpstory.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace ImageStory {

QByteArray withStory(const QByteArray &image, const HistoryRecord &record)
{
    const QString json = QString::fromUtf8(
        QJsonDocument(GalleryExport::recordToJson(record)).toJson(QJsonDocument::Compact));
    if (XmpStory::isJpeg(image) || XmpStory::isWebp(image)) {
        const QString created =
            QDateTime::fromMSecsSinceEpoch(record.createdAtMs, Qt::UTC).toString(Qt::ISODate);
        return XmpStory::withXmp(image, {record.prompt, created, json});
    }
    return PngStory::withTexts(image, {{QStringLiteral("Description"), record.prompt},
                                       {QStringLiteral("NanoBanana"), json}});
}

bool copyWithStory(const QString &source, const QString &target, const HistoryRecord &record)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = in.readAll();
    QSaveFile out(target);
    return out.open(QIODevice::WriteOnly) && out.write(withStory(bytes, record)) >= 0
           && out.commit();
}

} // namespace ImageStory
