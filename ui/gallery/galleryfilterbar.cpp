#include "gallery/galleryfilterbar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <limits>

namespace {
constexpr int kTypingPauseMs = 200;
}

GalleryFilterBar::GalleryFilterBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search prompts (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search prompts"));
    // Qt's clear button is a tool button of its own with no text: name it by its action.
    if (auto *clear = m_search->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction"))) {
        clear->setText(tr("Clear search"));
        clear->setToolTip(tr("Clear search"));
    }
    for (auto *button : m_search->findChildren<QToolButton *>())
        button->setAccessibleName(tr("Clear search"));
    m_search->setMinimumWidth(220);
    layout->addWidget(m_search, 2);

    m_status = new QComboBox(this);
    m_status->setAccessibleName(tr("Status"));
    // On Linux a combo box is read by its choice; this says what the choice is about.
    m_status->setAccessibleDescription(tr("Show images of this status"));
    m_status->addItem(tr("All statuses"));
    m_status->addItem(tr("Completed"), int(ImageStatus::Completed));
    m_status->addItem(tr("Pending"), int(ImageStatus::Pending));
    m_status->addItem(tr("Failed"), int(ImageStatus::Failed));
    layout->addWidget(m_status);

    m_type = new QComboBox(this);
    m_type->setAccessibleName(tr("Type"));
    m_type->setAccessibleDescription(tr("Show images of this type"));
    m_type->addItem(tr("All types"));
    m_type->addItem(tr("Generate"), int(ImageType::TextToImage));
    m_type->addItem(tr("Edit"), int(ImageType::ImageToImage));
    m_type->addItem(tr("Other"), int(ImageType::Other));
    layout->addWidget(m_type);

    m_favorites = new QToolButton(this);
    m_favorites->setText(tr("★ Favourites"));
    m_favorites->setCheckable(true);
    m_favorites->setToolTip(tr("Show only favourites"));
    layout->addWidget(m_favorites);

    m_order = new QComboBox(this);
    m_order->setAccessibleName(tr("Order"));
    m_order->setAccessibleDescription(tr("Order of the images"));
    m_order->addItem(tr("Newest first"), int(HistoryQuery::Order::NewestFirst));
    m_order->addItem(tr("Oldest first"), int(HistoryQuery::Order::OldestFirst));
    layout->addWidget(m_order);

    layout->addStretch(1);
    m_count = new QLabel(this);
    // No accessible name: it would replace the text, and the text ("201 images") is the news.
    m_count->setObjectName(QStringLiteral("matchCount"));
    layout->addWidget(m_count);

    m_export = new QToolButton(this);
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Export the selected images and their records to a folder"));
    layout->addWidget(m_export);
    connect(m_export, &QToolButton::clicked, this, &GalleryFilterBar::exportRequested);
    m_compare = new QToolButton(this);
    m_compare->setText(tr("Compare"));
    m_compare->setToolTip(tr("Compare the two selected images (C)"));
    layout->addWidget(m_compare);
    connect(m_compare, &QToolButton::clicked, this, &GalleryFilterBar::compareRequested);

    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, &GalleryFilterBar::queryChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_typing.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_typing.stop();
        Q_EMIT queryChanged();
    });
    for (auto *box : {m_status, m_type, m_order})
        connect(box, &QComboBox::currentIndexChanged, this, &GalleryFilterBar::queryChanged);
    connect(m_favorites, &QToolButton::toggled, this, &GalleryFilterBar::queryChanged);
    setMatchCount(0);
}

HistoryQuery GalleryFilterBar::query() const
{
    HistoryQuery q;
    q.search = m_search->text().trimmed();
    if (m_status->currentData().isValid())
        q.statuses = {ImageStatus(m_status->currentData().toInt())};
    if (m_type->currentData().isValid())
        q.kinds = {ImageType(m_type->currentData().toInt())};
    q.favoritesOnly = m_favorites->isChecked();
    q.order = HistoryQuery::Order(m_order->currentData().toInt());
    return q;
}

bool GalleryFilterBar::hasFilters() const
{
    return query().hasFilters();
}

void GalleryFilterBar::setMatchCount(qint64 count)
{
    // %Ln writes the count in the locale's digits ("1,234", "۱٬۲۳۴"); English "1 image" comes
    // from studio_en.ts. No history holds more images than an int counts.
    m_count->setText(
        tr("%Ln images", nullptr, int(qMin<qint64>(count, std::numeric_limits<int>::max()))));
}

QString GalleryFilterBar::countText() const
{
    return m_count->text();
}

void GalleryFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}
