#include "i18n/languagechoice.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

// Words, not enum numbers, in the file: a person may edit it, and a reordered enum must not
// change what it says.
constexpr QStringView kLanguageKey = u"ui/language";
constexpr QStringView kCalendarKey = u"ui/calendar";

} // namespace

LanguageChoice::LanguageChoice(QString settingsPath)
    : m_path(std::move(settingsPath))
{ }

Translations::Language LanguageChoice::language() const
{
    const QString value =
        QSettings(m_path, QSettings::IniFormat).value(kLanguageKey.toString()).toString();
    if (value == u"fa")
        return Translations::Language::Persian;
    if (value == u"en")
        return Translations::Language::English;
    return Translations::Language::System;
}

void LanguageChoice::setLanguage(Translations::Language language)
{
    QSettings settings(m_path, QSettings::IniFormat);
    switch (language) {
    case Translations::Language::Persian:
        settings.setValue(kLanguageKey.toString(), u"fa"_s);
        break;
    case Translations::Language::English:
        settings.setValue(kLanguageKey.toString(), u"en"_s);
        break;
    case Translations::Language::System:
        settings.remove(kLanguageKey.toString());
        break;
    }
}

LanguageChoice::Calendar LanguageChoice::calendar() const
{
    const QString value =
        QSettings(m_path, QSettings::IniFormat).value(kCalendarKey.toString()).toString();
    if (value == u"jalali")
        return Calendar::Jalali;
    if (value == u"gregorian")
        return Calendar::Gregorian;
    return Calendar::Automatic;
}

void LanguageChoice::setCalendar(Calendar calendar)
{
    QSettings settings(m_path, QSettings::IniFormat);
    switch (calendar) {
    case Calendar::Jalali:
        settings.setValue(kCalendarKey.toString(), u"jalali"_s);
        break;
    case Calendar::Gregorian:
        settings.setValue(kCalendarKey.toString(), u"gregorian"_s);
        break;
    case Calendar::Automatic:
        settings.remove(kCalendarKey.toString());
        break;
    }
}

QCalendar::System LanguageChoice::calendarFor(Calendar calendar, const QLocale &locale)
{
    switch (calendar) {
    case Calendar::Jalali:
        return QCalendar::System::Jalali;
    case Calendar::Gregorian:
        return QCalendar::System::Gregorian;
    case Calendar::Automatic:
        break;
    }
    return locale.language() == QLocale::Persian ? QCalendar::System::Jalali
                                                 : QCalendar::System::Gregorian;
}
