#include "lineage/lineagestrip.h"

#include "common/flowlayout.h"
#include "jobs/maskedit.h"
#include "lineage/lineagetext.h"
#include "media/thumbnailcache.h"

#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int kEdge = 96;

QString shortPrompt(const QString &prompt)
{
    // A brush edit's prompt ends with the fixed sentence; the user's words say which image it is.
    const QString simple = MaskEdit::withoutSentence(prompt).simplified();
    return simple.size() > 28 ? simple.left(27) + u'…' : simple;
}

} // namespace

LineageStrip::LineageStrip(ThumbnailCache &thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_thumbnails(thumbnails)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sourcesTitle = new QLabel(u"<b>%1</b>"_s.arg(tr("Made from")), this);
    m_sourcesRow = new QWidget(this);
    m_sourcesLayout = new FlowLayout(m_sourcesRow);
    m_derivativesTitle = new QLabel(u"<b>%1</b>"_s.arg(tr("Edits of this image")), this);
    m_derivativesRow = new QWidget(this);
    m_derivativesLayout = new FlowLayout(m_derivativesRow);
    m_tree = new QPushButton(tr("Show the whole tree…"), this);
    m_tree->setToolTip(tr("Every image of this chain of edits, with its branches"));
    connect(m_tree, &QPushButton::clicked, this, &LineageStrip::treeRequested);
    for (QWidget *w : {static_cast<QWidget *>(m_sourcesTitle), m_sourcesRow,
                       static_cast<QWidget *>(m_derivativesTitle), m_derivativesRow,
                       static_cast<QWidget *>(m_tree)})
        layout->addWidget(w);
    layout->setAlignment(m_tree, Qt::AlignLeading);
    connect(&m_thumbnails, &ThumbnailCache::thumbnailReady, this, [this](const QString &key) {
        for (const auto *list : {&m_sources, &m_derivatives})
            for (const auto &entry : *list)
                if (entry.record.localFile == key) {
                    setLineage(m_record, m_sources, m_derivatives);
                    return;
                }
    });
    hide();
}

QString LineageStrip::compareId(const HistoryRecord &record)
{
    return QString::number(record.rowId);
}

QString LineageStrip::caption(const LineageEntry &entry)
{
    const QString prompt = shortPrompt(entry.record.prompt);
    return prompt.isEmpty() ? lineageKindText(entry.kind)
                            : tr("%1: %2").arg(lineageKindText(entry.kind), prompt);
}

void LineageStrip::setLineage(const HistoryRecord &record, const QList<LineageEntry> &sources,
                              const QList<LineageEntry> &derivatives)
{
    m_record = record;
    m_sources = sources;
    m_derivatives = derivatives;
    fill(m_sourcesRow, m_sourcesLayout, sources, true);
    fill(m_derivativesRow, m_derivativesLayout, derivatives, false);
    m_sourcesTitle->setVisible(!sources.isEmpty());
    m_sourcesRow->setVisible(!sources.isEmpty());
    m_derivativesTitle->setVisible(!derivatives.isEmpty());
    m_derivativesRow->setVisible(!derivatives.isEmpty());
    setVisible(!sources.isEmpty() || !derivatives.isEmpty());
}

QToolButton *LineageStrip::thumbButton(const LineageEntry &entry, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setAutoRaise(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    button->setText(lineageKindText(entry.kind));
    const QString file = entry.record.localFile;
    const QImage thumb = file.isEmpty() || !QFileInfo::exists(file)
                             ? QImage()
                             : m_thumbnails.request(file, file, kEdge);
    if (!thumb.isNull()) {
        button->setIcon(QPixmap::fromImage(thumb));
        button->setIconSize(thumb.size());
    } else {
        button->setIconSize(QSize(kEdge, kEdge / 2));
    }
    // The reader hears the kind and the prompt; sighted users see the prompt on hover.
    button->setAccessibleName(caption(entry));
    button->setToolTip(tr("Open this image: %1").arg(entry.record.prompt));
    const qint64 row = entry.record.rowId;
    connect(button, &QToolButton::clicked, this, [this, row] { Q_EMIT recordChosen(row); });
    return button;
}

void LineageStrip::fill(QWidget *row, FlowLayout *layout, const QList<LineageEntry> &entries,
                        bool sources)
{
    while (auto *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto &entry : entries) {
        auto *tile = new QWidget(row);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->setContentsMargins(0, 0, 0, 0);
        tileLayout->setSpacing(0);
        tileLayout->addWidget(thumbButton(entry, tile), 0, Qt::AlignHCenter);
        if (sources) {
            auto *compare = new QToolButton(tile);
            compare->setText(tr("Compare"));
            compare->setToolTip(tr("Compare this image with the one it was made from"));
            compare->setAccessibleName(tr("Compare with %1").arg(caption(entry)));
            const QString a = compareId(entry.record);
            connect(compare, &QToolButton::clicked, this,
                    [this, a] { Q_EMIT compareRequested(a, compareId(m_record)); });
            tileLayout->addWidget(compare, 0, Qt::AlignHCenter);
        }
        layout->addWidget(tile);
        tile->show();
    }
}

QList<QToolButton *> LineageStrip::sourceButtons() const
{
    QList<QToolButton *> buttons;
    for (auto *tile : m_sourcesRow->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (auto *button = tile->findChild<QToolButton *>())
            buttons.append(button);
    return buttons;
}

QList<QToolButton *> LineageStrip::derivativeButtons() const
{
    return m_derivativesRow->findChildren<QToolButton *>();
}
