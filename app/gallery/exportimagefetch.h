#pragma once

#include "history/historyrecord.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class HistoryStore;
class ImageBacklog;
class ImageDownloader;
struct ApiError;
struct StoredImage;

// Before an export: downloads the images the chosen records lack (completed, not known to be
// gone), ahead of the background mirror, so that Export… does not come back short while the
// server can be reached. Progress, cancel, and one sentence for what could not be had.
class ExportImageFetch final : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        QList<HistoryRecord> records; // as given, with the files fetched now filled in
        int fetched = 0;
        int gone = 0; // gone from the server (known before, or missed now)
        int failed = 0; // could not be downloaded now
        bool offline = false; // a download found no connection
        bool cancelled = false;
    };

    ExportImageFetch(ImageDownloader &downloader, HistoryStore &store, ImageBacklog &backlog,
                     std::function<QUrl(const QString &)> resolve, QObject *parent = nullptr);

    // finished() follows, also when nothing needs fetching (on the next event-loop pass).
    void start(const QList<HistoryRecord> &records);
    void cancel();
    bool isRunning() const { return m_running; }

    // "3 images could not be included: …", or empty when every image is there.
    static QString shortfallText(const Outcome &outcome);
    static QString shortfallText(int gone, int failed, bool offline);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const ExportImageFetch::Outcome &outcome);

private:
    void stored(const QUrl &url, const StoredImage &image);
    void failed(const QUrl &url, const ApiError &error);
    void settle(const QUrl &url);
    void finishIfDone();

    ImageDownloader &m_downloader;
    HistoryStore &m_store;
    ImageBacklog &m_backlog;
    std::function<QUrl(const QString &)> m_resolve;
    Outcome m_outcome;
    QHash<QUrl, QList<int>> m_waiting; // URL -> indices in m_outcome.records
    int m_total = 0;
    bool m_running = false;
};
