#pragma once

#include "lineage/lineagereader.h"

#include <QDialog>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class ThumbnailCache;

// The whole tree of an image: from its first ancestor down through every edit, regeneration
// and use as a reference, each image a thumbnail with a short prompt and the kind of link, the
// image the tree was opened from marked. Any node can be opened, compared with that image, or
// be the start of a new edit ("Branch from here").
class LineageTreeDialog final : public QDialog
{
    Q_OBJECT
public:
    LineageTreeDialog(ThumbnailCache &thumbnails, QWidget *parent = nullptr);

    void setTree(const QList<LineageNode> &nodes, qint64 currentRow);
    QTreeWidget *tree() const { return m_tree; }
    QPushButton *branchButton() const { return m_branch; }
    // The node of a row, or null.
    QTreeWidgetItem *itemOf(qint64 rowId) const;

Q_SIGNALS:
    void recordChosen(qint64 rowId);
    // Start an edit from this image file, as "Edit this image" does.
    void branchRequested(const QString &imagePath);
    void compareRequested(const QString &recordIdA, const QString &recordIdB);

private:
    const LineageNode *selectedNode() const;
    void updateButtons();

    ThumbnailCache &m_thumbnails;
    QList<LineageNode> m_nodes;
    qint64 m_currentRow = 0;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_branch = nullptr;
    QPushButton *m_compare = nullptr;
};
