#pragma once

#include <QDir>
#include <QString>

// Where one profile keeps its local data: the database, original images, copied
// references, thumbnails and settings. Both programs take it from --profile DIR or the
// platform's app-data location.
class Profile final
{
public:
    explicit Profile(QString rootPath);

    // The platform default (QStandardPaths::AppDataLocation/profiles/default).
    static QString defaultRootPath();

    // Creates the folders if missing; false when the root cannot be written.
    bool ensureExists() const;

    QString rootPath() const { return m_root; }
    QString databasePath() const; // studio.sqlite
    QString imagesDir() const; // images/ (originals, by content hash)
    QString referencesDir() const; // refs/ (copies of submitted references)
    QString thumbnailsDir() const; // thumbs/
    QString settingsPath() const; // settings.ini
    QString tokenFallbackPath() const; // token (0600) when no keychain service runs

private:
    QString m_root;
};
