#pragma once

#include <QDateTime>
#include <QString>

// Short, readable local dates for people (no seconds, no time-zone name): one form for the
// cramped gallery cards, one with the time for the detail view.
namespace DateText {

// "22 Nov 2026" (the day, the locale's short month name, the year), or "" when invalid.
QString day(const QDateTime &when);
// "22 Nov 2026, 10:35" (the time in the locale's short time format), or "—" when invalid.
QString dayAndTime(const QDateTime &when);

} // namespace DateText
