#include "compose/composerpanel.h"

#include "common/announcer.h"
#include "common/banner.h"
#include "common/busyindicator.h"
#include "compose/aspectratiopicker.h"
#include "compose/characterpicker.h"
#include "compose/prompteditor.h"
#include "compose/referencestrip.h"
#include "compose/resolutionpicker.h"

#include <QHBoxLayout>
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
    , m_references(new ReferenceStrip(this))
    , m_characters(new CharacterPicker(this))
    , m_ratio(new AspectRatioPicker(this))
    , m_resolution(new ResolutionPicker(this))
    , m_balanceWarning(new QLabel(this))
    , m_announcer(new Announcer(this))
    , m_busyIndicator(new BusyIndicator(this))
    , m_status(new QLabel(this))
    , m_submit(new QPushButton(this))
{
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
    request.templateId = m_templateId;
    return request;
}

void ComposerPanel::setRequest(const JobRequest &request)
{
    setKind(request.kind);
    m_prompt->setPlainText(request.prompt);
    m_ratio->setRatio(request.aspectRatio);
    m_resolution->setResolution(request.resolution);
    m_references->setPaths(request.referencePaths);
    m_characters->setSelectedIds(request.characterIds);
    m_templateId = request.templateId;
    clearError();
    refreshSubmit();
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
