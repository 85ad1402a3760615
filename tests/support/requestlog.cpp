#include "support/requestlog.h"

#include <QFile>
#include <QJsonDocument>

QList<QJsonObject> readRequestLog(const QString &logPath)
{
    QList<QJsonObject> requests;
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly))
        return requests;
    while (!file.atEnd()) {
        const auto line = file.readLine().trimmed();
        if (!line.isEmpty())
            requests.append(QJsonDocument::fromJson(line).object());
    }
    return requests;
}

QList<QJsonObject> loggedPostsTo(const QString &logPath, const QString &path)
{
    QList<QJsonObject> posts;
    for (const auto &r : readRequestLog(logPath))
        if (r.value(QStringLiteral("method")).toString() == u"POST"
            && r.value(QStringLiteral("path")).toString() == path)
            posts.append(r);
    return posts;
}
