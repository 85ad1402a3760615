#include "gallery/exportimagefetch.h"

#include "domain/apierror.h"
#include "history/historystore.h"
#include "history/imagebacklog.h"
#include "media/imagedownloader.h"

ExportImageFetch::ExportImageFetch(ImageDownloader &downloader, HistoryStore &store,
                                   ImageBacklog &backlog,
                                   std::function<QUrl(const QString &)> resolve, QObject *parent)
    : QObject(parent)
    , m_downloader(downloader)
    , m_store(store)
    , m_backlog(backlog)
    , m_resolve(std::move(resolve))
{
    connect(&m_downloader, &ImageDownloader::imageStored, this, &ExportImageFetch::stored);
    connect(&m_downloader, &ImageDownloader::imageFailed, this, &ExportImageFetch::failed);
}

void ExportImageFetch::start(const QList<HistoryRecord> &records)
{
    cancel();
    m_outcome = Outcome{records};
    m_waiting.clear();
    m_running = true;
    for (int i = 0; i < int(records.size()); ++i) {
        const HistoryRecord &r = records.at(i);
        if (!r.localFile.isEmpty() || r.status != ImageStatus::Completed || r.imageUrl.isEmpty())
            continue;
        if (r.imageGone) {
            ++m_outcome.gone;
            continue;
        }
        const QUrl url = m_resolve(r.imageUrl);
        if (!url.isValid() || url.isRelative()) {
            ++m_outcome.failed;
            continue;
        }
        m_waiting[url].append(i);
    }
    m_total = int(m_waiting.size());
    // The user waits for these: they go in the results' lane, ahead of the background mirror.
    const QList<QUrl> urls = m_waiting.keys();
    for (const QUrl &url : urls)
        m_downloader.fetch(url, ImageDownloader::Priority::JobResult);
    Q_EMIT progress(0, m_total);
    QMetaObject::invokeMethod(this, &ExportImageFetch::finishIfDone, Qt::QueuedConnection);
}

void ExportImageFetch::cancel()
{
    if (!m_running)
        return;
    // Only the URLs nobody else waits for would be worth aborting; the downloader cannot tell,
    // so they finish and are kept (the mirror would fetch them anyway).
    m_outcome.cancelled = true;
    m_outcome.failed += int(m_waiting.size());
    m_waiting.clear();
    finishIfDone();
}

void ExportImageFetch::stored(const QUrl &url, const StoredImage &image)
{
    const auto it = m_waiting.constFind(url);
    if (it == m_waiting.cend())
        return;
    for (const int index : it.value()) {
        HistoryRecord &r = m_outcome.records[index];
        if (m_store.fillLocalFile(r.rowId, image.path, image.size, image.width, image.height)) {
            r.localFile = image.path;
            r.fileSize = image.size;
            r.width = image.width;
            r.height = image.height;
        }
    }
    ++m_outcome.fetched;
    settle(url);
}

void ExportImageFetch::failed(const QUrl &url, const ApiError &error)
{
    const auto it = m_waiting.constFind(url);
    if (it == m_waiting.cend())
        return;
    if (error.kind == ApiError::Kind::NotFound || error.message.code == u"api.imageMissing") {
        // The server said so; the mirror's rule decides when it is marked gone for good.
        for (const int index : it.value())
            m_backlog.recordMiss(m_outcome.records.at(index).rowId);
        ++m_outcome.gone;
    } else {
        m_outcome.offline |= error.kind == ApiError::Kind::Network;
        ++m_outcome.failed;
    }
    settle(url);
}

void ExportImageFetch::settle(const QUrl &url)
{
    m_waiting.remove(url);
    Q_EMIT progress(m_total - int(m_waiting.size()), m_total);
    finishIfDone();
}

void ExportImageFetch::finishIfDone()
{
    if (!m_running || !m_waiting.isEmpty())
        return;
    m_running = false;
    Q_EMIT finished(m_outcome);
}

QString ExportImageFetch::shortfallText(const Outcome &outcome)
{
    return shortfallText(outcome.gone, outcome.failed, outcome.offline);
}

QString ExportImageFetch::shortfallText(int gone, int failed, bool offline)
{
    if (gone + failed == 0)
        return {};
    // Only the reasons that apply: "3 images could not be included: 3 gone from the server."
    QStringList reasons;
    if (gone > 0)
        reasons << tr("%n gone from the server", nullptr, gone);
    if (failed > 0)
        reasons << (offline ? tr("%n not downloaded because the server could not be reached",
                                 nullptr, failed)
                            : tr("%n not downloaded (the server refused or failed; try again "
                                 "later)",
                                 nullptr, failed));
    return tr("%n images could not be included: %1.", nullptr, gone + failed)
        .arg(reasons.join(QStringLiteral("; ")));
}

// Compiled here rather than in studio_core's shared mocs_compilation unit (see
// thumbnailcache.cpp).
#include "moc_exportimagefetch.cpp"
