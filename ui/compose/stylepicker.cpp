#include "compose/stylepicker.h"

#include "common/datetext.h"
#include "styles/stylecatalogue.h"
#include "styles/stylethumbnails.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr int kEdge = StyleThumbnails::edge;

QPixmap placeholder(const QPalette &palette)
{
    QPixmap pixmap(kEdge, kEdge);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette.color(QPalette::Midlight));
    painter.drawRoundedRect(QRectF(4, 4, kEdge - 8, kEdge - 8), 8, 8);
    return pixmap;
}

// The picture centred on a square, so every cell of the grid lines up.
QPixmap squared(const QImage &image)
{
    QPixmap pixmap(kEdge, kEdge);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QImage scaled = image.scaled(kEdge, kEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawImage((kEdge - scaled.width()) / 2, (kEdge - scaled.height()) / 2, scaled);
    return pixmap;
}

} // namespace

StylePicker::StylePicker(StyleCatalogue &catalogue, StyleThumbnails *thumbnails, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_thumbnails(thumbnails)
    , m_search(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_grid(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_choose(new QPushButton(tr("&Use this style"), this))
{
    setWindowTitle(tr("Styles"));
    m_search->setPlaceholderText(tr("Search styles"));
    m_search->setAccessibleName(tr("Search styles"));
    m_search->setClearButtonEnabled(true);
    m_category->setAccessibleName(tr("Category"));
    m_grid->setAccessibleName(tr("Styles"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setIconSize(QSize(kEdge, kEdge));
    m_grid->setGridSize(QSize(kEdge + 24, kEdge + 2 * fontMetrics().lineSpacing() + 16));
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setWordWrap(true);
    m_grid->setMinimumSize(4 * (kEdge + 24) + 24, 2 * (kEdge + 60));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_choose->setDefault(true);

    auto *filters = new QHBoxLayout;
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    auto *categoryLabel = new QLabel(tr("C&ategory:"), this);
    categoryLabel->setBuddy(m_category);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);
    filters->addWidget(categoryLabel);
    filters->addWidget(m_category);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_choose, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    buttons->addButton(m_refresh, QDialogButtonBox::ResetRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_grid, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_grid, &QListWidget::currentRowChanged, this,
            [this](int row) { m_choose->setEnabled(row >= 0); });
    connect(m_search, &QLineEdit::textChanged, this, &StylePicker::fillGrid);
    connect(m_category, &QComboBox::currentIndexChanged, this, &StylePicker::fillGrid);
    connect(m_refresh, &QPushButton::clicked, &m_catalogue, &StyleCatalogue::refresh);
    connect(&m_catalogue, &StyleCatalogue::changed, this, [this] {
        m_failure.clear();
        fillCategories();
        fillGrid();
    });
    connect(&m_catalogue, &StyleCatalogue::refreshFailed, this, [this](const QString &message) {
        m_failure = message;
        showStatus();
    });
    if (m_thumbnails)
        connect(m_thumbnails, &StyleThumbnails::thumbnailReady, this, &StylePicker::onThumbnail);

    fillCategories();
    fillGrid();
    m_catalogue.refreshIfStale();
    showStatus();
    m_search->setFocus();
}

StyleTemplate StylePicker::chosen() const
{
    const QListWidgetItem *item = m_grid->currentItem();
    return item ? m_catalogue.find(item->data(Qt::UserRole).toString()) : StyleTemplate();
}

void StylePicker::setCurrentStyle(const QString &styleId)
{
    m_current = styleId;
    for (int i = 0; i < m_grid->count(); ++i)
        if (m_grid->item(i)->data(Qt::UserRole).toString() == styleId)
            m_grid->setCurrentRow(i);
}

QString StylePicker::statusText() const
{
    return m_status->text();
}

void StylePicker::fillCategories()
{
    const QString selected = m_category->currentData().toString();
    const QSignalBlocker block(m_category);
    m_category->clear();
    m_category->addItem(tr("All styles"), QString());
    QStringList ids;
    for (const StyleCategory &category : m_catalogue.categories())
        if (!ids.contains(category.id)) {
            ids.append(category.id);
            m_category->addItem(category.name, category.id);
        }
    // Styles may name a category the list lacks (or there is no list).
    for (const StyleTemplate &style : m_catalogue.styles())
        if (!style.category.isEmpty() && !ids.contains(style.category)
            && m_category->findText(style.category) < 0) {
            ids.append(style.category);
            m_category->addItem(m_catalogue.categoryName(style.category), style.category);
        }
    m_category->setCurrentIndex(std::max(0, m_category->findData(selected)));
}

void StylePicker::fillGrid()
{
    const QString keep =
        m_grid->currentItem() ? m_grid->currentItem()->data(Qt::UserRole).toString() : m_current;
    // Templates may name their category by its name; the filter knows the id.
    QString category = m_category->currentData().toString();
    const QList<StyleTemplate> all = m_catalogue.styles();
    const QString categoryName = m_catalogue.categoryName(category);
    QList<StyleTemplate> shown = StyleCatalogue::filter(all, {}, m_search->text());
    if (!category.isEmpty())
        shown.removeIf([&](const StyleTemplate &s) {
            return s.category != category && s.category != categoryName;
        });
    m_grid->clear();
    const QPixmap empty = placeholder(palette());
    for (const StyleTemplate &style : std::as_const(shown)) {
        auto *item = new QListWidgetItem(QIcon(empty), StyleCatalogue::displayName(style), m_grid);
        item->setData(Qt::UserRole, style.id);
        item->setToolTip(style.prompt);
        item->setData(Qt::AccessibleDescriptionRole, style.prompt);
        if (m_thumbnails)
            m_thumbnails->request(style.id, style.imageUrl);
    }
    setCurrentStyle(keep);
    m_choose->setEnabled(m_grid->currentRow() >= 0);
    showStatus();
}

void StylePicker::onThumbnail(const QString &styleId, const QImage &image)
{
    for (int i = 0; i < m_grid->count(); ++i)
        if (m_grid->item(i)->data(Qt::UserRole).toString() == styleId)
            m_grid->item(i)->setIcon(QIcon(squared(image)));
}

void StylePicker::showStatus()
{
    QString text;
    const bool none = m_catalogue.styles().isEmpty();
    if (none && m_catalogue.isRefreshing())
        text = tr("Loading the styles…");
    else if (none && !m_failure.isEmpty())
        text = tr("The styles could not be loaded: %1").arg(m_failure);
    else if (none)
        text = tr("No styles yet.");
    else if (!m_failure.isEmpty())
        text = tr("Showing the styles saved on %1; the server could not be reached.")
                   .arg(DateText::dayAndTime(m_catalogue.fetchedAt().toLocalTime()));
    else if (m_grid->count() == 0)
        text = tr("No style matches your search.");
    else
        text = tr("%n style(s)", nullptr, m_grid->count());
    m_status->setText(text);
}
