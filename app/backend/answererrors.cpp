#include "backend/decoders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

// errorFromAnswer(): the status-code half of the decoders (CONTRACT.md section 1).

namespace {

bool looksLikeHtml(const HttpAnswer &answer)
{
    if (answer.contentType.contains(u"html", Qt::CaseInsensitive))
        return true;
    const auto head = answer.body.left(64).trimmed().toLower();
    return head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<");
}

// Text between the first <pre> (Express's "Cannot POST /x") or <title>, tags stripped.
QString htmlSummary(const QByteArray &body)
{
    static const QRegularExpression pre(QStringLiteral("<pre[^>]*>(.*?)</pre>"),
                                        QRegularExpression::CaseInsensitiveOption
                                            | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    const auto text = QString::fromUtf8(body.left(qsizetype(64) * 1024));
    for (const auto *re : {&pre, &title}) {
        const auto m = re->match(text);
        if (m.hasMatch())
            return m.captured(1).simplified().left(200);
    }
    return {};
}

// `message`, else `error`, else nothing (the caller falls back).
QString jsonMessage(const QJsonObject &root)
{
    for (auto key : {QLatin1StringView("message"), QLatin1StringView("error")}) {
        const auto v = root.value(key);
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
        if (v.isObject() && v.toObject().value(u"message").isString())
            return v.toObject().value(u"message").toString();
    }
    return {};
}

// Validation answers list the fields: "phoneNumber: Invalid phone number".
QString fieldErrors(const QJsonObject &root)
{
    QStringList parts;
    const auto errors = root.value(u"errors").toArray();
    for (const auto &e : errors) {
        const auto o = e.toObject();
        const auto field = o.value(u"field").toString();
        const auto msg = o.value(u"message").toString();
        if (!msg.isEmpty())
            parts << (field.isEmpty() ? msg : field + u": " + msg);
    }
    return parts.join(u"; ");
}

std::optional<double> numberAfter(const QString &text, const QString &pattern)
{
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double v = m.captured(1).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

ApiError errorFromAnswer(const HttpAnswer &answer)
{
    const int status = answer.status;
    const bool html = looksLikeHtml(answer);

    QString message;
    QJsonObject root;
    if (!html) {
        QJsonParseError parseError;
        const auto doc = QJsonDocument::fromJson(answer.body, &parseError);
        if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
            root = doc.object();
            message = jsonMessage(root);
        } else if (answer.body.size() <= 300) {
            // The rate limiter answers plain text.
            message = QString::fromUtf8(answer.body).simplified();
        }
    } else {
        message = htmlSummary(answer.body);
    }
    if (message.isEmpty())
        message = answer.reasonPhrase;

    if (status >= 200 && status < 300)
        return html ? ApiError::webPageInsteadOfData(status, message)
                    : ApiError::badResponse(UserMessage::of("core.answer.unexpectedShape"), status);
    if (status == 401)
        return ApiError::unauthorized(status, message);
    if (status == 403 && message.startsWith(u"INSUFFICIENT_STARS"))
        return ApiError::insufficientStars(
            status, message,
            numberAfter(message, QStringLiteral(R"((?:need|needs|needed|required|requires|cost)"
                                                R"(s?)\D{0,20}?(\d+(?:\.\d+)?))")),
            numberAfter(message, QStringLiteral(R"((?:have|has|balance|available|current))"
                                                R"(\D{0,20}?(-?\d+(?:\.\d+)?))")));
    if (status == 404)
        return ApiError::notFound(status, message);
    // A proxy in front of the backend (nginx: client_max_body_size, an upstream down or slow)
    // answers these with its own HTML page; the status alone says what happened. The backend's
    // own 503 carries its words in JSON ("SMS service unavailable") and keeps them.
    if (status == 413)
        return ApiError::make(ApiError::Kind::TooLarge, UserMessage::of("core.proxy.tooLarge"),
                              status, message);
    if (status == 502 || status == 504 || (status == 503 && root.isEmpty()))
        return ApiError::make(ApiError::Kind::ServerError,
                              UserMessage::of(status == 502   ? "core.proxy.badGateway"
                                              : status == 503 ? "core.proxy.unavailable"
                                                              : "core.proxy.gatewayTimeout"),
                              status, message);
    if (status == 429)
        return ApiError::rateLimited(status, message, answer.retryAfter);
    if (status == 400 || (status >= 402 && status < 500)) {
        const auto fields = fieldErrors(root);
        return ApiError::validation(status, fields.isEmpty() || message.contains(fields)
                                                ? message
                                                : message + u" (" + fields + u')');
    }
    if (status >= 500)
        return ApiError::serverError(status, message);
    // 1xx / 3xx reaching a decoder: a redirect loop or an odd proxy.
    return ApiError::badResponse(
        UserMessage::of("core.answer.unexpectedStatus", {QString::number(status)}), status);
}
