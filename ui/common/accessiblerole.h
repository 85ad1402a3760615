#pragma once

#include <QAccessible>

class QWidget;

// Gives a widget the screen-reader role it plays when Qt's own reading says otherwise: a
// checkable tile of a one-of-many choice is a radio button (Qt says check box), a painted
// picture is a graphic (Qt says an unnamed client area). A button keeps its name, description,
// checked state and press action. The widget's own QActions (QWidget::addAction) are offered as
// actions too, named by their text and described by their tooltip.
void setAccessibleRole(QWidget *widget, QAccessible::Role role);

// Once per process: a widget that hands its focus to another (a scroll area's viewport to the
// scroll area, a tab widget to its tab bar) is read as neither focusable nor focused, so the
// one that really has the keyboard is the one focused object a screen reader hears of.
void installFocusProxyAccessibility();
