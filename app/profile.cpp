#include "profile.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace {
Q_LOGGING_CATEGORY(lcProfile, "studio.profile")
} // namespace

Profile::Profile(const QString &rootPath, const QString &cacheRoot)
    : m_root(QDir::cleanPath(QDir(rootPath).absolutePath()))
    , m_cacheRoot(cacheRoot.isEmpty() ? QString() : QDir::cleanPath(QDir(cacheRoot).absolutePath()))
{ }

Profile Profile::defaultProfile()
{
    return defaultProfileIn(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                            QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation));
}

Profile Profile::defaultProfileIn(const QString &dataHome, const QString &cacheHome)
{
    const QString root = defaultRootPathIn(dataHome);
    const QString cacheRoot = cacheHome + QStringLiteral("/nanobanana-studio/profiles/default");
    // Thumbnails an older version made inside the profile move to the cache once (a rename;
    // on another file system they stay behind and are made again as needed).
    const QString oldThumbs = root + QStringLiteral("/thumbs");
    const QString newThumbs = cacheRoot + QStringLiteral("/thumbs");
    if (QFileInfo(oldThumbs).isDir() && !QFileInfo::exists(newThumbs) && QDir().mkpath(cacheRoot)
        && !QDir().rename(oldThumbs, newThumbs))
        qCInfo(lcProfile) << "left the old thumbnails in" << oldThumbs;
    return Profile(root, cacheRoot);
}

QString Profile::defaultRootPath()
{
    // GenericDataLocation, not AppDataLocation: the latter adds the application name, and
    // the app and the CLI would each get a profile of their own.
    return defaultRootPathIn(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
}

QStringList Profile::legacyDefaultRootPaths(const QString &dataHome)
{
    // AppDataLocation on Linux was <data home>/<organization>/<application>.
    return {dataHome + QStringLiteral("/NanoBanana/NanoBanana Studio/profiles/default"),
            dataHome + QStringLiteral("/NanoBanana/nanobanana-cli/profiles/default")};
}

QString Profile::defaultRootPathIn(const QString &dataHome)
{
    QString root = dataHome + QStringLiteral("/nanobanana-studio/profiles/default");
    if (QFileInfo::exists(root))
        return root;
    for (const QString &legacy : legacyDefaultRootPaths(dataHome)) {
        if (!QFileInfo(legacy).isDir())
            continue;
        // A rename within one data home is atomic: when the app and the CLI start together,
        // one moves the folder and the other finds it in its new place.
        if (QDir().mkpath(QFileInfo(root).path()) && QDir().rename(legacy, root)) {
            qCInfo(lcProfile) << "moved the default profile from" << legacy << "to" << root;
            return root;
        }
        if (QFileInfo::exists(root))
            return root;
        // Not movable (another file system, no permission): keep using it where it is; both
        // programs look in the same order, so they still agree.
        qCWarning(lcProfile) << "could not move the default profile from" << legacy << "to" << root
                             << "; using it where it is";
        return legacy;
    }
    return root;
}

bool Profile::ensureExists() const
{
    QDir dir;
    return dir.mkpath(m_root) && dir.mkpath(imagesDir()) && dir.mkpath(referencesDir())
           && dir.mkpath(thumbnailsDir());
}

QString Profile::databasePath() const
{
    return m_root + QStringLiteral("/studio.sqlite");
}

QString Profile::imagesDir() const
{
    return m_root + QStringLiteral("/images");
}

QString Profile::referencesDir() const
{
    return m_root + QStringLiteral("/refs");
}

QString Profile::thumbnailsDir() const
{
    return (m_cacheRoot.isEmpty() ? m_root : m_cacheRoot) + QStringLiteral("/thumbs");
}

QString Profile::dragDir() const
{
    return m_root + QStringLiteral("/drag");
}

QString Profile::settingsPath() const
{
    return m_root + QStringLiteral("/settings.ini");
}

QString Profile::tokenFallbackPath() const
{
    return m_root + QStringLiteral("/token");
}
