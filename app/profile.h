#pragma once

#include <QDir>
#include <QString>
#include <QStringList>

// Where one profile keeps its local data: the database, original images, copied
// references, thumbnails and settings. Both programs take it from --profile DIR or the
// default profile, which the app and the CLI share. A profile given as a folder keeps
// everything inside it; the default one keeps its thumbnails (a cache, rebuilt at will) in the
// platform's cache location, out of backups of the data home.
class Profile final
{
public:
    // `cacheRoot` empty: the thumbnails live inside `rootPath` too.
    explicit Profile(const QString &rootPath, const QString &cacheRoot = {});

    // The default profile with its thumbnails in <XDG cache home>/nanobanana-studio/...
    static Profile defaultProfile();
    // The same for a given data and cache home (a test's temporary folders).
    static Profile defaultProfileIn(const QString &dataHome, const QString &cacheHome);

    // The default profile both programs use: <XDG data home>/nanobanana-studio/profiles/default
    // (~/.local/share/... unless XDG_DATA_HOME says otherwise). When it does not exist yet and
    // an older version left a default profile elsewhere, that one is moved here first, so
    // nobody loses a sign-in or a history by upgrading.
    static QString defaultRootPath();
    // The same for a given data home (a test's temporary folder); no fallback to the platform.
    static QString defaultRootPathIn(const QString &dataHome);
    // Where versions up to 0.1 kept their default profiles inside `dataHome`: Qt's
    // AppDataLocation, which differed between the app and the CLI because their application
    // names differ. The app's first: its history holds the gallery the user knows.
    static QStringList legacyDefaultRootPaths(const QString &dataHome);

    // Creates the folders if missing; false when the root cannot be written.
    bool ensureExists() const;

    QString rootPath() const { return m_root; }
    QString databasePath() const; // studio.sqlite
    QString imagesDir() const; // images/ (originals, by content hash)
    QString referencesDir() const; // refs/ (copies of submitted references)
    QString thumbnailsDir() const; // thumbs/, in the cache root when there is one
    QString dragDir() const; // drag/ (images dragged or copied out, under readable names)
    QString settingsPath() const; // settings.ini
    QString tokenFallbackPath() const; // token (0600) when no keychain service runs

private:
    QString m_root;
    QString m_cacheRoot;
};
