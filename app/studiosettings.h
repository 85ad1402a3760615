#pragma once

#include <QSettings>
#include <QUrl>

// The profile's settings.ini: what the user chose, never secrets (the token lives in the
// keychain or the owner-only token file).
class StudioSettings final
{
public:
    explicit StudioSettings(const QString &path);

    static QUrl defaultServer(); // http://localhost:2000

    QUrl server() const;
    void setServer(const QUrl &origin);
    int maxJobsInFlight() const; // default 2
    void setMaxJobsInFlight(int jobs);
    int thumbnailMemoryMiB() const; // default 96
    void setThumbnailMemoryMiB(int mib);
    // "Keep on this computer": every image (ImageMirror saves the whole library), the newest
    // images up to a size, or only the images the user opens (and the cells that come into
    // view).
    enum class KeepImages { Every, OnlyOpened, Newest };
    KeepImages keepImages() const; // default Every
    void setKeepImages(KeepImages keep);
    int keepNewestGB() const; // default 10: the size "the newest images" stops at
    void setKeepNewestGB(int gb);
    // A brush edit adds one sentence about the highlighted area to the prompt (default on).
    bool addMaskSentence() const;
    void setAddMaskSentence(bool add);
    bool keychainNoticeShown() const;
    void setKeychainNoticeShown(bool shown);
    // "system" (default), "light" or "dark".
    QString colourScheme() const;
    void setColourScheme(const QString &scheme);
    // Opaque blobs from the widgets (QMainWindow::saveGeometry and saveState, a splitter's
    // saveState) under `key`; empty when never saved.
    QByteArray windowState(const QString &key) const;
    void setWindowState(const QString &key, const QByteArray &state);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};
