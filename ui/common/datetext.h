#pragma once

#include <QCalendar>
#include <QDateTime>
#include <QString>

// Short, readable local dates for people (no seconds, no time-zone name): one form for the
// cramped gallery cards, one with the time for the detail view. Words and digits come from
// the default QLocale (Persian digits in Persian), the date from the chosen calendar.
namespace DateText {

// The calendar every date is shown in, chosen once at start like QLocale::setDefault (the
// delegates draw thousands of cells and take no calendar of their own). Until it is called:
// Jalali when the default locale is Persian, Gregorian otherwise.
void setCalendar(QCalendar::System system);
QCalendar calendar();

// "22 Nov 2026" (the day, the locale's short month name, the year), or "" when invalid; in
// Persian with the Jalali calendar "۱ آذر ۱۴۰۵".
QString day(const QDateTime &when);
// "22 Nov 2026, 10:35" (the time in the locale's short time format), or "—" when invalid.
QString dayAndTime(const QDateTime &when);

} // namespace DateText
