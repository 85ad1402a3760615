#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// Reads the dev server's --log-requests file: one JSON object per request.
QList<QJsonObject> readRequestLog(const QString &logPath);
// The logged POSTs to exactly `path` (e.g. /api/v1/nanobanana/generate).
QList<QJsonObject> loggedPostsTo(const QString &logPath, const QString &path);
