#include "compose/characterpicker.h"

#include "common/accessibleitems.h"
#include "common/flowlayout.h"
#include "common/taborder.h"

#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int kThumb = 28;

QList<CharacterImage> orderedImages(const Character &character)
{
    QList<CharacterImage> images = character.images;
    std::stable_sort(
        images.begin(), images.end(),
        [](const CharacterImage &a, const CharacterImage &b) { return a.order < b.order; });
    return images;
}

// A round avatar: the thumbnail when there is one, else the name's initial.
QIcon avatar(const QString &name, const QImage &image)
{
    QPixmap pixmap(kThumb * 2, kThumb * 2);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath circle;
    circle.addEllipse(QRectF(0, 0, pixmap.width(), pixmap.height()));
    p.setClipPath(circle);
    if (!image.isNull()) {
        const QImage filled =
            image.scaled(pixmap.size(), Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        p.drawImage(QPointF((pixmap.width() - filled.width()) / 2.0,
                            (pixmap.height() - filled.height()) / 2.0),
                    filled);
    } else {
        p.fillRect(pixmap.rect(), QColor(u"#c9b77a"_s));
        p.setPen(Qt::white);
        QFont font;
        font.setPixelSize(pixmap.height() / 2);
        font.setBold(true);
        p.setFont(font);
        p.drawText(pixmap.rect(), Qt::AlignCenter, name.left(1).toUpper());
    }
    return QIcon(pixmap);
}

} // namespace

CharacterPicker::CharacterPicker(QWidget *parent)
    : QWidget(parent)
    , m_flow(nullptr)
    , m_empty(new QLabel(tr("No characters yet. Create one to keep a person or mascot consistent "
                            "across images."),
                         this))
    , m_hint(new QLabel(this))
{
    setAccessibleName(tr("Characters"));
    auto *chips = new QWidget(this);
    m_flow = new FlowLayout(chips, 6);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(chips);
    layout->addWidget(m_empty);
    layout->addWidget(m_hint);
}

void CharacterPicker::setCharacters(const QList<Character> &characters)
{
    const QStringList wanted = m_selected;
    for (QToolButton *chip : std::as_const(m_chips)) {
        m_flow->removeWidget(chip);
        chip->deleteLater();
    }
    m_chips.clear();
    m_characters = characters;
    m_selected.clear();

    QWidget *previous = this;
    for (const Character &character : characters) {
        auto *chip = new QToolButton(this);
        const QString name = character.name.isEmpty() ? tr("Unnamed") : character.name;
        chip->setText(name);
        chip->setIcon(avatar(name, {}));
        chip->setIconSize({kThumb, kThumb});
        chip->setCheckable(true);
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setFocusPolicy(Qt::StrongFocus);
        chip->setAccessibleName(tr("Character %1").arg(name));
        chip->setToolTip(tr("Use %1 in this image").arg(name));
        chip->setStyleSheet(u"QToolButton { border: 1px solid palette(mid); border-radius: 17px;"
                            u" padding: 2px 10px 2px 3px; }"
                            u" QToolButton:checked { border: 2px solid palette(highlight);"
                            u" background: palette(alternate-base); }"_s);
        const QString id = character.id;
        connect(chip, &QToolButton::toggled, this,
                [this, id](bool checked) { chipToggled(id, checked); });
        chip->setContextMenuPolicy(Qt::CustomContextMenu);
        chip->installEventFilter(this); // Menu key and Shift+F10
        connect(chip, &QToolButton::customContextMenuRequested, this,
                [this, chip](const QPoint &pos) { showChipMenu(chip, pos); });
        m_chips.insert(id, chip);
        chip->setParent(m_flow->parentWidget());
        m_flow->addWidget(chip);
        placeInTabOrderAfter(chip, previous);
        previous = chip;
        chip->show();
        const QList<CharacterImage> images = orderedImages(character);
        if (!images.isEmpty() && !images.constFirst().url.isEmpty())
            Q_EMIT thumbnailWanted(id, images.constFirst().url);
    }
    m_empty->setVisible(characters.isEmpty());
    setSelectedIds(wanted);
}

void CharacterPicker::setMaxSelection(int max)
{
    m_max = qMax(1, max);
    while (m_selected.size() > m_max) {
        // Drop the most recent picks: the first choices are the ones meant.
        const QString id = m_selected.takeLast();
        if (QToolButton *chip = m_chips.value(id)) {
            const QSignalBlocker blocker(chip);
            chip->setChecked(false);
        }
    }
    refreshHint();
}

QStringList CharacterPicker::selectedIds() const
{
    QStringList ids;
    for (const QString &id : m_selected)
        if (m_chips.contains(id))
            ids << id;
    return ids;
}

void CharacterPicker::setSelectedIds(const QStringList &ids)
{
    for (QToolButton *chip : std::as_const(m_chips)) {
        const QSignalBlocker blocker(chip);
        chip->setChecked(false);
    }
    m_selected.clear();
    for (const QString &id : ids) {
        if (m_selected.size() >= m_max || m_selected.contains(id))
            continue;
        m_selected << id;
        if (QToolButton *chip = m_chips.value(id)) {
            const QSignalBlocker blocker(chip);
            chip->setChecked(true);
        }
    }
    refreshHint();
    Q_EMIT selectionChanged(selectedIds());
}

QStringList CharacterPicker::selectedImageUrls() const
{
    QStringList urls;
    for (const QString &id : m_selected) {
        for (const Character &character : m_characters) {
            if (character.id != id)
                continue;
            const QList<CharacterImage> images = orderedImages(character);
            for (const CharacterImage &image : images)
                if (!image.url.isEmpty())
                    urls << image.url;
        }
    }
    return urls;
}

QString CharacterPicker::hintText() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void CharacterPicker::setCharacterThumbnail(const QString &id, const QImage &image)
{
    if (QToolButton *chip = m_chips.value(id))
        chip->setIcon(avatar(chip->text(), image));
}

void CharacterPicker::chipToggled(const QString &id, bool checked)
{
    if (checked) {
        if (m_selected.size() >= m_max) {
            QToolButton *chip = m_chips.value(id);
            const QSignalBlocker blocker(chip);
            chip->setChecked(false);
            refreshHint(true);
            return;
        }
        m_selected << id;
    } else {
        m_selected.removeAll(id);
    }
    refreshHint();
    Q_EMIT selectionChanged(selectedIds());
}

void CharacterPicker::showChipMenu(QToolButton *chip, const QPoint &pos)
{
    QMenu menu(this);
    QAction *use = menu.addAction(tr("&Use in this image"));
    use->setCheckable(true);
    use->setChecked(chip->isChecked());
    connect(use, &QAction::toggled, chip, &QToolButton::setChecked);
    menu.exec(chip->mapToGlobal(pos));
}

bool CharacterPicker::eventFilter(QObject *watched, QEvent *event)
{
    auto *chip = qobject_cast<QToolButton *>(watched);
    if (chip && event->type() == QEvent::KeyPress
        && AccessibleItems::isContextMenuKey(static_cast<QKeyEvent *>(event))) {
        showChipMenu(chip, chip->rect().center());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void CharacterPicker::refreshHint(bool refused)
{
    const bool full = m_selected.size() >= m_max && !m_chips.isEmpty();
    // English singulars ("one character", "One character chosen") come from studio_en.ts.
    if (refused)
        m_hint->setText(tr("You can use up to %n characters here; deselect one to pick another.",
                           nullptr, m_max));
    else if (full)
        m_hint->setText(tr("%n characters chosen, the most this allows.", nullptr, m_max));
    m_hint->setVisible(refused || full);
}
