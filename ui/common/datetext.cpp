#include "common/datetext.h"

#include <QLocale>
#include <QObject>

using namespace Qt::StringLiterals;

namespace DateText {

QString day(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return QLocale().toString(when.toLocalTime().date(), u"d MMM yyyy"_s);
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
    return day(local) + u", "_s + locale.toString(local.time(), format);
}

} // namespace DateText
