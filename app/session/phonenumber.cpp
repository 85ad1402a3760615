#include "session/phonenumber.h"

namespace PhoneNumber {

namespace {

ApiError invalid(const char *why)
{
    return ApiError::make(
        ApiError::Kind::Validation,
        UserMessage::of("core.phone.invalid", {UserMessage::of(why).toStorage()}));
}

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(')
           || c == QLatin1Char(')') || c == QChar(0x2010) || c == QChar(0x2011)
           || c == QChar(0x2012) || c == QChar(0x2013) || c == QChar(0x2212);
}

} // namespace

Result<QString> normalize(const QString &input)
{
    QString digits;
    bool plus = false;
    for (const QChar c : input) {
        if (isSeparator(c))
            continue;
        if (c == QLatin1Char('+') || c == QChar(0xff0b)) {
            if (plus || !digits.isEmpty())
                return invalid("core.phone.why.plusFirst");
            plus = true;
            continue;
        }
        const int value = c.digitValue();
        if (value < 0 || value > 9)
            return invalid("core.phone.why.digitsOnly");
        digits.append(QLatin1Char(char('0' + value)));
    }
    if (digits.isEmpty())
        return invalid("core.phone.why.empty");
    if (!plus) {
        if (!digits.startsWith(QLatin1StringView("00")))
            return invalid("core.phone.why.noCountryCode");
        digits.remove(0, 2);
    }
    if (digits.size() < 10 || digits.size() > 15)
        return invalid("core.phone.why.length");
    if (digits.startsWith(QLatin1Char('0')))
        return invalid("core.phone.why.leadingZero");
    return QString(QLatin1Char('+') + digits);
}

} // namespace PhoneNumber
