#pragma once

#include "history/historyrecord.h"
#include "lineage/lineagereader.h"

#include <QWidget>

class FlowLayout;
class QLabel;
class QPushButton;
class QToolButton;
class ThumbnailCache;

// The detail view's lineage: "Made from" and "Edits of this image" as rows of thumbnails, each
// captioned with the kind of link, a click walks to that image; a source also offers Compare,
// and the whole tree is one button away. Hidden when the image has no links.
class LineageStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit LineageStrip(ThumbnailCache &thumbnails, QWidget *parent = nullptr);

    void setLineage(const HistoryRecord &record, const QList<LineageEntry> &sources,
                    const QList<LineageEntry> &derivatives);
    // The thumbnails shown (tests click them).
    QList<QToolButton *> sourceButtons() const;
    QList<QToolButton *> derivativeButtons() const;
    QPushButton *treeButton() const { return m_tree; }

    // The id a compare view is given for a record: its gallery row number, as text (a record
    // made here may not be on the server yet).
    static QString compareId(const HistoryRecord &record);
    // A thumbnail's caption: the kind of link and a short prompt.
    static QString caption(const LineageEntry &entry);

Q_SIGNALS:
    void recordChosen(qint64 rowId);
    // "Compare": the source first, this image second.
    void compareRequested(const QString &recordIdA, const QString &recordIdB);
    void treeRequested();

private:
    void fill(QWidget *row, FlowLayout *layout, const QList<LineageEntry> &entries, bool sources);
    QToolButton *thumbButton(const LineageEntry &entry, QWidget *parent);

    ThumbnailCache &m_thumbnails;
    HistoryRecord m_record;
    QList<LineageEntry> m_sources;
    QList<LineageEntry> m_derivatives;
    QLabel *m_sourcesTitle = nullptr;
    QWidget *m_sourcesRow = nullptr;
    FlowLayout *m_sourcesLayout = nullptr;
    QLabel *m_derivativesTitle = nullptr;
    QWidget *m_derivativesRow = nullptr;
    FlowLayout *m_derivativesLayout = nullptr;
    QPushButton *m_tree = nullptr;
};
