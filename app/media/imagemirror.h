#pragma once

#include "history/imagebacklog.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class HistoryStore;
class ImageDownloader;
struct ApiError;
struct StoredImage;

// How the mirror paces itself (tests shorten the pauses).
struct ImageMirrorOptions
{
    int batch = 50; // backlog rows read per query
    // Growing pauses after 429 / 5xx / a lost connection; Retry-After wins when longer.
    QList<int> backoffMs{2000, 5000, 15000, 60000, 300000};
    int attemptsPerPass = 3; // transient failures of one row before it waits for the next pass
    qint64 minFreeBytes = 500ll * 1024 * 1024; // 0: no floor
};

// Keeps the whole library on this computer: downloads the image of every completed record that
// has none locally, newest first, through the shared downloader's background lane and only
// while that lane is empty (visible cells and job results go first); tells an image the server
// no longer has from one it has not sent yet.
class ImageMirror final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle, // no account, switched off, or not started
        Running,
        Paused, // by the user
        Waiting, // backing off after 429 / 5xx
        Offline, // the connection is gone; backOnline() or the next try resumes
        LowSpace, // free space under the floor; start() looks again
        Metered, // the connection costs by the byte (where Qt can tell); waits for another
        Done, // nothing left to fetch in this pass
        LimitReached, // "Keep the newest images": the images here reached the chosen size
    };
    Q_ENUM(State)

    using Options = ImageMirrorOptions;

    // `resolve` turns a record's image URL into the URL to fetch (BackendClient's origin).
    ImageMirror(ImageDownloader &downloader, HistoryStore &store, ImageBacklog &backlog,
                std::function<QUrl(const QString &)> resolve, QString imagesDir,
                Options options = {}, QObject *parent = nullptr);

    void setAccount(const QString &accountId);
    // "Keep on this computer: only images I open" switches it off: no image file is kept, so
    // the records stay "not kept". Where the downloader makes thumbnails, it still runs and
    // keeps each record's gallery thumbnail only, keyed by thumbnailKey(); without, it idles.
    // On again starts a pass.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // The ThumbnailCache key of a record kept as a thumbnail only (no file, so no path): its
    // image URL as the server wrote it.
    static QString thumbnailKey(const QString &imageUrl) { return imageUrl; }
    // "Keep the newest images up to N GB": the mirror (newest first) stops keeping files once
    // the images on disk reach `bytes` (the older records get their thumbnails only, as when
    // switched off); 0 keeps every image. Nothing is deleted to make room.
    void setByteLimit(qint64 bytes);
    qint64 byteLimit() const { return m_byteLimit; }
    qint64 bytesHere() const { return m_bytesHere; } // counted only while there is a limit

    // Reads the backlog again from the newest record (after a sync, at start, back online).
    void start();
    void pause();
    void resume();
    void backOnline();
    // A metered connection holds the mirror (its downloads run on; nothing new starts).
    void setMetered(bool metered);

    State state() const { return m_state; }
    qint64 done() const { return m_counts.here; }
    qint64 total() const { return m_counts.withImage - m_counts.gone; }
    const BacklogCounts &counts() const { return m_counts; }
    // This pass: images stored, marked gone, given up on (until the next pass).
    int downloadedThisPass() const { return m_downloaded; }
    int goneThisPass() const { return m_gone; }
    int failedThisPass() const { return m_failed; }
    int thumbnailsOnlyThisPass() const { return m_thumbnailsMade; } // kept without their file
    // Seconds until the next try while Waiting, else 0.
    int retryInSeconds() const;

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    void stateChanged(ImageMirror::State state);
    void imageSaved(qint64 rowId);
    void imageGone(qint64 rowId);
    // Its thumbnail is on disk, its file is not (only images I open, past the size limit).
    void thumbnailSaved(qint64 rowId);
    // The pass reached the end of the backlog (Done).
    void passFinished();

private:
    struct InFlight
    {
        BacklogItem item;
        QString host;
    };

    void setState(State state);
    // Running, or what holds it back (user's pause, metered connection).
    State goState() const;
    void scheduleFeed();
    void feed();
    bool refill();
    bool freeSpaceLow() const;
    bool makesThumbnails() const;
    bool runs() const; // an account, and files or thumbnails to keep
    bool keepsFiles() const; // false: thumbnails only, by choice or past the size limit
    bool hasThumbnail(const BacklogItem &item) const;
    void recount();
    void stored(const QUrl &url, const StoredImage &image);
    void failed(const QUrl &url, const ApiError &error);
    void missed(const InFlight &entry);
    void confirmGone(qint64 rowId);
    void backOff(const ApiError &error);
    void finishPass();

    ImageDownloader &m_downloader;
    HistoryStore &m_store;
    ImageBacklog &m_backlog;
    std::function<QUrl(const QString &)> m_resolve;
    QString m_imagesDir;
    Options m_options;
    QString m_accountId;
    bool m_enabled = true;
    bool m_limitReached = false; // in this pass: the rest got thumbnails only
    qint64 m_byteLimit = 0;
    qint64 m_bytesHere = 0;
    bool m_paused = false;
    bool m_metered = false;
    bool m_feedQueued = false;
    State m_state = State::Idle;
    BacklogCounts m_counts;

    std::optional<BacklogCursor> m_cursor; // where the next backlog page starts
    bool m_backlogEnd = false;
    QList<BacklogItem> m_pending; // read from the backlog, not handed to the downloader yet
    QHash<QUrl, InFlight> m_inFlight;
    QSet<qint64> m_skip; // rows given up on in this run (an unverified miss, a refused file)
    QHash<qint64, int> m_attempts; // transient failures per row in this pass
    // A miss is verified when a row misses twice (two runs), or when another image from the
    // same host is stored in the same run: the host serves images, so this one is really gone
    // and not hidden behind an outage's fallback page. Unverified misses wait here per host.
    QSet<QString> m_servingHosts;
    QHash<QString, QList<qint64>> m_unverifiedMisses;
    QTimer m_retry;
    int m_backoffStep = 0;
    int m_downloaded = 0;
    int m_gone = 0;
    int m_failed = 0;
    int m_thumbnailsMade = 0;
};
