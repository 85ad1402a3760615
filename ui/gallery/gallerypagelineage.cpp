// GalleryPage: the lineage of the detail's image ("Made from", "Edits of this image", the tree).

#include "gallery/gallerycore.h"
#include "gallery/gallerydetail.h"
#include "gallery/gallerypage.h"
#include "lineage/lineagereader.h"
#include "lineage/lineagestrip.h"
#include "lineage/lineagetreedialog.h"

#include <QStackedWidget>

void GalleryPage::wireLineage()
{
    auto *strip = m_detail->lineageStrip();
    connect(strip, &LineageStrip::recordChosen, this, &GalleryPage::walkTo);
    connect(strip, &LineageStrip::compareRequested, this, &GalleryPage::compareRequested);
    connect(strip, &LineageStrip::treeRequested, this, &GalleryPage::openLineageTree);
}

void GalleryPage::showLineageOf(const HistoryRecord &record)
{
    LineageReader *lineage = m_core.lineage();
    if (!lineage) {
        m_detail->lineageStrip()->setLineage(record, {}, {});
        return;
    }
    const auto sources = lineage->sources(record.rowId);
    const auto derivatives = lineage->derivatives(record.rowId);
    m_detail->lineageStrip()->setLineage(record, sources ? sources.value() : QList<LineageEntry>(),
                                         derivatives ? derivatives.value() : QList<LineageEntry>());
}

void GalleryPage::walkTo(qint64 rowId)
{
    const auto record = m_core.record(rowId);
    if (!record) {
        Q_EMIT statusMessage(record.error().userMessage);
        return;
    }
    showDetailOf(record.value());
    m_pages->setCurrentWidget(m_detail);
    m_detail->setFocus();
}

void GalleryPage::openLineageTree()
{
    LineageReader *lineage = m_core.lineage();
    if (!lineage)
        return;
    const qint64 current = m_detail->record().rowId;
    const auto nodes = lineage->tree(current);
    if (!nodes) {
        Q_EMIT statusMessage(nodes.error().userMessage);
        return;
    }
    if (!m_lineageTree) {
        m_lineageTree = new LineageTreeDialog(m_thumbnails, this);
        connect(m_lineageTree, &LineageTreeDialog::recordChosen, this, [this](qint64 rowId) {
            m_lineageTree->close();
            walkTo(rowId);
        });
        // The same path as the detail's "Edit this image": the composer's Edit page.
        connect(m_lineageTree, &LineageTreeDialog::branchRequested, this,
                [this](const QString &imagePath) {
                    m_lineageTree->close();
                    Q_EMIT editRequested(imagePath);
                });
        connect(m_lineageTree, &LineageTreeDialog::compareRequested, this,
                [this](const QString &a, const QString &b) {
                    m_lineageTree->close(); // the compare view opens in the window below
                    Q_EMIT compareRequested(a, b);
                });
    }
    m_lineageTree->setTree(nodes.value(), current);
    m_lineageTree->show();
    m_lineageTree->raise();
}
