#include "gallery/dragfiles.h"

#include "gallery/galleryexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <unistd.h>

namespace DragFiles {

namespace {

constexpr qsizetype kMaxNameChars = 60;

// A hard link when `target` can share the stored file's inode, else a copy.
bool linkOrCopy(const QString &source, const QString &target)
{
    QFile::remove(target);
    if (::link(QFile::encodeName(source).constData(), QFile::encodeName(target).constData()) == 0)
        return true;
    return QFile::copy(source, target);
}

} // namespace

QString readableName(const HistoryRecord &record)
{
    // Path separators, control characters and the characters Windows file systems refuse
    // (a drop may land on a USB stick) become spaces.
    static const QRegularExpression unsafe(QStringLiteral(R"([/\\:*?"<>|\x00-\x1f])"));
    QString name = record.prompt;
    name.replace(unsafe, QStringLiteral(" "));
    name = name.simplified();
    if (name.size() > kMaxNameChars) {
        name.truncate(kMaxNameChars);
        const qsizetype space = name.lastIndexOf(QLatin1Char(' '));
        if (space > kMaxNameChars / 2)
            name.truncate(space); // end at a whole word
    }
    while (name.endsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('.')))
        name = name.endsWith(QLatin1Char('.')) ? name.chopped(1) : name.mid(1);
    name = name.trimmed();
    if (name.isEmpty())
        name = QStringLiteral("image-%1").arg(record.rowId);
    QString extension = GalleryExport::realExtension(record.localFile);
    if (extension.isEmpty())
        extension = QFileInfo(record.localFile).suffix();
    return extension.isEmpty() ? name : name + QLatin1Char('.') + extension;
}

QList<QUrl> prepare(const QList<HistoryRecord> &records, const QString &folder)
{
    QList<QUrl> urls;
    if (!QDir().mkpath(folder))
        return urls;
    const QDir dir(folder);
    QSet<QString> taken;
    for (const HistoryRecord &record : records) {
        if (record.localFile.isEmpty() || !QFileInfo::exists(record.localFile))
            continue;
        const QString name = readableName(record);
        const QFileInfo parts(name);
        QString unique = name;
        for (int n = 2; taken.contains(unique); ++n)
            unique = parts.suffix().isEmpty() ? QStringLiteral("%1 (%2)").arg(name).arg(n)
                                              : QStringLiteral("%1 (%2).%3")
                                                    .arg(parts.completeBaseName())
                                                    .arg(n)
                                                    .arg(parts.suffix());
        taken.insert(unique);
        const QString target = dir.filePath(unique);
        if (linkOrCopy(record.localFile, target))
            urls << QUrl::fromLocalFile(target);
    }
    return urls;
}

QMimeData *mimeData(const QList<HistoryRecord> &records, const QString &folder)
{
    const QList<QUrl> urls = prepare(records, folder);
    if (urls.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setUrls(urls);
    return data;
}

} // namespace DragFiles
