#include "common/datetext.h"

#include <QLocale>
#include <QObject>

#include <optional>

using namespace Qt::StringLiterals;

namespace DateText {

namespace {

std::optional<QCalendar::System> &chosenCalendar()
{
    static std::optional<QCalendar::System> chosen;
    return chosen;
}

} // namespace

void setCalendar(QCalendar::System system)
{
    chosenCalendar() = system;
}

QCalendar calendar()
{
    if (const auto chosen = chosenCalendar())
        return QCalendar(*chosen);
    return QCalendar(QLocale().language() == QLocale::Persian ? QCalendar::System::Jalali
                                                              : QCalendar::System::Gregorian);
}

QString day(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    // The Persian month names are full words ("آذر"); Qt's short forms for them are the same.
    return QLocale().toString(when.toLocalTime().date(), u"d MMM yyyy"_s, calendar());
}

QString dayAndTime(const QDateTime &when)
{
    if (!when.isValid())
        return QObject::tr("—");
    const QLocale locale;
    const QDateTime local = when.toLocalTime();
    // Some locales' short time has seconds (the C locale: HH:mm:ss); a person wants minutes.
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s).remove(u".ss"_s);
    // "، " is the Persian comma; the rest of the world's locales read ", ".
    const QString comma = locale.language() == QLocale::Persian ? u"، "_s : u", "_s;
    return day(local) + comma + locale.toString(local.time(), format);
}

} // namespace DateText
