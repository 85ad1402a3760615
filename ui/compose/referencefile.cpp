#include "compose/referencefile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace {

// A free function has no tr() that lupdate reads: the sentences are marked here for lupdate and
// put into words by translated() where they are used.
//: a file name inside a sentence
const char *const kQuoted = QT_TRANSLATE_NOOP("ReferenceFile", "“%1”");
const char *const kNotFound =
    QT_TRANSLATE_NOOP("ReferenceFile", "%1 could not be found; it may have been moved or deleted.");
const char *const kAlreadyAttached = QT_TRANSLATE_NOOP("ReferenceFile", "%1 is already attached.");
const char *const kUnreadable = QT_TRANSLATE_NOOP(
    "ReferenceFile", "%1 is not an image that can be read (use PNG, JPEG or WebP).");
const char *const kFilter = QT_TRANSLATE_NOOP("ReferenceFile", "Images (%1)");

QString translated(const char *source)
{
    return QCoreApplication::translate("ReferenceFile", source);
}

// Each language quotes in its own marks (Persian: «name.png»).
QString quoted(const QString &path)
{
    return translated(kQuoted).arg(QFileInfo(path).fileName());
}

} // namespace

ReferenceFile inspectReferenceFile(const QString &path, const QStringList &attached)
{
    const QFileInfo info(path);
    ReferenceFile file;
    file.path = info.absoluteFilePath();
    if (!info.exists()) {
        file.refusal = translated(kNotFound).arg(quoted(path));
        return file;
    }
    const QString canonical = info.canonicalFilePath();
    for (const QString &other : attached) {
        if (QFileInfo(other).canonicalFilePath() == canonical) {
            file.refusal = translated(kAlreadyAttached).arg(quoted(path));
            return file;
        }
    }
    // Only the header is read; the pixels are decoded later, off the UI thread.
    QImageReader reader(path);
    if (info.isDir() || !reader.canRead()) {
        file.refusal = translated(kUnreadable).arg(quoted(path));
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
    return translated(kFilter).arg(patterns.join(u' '));
}
