#pragma once

#include <QCalendar>
#include <QLocale>

// The calendar people of a locale read dates in: the Solar Hijri one for Persian, the
// Gregorian one elsewhere (the only two our translations need).
inline QCalendar galleryCalendar(const QLocale &locale = QLocale())
{
    return locale.language() == QLocale::Persian ? QCalendar(QCalendar::System::Jalali)
                                                 : QCalendar();
}
