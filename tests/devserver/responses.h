#pragma once

#include "devserver/httptypes.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace devserver {

// Builders for the backend's answer shapes (CONTRACT.md section 1).
namespace Responses {

QString isoTime(qint64 ms); // 2026-02-24T12:25:39.123Z
HttpResponse json(int status, const QJsonObject &body);
HttpResponse success(const QJsonObject &data, int status = 200); // {status, data}
HttpResponse successMessage(const QString &message); // {status, message}
HttpResponse error(int status, const QString &message); // {status:"error", message}
HttpResponse validation(const QString &field, const QString &message);
HttpResponse authError(const QString &message); // 401 {error}
HttpResponse internalError(); // 500 Internal server error
HttpResponse html(int status, const QByteArray &page);
HttpResponse cannot(const QByteArray &method, const QByteArray &target); // Express' HTML 404
HttpResponse routeNotFound(const QByteArray &target); // JSON 404 for GET
HttpResponse webAppFallback(); // 200 text/html, as the web app answers a missing file

// JavaScript's parseInt: leading digits with an optional sign, nullopt for NaN.
std::optional<qint64> jsParseInt(const QString &text);

} // namespace Responses

} // namespace devserver
