// GalleryPage's ways into the compare view (ui/compare): two selected cards (menu, C, the
// filter bar's button), a brush edit's combined image and the server's own result (the detail),
// and compareRecords for any two records. Images not on this computer yet are fetched first.
#include "compare/compareview.h"
#include "gallery/exportimagefetch.h"
#include "gallery/gallerycore.h"
#include "gallery/gallerydetail.h"
#include "gallery/galleryfilterbar.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerypage.h"
#include "models/gallerymodel.h"

#include <QFileInfo>
#include <QStackedWidget>
#include <QToolButton>

#include <algorithm>

namespace {

bool hasFile(const HistoryRecord &record)
{
    return !record.localFile.isEmpty() && QFileInfo::exists(record.localFile);
}

// What a side says while it has no picture, and whether fetching can bring one.
QString missingText(const HistoryRecord &record, bool *fetchable)
{
    *fetchable = false;
    if (record.status == ImageStatus::Pending)
        return GalleryPage::tr("This image is still being made.");
    if (record.status == ImageStatus::Failed)
        return GalleryPage::tr("This generation failed: %1").arg(record.errorText());
    if (record.imageGone || record.imageUrl.isEmpty())
        return GalleryPage::tr("This image is gone from the server, and there is no copy on "
                               "this computer.");
    *fetchable = true;
    return GalleryPage::tr("Loading…");
}

CompareItem itemOf(const HistoryRecord &record, const QString &title, bool *fetchable)
{
    CompareItem item;
    item.title = title;
    item.prompt = record.prompt;
    item.created = record.createdAt();
    item.key = record.rowId;
    *fetchable = false;
    if (hasFile(record))
        item.file = record.localFile;
    else
        item.text = missingText(record, fetchable);
    return item;
}

// Why a fetched side still has no picture (the outcome counts, it does not say whose).
QString fetchFailedText(const ExportImageFetch::Outcome &outcome)
{
    if (outcome.offline)
        return GalleryPage::tr("This image is not on this computer, and the server cannot be "
                               "reached now.");
    if (outcome.failed == 0 && outcome.gone > 0)
        return GalleryPage::tr("This image is gone from the server, and there is no copy on "
                               "this computer.");
    return GalleryPage::tr("This image could not be downloaded; try again later.");
}

} // namespace

void GalleryPage::setUpCompare()
{
    connect(m_grid, &GalleryGrid::compareRequested, this, &GalleryPage::compareSelection);
    connect(m_filters, &GalleryFilterBar::compareRequested, this, &GalleryPage::compareSelection);
    connect(m_detail, &GalleryDetail::compareServerResultRequested, this,
            &GalleryPage::compareServerResult);
    connect(this, &GalleryPage::refreshed, this, &GalleryPage::refreshCompare);
    // An edit and its source with one click, from the detail's "Made from" or the tree.
    connect(this, &GalleryPage::compareRequested, this, &GalleryPage::compareRecords);
    // The filter bar's Compare takes exactly two selected cards.
    const auto selectionCounted = [this] {
        m_filters->compareButton()->setEnabled(m_grid->selectedRowIds().size() == 2);
    };
    connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            selectionCounted);
    selectionCounted();
}

void GalleryPage::watchCompareFetch(ExportImageFetch *fetch)
{
    connect(fetch, &ExportImageFetch::finished, this,
            [this](const ExportImageFetch::Outcome &outcome) {
                if (!std::exchange(m_compareFetching, false) || !m_compare)
                    return; // an export's
                for (const HistoryRecord &r : outcome.records) {
                    const auto side = m_compare->sideOf(r.rowId);
                    if (!side)
                        continue;
                    if (hasFile(r))
                        m_compare->setFile(*side, r.localFile);
                    else
                        m_compare->setMissingText(*side, fetchFailedText(outcome));
                }
            });
}

bool GalleryPage::isCompareOpen() const
{
    return m_compare && m_pages->currentWidget() == m_compare;
}

void GalleryPage::compareSelection()
{
    const QList<qint64> rows = m_grid->selectedRowIds();
    if (rows.size() != 2) {
        Q_EMIT statusMessage(tr("Select exactly two images to compare."));
        return;
    }
    // The older one first: A before, B after.
    const auto a = m_core.record(rows.at(0));
    const auto b = m_core.record(rows.at(1));
    if (!a || !b)
        return;
    const bool aFirst = a.value().createdAtMs <= b.value().createdAtMs;
    compareRows(aFirst ? rows.at(0) : rows.at(1), aFirst ? rows.at(1) : rows.at(0));
}

bool GalleryPage::compareRows(qint64 rowIdA, qint64 rowIdB)
{
    const auto a = m_core.record(rowIdA);
    const auto b = m_core.record(rowIdB);
    if (!a || !b) {
        Q_EMIT statusMessage(tr("That image is no longer in the local history."));
        return false;
    }
    bool fetchA = false;
    bool fetchB = false;
    const CompareItem itemA = itemOf(a.value(), tr("A"), &fetchA);
    const CompareItem itemB = itemOf(b.value(), tr("B"), &fetchB);
    openCompare(itemA, itemB, {a.value(), b.value()});
    QList<HistoryRecord> wanted;
    if (fetchA)
        wanted << a.value();
    if (fetchB)
        wanted << b.value();
    if (wanted.isEmpty())
        return true;
    if (m_fetch && !m_fetch->isRunning()) {
        m_compareFetching = true; // finished() hands the files over (watchCompareFetch)
        m_fetch->start(wanted);
    } else {
        // Busy with an export: the visible-first downloads bring them, and refresh() sees them.
        QList<qint64> ids;
        for (const HistoryRecord &r : std::as_const(wanted))
            ids << r.rowId;
        Q_EMIT imagesWanted(ids);
    }
    return true;
}

void GalleryPage::compareRecords(const QString &recordIdA, const QString &recordIdB)
{
    const auto a = recordForId(recordIdA);
    const auto b = recordForId(recordIdB);
    if (!a || !b) {
        Q_EMIT statusMessage(tr("That image is no longer in the local history."));
        return;
    }
    compareRows(a->rowId, b->rowId);
}

std::optional<HistoryRecord> GalleryPage::recordForId(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    // A server id first (24 hex digits may all be decimal ones), then a row id.
    if (const auto r = m_core.record(id))
        return r.value();
    bool number = false;
    const qint64 rowId = id.toLongLong(&number);
    const auto r = number ? m_core.record(rowId) : Result<HistoryRecord>(ApiError::cancelled());
    return r ? std::optional<HistoryRecord>(r.value()) : std::nullopt;
}

void GalleryPage::compareServerResult()
{
    const HistoryRecord &record = m_detail->record();
    const QString server = m_detail->serverResultFile();
    if (!hasFile(record) || server.isEmpty())
        return;
    CompareItem combined;
    combined.title = tr("Combined");
    combined.prompt = record.prompt;
    combined.created = record.createdAt();
    combined.file = record.localFile;
    CompareItem own = combined;
    own.title = tr("Server's result");
    own.file = server;
    openCompare(combined, own, {});
}

void GalleryPage::openCompare(const CompareItem &a, const CompareItem &b,
                              const QList<HistoryRecord> &rows)
{
    if (!m_compare) {
        m_compare = new CompareView(this);
        m_pages->addWidget(m_compare);
        connect(m_compare, &CompareView::closeRequested, this, &GalleryPage::closeCompare);
    }
    if (!isCompareOpen())
        m_compareReturnTo = m_pages->currentWidget();
    m_compareRows.clear();
    for (const HistoryRecord &r : rows)
        m_compareRows << r.rowId;
    m_compareFetching = false; // a fetch for an earlier comparison answers no one now
    m_compare->setItems(a, b);
    m_pages->setCurrentWidget(m_compare);
    m_compare->setFocus();
}

void GalleryPage::closeCompare()
{
    if (!isCompareOpen())
        return;
    m_pages->setCurrentWidget(m_compareReturnTo ? m_compareReturnTo : m_pages->widget(0));
    if (isDetailOpen())
        m_detail->setFocus();
    else
        m_grid->setFocus();
}

void GalleryPage::refreshCompare()
{
    // A side waiting for its download: the history now says where the file is.
    if (!isCompareOpen())
        return;
    for (const qint64 rowId : std::as_const(m_compareRows)) {
        const auto side = m_compare->sideOf(rowId);
        if (!side || !m_compare->item(*side).file.isEmpty())
            continue;
        if (const auto r = m_core.record(rowId); r && hasFile(r.value()))
            m_compare->setFile(*side, r.value().localFile);
    }
}
