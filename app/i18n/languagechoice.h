#pragma once

#include "i18n/translations.h"

#include <QCalendar>
#include <QString>

// The interface language and calendar a person chose in Settings, kept in the profile's
// settings.ini ([ui] language, calendar); both take effect at the next start.
class LanguageChoice final
{
public:
    enum class Calendar { Automatic, Jalali, Gregorian };

    explicit LanguageChoice(QString settingsPath);

    Translations::Language language() const;
    void setLanguage(Translations::Language language);
    Calendar calendar() const;
    void setCalendar(Calendar calendar);

    // Automatic is Jalali when the interface is Persian, Gregorian otherwise.
    static QCalendar::System calendarFor(Calendar calendar, const QLocale &locale);

private:
    QString m_path;
};
