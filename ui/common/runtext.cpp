#include "common/runtext.h"

#include <QFontMetrics>
#include <QPainter>
#include <QTextOption>

namespace RunText {

Qt::LayoutDirection directionOf(const QString &text, Qt::LayoutDirection fallback)
{
    for (const QChar c : text) {
        switch (c.direction()) {
        case QChar::DirL:
            return Qt::LeftToRight;
        case QChar::DirR:
        case QChar::DirAL:
            return Qt::RightToLeft;
        default:
            break;
        }
    }
    return fallback;
}

void drawElided(QPainter *painter, const QRect &rect, const QString &text,
                const QFontMetrics &metrics, Qt::LayoutDirection fallback)
{
    const Qt::LayoutDirection direction = directionOf(text, fallback);
    // ElideRight cuts the logical end, which a right-to-left run shows at its left.
    const QString shown = metrics.elidedText(text, Qt::ElideRight, rect.width());
    QTextOption option;
    option.setTextDirection(direction);
    option.setWrapMode(QTextOption::NoWrap);
    option.setAlignment(Qt::AlignAbsolute | Qt::AlignVCenter
                        | (direction == Qt::RightToLeft ? Qt::AlignRight : Qt::AlignLeft));
    painter->drawText(QRectF(rect), shown, option);
}

} // namespace RunText
