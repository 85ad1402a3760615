#include "gallery/gallerydetail.h"

#include "common/datetext.h"
#include "gallery/imageviewer.h"
#include "jobs/maskedit.h"
#include "lineage/lineagestrip.h"
#include "media/thumbnailcache.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QToolButton>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

QString localTime(const QDateTime &utc)
{
    return DateText::dayAndTime(utc);
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QWidget *viewerPane(ImageViewer *viewer, QLabel *caption, QWidget *parent)
{
    auto *pane = new QWidget(parent);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    caption->setAlignment(Qt::AlignCenter);
    layout->addWidget(caption);
    layout->addWidget(viewer, 1);
    return pane;
}

} // namespace

GalleryDetail::GalleryDetail(ThumbnailCache &thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_thumbnails(thumbnails)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);

    auto *bar = new QHBoxLayout;
    auto *back = new QPushButton(tr("← Back to gallery"), this);
    back->setToolTip(tr("Close the detail view (Esc)"));
    connect(back, &QPushButton::clicked, this, &GalleryDetail::closeRequested);
    bar->addWidget(back);
    bar->addStretch(1);
    m_after = new ImageViewer(this);
    m_before = new ImageViewer(this);
    for (const auto &[text, name, tip, slot] :
         {std::tuple{u"−"_s, tr("Zoom out"), tr("Zoom out (-)"), &ImageViewer::zoomOut},
          std::tuple{tr("Fit"), tr("Fit to window"), tr("Fit to window (0)"),
                     &ImageViewer::fitToWindow},
          std::tuple{u"+"_s, tr("Zoom in"), tr("Zoom in (+)"), &ImageViewer::zoomIn}}) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setAccessibleName(name); // a reader would say "minus"
        button->setToolTip(tip);
        connect(button, &QToolButton::clicked, this, [this, slot = slot] {
            (m_after->*slot)();
            if (m_beforePane->isVisible())
                (m_before->*slot)();
        });
        bar->addWidget(button);
    }
    // A brush edit kept exact shows the combined image; the server's own result is one click
    // away (jobs/maskedit.cpp keeps both).
    m_serverToggle = new QPushButton(tr("Show the server's own result"), this);
    m_serverToggle->setCheckable(true);
    m_serverToggle->setToolTip(tr("This brush edit shows the original's unmarked pixels put "
                                  "back; see what the server sent"));
    m_serverToggle->hide();
    connect(m_serverToggle, &QPushButton::toggled, this, [this](bool server) {
        m_serverToggle->setText(server ? tr("Show combined") : tr("Show the server's own result"));
        m_after->showFile(server ? m_serverFile : m_record.localFile);
    });
    bar->insertWidget(1, m_serverToggle);
    m_compareServer = new QPushButton(tr("Compare with the server's result"), this);
    m_compareServer->setToolTip(tr("The combined image and the server's, side by side or wiped"));
    m_compareServer->hide();
    connect(m_compareServer, &QPushButton::clicked, this,
            &GalleryDetail::compareServerResultRequested);
    bar->insertWidget(2, m_compareServer);
    root->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"detailSplitter"_s); // remembered between runs (WindowMemory)
    auto *images = new QSplitter(Qt::Horizontal, splitter);
    images->setObjectName(u"detailImages"_s);
    m_beforeCaption = new QLabel(tr("Before"), this);
    m_afterCaption = new QLabel(tr("After"), this);
    m_beforePane = viewerPane(m_before, m_beforeCaption, images);
    images->addWidget(m_beforePane);
    images->addWidget(viewerPane(m_after, m_afterCaption, images));
    splitter->addWidget(images);

    auto *scroll = new QScrollArea(splitter);
    scroll->setFocusPolicy(Qt::NoFocus); // its buttons take the focus; the area says nothing
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(300);
    auto *side = new QWidget(scroll);
    auto *sideLayout = new QVBoxLayout(side);

    auto *promptTitle = new QLabel(u"<b>%1</b>"_s.arg(tr("Prompt")), side);
    auto *copyPrompt = new QPushButton(tr("Copy"), side);
    copyPrompt->setToolTip(tr("Copy the prompt to the clipboard"));
    connect(copyPrompt, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_record.prompt);
        Q_EMIT promptCopied();
    });
    auto *promptRow = new QHBoxLayout;
    promptRow->addWidget(promptTitle);
    promptRow->addStretch(1);
    promptRow->addWidget(copyPrompt);
    sideLayout->addLayout(promptRow);
    m_prompt = valueLabel(side);
    sideLayout->addWidget(m_prompt);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_type = valueLabel(side);
    m_status = valueLabel(side);
    m_error = valueLabel(side);
    m_error->setStyleSheet(u"color: #a01818;"_s);
    m_created = valueLabel(side);
    m_completed = valueLabel(side);
    m_size = valueLabel(side);
    m_characters = valueLabel(side);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Status"), m_status);
    m_errorTitle = new QLabel(tr("Error"), side);
    form->addRow(m_errorTitle, m_error);
    form->addRow(tr("Created"), m_created);
    form->addRow(tr("Completed"), m_completed);
    form->addRow(tr("Image"), m_size);
    form->addRow(tr("Characters"), m_characters);
    sideLayout->addLayout(form);
    m_lineage = new LineageStrip(m_thumbnails, side);
    sideLayout->addWidget(m_lineage);

    sideLayout->addWidget(new QLabel(u"<b>%1</b>"_s.arg(tr("References")), side));
    m_references = new QWidget(side);
    m_referencesLayout = new QVBoxLayout(m_references);
    m_referencesLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_references);

    auto *actions = new QGridLayout;
    auto *actionsBox = new QWidget(side);
    actionsBox->setLayout(actions);
    auto *flat = new QVBoxLayout; // collects the buttons, then they go into the grid
    m_favorite = addAction(flat, tr("Favourite"), tr("Star this image (F)"),
                           &GalleryDetail::favoriteRequested);
    m_favorite->setCheckable(true);
    addAction(flat, tr("Regenerate"), tr("Fill the composer with this prompt and settings"),
              &GalleryDetail::regenerateRequested);
    m_fileActions << addAction(flat, tr("Edit this image"), tr("Start an edit from this image"),
                               &GalleryDetail::editRequested);
    m_fileActions << addAction(flat, tr("Use as reference"),
                               tr("Attach this image to the composer"),
                               &GalleryDetail::useAsReferenceRequested);
    m_fileActions << addAction(flat, tr("Save as…"), tr("Save a copy of the image"),
                               &GalleryDetail::saveAsRequested);
    m_fileActions << addAction(flat, tr("Copy image"), tr("Copy the image to the clipboard"),
                               &GalleryDetail::copyImageRequested);
    m_fileActions << addAction(flat, tr("Open folder"), tr("Show the image's folder"),
                               &GalleryDetail::openFolderRequested);
    addAction(flat, tr("Hide"), tr("Hide this image on this computer (Delete)"),
              &GalleryDetail::hideRequested);
    int i = 0;
    while (flat->count() > 0) {
        auto *item = flat->takeAt(0);
        actions->addWidget(item->widget(), i / 2, i % 2);
        delete item;
        ++i;
    }
    delete flat;
    sideLayout->addWidget(actionsBox);
    sideLayout->addStretch(1);
    scroll->setWidget(side);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    root->addWidget(splitter, 1);
    setFocusProxy(m_after);
    connect(&m_thumbnails, &ThumbnailCache::thumbnailReady, this, [this](const QString &key) {
        if (m_localReferences.contains(key))
            showReferences(m_localReferences);
    });
}

QPushButton *GalleryDetail::addAction(QLayout *layout, const QString &text, const QString &tip,
                                      void (GalleryDetail::*signal)())
{
    auto *button = new QPushButton(text, this);
    button->setToolTip(tip);
    connect(button, &QPushButton::clicked, this, [this, signal] { Q_EMIT(this->*signal)(); });
    layout->addWidget(button);
    return button;
}

void GalleryDetail::setRecord(const HistoryRecord &record, const QStringList &localReferences,
                              const QStringList &characterLabels)
{
    const bool sameImage = record.rowId == m_record.rowId && record.localFile == m_record.localFile
                           && (m_after->hasImage() || m_after->isLoading());
    m_record = record;
    m_after->setSubject(record.prompt);
    m_before->setSubject(tr("Before: %1").arg(record.prompt));
    m_prompt->setText(record.prompt.isEmpty() ? tr("(no prompt)") : record.prompt);
    m_type->setText(record.kind == ImageType::ImageToImage  ? tr("Edit")
                    : record.kind == ImageType::TextToImage ? tr("Generate")
                                                            : tr("Other (%1)").arg(record.typeRaw));
    m_status->setText(statusText());
    m_error->setText(record.errorText());
    m_error->setVisible(!record.error.isEmpty());
    m_errorTitle->setVisible(!record.error.isEmpty());
    m_created->setText(localTime(record.createdAt()));
    m_completed->setText(localTime(record.completedAt()));
    m_size->setText(record.width && record.height
                        ? tr("%1 × %2 px").arg(*record.width).arg(*record.height)
                        : tr("not on this computer yet"));
    m_characters->setText(characterLabels.isEmpty() ? tr("none") : characterLabels.join(u", "_s));
    m_favorite->setChecked(record.favorite);
    m_favorite->setText(record.favorite ? tr("★ Favourite") : tr("☆ Favourite"));
    const bool hasFile = !record.localFile.isEmpty() && QFileInfo::exists(record.localFile);
    for (auto *button : std::as_const(m_fileActions))
        button->setEnabled(hasFile);

    if (!sameImage) {
        const QString fallback =
            record.status == ImageStatus::Pending ? tr("Generating…")
            : record.status == ImageStatus::Failed
                ? tr("This generation failed: %1").arg(record.errorText())
                : tr("The image is not on this computer yet; it is downloaded when the server "
                     "can be reached.");
        if (hasFile)
            m_after->showFile(record.localFile, fallback);
        else
            m_after->clear(fallback);
        m_serverFile = hasFile ? MaskEdit::serverResultBeside(record.localFile) : QString();
        const QSignalBlocker quiet(m_serverToggle);
        m_serverToggle->setChecked(false);
        m_serverToggle->setText(tr("Show the server's own result"));
        m_serverToggle->setVisible(!m_serverFile.isEmpty());
        m_compareServer->setVisible(!m_serverFile.isEmpty());
    }
    // Before and after, side by side, when the edit's source is here (it may arrive later
    // than the image, so this is checked on every update, and loaded only when it changed).
    const QString before = record.kind == ImageType::ImageToImage && !localReferences.isEmpty()
                               ? localReferences.first()
                               : QString();
    m_beforePane->setVisible(!before.isEmpty());
    m_afterCaption->setVisible(!before.isEmpty());
    if (before != m_beforeFile || !sameImage) {
        m_beforeFile = before;
        if (before.isEmpty())
            m_before->clear();
        else
            m_before->showFile(before);
    }
    showReferences(localReferences);
}

void GalleryDetail::showReferences(const QStringList &localReferences)
{
    m_localReferences = localReferences;
    while (auto *item = m_referencesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto &urls = m_record.referenceImageUrls;
    const int count = int(qMax(urls.size(), localReferences.size()));
    if (count == 0) {
        m_referencesLayout->addWidget(new QLabel(tr("none"), m_references));
        return;
    }
    for (int i = 0; i < count; ++i) {
        // A button, not a label: a reference opens on click (the file, or its address).
        auto *button = new QToolButton(m_references);
        button->setAutoRaise(true);
        button->setCursor(Qt::PointingHandCursor);
        button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        const QString local = localReferences.value(i);
        const QString url = urls.value(i);
        const QImage thumb = local.isEmpty() ? QImage() : m_thumbnails.request(local, local, 128);
        if (!thumb.isNull()) {
            button->setIcon(QPixmap::fromImage(thumb));
            button->setIconSize(thumb.size());
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        } else {
            // Not decoded yet, or only on the server: the name says what it was.
            const QString name = !local.isEmpty() ? QFileInfo(local).fileName()
                                                  : QUrl(url).fileName(QUrl::FullyDecoded);
            // A file name or address reads left to right in a right-to-left layout too
            // (LRE … PDF), not "png.1796…".
            button->setText(QChar(0x202A) + (name.isEmpty() ? url : name) + QChar(0x202C));
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            // Drawn as a link, so it reads as something to click rather than a caption.
            QFont font = button->font();
            font.setUnderline(true);
            button->setFont(font);
            QPalette linkPalette = button->palette();
            linkPalette.setColor(QPalette::ButtonText, linkPalette.color(QPalette::Link));
            button->setPalette(linkPalette);
        }
        button->setToolTip(
            tr("Open %1").arg(!local.isEmpty() ? QDir::toNativeSeparators(local) : url));
        connect(button, &QToolButton::clicked, this,
                [this, local, url] { Q_EMIT referenceOpenRequested(local, url); });
        m_referencesLayout->addWidget(button, 0, Qt::AlignLeft);
        button->show(); // a layout shows a new child only later, from the event loop
    }
}

QList<QToolButton *> GalleryDetail::referenceButtons() const
{
    return m_references->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly);
}

QString GalleryDetail::promptText() const
{
    return m_prompt->text();
}

QString GalleryDetail::statusText() const
{
    switch (m_record.status) {
    case ImageStatus::Pending:
        return tr("Generating");
    case ImageStatus::Completed:
        return m_record.goneFromServer ? tr("Completed (removed from the server; this copy is "
                                            "kept)")
                                       : tr("Completed");
    case ImageStatus::Failed:
        return tr("Failed");
    }
    return {};
}

void GalleryDetail::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    if (event->key() == Qt::Key_F && event->modifiers() == Qt::NoModifier) {
        Q_EMIT favoriteRequested();
        return;
    }
    if (event->key() == Qt::Key_Delete) {
        Q_EMIT hideRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}
