#include "session/signininput.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace SignInInput {

QString normalizedPhone(const QString &text)
{
    QString phone = text.trimmed();
    phone.remove(u' ').remove(u'-').remove(QChar(0x00A0));
    static const QRegularExpression pattern(u"^\\+\\d{10,15}$"_s);
    return pattern.match(phone).hasMatch() ? phone : QString();
}

QString extractCode(const QString &text)
{
    // Six digits standing alone, optionally split 3+3 by a space or dash, as texts show them.
    static const QRegularExpression pattern(u"(?<!\\d)(\\d{3})[ \\-\\x{00A0}]?(\\d{3})(?!\\d)"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    return match.hasMatch() ? match.captured(1) + match.captured(2) : QString();
}

QString normalizedServer(const QString &text)
{
    QString server = text.trimmed();
    while (server.endsWith(u'/'))
        server.chop(1);
    const QUrl url(server, QUrl::StrictMode);
    const bool web = url.scheme() == u"https" || url.scheme() == u"http";
    return url.isValid() && web && !url.host().isEmpty() ? server : QString();
}

QString cleanedToken(const QString &text)
{
    QString token = text.trimmed();
    if (token.startsWith(u"Bearer "_s, Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    return token;
}

} // namespace SignInInput
