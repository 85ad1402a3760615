#pragma once

class QTabBar;

// Reads a tab bar with one focused object at most. Qt's own reading calls the current tab
// focused all the time, so with the focus in a page's prompt a screen reader hears of two
// focused objects; here a tab is focused only while the bar has the keyboard. Each tab keeps
// its name, selected state and press action (which shows its page).
void setAccessibleTabs(QTabBar *bar);
