#include "media/referencecopy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

Result<QString> copyReferenceIntoProfile(const QString &path, const QString &referencesDir)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::make(ApiError::Kind::Local, UserMessage::of("jobs.referenceUnreadable",
                                                                     {shown, file.errorString()}));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return ApiError::make(ApiError::Kind::Local,
                              UserMessage::of("jobs.referenceReadFailed", {shown}));
    const auto suffix = QFileInfo(path).suffix().toLower();
    const QString name =
        QString::fromLatin1(hash.result().toHex()) + (suffix.isEmpty() ? QString() : u'.' + suffix);
    QDir().mkpath(referencesDir);
    const auto target = QDir(referencesDir).filePath(name);
    if (!QFileInfo::exists(target) && !QFile::copy(path, target))
        return ApiError::make(ApiError::Kind::Local,
                              UserMessage::of("jobs.referenceCopyFailed", {shown}));
    return target;
}

Result<QStringList> copyReferencesIntoProfile(const QStringList &paths,
                                              const QString &referencesDir)
{
    QStringList copies;
    for (const auto &path : paths) {
        auto copied = copyReferenceIntoProfile(path, referencesDir);
        if (!copied)
            return copied.error();
        copies.append(copied.value());
    }
    return copies;
}
