#pragma once

#include "domain/job.h"
#include "gallery/galleryaccessible.h"

#include <QDate>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class CompareView;
class ExportImageFetch;
class GalleryCore;
class GalleryDetail;
class GalleryFilterBar;
class GalleryGrid;
class GalleryModel;
class HistoryReader;
class LineageTreeDialog;
class QAction;
class QLabel;
class QMenu;
class QUrl;
class QModelIndex;
class QStackedWidget;
class ThumbnailCache;
struct CompareItem;
struct HistoryRecord;

// The Gallery: the filter bar, the virtualised thumbnail grid over the local history and the
// detail view of one record. Reads only local data, so it is the same online and offline.
class GalleryPage final : public QWidget
{
    Q_OBJECT
public:
    // Where files go; the defaults open QFileDialog, tests put in their own answers.
    struct Dialogs
    {
        // A path to save `suggestedPath` as (its extension names the real format); empty: none.
        std::function<QString(QWidget *parent, const QString &suggestedPath)> saveFile;
        // A folder to export into; empty: cancelled.
        std::function<QString(QWidget *parent)> chooseFolder;
        // Opens a reference (a local file or an address) outside the app; false: it could not.
        std::function<bool(const QUrl &url)> openUrl;
    };

    GalleryPage(GalleryCore &core, HistoryReader &reader, ThumbnailCache &thumbnails,
                QWidget *parent = nullptr);
    ~GalleryPage() override;

    // Re-reads the visible rows (after a sync page, a job update, a favourite...). A burst of
    // GalleryCore::historyChanged comes here once, after it.
    void refresh();
    // Selects (and scrolls to) a record, e.g. "open in gallery" from the jobs panel.
    void showRecord(qint64 rowId);
    // Makes the first image of `day` (or the nearest) current and scrolls it to the top.
    void goToDate(QDate day);
    // "Go to date…" (Ctrl+G): asks for a day, then goToDate().
    QAction *goToDateAction() const { return m_goToDate; }
    // Puts the keyboard focus in the search field (Ctrl+F).
    void focusSearch();

    void setDialogs(Dialogs dialogs);
    // Export… first fetches the images the records lack through `fetch` (null: exports what is
    // on this computer).
    void setImageFetch(ExportImageFetch *fetch);
    // Opens the detail of a row of the grid; Esc (or closeDetail) returns to the grid.
    void openDetail(const QModelIndex &index);
    void closeDetail();
    bool isDetailOpen() const;
    // The grid's right-click menu for the selection (else the current card); nullptr when
    // nothing is chosen. The caller owns it.
    QMenu *createGridMenu(QWidget *parent);
    // The sentence shown instead of the grid when nothing matches; empty while rows show.
    QString emptyText() const;

    GalleryGrid *grid() const { return m_grid; }
    GalleryFilterBar *filterBar() const { return m_filters; }
    GalleryDetail *detail() const { return m_detail; }
    GalleryModel *model() const { return m_model; }

    // Compares two rows of the history (A and B in this order); false when either is unknown.
    bool compareRows(qint64 rowIdA, qint64 rowIdB);
    // The compare view (ui/compare), made when first opened; Esc returns from it.
    CompareView *compareView() const { return m_compare; }
    bool isCompareOpen() const;
    void closeCompare();

public Q_SLOTS:
    // Opens the compare view on two records ("an edit and its source with one click"): each id
    // is a record's server id or, for a row the server does not know yet, its row id in decimal.
    void compareRecords(const QString &recordIdA, const QString &recordIdB);

Q_SIGNALS:
    // "Regenerate": fill the composer with this record's prompt, ratio, resolution, references.
    void regenerateRequested(const JobRequest &request);
    // "Edit this image" / "Use as reference": a local image file to attach in the composer.
    void editRequested(const QString &imagePath);
    void useAsReferenceRequested(const QString &imagePath);
    // A sentence for the status bar (export finished, could not save...).
    void statusMessage(const QString &message);
    // Visible completed records with no local file: the core may download them.
    void imagesWanted(const QList<qint64> &rowIds);
    // refresh() re-read the rows.
    void refreshed();
    // "Compare" next to an image's source, or in its lineage tree: two gallery row numbers as
    // text (LineageStrip::compareId), the source first.
    void compareRequested(const QString &recordIdA, const QString &recordIdB);

private:
    void applyFilters();
    void afterRowsChanged();
    void askForDate();
    void toggleFavorite(const QList<qint64> &rowIds);
    void hide(const QList<qint64> &rowIds);
    void exportSelection();
    void writeExport(const QList<HistoryRecord> &records, const QString &folder,
                     const QString &shortfall);
    void saveAs();
    void saveRecordAs(const HistoryRecord &record);
    void showGridMenu(const QPoint &pos);
    // A card's action asked for through the accessibility tree (GalleryCardItems).
    void runCardAction(qint64 rowId, GalleryCardItems::CardAction action);
    void openReference(const QString &localPath, const QString &url);
    void copyImage();
    // Ctrl+C: the selected images as files, one image also as a picture.
    void copySelection();
    // Dragging the detail's picture: the image leaves as a file (a file manager, a browser).
    void dragOutDetail();
    void openFolder();
    void showDetailOf(const HistoryRecord &record);
    // The lineage of the detail's image (gallerypagelineage.cpp).
    void wireLineage();
    void showLineageOf(const HistoryRecord &record);
    void walkTo(qint64 rowId);
    void openLineageTree();
    void reloadDetail();
    QList<qint64> targetRows() const; // the selection, else the current row
    // gallerypagecompare.cpp: the ways into the compare view and what it shows.
    void setUpCompare();
    void watchCompareFetch(ExportImageFetch *fetch);
    void compareSelection();
    void compareServerResult();
    void openCompare(const CompareItem &a, const CompareItem &b, const QList<HistoryRecord> &rows);
    void refreshCompare();
    std::optional<HistoryRecord> recordForId(const QString &id) const;

    GalleryCore &m_core;
    HistoryReader &m_reader;
    GalleryModel *m_model = nullptr;
    GalleryFilterBar *m_filters = nullptr;
    GalleryGrid *m_grid = nullptr;
    GalleryDetail *m_detail = nullptr;
    QLabel *m_empty = nullptr;
    QAction *m_goToDate = nullptr;
    QLabel *m_emptyHint = nullptr;
    QWidget *m_emptyPage = nullptr; // m_empty and its hint
    QStackedWidget *m_browse = nullptr; // grid or empty state
    QStackedWidget *m_pages = nullptr; // browse or detail
    QTimer m_changed; // coalesces historyChanged bursts (a sync emits one per page)
    QString m_account;
    Dialogs m_dialogs;
    QThreadPool m_exportPool;
    QFutureWatcher<QString> m_export;
    ExportImageFetch *m_fetch = nullptr;
    QString m_exportFolder; // while the images of an export are being fetched
    CompareView *m_compare = nullptr;
    QWidget *m_compareReturnTo = nullptr; // the grid or the detail, for Esc
    QList<qint64> m_compareRows; // the rows compared (A, B); empty when comparing two files
    bool m_compareFetching = false; // m_fetch is fetching the compared images
    ThumbnailCache &m_thumbnails;
    LineageTreeDialog *m_lineageTree = nullptr;
};
