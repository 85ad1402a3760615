#pragma once

#include <QString>

// Pure checks and clean-ups of what people type or paste into the sign-in dialog.
namespace SignInInput {

// "+49 151-2345 6789" -> "+4915123456789"; empty unless it is + and 10 to 15 digits.
QString normalizedPhone(const QString &text);
// The 6-digit code in typed or pasted text ("123 456", a whole SMS); empty when none.
QString extractCode(const QString &text);
// "https://host/" -> "https://host"; empty unless it is an http(s) URL with a host.
QString normalizedServer(const QString &text);
// Trims and drops a leading "Bearer "; the caller still rejects blanks inside.
QString cleanedToken(const QString &text);

} // namespace SignInInput
