#include "common/banner.h"

#include "common/announcer.h"
#include "common/uiresources.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

struct BannerColours
{
    const char *background;
    const char *border;
    const char *icon;
};

BannerColours coloursFor(Banner::Kind kind)
{
    switch (kind) {
    case Banner::Kind::Warning:
        return {"#fff4d6", "#e0b44c", ":/icons/warning.svg"};
    case Banner::Kind::Error:
        return {"#fde4e2", "#d9534f", ":/icons/error.svg"};
    case Banner::Kind::Info:
        break;
    }
    return {"#e3eefb", "#5b8fd6", ":/icons/info.svg"};
}

} // namespace

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
    , m_announcer(new Announcer(this))
{
    initUiResources();
    setObjectName(u"banner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Message"));

    m_icon->setFixedSize(20, 20);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_action->hide();
    m_action->setAccessibleName(tr("Act on this message"));
    m_close->setIcon(QIcon(u":/icons/close.svg"_s));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_action, &QPushButton::clicked, this, &Banner::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, &Banner::dismiss);
    applyPalette();
    hide();
}

void Banner::showMessage(Kind kind, const QString &text, const QString &actionText)
{
    m_kind = kind;
    const bool news = isHidden() || m_text->text() != text;
    m_text->setText(text);
    m_text->setAccessibleName(text);
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText.isEmpty() ? tr("Act on this message") : actionText);
    m_action->setVisible(!actionText.isEmpty());
    applyPalette();
    show();
    if (news)
        m_announcer->announce(text); // heard without moving there
}

void Banner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QString Banner::text() const
{
    return m_text->text();
}

void Banner::dismiss()
{
    if (isHidden())
        return;
    hide();
    Q_EMIT dismissed();
}

void Banner::applyPalette()
{
    const BannerColours colours = coloursFor(m_kind);
    // A style sheet scoped by object name so the colours do not leak into child buttons.
    setStyleSheet(u"QFrame#banner { background: %1; border: 1px solid %2; border-radius: 6px; }"
                  u" QFrame#banner QLabel { color: #1d1d1f; background: transparent; }"_s.arg(
                      QLatin1StringView(colours.background), QLatin1StringView(colours.border)));
    m_icon->setPixmap(QIcon(QLatin1StringView(colours.icon)).pixmap(20, 20));
}
