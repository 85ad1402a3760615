#include "gallery/gallerypage.h"

#include "gallery/gallerycore.h"
#include "gallery/gallerydetail.h"
#include "gallery/galleryexport.h"
#include "gallery/galleryfilterbar.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerylog.h"
#include "gallery/gotodatedialog.h"
#include "gallery/imageviewer.h"
#include "history/historyquery.h"
#include "models/gallerymodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace {

GalleryPage::Dialogs defaultDialogs()
{
    GalleryPage::Dialogs dialogs;
    dialogs.saveFile = [](QWidget *parent, const QString &suggested) {
        const QString ext = QFileInfo(suggested).suffix();
        return QFileDialog::getSaveFileName(parent, QObject::tr("Save image as"), suggested,
                                            QObject::tr("Images (*.%1);;All files (*)").arg(ext));
    };
    dialogs.chooseFolder = [](QWidget *parent) {
        return QFileDialog::getExistingDirectory(parent, QObject::tr("Export to folder"));
    };
    dialogs.openUrl = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    return dialogs;
}

} // namespace

GalleryPage::GalleryPage(GalleryCore &core, HistoryReader &reader, ThumbnailCache &thumbnails,
                         QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_reader(reader)
    , m_dialogs(defaultDialogs())
    , m_thumbnails(thumbnails)
{
    m_exportPool.setMaxThreadCount(1);
    m_model = new GalleryModel(m_reader, this);
    m_model->setSpansHistory(true); // the scroll bar covers the whole history at once
    m_filters = new GalleryFilterBar(this);
    m_grid = new GalleryGrid(thumbnails, this);
    m_grid->setGalleryModel(m_model);
    m_detail = new GalleryDetail(thumbnails, this);
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    QFont big = m_empty->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_empty->setFont(big);

    m_browse = new QStackedWidget(this);
    m_browse->addWidget(m_grid);
    // The empty state: the sentence, and below it in a quieter voice what to do about it.
    m_emptyHint = new QLabel(this);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyPage = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_empty);
    emptyLayout->addWidget(m_emptyHint);
    emptyLayout->addStretch(1);
    m_browse->addWidget(m_emptyPage);
    auto *browsePage = new QWidget(this);
    auto *browseLayout = new QVBoxLayout(browsePage);
    browseLayout->setContentsMargins(0, 0, 0, 0);
    browseLayout->setSpacing(0);
    browseLayout->addWidget(m_filters);
    browseLayout->addWidget(m_browse, 1);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(browsePage);
    m_pages->addWidget(m_detail);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_filters, &GalleryFilterBar::queryChanged, this, &GalleryPage::applyFilters);
    // Queued: the folder dialog is modal, and a screen reader's "press" on Export must get its
    // answer before the dialog opens, not after it closes.
    connect(m_filters, &GalleryFilterBar::exportRequested, this, &GalleryPage::exportSelection,
            Qt::QueuedConnection);
    connect(m_model, &GalleryModel::matchCountChanged, this, &GalleryPage::afterRowsChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GalleryPage::afterRowsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &GalleryPage::afterRowsChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &GalleryPage::afterRowsChanged);
    connect(m_model, &GalleryModel::loadFailed, this, [this](const QString &message) {
        Q_EMIT statusMessage(tr("Could not read the local history: %1").arg(message));
    });
    connect(m_grid, &GalleryGrid::openRequested, this, &GalleryPage::openDetail);
    connect(m_grid, &GalleryGrid::favoriteRequested, this,
            [this] { toggleFavorite(targetRows()); });
    connect(m_grid, &GalleryGrid::hideRequested, this, [this] { hide(targetRows()); });
    connect(m_grid, &GalleryGrid::imagesWanted, this, &GalleryPage::imagesWanted);
    connect(m_grid->cardItems(), &GalleryCardItems::cardActionRequested, this,
            &GalleryPage::runCardAction);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_grid, &QWidget::customContextMenuRequested, this, &GalleryPage::showGridMenu);
    connect(m_detail, &GalleryDetail::referenceOpenRequested, this, &GalleryPage::openReference);

    connect(m_detail, &GalleryDetail::closeRequested, this, &GalleryPage::closeDetail);
    connect(m_detail, &GalleryDetail::favoriteRequested, this,
            [this] { toggleFavorite({m_detail->record().rowId}); });
    connect(m_detail, &GalleryDetail::hideRequested, this, [this] {
        const qint64 rowId = m_detail->record().rowId;
        closeDetail();
        hide({rowId});
    });
    connect(m_detail, &GalleryDetail::regenerateRequested, this, [this] {
        const auto &record = m_detail->record();
        Q_EMIT regenerateRequested(m_core.regenerate(record));
    });
    connect(m_detail, &GalleryDetail::editRequested, this,
            [this] { Q_EMIT editRequested(m_detail->record().localFile); });
    connect(m_detail, &GalleryDetail::useAsReferenceRequested, this,
            [this] { Q_EMIT useAsReferenceRequested(m_detail->record().localFile); });
    connect(m_detail, &GalleryDetail::saveAsRequested, this, &GalleryPage::saveAs);
    connect(m_detail, &GalleryDetail::copyImageRequested, this, &GalleryPage::copyImage);
    connect(m_detail->viewer(), &ImageViewer::dragOutRequested, this, &GalleryPage::dragOutDetail);
    connect(m_detail, &GalleryDetail::openFolderRequested, this, &GalleryPage::openFolder);
    connect(m_detail, &GalleryDetail::promptCopied, this,
            [this] { Q_EMIT statusMessage(tr("Prompt copied.")); });
    wireLineage();

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &GalleryPage::focusSearch);
    auto *copy = new QShortcut(QKeySequence::Copy, this); // a text field keeps its own Ctrl+C
    copy->setContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QShortcut::activated, this, &GalleryPage::copySelection);
    m_goToDate = new QAction(tr("Go to date…"), this);
    m_goToDate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_goToDate->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_goToDate);
    connect(m_goToDate, &QAction::triggered, this, &GalleryPage::askForDate);

    m_changed.setSingleShot(true);
    m_changed.setInterval(100);
    connect(&m_changed, &QTimer::timeout, this, &GalleryPage::refresh);
    // At most one refresh per interval: restarting the timer on every change would put the
    // refresh off for as long as changes keep coming (the offline mirror saves images for
    // minutes, a few every 100 ms).
    connect(&m_core, &GalleryCore::historyChanged, &m_changed, [this] {
        if (!m_changed.isActive())
            m_changed.start();
    });
    // A new account means other rows; a lost session keeps them (accountId stays).
    connect(&m_core, &GalleryCore::accountMayHaveChanged, this, [this] {
        if (m_core.accountId() != m_account)
            applyFilters();
    });
    connect(&m_export, &QFutureWatcher<QString>::finished, this,
            [this] { Q_EMIT statusMessage(m_export.result()); });
    setUpCompare();

    applyFilters();
}

GalleryPage::~GalleryPage()
{
    m_export.waitForFinished();
}

void GalleryPage::setDialogs(Dialogs dialogs)
{
    m_dialogs = std::move(dialogs);
}

void GalleryPage::applyFilters()
{
    m_account = m_core.accountId();
    HistoryQuery query = m_filters->query();
    query.accountId = m_account;
    m_model->setQuery(query);
    afterRowsChanged();
    if (m_model->rowCount() > 0 && !m_grid->currentIndex().isValid())
        m_grid->setCurrentIndex(m_model->index(0));
}

void GalleryPage::refresh()
{
    if (m_core.accountId() != m_account) {
        applyFilters();
    } else {
        m_model->refresh();
        afterRowsChanged();
        reloadDetail();
    }
    Q_EMIT refreshed();
}

void GalleryPage::afterRowsChanged()
{
    const qint64 count = m_model->matchCount();
    m_filters->setMatchCount(count);
    if (count > 0 || m_model->rowCount() > 0) {
        m_browse->setCurrentWidget(m_grid);
        return;
    }
    bool accountEmpty = !m_filters->hasFilters();
    if (!accountEmpty) {
        HistoryQuery all;
        all.accountId = m_account;
        const auto total = m_reader.count(all);
        accountEmpty = total && total.value() == 0;
    }
    m_empty->setText(accountEmpty ? tr("No images yet — generate one") : tr("No matches"));
    m_emptyHint->setText(accountEmpty
                             ? tr("Describe a picture on the Generate tab (Ctrl+1); it appears "
                                  "here, and stays here offline.")
                             : tr("Try other words, or set the filters back to “All”."));
    m_browse->setCurrentWidget(m_emptyPage);
}

QString GalleryPage::emptyText() const
{
    return m_browse->currentWidget() == m_emptyPage ? m_empty->text() : QString();
}

void GalleryPage::showRecord(qint64 rowId)
{
    closeCompare();
    closeDetail();
    const int row = m_model->locateRecord(rowId);
    if (row < 0) {
        Q_EMIT statusMessage(tr("That image is not shown with the current filters."));
        return;
    }
    const auto index = m_model->index(row);
    m_grid->setCurrentIndex(index);
    m_grid->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_grid->setFocus();
}

void GalleryPage::askForDate()
{
    if (m_model->rowCount() == 0)
        return;
    closeCompare();
    closeDetail();
    auto *dialog = new GoToDateDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QDate first = m_model->timeOfRow(0).toLocalTime().date();
    const QDate last = m_model->timeOfRow(m_model->rowCount() - 1).toLocalTime().date();
    dialog->setRange(qMin(first, last), qMax(first, last));
    const QDateTime current = m_model->timeOfRow(qMax(0, m_grid->currentIndex().row()));
    dialog->setDate(current.toLocalTime().date());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { goToDate(dialog->date()); });
    dialog->open();
}

void GalleryPage::goToDate(QDate day)
{
    const int row = m_model->rowOfDay(day);
    if (row < 0)
        return;
    const auto index = m_model->index(row);
    m_grid->setCurrentIndex(index);
    m_grid->scrollTo(index, QAbstractItemView::PositionAtTop);
    m_grid->setFocus();
}

void GalleryPage::focusSearch()
{
    closeCompare();
    closeDetail();
    m_filters->focusSearch();
}

QList<qint64> GalleryPage::targetRows() const
{
    QList<qint64> ids = m_grid->selectedRowIds();
    if (ids.isEmpty() && m_grid->currentIndex().isValid())
        if (const auto *r = m_model->recordAt(m_grid->currentIndex().row()))
            ids << r->rowId;
    return ids;
}

void GalleryPage::toggleFavorite(const QList<qint64> &rowIds)
{
    if (rowIds.isEmpty())
        return;
    // Star them all unless every one is starred already; then unstar them all.
    bool allStarred = true;
    for (const qint64 rowId : rowIds) {
        const int row = m_model->rowOfRecord(rowId);
        const auto *r = m_model->recordAt(row);
        if (r ? !r->favorite : !(m_detail->record().rowId == rowId && m_detail->record().favorite))
            allStarred = false;
    }
    const auto done = m_core.setFavorite(rowIds, !allStarred);
    if (!done)
        Q_EMIT statusMessage(done.error().userMessage);
    refresh();
}

void GalleryPage::hide(const QList<qint64> &rowIds)
{
    if (rowIds.isEmpty())
        return;
    // Keep the keyboard where it was: the row after the first hidden one becomes current.
    const int firstRow = m_model->rowOfRecord(rowIds.first());
    const auto done = m_core.setHidden(rowIds, true);
    if (!done) {
        Q_EMIT statusMessage(done.error().userMessage);
        return;
    }
    refresh();
    if (m_model->rowCount() > 0 && firstRow >= 0) {
        const auto index = m_model->index(qMin(firstRow, m_model->rowCount() - 1));
        m_grid->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    }
    // English n=1: "Hidden on this computer." (studio_en.ts).
    Q_EMIT statusMessage(tr("%n images hidden on this computer.", nullptr, int(rowIds.size())));
}

void GalleryPage::openDetail(const QModelIndex &index)
{
    const auto *r = index.isValid() ? m_model->recordAt(index.row()) : nullptr;
    if (!r)
        return;
    showDetailOf(*r);
    m_pages->setCurrentWidget(m_detail);
    m_detail->setFocus();
}

void GalleryPage::showDetailOf(const HistoryRecord &record)
{
    m_detail->setRecord(record, m_core.localReferencePaths(record),
                        m_core.characterLabels(record.characterIds));
    showLineageOf(record);
}

void GalleryPage::reloadDetail()
{
    if (!isDetailOpen())
        return;
    const auto fresh = m_core.record(m_detail->record().rowId);
    if (fresh)
        showDetailOf(fresh.value());
}

void GalleryPage::closeDetail()
{
    if (!isDetailOpen())
        return;
    m_pages->setCurrentIndex(0);
    const int row = m_model->rowOfRecord(m_detail->record().rowId);
    if (row >= 0)
        m_grid->setCurrentIndex(m_model->index(row));
    m_grid->setFocus();
}

bool GalleryPage::isDetailOpen() const
{
    return m_pages->currentWidget() == m_detail;
}

void GalleryPage::saveAs()
{
    saveRecordAs(m_detail->record());
}

void GalleryPage::saveRecordAs(const HistoryRecord &record)
{
    if (record.localFile.isEmpty())
        return;
    const QString ext = GalleryExport::realExtension(record.localFile);
    const QString stem =
        record.id.isEmpty() ? QStringLiteral("image-%1").arg(record.rowId) : record.id;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
            .filePath(ext.isEmpty() ? stem : stem + u'.' + ext);
    const QString chosen = m_dialogs.saveFile ? m_dialogs.saveFile(this, suggested) : QString();
    if (chosen.isEmpty())
        return;
    const auto saved = GalleryExport::saveImageAs(
        record.localFile, GalleryExport::withRealExtension(chosen, record.localFile), &record);
    Q_EMIT statusMessage(saved ? tr("Saved %1.").arg(QDir::toNativeSeparators(saved.value()))
                               : saved.error().userMessage);
}

void GalleryPage::copyImage()
{
    const QPixmap &pixmap = m_detail->viewer()->pixmap();
    if (pixmap.isNull()) {
        Q_EMIT statusMessage(tr("The image is still loading; try again in a moment."));
        return;
    }
    QApplication::clipboard()->setPixmap(pixmap);
    Q_EMIT statusMessage(tr("Image copied."));
}

void GalleryPage::openFolder()
{
    const QString file = m_detail->record().localFile;
    if (file.isEmpty())
        return;
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(file).absolutePath())))
        Q_EMIT statusMessage(tr("Could not open the folder %1.")
                                 .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath())));
}
