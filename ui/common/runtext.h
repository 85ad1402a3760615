#pragma once

#include <QString>
#include <Qt>

class QFontMetrics;
class QPainter;
class QRect;

// Draws one run of text (a prompt, a message) in the direction of its own characters, not
// the layout's: a Persian prompt in the English UI reads, aligns and elides from the right,
// an English one in the Persian UI from the left. Painted widgets use it where Qt's own
// widgets would find the direction by themselves.
namespace RunText {

// The direction of the text's first strong character; `fallback` (the layout's) when it has
// none (digits, punctuation).
Qt::LayoutDirection directionOf(const QString &text, Qt::LayoutDirection fallback);

// Draws `text` on one line of `rect`, centred vertically, elided at its own end to fit and
// aligned at its own start.
void drawElided(QPainter *painter, const QRect &rect, const QString &text,
                const QFontMetrics &metrics, Qt::LayoutDirection fallback);

} // namespace RunText
