#include "characters/charactereditor.h"

#include "common/banner.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

CharacterEditor::CharacterEditor(QWidget *parent)
    : QDialog(parent)
    , m_banner(new Banner(this))
    , m_name(new QLineEdit(this))
    , m_images(new QListWidget(this))
    , m_add(new QPushButton(tr("Add images…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New character"));
    m_banner->hide();
    m_name->setPlaceholderText(tr("e.g. Captain Banana"));
    m_name->setMaxLength(80);
    m_images->setViewMode(QListView::IconMode);
    m_images->setIconSize(QSize(88, 88));
    m_images->setGridSize(QSize(104, 112));
    m_images->setResizeMode(QListView::Adjust);
    m_images->setMovement(QListView::Static);
    m_images->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_images->setMinimumSize(560, 140);
    okButton()->setText(tr("Create"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    auto *hint = new QLabel(tr("Pick %1 to %2 clear pictures of the same person or thing.")
                                .arg(minImages)
                                .arg(maxImages),
                            this);
    hint->setWordWrap(true);
    auto *imageButtons = new QHBoxLayout;
    imageButtons->addWidget(m_add);
    imageButtons->addWidget(m_remove);
    imageButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_images, 1);
    layout->addLayout(imageButtons);
    layout->addWidget(m_buttons);

    connect(m_add, &QPushButton::clicked, this, &CharacterEditor::chooseImages);
    connect(m_remove, &QPushButton::clicked, this, &CharacterEditor::removeSelected);
    connect(m_name, &QLineEdit::textChanged, this, &CharacterEditor::refresh);
    connect(m_images, &QListWidget::itemSelectionChanged, this, &CharacterEditor::refresh);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

QString CharacterEditor::name() const
{
    return m_name->text().trimmed();
}

QPushButton *CharacterEditor::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString CharacterEditor::problem() const
{
    if (name().isEmpty())
        return tr("Give the character a name.");
    if (m_paths.size() < minImages)
        return tr("Add at least %1 images (%2 so far).").arg(minImages).arg(m_paths.size());
    return {};
}

void CharacterEditor::addImages(const QStringList &paths)
{
    QStringList refused;
    for (const auto &path : paths) {
        if (m_paths.size() >= maxImages) {
            refused << tr("%1 (a character has at most %2 images)")
                           .arg(QFileInfo(path).fileName())
                           .arg(maxImages);
            continue;
        }
        if (m_paths.contains(path))
            continue;
        QImageReader reader(path);
        const QSize size = reader.size();
        if (!reader.canRead()) {
            refused << tr("%1 (not an image)").arg(QFileInfo(path).fileName());
            continue;
        }
        m_paths.append(path);
        QImageReader thumbReader(path);
        if (size.isValid())
            thumbReader.setScaledSize(size.scaled(88, 88, Qt::KeepAspectRatio));
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(thumbReader.read())),
                                         QFileInfo(path).fileName(), m_images);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    if (refused.isEmpty())
        m_banner->hide();
    else
        m_banner->showMessage(Banner::Kind::Warning,
                              tr("Not added: %1.").arg(refused.join(QStringLiteral(", "))));
    refresh();
}

void CharacterEditor::chooseImages()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Images of the character"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Images (*.png *.jpg *.jpeg *.webp)"));
    if (!paths.isEmpty())
        addImages(paths);
}

void CharacterEditor::removeSelected()
{
    const auto selected = m_images->selectedItems();
    for (auto *item : selected) {
        m_paths.removeAll(item->data(Qt::UserRole).toString());
        delete item;
    }
    refresh();
}

void CharacterEditor::refresh()
{
    const QString why = problem();
    okButton()->setEnabled(why.isEmpty());
    okButton()->setToolTip(why);
    m_add->setEnabled(m_paths.size() < maxImages);
    m_remove->setEnabled(!m_images->selectedItems().isEmpty());
}
