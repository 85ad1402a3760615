#include "session/phonenumber.h"

namespace PhoneNumber {

namespace {

ApiError invalid(const QString &why)
{
    return ApiError::make(ApiError::Kind::Validation,
                          why
                              + QStringLiteral(" Enter the number with its country code, for "
                                               "example +98 912 123 4567."));
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
                return invalid(QStringLiteral("A \"+\" may only start the number."));
            plus = true;
            continue;
        }
        const int value = c.digitValue();
        if (value < 0 || value > 9)
            return invalid(QStringLiteral("The phone number may contain only digits."));
        digits.append(QLatin1Char(char('0' + value)));
    }
    if (digits.isEmpty())
        return invalid(QStringLiteral("Enter a phone number."));
    if (!plus) {
        if (!digits.startsWith(QLatin1StringView("00")))
            return invalid(QStringLiteral("The country code is missing."));
        digits.remove(0, 2);
    }
    if (digits.size() < 10 || digits.size() > 15)
        return invalid(QStringLiteral("A phone number has 10 to 15 digits after the country "
                                      "code's \"+\"."));
    if (digits.startsWith(QLatin1Char('0')))
        return invalid(QStringLiteral("A country code never starts with 0."));
    return QString(QLatin1Char('+') + digits);
}

} // namespace PhoneNumber
