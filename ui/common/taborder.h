#pragma once

class QWidget;

// Qt appends a widget created after its window was built to the end of the tab order. This
// moves it right after `after`, or when `after` takes no focus (a container), after the
// nearest focusable widget before it, so late chips and thumbnails sit where they are shown.
void placeInTabOrderAfter(QWidget *widget, QWidget *after);
