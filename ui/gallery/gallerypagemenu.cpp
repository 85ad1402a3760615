// GalleryPage's right-click menu on the grid, the cards' accessible actions, copying cards to
// the clipboard, dragging the detail's picture out and the opening of a detail's references:
// kept apart from gallerypage.cpp, which holds the layout and the other actions.
#include "gallery/dragfiles.h"
#include "gallery/gallerycore.h"
#include "gallery/gallerydetail.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerygridmenu.h"
#include "gallery/gallerypage.h"
#include "gallery/imageviewer.h"
#include "history/historyrecord.h"
#include "models/gallerymodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDrag>
#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QMimeData>
#include <QUrl>

#include <memory>

QMenu *GalleryPage::createGridMenu(QWidget *parent)
{
    QList<HistoryRecord> records;
    for (const qint64 rowId : targetRows())
        if (const auto *r = m_model->recordAt(m_model->rowOfRecord(rowId)))
            records << *r;
    if (records.isEmpty())
        return nullptr;
    GalleryGridMenu::Handlers handlers;
    handlers.toggleFavorite = [this] { toggleFavorite(targetRows()); };
    handlers.exportImages = [this] { exportSelection(); };
    handlers.hide = [this] { hide(targetRows()); };
    handlers.compare = [this] { compareSelection(); };
    if (records.size() == 1) {
        const HistoryRecord record = records.first();
        handlers.open = [this, rowId = record.rowId] {
            const int row = m_model->rowOfRecord(rowId);
            if (row >= 0)
                openDetail(m_model->index(row));
        };
        handlers.regenerate = [this, record] {
            Q_EMIT regenerateRequested(m_core.regenerate(record));
        };
        handlers.saveAs = [this, record] { saveRecordAs(record); };
    }
    return GalleryGridMenu::create(records, handlers, parent);
}

void GalleryPage::showGridMenu(const QPoint &pos)
{
    // A right-click on a card outside the selection chooses that card, as file managers do.
    const QModelIndex index = m_grid->indexAt(pos);
    if (index.isValid() && !m_grid->selectionModel()->isSelected(index))
        m_grid->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    std::unique_ptr<QMenu> menu(createGridMenu(this));
    if (!menu)
        menu = std::make_unique<QMenu>(this);
    else
        menu->addSeparator();
    menu->addAction(m_goToDate);
    menu->exec(m_grid->viewport()->mapToGlobal(pos));
}

void GalleryPage::runCardAction(qint64 rowId, GalleryCardItems::CardAction action)
{
    using Action = GalleryCardItems::CardAction;
    const int row = m_model->rowOfRecord(rowId);
    const HistoryRecord *record = m_model->recordAt(row);
    if (!record)
        return;
    switch (action) {
    case Action::Open:
        openDetail(m_model->index(row));
        break;
    case Action::ToggleFavorite:
        toggleFavorite({rowId});
        break;
    case Action::Regenerate:
        Q_EMIT regenerateRequested(m_core.regenerate(*record));
        break;
    case Action::Edit:
        Q_EMIT editRequested(record->localFile);
        break;
    case Action::UseAsReference:
        Q_EMIT useAsReferenceRequested(record->localFile);
        break;
    case Action::Hide:
        hide({rowId});
        break;
    }
}

void GalleryPage::openReference(const QString &localPath, const QString &url)
{
    const QUrl target = !localPath.isEmpty() && QFileInfo::exists(localPath)
                            ? QUrl::fromLocalFile(localPath)
                            : m_core.resolveImageUrl(url);
    if (!target.isValid() || target.isEmpty()) {
        Q_EMIT statusMessage(tr("This reference is not on this computer and has no address."));
        return;
    }
    if (!m_dialogs.openUrl || !m_dialogs.openUrl(target))
        Q_EMIT statusMessage(tr("Could not open %1.").arg(target.toDisplayString()));
}

void GalleryPage::copySelection()
{
    if (isDetailOpen()) {
        copyImage();
        return;
    }
    QList<HistoryRecord> records;
    for (const qint64 rowId : targetRows())
        if (const auto *r = m_model->recordAt(m_model->rowOfRecord(rowId));
            r && !r->localFile.isEmpty())
            records << *r;
    // As files (a file manager or a chat pastes them), and one image also as a picture (an
    // image editor pastes that).
    QMimeData *copied = DragFiles::mimeData(records, m_model->dragFolder());
    if (!copied) {
        Q_EMIT statusMessage(tr("None of the selected images is on this computer yet."));
        return;
    }
    const auto urls = copied->urls();
    if (urls.size() == 1)
        if (const QImage image(records.first().localFile); !image.isNull())
            copied->setImageData(image);
    QApplication::clipboard()->setMimeData(copied);
    Q_EMIT statusMessage(tr("Copied %n images.", nullptr, int(urls.size())));
}

void GalleryPage::dragOutDetail()
{
    const HistoryRecord record = m_detail->record();
    QMimeData *dragged = DragFiles::mimeData({record}, m_model->dragFolder());
    if (!dragged)
        return;
    auto *drag = new QDrag(m_detail->viewer());
    drag->setMimeData(dragged);
    const QPixmap &pixmap = m_detail->viewer()->pixmap();
    if (!pixmap.isNull())
        drag->setPixmap(pixmap.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    drag->exec(Qt::CopyAction);
}
