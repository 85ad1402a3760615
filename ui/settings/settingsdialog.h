#pragma once

#include "media/diskusage.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QUrl>
class JobQueue;
class QCheckBox;
class QComboBox;
class StudioSettings;
class ThumbnailCache;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Settings: server URL (used after a restart), the profile folder (read-only, with "open"),
// where the sign-in is kept when no keychain is, the thumbnail memory cache with "Clear
// thumbnails", how many jobs run at once, which images to keep on this computer and what they
// take on disk, the interface language and calendar (both after a restart) and the colours (at
// once).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    // What the dialog shows and changes.
    struct Services
    {
        StudioSettings &settings;
        JobQueue &jobs; // takes the new job limit at once
        ThumbnailCache &thumbnails; // takes the new memory limit at once
        QString profileFolder;
        QUrl server; // the one in use until a restart
        QString tokenNotice; // where the sign-in is kept when not in the keychain; else empty
    };

    explicit SettingsDialog(const Services &services, QWidget *parent = nullptr);

    QLineEdit *serverEdit() const { return m_server; }
    QSpinBox *jobLimit() const { return m_jobs; }
    QSpinBox *thumbnailMemory() const { return m_thumbMemory; }
    QPushButton *clearThumbnailsButton() const { return m_clearThumbs; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *calendarBox() const { return m_calendar; }
    QComboBox *coloursBox() const { return m_colours; }
    QComboBox *keepImagesBox() const { return m_keepImages; }
    QSpinBox *keepNewestSize() const { return m_keepNewest; }
    // "Images 1.2 GB (4,210 files) · thumbnails 41 MB · 120 GB free", once counted.
    QLabel *diskUsageLabel() const { return m_diskUsage; }
    QCheckBox *maskSentenceBox() const { return m_maskSentence; }

    // Validates and stores; false (with the reason shown) when the server address is bad.
    bool apply();
    // Set by apply() when the server changed: the app must restart to use it.
    bool serverChanged() const { return m_serverChanged; }

    void accept() override;

private:
    void clearThumbnails();
    void measureDisk();
    void showDiskUsage(const DiskUsage &usage);

    Services m_services;
    bool m_serverChanged = false;
    QLineEdit *m_server;
    QLabel *m_serverNote;
    QSpinBox *m_jobs;
    QSpinBox *m_thumbMemory;
    QPushButton *m_clearThumbs;
    QLabel *m_clearNote;
    QComboBox *m_language;
    QComboBox *m_calendar;
    QComboBox *m_colours;
    QComboBox *m_keepImages;
    QSpinBox *m_keepNewest;
    QLabel *m_diskUsage;
    QThreadPool m_diskPool; // the count runs here; the dialog waits for it when it closes
    QFutureWatcher<DiskUsage> m_diskWatcher;
    QCheckBox *m_maskSentence;
};
