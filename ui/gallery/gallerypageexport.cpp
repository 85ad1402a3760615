// GalleryPage's Export…: the images the chosen records lack are fetched first when the app
// can (ExportImageFetch), then the records and their images are written off the UI thread.
#include "gallery/exportimagefetch.h"
#include "gallery/gallerydetail.h"
#include "gallery/galleryexport.h"
#include "gallery/gallerypage.h"
#include "models/gallerymodel.h"
#include "threading/pool.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <utility>

void GalleryPage::setImageFetch(ExportImageFetch *fetch)
{
    m_fetch = fetch;
    if (!fetch)
        return;
    watchCompareFetch(fetch);
    connect(fetch, &ExportImageFetch::progress, this, [this](int done, int total) {
        if (!m_exportFolder.isEmpty())
            Q_EMIT statusMessage(tr("Fetching the images to export · %1 of %2…")
                                     .arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(fetch, &ExportImageFetch::finished, this,
            [this](const ExportImageFetch::Outcome &outcome) {
                const QString folder = std::exchange(m_exportFolder, {});
                if (folder.isEmpty())
                    return; // not an export of this page
                if (outcome.cancelled) {
                    Q_EMIT statusMessage(tr("Export cancelled."));
                    return;
                }
                writeExport(outcome.records, folder, ExportImageFetch::shortfallText(outcome));
            });
}

void GalleryPage::exportSelection()
{
    if (m_export.isRunning() || !m_exportFolder.isEmpty()) {
        Q_EMIT statusMessage(tr("An export is still running."));
        return;
    }
    QList<HistoryRecord> records;
    const auto rowIds = isDetailOpen() ? QList<qint64>{m_detail->record().rowId} : targetRows();
    for (const qint64 rowId : rowIds)
        if (const auto *r = m_model->recordAt(m_model->rowOfRecord(rowId)))
            records << *r;
    if (records.isEmpty()) {
        Q_EMIT statusMessage(tr("Select the images to export first."));
        return;
    }
    const QString folder = m_dialogs.chooseFolder ? m_dialogs.chooseFolder(this) : QString();
    if (folder.isEmpty())
        return;
    if (m_fetch && !m_fetch->isRunning()) {
        m_exportFolder = folder; // finished() writes the export
        m_fetch->start(records);
        return;
    }
    writeExport(records, folder, {});
}

void GalleryPage::writeExport(const QList<HistoryRecord> &records, const QString &folder,
                              const QString &shortfall)
{
    // Copying many originals takes a while: off the UI thread, reported when done.
    m_export.setFuture(runInPool(m_exportPool, [records, folder, shortfall] {
        const auto done = GalleryExport::exportRecords(records, folder);
        if (!done)
            return done.error().userMessage;
        const auto &s = done.value();
        QString text =
            QObject::tr("Exported %n images and %1 to %2.", nullptr, s.images)
                .arg(QFileInfo(s.sidecarPath).fileName(), QDir::toNativeSeparators(folder));
        if (!shortfall.isEmpty())
            text += u' ' + shortfall;
        else if (s.withoutFile > 0)
            text += u' '
                    + QObject::tr("%n of them had no image on this computer yet.", nullptr,
                                  s.withoutFile);
        return text;
    }));
}
