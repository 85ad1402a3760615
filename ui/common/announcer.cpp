#include "common/announcer.h"

#include "common/accessiblerole.h"

Announcer::Announcer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("announcer"));
    setAccessibleRole(this, QAccessible::Notification);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
    // Outside every layout, in a corner: it takes no room and paints nothing.
    setGeometry(0, 0, 1, 1);
    hide();
}

void Announcer::announce(const QString &sentence)
{
    if (sentence.isEmpty())
        return;
    m_last = sentence;
    setAccessibleName(sentence);
    // Hidden and shown again: a reader hears "showing" on a notification, which it speaks.
    hide();
    show();
    Q_EMIT announced(sentence);
}
