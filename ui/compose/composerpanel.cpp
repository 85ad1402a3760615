#include "compose/composerpanel.h"

#include "common/announcer.h"
#include "common/banner.h"
#include "common/busyindicator.h"
#include "compose/aspectratiopicker.h"
#include "compose/characterpicker.h"
#include "compose/prompteditor.h"
#include "compose/prompttools.h"
#include "compose/referencestrip.h"
#include "compose/resolutionpicker.h"
#include "domain/aspectratio.h"
#include "jobs/maskedit.h"
#include "mask/maskeditor.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxReferences = 5;
}

ComposerPanel::ComposerPanel(JobKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_banner(new Banner(this))
    , m_prompt(new PromptEditor(this))
    , m_tools(new PromptTools(this))
    , m_references(new ReferenceStrip(this))
    , m_characters(new CharacterPicker(this))
    , m_ratio(new AspectRatioPicker(this))
    , m_resolution(new ResolutionPicker(this))
    , m_balanceWarning(new QLabel(this))
    , m_announcer(new Announcer(this))
    , m_busyIndicator(new BusyIndicator(this))
    , m_status(new QLabel(this))
    , m_submit(new QPushButton(this))
    , m_maskNote(new QLabel(this))
{
    m_maskNote->setWordWrap(true);
    m_maskNote->setForegroundRole(QPalette::PlaceholderText);
    m_maskNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_maskNote->hide();
    m_balanceWarning->setWordWrap(true);
    m_balanceWarning->setStyleSheet(u"color: #8a5a00;"_s);
    m_balanceWarning->setAccessibleDescription(tr("Balance warning"));
    m_balanceWarning->hide();
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_submit->setDefault(true);
    m_submit->setMinimumHeight(32);
    QFont bold = m_submit->font();
    bold.setBold(true);
    m_submit->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(sectionTitle(tr("&Prompt"), m_prompt));
    layout->addWidget(m_prompt, 1);
    layout->addWidget(m_tools);
    layout->addWidget(m_maskNote);
    layout->addSpacing(6);
    m_referencesTitle = sectionTitle(QString(), m_references);
    layout->addWidget(m_referencesTitle);
    layout->addWidget(m_references);
    layout->addSpacing(6);
    m_charactersTitle = sectionTitle(tr("C&haracters"), m_characters);
    layout->addWidget(m_charactersTitle);
    layout->addWidget(m_characters);
    layout->addSpacing(6);
    layout->addWidget(sectionTitle(tr("&Aspect ratio"), m_ratio));
    layout->addWidget(m_ratio);
    layout->addSpacing(6);
    layout->addWidget(sectionTitle(tr("&Resolution"), m_resolution));
    layout->addWidget(m_resolution);
    layout->addSpacing(10);
    layout->addWidget(m_balanceWarning);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_busyIndicator);
    footer->addWidget(m_status, 1);
    footer->addWidget(m_submit);
    layout->addLayout(footer);

    connect(m_prompt, &PromptEditor::submitRequested, this, &ComposerPanel::submit);
    connect(m_prompt, &PromptEditor::referencesPasted, m_references,
            &ReferenceStrip::addFromMimeData);
    connect(m_prompt, &PromptEditor::textChanged, this, &ComposerPanel::refreshSubmit);
    connect(m_references, &ReferenceStrip::pathsChanged, this, &ComposerPanel::refreshSubmit);
    connect(m_references, &ReferenceStrip::pathsChanged, this, &ComposerPanel::matchFirstImage);
    connect(m_references, &ReferenceStrip::pathsChanged, this, [this](const QStringList &paths) {
        if (!m_maskedImage.isEmpty() && !paths.contains(m_maskedImage))
            setMask({}, {}); // the marked image went away, its mask with it
    });
    connect(m_references, &ReferenceStrip::markRequested, this, &ComposerPanel::markArea);
    connect(m_prompt, &PromptEditor::textChanged, this, &ComposerPanel::refreshMaskSentence);
    connect(m_tools, &PromptTools::recentPromptChosen, m_prompt, &PromptEditor::takePrompt);
    connect(m_tools, &PromptTools::styleChanged, this,
            [this](const StyleTemplate &previous, const StyleTemplate &now) {
                m_prompt->takePrompt(
                    PromptTools::withStyle(m_prompt->toPlainText(), previous.prompt, now.prompt));
            });
    connect(m_resolution, &ResolutionPicker::resolutionChanged, this,
            &ComposerPanel::refreshSubmit);
    connect(m_characters, &CharacterPicker::thumbnailWanted, this, &ComposerPanel::thumbnailWanted);
    connect(m_submit, &QPushButton::clicked, this, &ComposerPanel::submit);
    connect(m_banner, &Banner::dismissed, this, [this] { m_prompt->setFocus(); });
    // Ctrl+Enter submits from anywhere in the form, not only from the prompt.
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut =
            new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ComposerPanel::submit);
    }

    applyKind();
}

QLabel *ComposerPanel::sectionTitle(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, this);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setBuddy(buddy);
    return label;
}

void ComposerPanel::setKind(JobKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    applyKind();
}

void ComposerPanel::applyKind()
{
    const bool edit = m_kind == JobKind::Edit;
    m_references->setMaxCount(kMaxReferences);
    m_referencesTitle->setText(edit ? tr("&Images to edit") : tr("R&eference images (optional)"));
    m_references->setEmptyHint(
        edit ? tr("Add the image to edit: drop it here, paste it with Ctrl+V, or use Add images…")
             : tr("Optional: drop images here, paste one with Ctrl+V, or use Add images…"));
    m_characters->setMaxSelection(edit ? 1 : 2);
    m_references->setMarkable(edit);
    if (!edit)
        setMask({}, {});
    matchFirstImage();
    m_charactersTitle->setText(edit ? tr("C&haracter (up to 1)") : tr("C&haracters (up to 2)"));
    setAccessibleName(edit ? tr("Edit an image") : tr("Generate an image"));
    refreshSubmit();
}

JobRequest ComposerPanel::request() const
{
    JobRequest request;
    request.kind = m_kind;
    request.prompt = m_prompt->toPlainText().trimmed();
    request.aspectRatio = m_ratio->ratio();
    request.resolution = m_resolution->resolution();
    request.referencePaths = m_references->paths();
    request.characterIds = m_characters->selectedIds();
    request.characterImageUrls = m_characters->selectedImageUrls();
    request.templateId = m_tools->styleId();
    if (m_kind == JobKind::Edit && !m_maskPath.isEmpty()
        && request.referencePaths.contains(m_maskedImage)) {
        // The marked image goes first: the backend gets it untouched, its highlighted copy next.
        request.referencePaths.removeOne(m_maskedImage);
        request.referencePaths.prepend(m_maskedImage);
        request.maskPath = m_maskPath;
        request.keepUnmasked = true;
        if (m_maskSentence)
            request.prompt = MaskEdit::withSentence(request.prompt);
    }
    return request;
}

void ComposerPanel::setRequest(const JobRequest &request)
{
    setKind(request.kind);
    // A brush edit's stored prompt (and its server record's) carries the added sentence; the
    // field shows the user's words.
    m_prompt->setPlainText(MaskEdit::withoutSentence(request.prompt));
    m_ratio->resetChoice();
    m_references->setPaths(request.referencePaths);
    // After the images: the request's own ratio wins over the one that matches its image.
    m_ratio->setRatio(request.aspectRatio);
    m_resolution->setResolution(request.resolution);
    m_characters->setSelectedIds(request.characterIds);
    m_tools->setStyleId(request.templateId);
    setMask(request.isBrushEdit() ? request.referencePaths.value(0) : QString(), request.maskPath);
    clearError();
    refreshSubmit();
}

void ComposerPanel::matchFirstImage()
{
    // Only an edit keeps the shape of its image; a reference for a new image says nothing
    // about the shape wanted.
    const QString first = m_kind == JobKind::Edit ? m_references->paths().value(0) : QString();
    QSize size;
    if (!first.isEmpty()) {
        QImageReader reader(first);
        size = reader.size();
        // A phone's portrait photo is stored landscape with a turn in its EXIF data.
        if (reader.transformation().testFlag(QImageIOHandler::TransformationRotate90))
            size.transpose();
    }
    m_ratio->setMatchedRatio(size.isValid() ? nearestAspectRatio(size) : QString());
}

ComposerPanel::ComposerPanel(JobKind kind, const PromptServices &services, QWidget *parent)
    : ComposerPanel(kind, parent)
{
    setServices(services);
}

void ComposerPanel::setServices(const PromptServices &services)
{
    m_prompt->setSuggestions(services.suggestions);
    m_tools->setServices(services.recentPrompts, services.suggestions, services.styles,
                         services.styleThumbnails);
}

bool ComposerPanel::addReference(const QString &path)
{
    return m_references->addPath(path);
}

void ComposerPanel::setCharacters(const QList<Character> &characters)
{
    m_characters->setCharacters(characters);
}

void ComposerPanel::setCharacterThumbnail(const QString &id, const QImage &image)
{
    m_characters->setCharacterThumbnail(id, image);
}

void ComposerPanel::setPasteFolder(const QString &folder)
{
    m_pasteFolder = folder;
    m_references->setPasteFolder(folder);
}

QString ComposerPanel::submitBlockedReason() const
{
    if (m_prompt->toPlainText().trimmed().isEmpty())
        return m_kind == JobKind::Edit ? tr("Describe the change you want first.")
                                       : tr("Describe the image you want first.");
    if (m_kind == JobKind::Edit && m_references->count() == 0)
        return tr("Attach the image you want to edit first.");
    if (m_busy)
        return tr("Sending your request…");
    return {};
}

bool ComposerPanel::canSubmit() const
{
    return submitBlockedReason().isEmpty();
}

QString ComposerPanel::balanceWarning() const
{
    return m_balanceWarning->isHidden() ? QString() : m_balanceWarning->text();
}

void ComposerPanel::setBalance(double stars)
{
    m_balance = stars;
    refreshSubmit();
}

void ComposerPanel::showError(const QString &message)
{
    setBusy(false);
    m_banner->showMessage(Banner::Kind::Error, message);
}

void ComposerPanel::clearError()
{
    m_banner->hide();
}

void ComposerPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_busyIndicator->setRunning(busy);
    m_status->setText(busy ? tr("Sending…") : QString());
    refreshSubmit();
}

void ComposerPanel::submit()
{
    const QString reason = submitBlockedReason();
    if (!reason.isEmpty()) {
        if (!m_busy)
            m_banner->showMessage(Banner::Kind::Info, reason);
        return;
    }
    clearError();
    Q_EMIT submitted(request());
}

void ComposerPanel::refreshSubmit()
{
    const int cost = starCost(m_resolution->resolution());
    const QString verb = m_kind == JobKind::Edit ? tr("Edit") : tr("Generate");
    m_submit->setText(tr("%1 · %2 ★").arg(verb).arg(cost));
    m_submit->setAccessibleName(tr("%1 for %2 stars").arg(verb).arg(cost));

    const QString reason = submitBlockedReason();
    m_submit->setEnabled(reason.isEmpty());
    m_submit->setToolTip(reason.isEmpty() ? tr("Ctrl+Enter") : reason);
    m_submit->setAccessibleDescription(reason);
    // An info banner that explained a blocked submit is stale once the block is gone.
    if (reason.isEmpty() && m_banner->isVisible() && m_banner->kind() == Banner::Kind::Info)
        m_banner->hide();

    if (m_balance && *m_balance < cost) {
        const QString have = QLocale().toString(*m_balance, 'g', 12);
        m_balanceWarning->setText(
            // A whole balance picks its plural form (English "1 star" from studio_en.ts); a
            // fraction or a debt has no plural form in Qt's rules (n >= 0) and reads as many.
            *m_balance >= 0 && *m_balance < 1e9 && std::trunc(*m_balance) == *m_balance
                ? tr("You have %n stars; this needs %1.", nullptr, int(*m_balance)).arg(cost)
                : tr("You have %1 stars; this needs %2.").arg(have).arg(cost));
        const bool news = m_balanceWarning->isHidden();
        m_balanceWarning->show();
        if (news)
            m_announcer->announce(m_balanceWarning->text()); // out of stars, wherever the focus is
    } else {
        m_balanceWarning->hide();
    }
}

void ComposerPanel::setMask(const QString &imagePath, const QString &maskPath)
{
    const bool set = !imagePath.isEmpty() && !maskPath.isEmpty();
    m_maskedImage = set ? imagePath : QString();
    m_maskPath = set ? maskPath : QString();
    m_references->setMarkedPath(m_maskedImage);
    refreshMaskSentence();
}

void ComposerPanel::setMaskSentenceEnabled(bool enabled)
{
    m_maskSentence = enabled;
    refreshMaskSentence();
}

QString ComposerPanel::maskSentenceShown() const
{
    return m_maskNote->isHidden() ? QString() : m_maskNote->text();
}

void ComposerPanel::refreshMaskSentence()
{
    const bool shown = m_maskSentence && !m_maskPath.isEmpty();
    // The sentence is in the prompt's language (Persian for a Persian prompt), as it is sent.
    if (shown)
        m_maskNote->setText(
            tr("Added to your prompt: %1").arg(MaskEdit::sentenceFor(m_prompt->toPlainText())));
    m_maskNote->setVisible(shown);
}

void ComposerPanel::markArea(const QString &imagePath)
{
    QImageReader reader(imagePath);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        showError(tr("This image could not be opened for marking: %1").arg(reader.errorString()));
        return;
    }
    const QImage earlier = imagePath == m_maskedImage ? QImage(m_maskPath) : QImage();
    auto *editor = new MaskEditor(image, earlier, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor, imagePath] {
        saveMask(imagePath, editor->isMaskEmpty() ? QImage() : editor->mask());
    });
    editor->open();
    Q_EMIT maskEditorOpened(editor);
}

void ComposerPanel::saveMask(const QString &imagePath, const QImage &mask)
{
    if (mask.isNull()) {
        setMask({}, {}); // Done with nothing marked: no brush edit
        return;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    mask.save(&buffer, "PNG");
    // Named by content, in the profile beside pasted images, so it outlives the session.
    const QString folder = m_pasteFolder.isEmpty() ? QDir::tempPath() : m_pasteFolder;
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(
        u"mask-"_s
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())
        + u".png"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        showError(tr("The marked area could not be saved: %1").arg(file.errorString()));
        return;
    }
    setMask(imagePath, path);
}
