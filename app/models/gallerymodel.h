#pragma once

#include "history/historyquery.h"
#include "history/historyrecord.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QTimer>

#include <memory>

class GalleryRowWindow;
class HistoryReader;

// The gallery's rows: one local history query, paged in with keyset queries as the view
// scrolls (canFetchMore / fetchMore), or spanning the whole result from the start (span mode).
// Reads only the local database, so it is the same online and offline. Holds plain data;
// thumbnails are the view's business.
class GalleryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(qint64 matchCount READ matchCount NOTIFY matchCountChanged)
public:
    enum Role {
        RowIdRole = Qt::UserRole + 1,
        ServerIdRole,
        PromptRole,
        StatusRole, // ImageStatus as int
        KindRole, // ImageType as int
        CreatedAtRole, // QDateTime (UTC)
        CompletedAtRole,
        FavoriteRole,
        HiddenRole,
        LocalFileRole,
        ErrorRole,
        ImageUrlRole,
        JobIdRole, // qint64, 0 when none
        AspectRatioRole, // width / height as double when known, else 1.0
        ImageGoneRole, // bool: the server no longer has the image, and there is no copy here
    };

    explicit GalleryModel(HistoryReader &reader, QObject *parent = nullptr);
    ~GalleryModel() override;

    // Span mode: rowCount() is the match count from the first paint, and rows are read in
    // blocks around the rows asked for (GalleryRowWindow), never everything above them; a
    // refresh keeps the first row on screen in place. Takes effect at the next setQuery().
    void setSpansHistory(bool spans) { m_spans = spans; }
    bool spansHistory() const { return m_spans; }
    // The rows read so far (paged in, or held in blocks in span mode).
    qint64 loadedRowCount() const;
    // The row of a record wherever it is (reading what it needs), -1 when it does not match.
    int locateRecord(qint64 rowId);
    // The first row of `day` (local time) in the query's order, or the nearest after it in
    // that order; the last row when none follows; -1 when there are no rows.
    int rowOfDay(QDate day);
    // When the row was made: exact when it is loaded, else (span mode) noon UTC of its day from
    // the per-day index, which is enough to name its month. Invalid when unknown.
    QDateTime timeOfRow(int row);

    void setQuery(const HistoryQuery &query);
    const HistoryQuery &query() const { return m_query; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // Above this many loaded rows a refresh re-reads them in slices of this size.
    void setRefreshSliceSize(int rows) { m_sliceSize = qMax(1, rows); }

    // Re-reads the rows loaded so far (after a sync or a job update), keeping what it can:
    // unchanged rows stay, changed rows emit dataChanged, new rows are inserted and rows
    // that no longer match (hidden, filtered out) are removed, so scroll and selection stay.
    // Up to one slice of loaded rows it does it all at once. With more (a history scrolled
    // far down) it re-reads the top slice and the slices of the visible rows at once and the
    // others one per event-loop pass, each slice the rows between two sort keys, so no
    // refresh stalls the UI for a read of 100,000 rows.
    void refresh();
    bool isRefreshing() const { return !m_slices.isEmpty(); }
    // The rows on screen: a sliced refresh re-reads theirs first.
    void setVisibleRows(int first, int last);

    const HistoryRecord *recordAt(int row) const;
    int rowOfRecord(qint64 rowId) const; // -1 when not loaded
    qint64 matchCount() const { return m_matchCount; }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Dragging cards out: their images as files with readable names (DragFiles), made in
    // `folder` (inside the profile, so they are hard links, not copies).
    void setDragFolder(const QString &folder) { m_dragFolder = folder; }
    QString dragFolder() const { return m_dragFolder; }
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

Q_SIGNALS:
    void matchCountChanged(qint64 count);
    void loadFailed(const QString &message);
    // Span mode: a refresh had to reset the rows; the row first on screen (`before`) is now at
    // `after`, so the view can keep its place.
    void refreshMovedRows(int before, int after);

private:
    // The loaded rows between two sort keys: after `after` (from the top when unset) up to
    // and including `last`.
    struct Slice
    {
        std::optional<HistoryCursor> after;
        HistoryCursor last;
    };

    void updateCount();
    void setSpanQuery(const HistoryQuery &query);
    void refreshSpan();
    void refreshAll();
    // Re-reads one slice; false when the refresh stopped (an error, or a reset).
    bool refreshSlice(qsizetype slice);
    void refreshNextSlice();
    void stopRefresh();
    HistoryCursor keyOf(const HistoryRecord &r) const { return {r.createdAtMs, r.rowId}; }
    // Whether `key` sorts after `bound` in the query's order.
    bool sortsAfter(const HistoryCursor &key, const HistoryCursor &bound) const;
    // The first loaded row that sorts after `key` (the rows are kept in sort order).
    qsizetype firstRowAfter(const HistoryCursor &key) const;
    // Turns `count` loaded rows from `offset` into `fresh` with removals, insertions and
    // dataChanged; false (nothing touched) when the two disagree on order and only a reset
    // will do.
    bool applyDiff(qsizetype offset, qsizetype count, const QList<HistoryRecord> &fresh);
    static bool differs(const HistoryRecord &a, const HistoryRecord &b);

    HistoryReader &m_reader;
    HistoryQuery m_query;
    QList<HistoryRecord> m_rows;
    std::optional<HistoryCursor> m_next;
    bool m_fetching = false;
    int m_pageSize =
        120; // a keyset page of 120 rows reads in < 1 ms at 100k rows; 300 took ~1.5 ms
    int m_sliceSize = 1000; // about 4 ms of reading and diffing at 100k rows
    qint64 m_matchCount = 0;
    QString m_lastError;
    QList<Slice> m_slices; // still to re-read
    QTimer m_sliceTimer;
    int m_firstVisible = -1;
    int m_lastVisible = -1;
    QString m_dragFolder;
    bool m_spans = false;
    std::unique_ptr<GalleryRowWindow> m_window;
    int m_spanRows = 0; // rowCount() in span mode, as the view was last told
};
