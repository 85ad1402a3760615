#include "lineage/lineagetreedialog.h"

#include "jobs/maskedit.h"
#include "lineage/lineagestrip.h"
#include "lineage/lineagetext.h"
#include "media/thumbnailcache.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kEdge = 64;
constexpr int kRowRole = Qt::UserRole + 1;

QString shortPrompt(const QString &prompt)
{
    // A brush edit's prompt ends with the fixed sentence; the user's words say which image it is.
    const QString simple = MaskEdit::withoutSentence(prompt).simplified();
    return simple.size() > 60 ? simple.left(59) + u'…' : simple;
}

} // namespace

LineageTreeDialog::LineageTreeDialog(ThumbnailCache &thumbnails, QWidget *parent)
    : QDialog(parent)
    , m_thumbnails(thumbnails)
{
    setWindowTitle(tr("Lineage of this image"));
    resize(640, 480);
    auto *layout = new QVBoxLayout(this);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Image"), tr("Made by")});
    m_tree->setIconSize(QSize(kEdge, kEdge));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setAccessibleName(tr("Lineage tree"));
    layout->addWidget(m_tree, 1);

    auto *buttons = new QHBoxLayout;
    m_open = new QPushButton(tr("Open"), this);
    m_open->setToolTip(tr("Show this image in the gallery"));
    m_branch = new QPushButton(tr("Branch from here"), this);
    m_branch->setToolTip(tr("Start a new edit from this image"));
    m_compare = new QPushButton(tr("Compare with this image"), this);
    m_compare->setToolTip(tr("Compare the chosen image with the one this tree was opened from"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (auto *button : {m_open, m_branch, m_compare})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &LineageTreeDialog::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (const auto *node = selectedNode())
            Q_EMIT recordChosen(node->record.rowId);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const auto *node = selectedNode())
            Q_EMIT recordChosen(node->record.rowId);
    });
    connect(m_branch, &QPushButton::clicked, this, [this] {
        if (const auto *node = selectedNode())
            Q_EMIT branchRequested(node->record.localFile);
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const auto *node = selectedNode();
        if (node && node->record.rowId != m_currentRow)
            Q_EMIT compareRequested(LineageStrip::compareId(node->record),
                                    QString::number(m_currentRow));
    });
    connect(&m_thumbnails, &ThumbnailCache::thumbnailReady, this,
            [this](const QString &key, const QImage &image) {
                for (QTreeWidgetItem *item :
                     m_tree->findItems(QStringLiteral("*"), Qt::MatchWildcard | Qt::MatchRecursive))
                    if (item->data(0, Qt::UserRole).toString() == key)
                        item->setIcon(0, QPixmap::fromImage(image));
            });
}

void LineageTreeDialog::setTree(const QList<LineageNode> &nodes, qint64 currentRow)
{
    m_nodes = nodes;
    m_currentRow = currentRow;
    m_tree->clear();
    QHash<qint64, QTreeWidgetItem *> items;
    for (const auto &node : nodes) {
        QTreeWidgetItem *parent = items.value(node.parentRow);
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        const QString prompt = shortPrompt(node.record.prompt);
        const bool current = node.record.rowId == currentRow;
        item->setText(0, current ? tr("This image: %1").arg(prompt) : prompt);
        item->setText(1, parent ? lineageKindText(node.kind) : tr("First image"));
        item->setToolTip(0, node.record.prompt);
        item->setData(0, kRowRole, node.record.rowId);
        const QString file = node.record.localFile;
        item->setData(0, Qt::UserRole, file);
        if (!file.isEmpty() && QFileInfo::exists(file)) {
            const QImage thumb = m_thumbnails.request(file, file, kEdge);
            if (!thumb.isNull())
                item->setIcon(0, QPixmap::fromImage(thumb));
        }
        if (current) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setFont(1, bold);
        }
        items.insert(node.record.rowId, item);
    }
    m_tree->expandAll();
    if (auto *item = itemOf(currentRow))
        m_tree->setCurrentItem(item);
    updateButtons();
}

QTreeWidgetItem *LineageTreeDialog::itemOf(qint64 rowId) const
{
    for (QTreeWidgetItem *item :
         m_tree->findItems(QStringLiteral("*"), Qt::MatchWildcard | Qt::MatchRecursive))
        if (item->data(0, kRowRole).toLongLong() == rowId)
            return item;
    return nullptr;
}

const LineageNode *LineageTreeDialog::selectedNode() const
{
    const auto *item = m_tree->currentItem();
    if (!item)
        return nullptr;
    const qint64 row = item->data(0, kRowRole).toLongLong();
    for (const auto &node : m_nodes)
        if (node.record.rowId == row)
            return &node;
    return nullptr;
}

void LineageTreeDialog::updateButtons()
{
    const auto *node = selectedNode();
    const bool hasFile =
        node && !node->record.localFile.isEmpty() && QFileInfo::exists(node->record.localFile);
    m_open->setEnabled(node != nullptr);
    m_branch->setEnabled(hasFile);
    m_compare->setEnabled(node && node->record.rowId != m_currentRow);
}
