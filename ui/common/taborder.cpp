#include "common/taborder.h"

#include <QWidget>

void placeInTabOrderAfter(QWidget *widget, QWidget *after)
{
    QWidget *anchor = after;
    while (anchor && !(anchor->focusPolicy() & Qt::TabFocus)) {
        anchor = anchor->previousInFocusChain();
        if (anchor == after)
            return; // nothing focusable before it: leave Qt's order alone
    }
    if (anchor && anchor != widget && anchor->window() == widget->window())
        QWidget::setTabOrder(anchor, widget);
}
