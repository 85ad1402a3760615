#include "profile.h"

#include <QStandardPaths>

Profile::Profile(QString rootPath)
    : m_root(QDir::cleanPath(QDir(rootPath).absolutePath()))
{ }

QString Profile::defaultRootPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/profiles/default");
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
    return m_root + QStringLiteral("/thumbs");
}

QString Profile::settingsPath() const
{
    return m_root + QStringLiteral("/settings.ini");
}

QString Profile::tokenFallbackPath() const
{
    return m_root + QStringLiteral("/token");
}
