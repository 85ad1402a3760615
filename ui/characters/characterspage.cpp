#include "characters/characterspage.h"

#include "characters/charactereditor.h"
#include "characters/characterlist.h"
#include "characters/characterthumbnails.h"
#include "common/accessibleitems.h"
#include "common/banner.h"
#include "common/busyindicator.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

QPixmap placeholder(int edge, const QPalette &palette)
{
    QPixmap pixmap(edge, edge);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(palette.color(QPalette::AlternateBase));
    painter.setPen(palette.color(QPalette::Mid));
    painter.drawRoundedRect(QRectF(0.5, 0.5, edge - 1, edge - 1), 8, 8);
    return pixmap;
}

} // namespace

CharactersPage::CharactersPage(CharacterList &characters, CharacterThumbnails &thumbnails,
                               QWidget *parent)
    : QWidget(parent)
    , m_characterList(characters)
    , m_thumbnails(thumbnails)
    , m_banner(new Banner(this))
    , m_stack(new QStackedWidget(this))
    , m_list(new QListWidget(this))
    , m_empty(new QLabel(tr("No characters yet. A character is a person or thing you want to "
                            "see again in your images: give it a name and 3 to 5 pictures."),
                         this))
    , m_status(new QLabel(this))
    , m_busy(new BusyIndicator(this))
    , m_create(new QPushButton(tr("New character…"), this))
    , m_rename(new QPushButton(tr("Rename…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    m_banner->hide();
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(CharacterThumbnails::edge, CharacterThumbnails::edge));
    m_list->setGridSize(QSize(CharacterThumbnails::edge + 48, CharacterThumbnails::edge + 44));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setWordWrap(true);
    m_list->setAccessibleName(tr("Characters"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    // Each character is read with its actions; Enter, a double click or "press" renames it.
    auto *items = new AccessibleItems(m_list);
    items->setPressText(tr("Rename"), tr("Gives this character another name"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_busy);
    buttons->addWidget(m_status);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    // Tab follows the reading order: the buttons above, then the list.
    setTabOrder(m_create, m_rename);
    setTabOrder(m_rename, m_delete);
    setTabOrder(m_delete, m_refresh);
    setTabOrder(m_refresh, m_list);

    connect(m_create, &QPushButton::clicked, this, &CharactersPage::promptCreate);
    connect(m_rename, &QPushButton::clicked, this, &CharactersPage::promptRename);
    connect(m_delete, &QPushButton::clicked, this, &CharactersPage::promptDelete);
    connect(m_refresh, &QPushButton::clicked, this, &CharactersPage::refreshFromServer);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &CharactersPage::refreshButtons);
    connect(m_list, &QListWidget::activated, this, &CharactersPage::promptRename);
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_list->indexAt(pos);
        if (!index.isValid())
            return;
        m_list->setCurrentIndex(index);
        QMenu menu(this);
        menu.addAction(tr("&Rename…"), this, &CharactersPage::promptRename)
            ->setEnabled(m_rename->isEnabled());
        menu.addAction(tr("&Delete"), this, &CharactersPage::promptDelete)
            ->setEnabled(m_delete->isEnabled());
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    connect(&m_thumbnails, &CharacterThumbnails::thumbnailReady, this,
            [this](const QString &id, const QImage &image) {
                for (int i = 0; i < m_list->count(); ++i) {
                    auto *item = m_list->item(i);
                    if (item->data(Qt::UserRole).toString() == id)
                        item->setIcon(QIcon(QPixmap::fromImage(image)));
                }
            });
    showList({});
}

void CharactersPage::showCached()
{
    showList(m_characterList.cached());
}

void CharactersPage::refreshFromServer()
{
    if (!m_characterList.hasAccount())
        return;
    setBusy(true, tr("Loading characters…"));
    auto *call = m_characterList.fetch();
    connect(call, &ApiCallBase::finished, this, [this, call] {
        setBusy(false);
        const auto &result = call->result();
        if (!result) {
            if (result.error().kind != ApiError::Kind::Network)
                showError(tr("Could not load your characters."), result.error());
            return;
        }
        if (auto stored = m_characterList.keep(result.value()); !stored)
            showError(tr("Could not keep your characters on this computer."), stored.error());
        showList(result.value());
    });
}

void CharactersPage::createCharacter(const QString &name, const QStringList &imagePaths)
{
    setBusy(true, tr("Creating %1…").arg(name));
    auto *watcher = new QFutureWatcher<Result<QList<UploadFile>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        const auto prepared = watcher->result();
        if (!prepared) {
            setBusy(false);
            showError(tr("Could not read the images of %1.").arg(name), prepared.error());
            return;
        }
        auto *call = m_characterList.create(name, prepared.value());
        connect(call, &ApiCallBase::finished, this, [this, call, name] {
            setBusy(false);
            if (!call->result()) {
                showError(tr("Could not create %1.").arg(name), call->result().error());
                return;
            }
            m_banner->hide();
            Q_EMIT statusMessage(tr("Created %1.").arg(name));
            refreshFromServer();
        });
    });
    watcher->setFuture(CharacterList::prepareImages(imagePaths));
}

void CharactersPage::renameCharacter(const QString &id, const QString &name)
{
    setBusy(true, tr("Renaming…"));
    auto *call = m_characterList.rename(id, name);
    connect(call, &ApiCallBase::finished, this, [this, call, name] {
        setBusy(false);
        if (!call->result()) {
            showError(tr("Could not rename the character to %1.").arg(name),
                      call->result().error());
            return;
        }
        m_banner->hide();
        refreshFromServer();
    });
}

void CharactersPage::deleteCharacter(const QString &id)
{
    setBusy(true, tr("Deleting…"));
    auto *call = m_characterList.remove(id);
    connect(call, &ApiCallBase::finished, this, [this, call] {
        setBusy(false);
        if (!call->result()) {
            showError(tr("Could not delete the character."), call->result().error());
            return;
        }
        m_banner->hide();
        refreshFromServer();
    });
}

void CharactersPage::promptCreate()
{
    CharacterEditor editor(this);
    if (editor.exec() == QDialog::Accepted)
        createCharacter(editor.name(), editor.imagePaths());
}

void CharactersPage::promptRename()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    const QString old = m_list->currentItem()->text();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename character"), tr("New name:"),
                                               QLineEdit::Normal, old, &ok)
                             .trimmed();
    if (ok && !name.isEmpty() && name != old)
        renameCharacter(id, name);
}

void CharactersPage::promptDelete()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete character"),
        tr("Delete %1 from your account? Images made with it stay in your gallery.")
            .arg(m_list->currentItem()->text()));
    if (answer == QMessageBox::Yes)
        deleteCharacter(id);
}

void CharactersPage::setBusy(bool busy, const QString &what)
{
    m_busyCount = qMax(0, m_busyCount + (busy ? 1 : -1));
    m_busy->setRunning(m_busyCount > 0);
    if (busy)
        m_status->setText(what);
    else if (m_busyCount == 0)
        m_status->clear();
    refreshButtons();
}

void CharactersPage::showError(const QString &what, const ApiError &error)
{
    m_banner->showMessage(Banner::Kind::Error, what + u' ' + error.userMessage);
}

void CharactersPage::showList(const QList<Character> &characters)
{
    const QString selected = currentId();
    m_characters = characters;
    m_list->clear();
    const QPixmap empty = placeholder(CharacterThumbnails::edge, palette());
    for (const auto &character : characters) {
        auto *item = new QListWidgetItem(QIcon(empty), character.name, m_list);
        item->setData(Qt::UserRole, character.id);
        // English "%1 · 1 image" comes from studio_en.ts.
        item->setToolTip(
            tr("%1 · %Ln images", nullptr, int(character.images.size())).arg(character.name));
        item->setData(Qt::AccessibleDescriptionRole, item->toolTip());
        if (character.id == selected)
            m_list->setCurrentItem(item);
        if (!character.images.isEmpty())
            m_thumbnails.request(character.id, character.images.first().url);
    }
    const bool none = characters.isEmpty();
    m_stack->setCurrentWidget(none ? static_cast<QWidget *>(m_empty) : m_list);
    refreshButtons();
    Q_EMIT charactersChanged(characters);
}

QString CharactersPage::currentId() const
{
    const auto *item = m_list->currentItem();
    return item && item->isSelected() ? item->data(Qt::UserRole).toString() : QString();
}

void CharactersPage::refreshButtons()
{
    const bool selected = !currentId().isEmpty();
    const bool signedIn = m_characterList.hasAccount();
    m_create->setEnabled(signedIn);
    m_rename->setEnabled(selected && m_busyCount == 0);
    m_delete->setEnabled(selected && m_busyCount == 0);
    m_refresh->setEnabled(signedIn && m_busyCount == 0);
}
