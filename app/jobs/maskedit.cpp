#include "jobs/maskedit.h"

#include "jobs/jobmessages.h"
#include "media/imagestore.h"
#include "media/maskimage.h"
#include "media/referencecopy.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QLoggingCategory>
#include <QSaveFile>

using namespace JobMessages;

namespace {
Q_LOGGING_CATEGORY(lcMaskEdit, "studio.jobs.mask")

// Fixed on purpose: the same words every time, so the model (and a person reading the history)
// learns one phrasing.
const QString kEnglish = QStringLiteral(
    "Change only the area highlighted in red in the second image; keep everything else exactly "
    "as it is in the first image.");
const QString kPersian = QStringLiteral(
    "فقط ناحیهٔ قرمزشده در تصویر دوم را تغییر بده؛ بقیهٔ تصویر را دقیقاً مانند تصویر اول نگه دار.");

const QString kServerResultKey = QStringLiteral("NanoBanana-ServerResult");

QImage readImage(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

} // namespace

bool MaskEdit::isMostlyArabicScript(const QString &text)
{
    int arabic = 0;
    int letters = 0;
    for (const QChar c : text) {
        if (!c.isLetter())
            continue;
        ++letters;
        if (c.script() == QChar::Script_Arabic)
            ++arabic;
    }
    return letters > 0 && arabic * 2 > letters;
}

QString MaskEdit::sentenceFor(const QString &prompt)
{
    return isMostlyArabicScript(prompt) ? kPersian : kEnglish;
}

QString MaskEdit::withSentence(const QString &prompt)
{
    QString trimmed = prompt.trimmed();
    if (trimmed.endsWith(kEnglish) || trimmed.endsWith(kPersian))
        return trimmed;
    return trimmed + QStringLiteral("\n\n") + sentenceFor(trimmed);
}

QString MaskEdit::withoutSentence(const QString &prompt)
{
    QString trimmed = prompt.trimmed();
    for (const auto &sentence : {kEnglish, kPersian})
        if (trimmed.endsWith(sentence))
            return trimmed.chopped(sentence.size()).trimmed();
    return trimmed;
}

QString MaskEdit::highlightPathFor(const JobRequest &request)
{
    const QString original = request.referencePaths.value(0);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QFileInfo(original).fileName().toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(QFileInfo(request.maskPath).fileName().toUtf8());
    return QFileInfo(request.maskPath)
        .absoluteDir()
        .filePath(QStringLiteral("highlight-") + QString::fromLatin1(hash.result().toHex())
                  + u".png");
}

Result<QStringList> MaskEdit::uploadPaths(const JobRequest &request)
{
    if (!request.isBrushEdit() || request.referencePaths.isEmpty())
        return request.referencePaths;
    const QString original = request.referencePaths.constFirst();
    const QString target = highlightPathFor(request);
    if (!QFileInfo::exists(target)) {
        const QImage image = readImage(original);
        const QImage mask = readImage(request.maskPath);
        if (image.isNull() || mask.isNull())
            return ApiError::make(
                ApiError::Kind::Local,
                said("jobs.maskUnreadable",
                     {QDir::toNativeSeparators(image.isNull() ? original : request.maskPath)}));
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly)
            || !MaskImage::highlighted(image, mask).save(&file, "PNG") || !file.commit())
            return ApiError::make(ApiError::Kind::Local,
                                  said("jobs.maskHighlightFailed",
                                       {QDir::toNativeSeparators(target), file.errorString()}));
    }
    QStringList paths{original, target};
    paths += request.referencePaths.mid(1);
    return paths;
}

Result<QString> MaskEdit::copyMaskIntoProfile(const QString &maskPath, const QString &referencesDir)
{
    if (maskPath.isEmpty())
        return QString();
    if (QImageReader(maskPath).size().isEmpty())
        return ApiError::make(ApiError::Kind::Validation,
                              said("jobs.maskUnreadable", {QDir::toNativeSeparators(maskPath)}));
    return copyReferenceIntoProfile(maskPath, referencesDir);
}

StoredImage MaskEdit::finishResult(Job &job, const StoredImage &serverResult)
{
    const auto &request = job.request;
    if (!request.isBrushEdit() || !request.keepUnmasked || request.referencePaths.isEmpty())
        return serverResult;
    const QImage combined =
        MaskImage::keepUnmasked(readImage(request.referencePaths.constFirst()),
                                readImage(serverResult.path), readImage(request.maskPath));
    if (combined.isNull()) {
        qCWarning(lcMaskEdit) << "job" << job.id << "could not be combined; the server's result "
                              << "is shown as it came";
        return serverResult;
    }
    // images/ab/abcdef….png: the store's folder is two levels up from the server's file.
    QDir imagesDir = QFileInfo(serverResult.path).absoluteDir();
    imagesDir.cdUp();
    // The combined file names the server's own (relative, so a moved profile still finds it):
    // whoever shows the record can offer both without asking the database.
    QImage tagged = combined;
    tagged.setText(kServerResultKey, imagesDir.relativeFilePath(serverResult.path));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Light compression: this runs when the result arrives, and a 4K picture at zlib level 9
    // takes seconds to write.
    tagged.save(&buffer, "PNG", 80);
    const auto stored =
        ImageStore(imagesDir.absolutePath())
            .store(bytes, {QByteArrayLiteral("png"), combined.width(), combined.height()});
    if (!stored) {
        qCWarning(lcMaskEdit) << "job" << job.id << "combined image not saved"
                              << stored.error().userMessage;
        return serverResult;
    }
    job.serverImagePath = serverResult.path;
    return stored.value();
}

QString MaskEdit::serverResultBeside(const QString &localFile)
{
    if (!localFile.endsWith(u".png", Qt::CaseInsensitive))
        return {};
    QImageReader reader(localFile);
    const QString relative = reader.text(kServerResultKey);
    if (relative.isEmpty() || relative.contains(u"..") || QDir::isAbsolutePath(relative))
        return {};
    QDir imagesDir = QFileInfo(localFile).absoluteDir();
    imagesDir.cdUp();
    const QString path = imagesDir.filePath(relative);
    return QFileInfo::exists(path) ? path : QString();
}
