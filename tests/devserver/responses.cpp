#include "devserver/responses.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace devserver {

namespace Responses {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

HttpResponse json(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "application/json; charset=utf-8";
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse success(const QJsonObject &data, int status)
{
    return json(status, {{u"status"_s, u"success"_s}, {u"data"_s, data}});
}

HttpResponse successMessage(const QString &message)
{
    return json(200, {{u"status"_s, u"success"_s}, {u"message"_s, message}});
}

HttpResponse error(int status, const QString &message)
{
    return json(status, {{u"status"_s, u"error"_s}, {u"message"_s, message}});
}

HttpResponse validation(const QString &field, const QString &message)
{
    return json(400, {{u"status"_s, u"error"_s},
                      {u"message"_s, u"Validation failed"_s},
                      {u"errors"_s,
                       QJsonArray{QJsonObject{{u"field"_s, field}, {u"message"_s, message}}}}});
}

HttpResponse authError(const QString &message)
{
    return json(401, {{u"error"_s, message}});
}

HttpResponse internalError()
{
    return error(500, u"Internal server error"_s);
}

HttpResponse html(int status, const QByteArray &page)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = page;
    return r;
}

static QByteArray escapeHtml(const QByteArray &text)
{
    return QString::fromUtf8(text).toHtmlEscaped().toUtf8();
}

HttpResponse cannot(const QByteArray &method, const QByteArray &target)
{
    auto r = html(404, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>Error</title>\n</head>\n<body>\n<pre>Cannot "
                           + escapeHtml(method) + ' ' + escapeHtml(target)
                           + "</pre>\n</body>\n</html>\n");
    r.setHeader("Content-Security-Policy", "default-src 'none'");
    r.setHeader("X-Content-Type-Options", "nosniff");
    return r;
}

HttpResponse routeNotFound(const QByteArray &target)
{
    return error(404, u"Route %1 not found"_s.arg(QString::fromUtf8(target)));
}

HttpResponse webAppFallback()
{
    return html(200, "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                     "<title>NanoBanana</title></head>\n<body><div id=\"root\"></div>"
                     "<script src=\"/assets/index.js\"></script></body>\n</html>\n");
}

std::optional<qint64> jsParseInt(const QString &text)
{
    const auto t = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < t.size() && (t.at(i) == u'-' || t.at(i) == u'+')) {
        negative = t.at(i) == u'-';
        ++i;
    }
    qint64 value = 0;
    const auto start = i;
    while (i < t.size() && t.at(i).isDigit() && t.at(i).unicode() < 128
           && value < 1'000'000'000'000LL) {
        value = value * 10 + (t.at(i).unicode() - u'0');
        ++i;
    }
    if (i == start)
        return std::nullopt;
    return negative ? -value : value;
}

} // namespace Responses

} // namespace devserver
