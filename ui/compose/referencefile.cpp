#include "compose/referencefile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReferenceFile", text);
}

QString quoted(const QString &path)
{
    return u"“"_s + QFileInfo(path).fileName() + u"”"_s;
}

} // namespace

ReferenceFile inspectReferenceFile(const QString &path, const QStringList &attached)
{
    const QFileInfo info(path);
    ReferenceFile file;
    file.path = info.absoluteFilePath();
    if (!info.exists()) {
        file.refusal =
            tr("%1 could not be found; it may have been moved or deleted.").arg(quoted(path));
        return file;
    }
    const QString canonical = info.canonicalFilePath();
    for (const QString &other : attached) {
        if (QFileInfo(other).canonicalFilePath() == canonical) {
            file.refusal = tr("%1 is already attached.").arg(quoted(path));
            return file;
        }
    }
    // Only the header is read; the pixels are decoded later, off the UI thread.
    QImageReader reader(path);
    if (info.isDir() || !reader.canRead()) {
        file.refusal =
            tr("%1 is not an image that can be read (use PNG, JPEG or WebP).").arg(quoted(path));
        return file;
    }
    file.pixelSize = reader.size();
    file.bytes = info.size();
    return file;
}

QString referenceImageFilter()
{
    QStringList patterns;
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QByteArray &format : formats) {
        const QString name = QString::fromLatin1(format).toLower();
        if (name != u"svg" && name != u"svgz" && name != u"pdf")
            patterns << u"*."_s + name;
    }
    return tr("Images (%1)").arg(patterns.join(u' '));
}
