#include "compose/prompttools.h"

#include "compose/stylepicker.h"
#include "prompts/promptsuggestions.h"
#include "prompts/recentprompts.h"
#include "styles/stylecatalogue.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

PromptTools::PromptTools(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QToolButton(this))
    , m_recentMenu(new QMenu(this))
    , m_styles(new QPushButton(tr("St&yles…"), this))
    , m_chip(new QWidget(this))
    , m_chipLabel(new QLabel(m_chip))
    , m_chipRemove(new QToolButton(m_chip))
{
    m_recent->setText(tr("Recen&t prompts"));
    // Off the Tab chain (the form's Tab stops stay the fields); Alt+T and Alt+Y reach them.
    m_recent->setFocusPolicy(Qt::NoFocus);
    m_styles->setFocusPolicy(Qt::NoFocus);
    m_recent->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_recent->setPopupMode(QToolButton::InstantPopup);
    m_recent->setMenu(m_recentMenu);
    m_recent->setAccessibleName(tr("Recent prompts"));
    m_styles->setToolTip(tr("Pick a style from the catalogue: it adds its words to the prompt"));
    m_chip->setObjectName(u"styleChip"_s);
    m_chip->setAttribute(Qt::WA_StyledBackground);
    m_chip->setStyleSheet(u"#styleChip { border: 1px solid palette(mid); border-radius: 10px; }"_s);
    m_chipRemove->setText(u"×"_s);
    m_chipRemove->setAutoRaise(true);
    auto *chipLayout = new QHBoxLayout(m_chip);
    chipLayout->setContentsMargins(8, 0, 2, 0);
    chipLayout->setSpacing(2);
    chipLayout->addWidget(m_chipLabel);
    chipLayout->addWidget(m_chipRemove);
    m_chip->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_recent);
    layout->addWidget(m_styles);
    layout->addWidget(m_chip);
    layout->addStretch(1);

    connect(m_recentMenu, &QMenu::aboutToShow, this, &PromptTools::fillRecentMenu);
    connect(m_styles, &QPushButton::clicked, this, &PromptTools::openStylePicker);
    connect(m_chipRemove, &QToolButton::clicked, this, [this] {
        const StyleTemplate previous = m_style;
        m_style = {};
        showChip();
        Q_EMIT styleChanged(previous, m_style);
    });
    setServices(nullptr, nullptr, nullptr, nullptr);
}

void PromptTools::setServices(RecentPrompts *recent, PromptSuggestions *suggestions,
                              StyleCatalogue *styles, StyleThumbnails *thumbnails)
{
    m_recentSource = recent;
    m_account = suggestions;
    m_catalogue = styles;
    m_thumbnails = thumbnails;
    m_recent->setVisible(recent != nullptr);
    m_styles->setVisible(styles != nullptr);
    setVisible(recent || styles || !m_style.id.isEmpty());
}

void PromptTools::setStyleId(const QString &styleId)
{
    m_style = {};
    if (!styleId.isEmpty()) {
        m_style = m_catalogue ? m_catalogue->find(styleId) : StyleTemplate();
        m_style.id = styleId;
    }
    showChip();
}

void PromptTools::showChip()
{
    const QString name = StyleCatalogue::displayName(m_style);
    m_chipLabel->setText(tr("Style: %1").arg(name));
    m_chipRemove->setToolTip(tr("Remove the style"));
    m_chipRemove->setAccessibleName(tr("Remove the style %1").arg(name));
    m_chip->setVisible(!m_style.id.isEmpty());
    if (!m_style.id.isEmpty())
        show();
}

QString PromptTools::withStyle(const QString &prompt, const QString &oldStylePrompt,
                               const QString &newStylePrompt)
{
    QString text = prompt.trimmed();
    const QString old = oldStylePrompt.trimmed();
    if (!old.isEmpty()) {
        if (text == old)
            text.clear();
        else if (text.endsWith(u", "_s + old))
            text.chop(old.size() + 2);
    }
    const QString now = newStylePrompt.trimmed();
    if (now.isEmpty() || text.contains(now))
        return text;
    return text.isEmpty() ? now : text + u", "_s + now;
}

void PromptTools::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList prompts =
        m_recentSource ? m_recentSource->list(m_account ? m_account->account() : QString())
                       : QStringList();
    if (prompts.isEmpty()) {
        m_recentMenu->addAction(tr("No prompts sent yet"))->setEnabled(false);
        return;
    }
    const QFontMetrics metrics(m_recentMenu->font());
    const int width = metrics.averageCharWidth() * 70;
    for (const QString &prompt : prompts) {
        // An ampersand in a prompt is not a shortcut mark.
        QString label =
            metrics.elidedText(QString(prompt).replace(u'\n', u' '), Qt::ElideRight, width);
        label.replace(u'&', u"&&"_s);
        QAction *action = m_recentMenu->addAction(label);
        action->setToolTip(prompt);
        connect(action, &QAction::triggered, this,
                [this, prompt] { Q_EMIT recentPromptChosen(prompt); });
    }
    m_recentMenu->setToolTipsVisible(true);
}

void PromptTools::openStylePicker()
{
    if (!m_catalogue)
        return;
    auto *picker = new StylePicker(*m_catalogue, m_thumbnails, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setCurrentStyle(m_style.id);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const StyleTemplate chosen = picker->chosen();
        if (chosen.id.isEmpty())
            return;
        const StyleTemplate previous = m_style;
        m_style = chosen;
        showChip();
        Q_EMIT styleChanged(previous, m_style);
    });
    picker->open();
    Q_EMIT stylePickerOpened(picker);
}
