#pragma once

#include "domain/result.h"

#include <QString>

// The backend keys accounts by the phone string verbatim, so every number is normalised
// one way before it is sent: E.164, "+" then 10 to 15 ASCII digits.
namespace PhoneNumber {

// Strips spaces, dashes, dots and parentheses, turns a leading "00" into "+", reads
// Persian and Arabic-Indic digits as ASCII. A Validation error with a user sentence when
// the result is not ^\+\d{10,15}$.
Result<QString> normalize(const QString &input);

} // namespace PhoneNumber
