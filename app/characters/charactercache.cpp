#include "characters/charactercache.h"

#include "history/historydatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QString encode(const Character &c)
{
    QJsonArray images;
    for (const auto &image : c.images)
        images.append(QJsonObject{{QStringLiteral("id"), image.id},
                                  {QStringLiteral("url"), image.url},
                                  {QStringLiteral("publicId"), image.publicId},
                                  {QStringLiteral("order"), image.order}});
    const QJsonObject o{{QStringLiteral("id"), c.id},
                        {QStringLiteral("userId"), c.userId},
                        {QStringLiteral("name"), c.name},
                        {QStringLiteral("images"), images},
                        {QStringLiteral("createdAt"), c.createdAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("updatedAt"), c.updatedAt.toString(Qt::ISODateWithMs)}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Character decode(const QString &json)
{
    const auto o = QJsonDocument::fromJson(json.toUtf8()).object();
    Character c;
    c.id = o.value(QStringLiteral("id")).toString();
    c.userId = o.value(QStringLiteral("userId")).toString();
    c.name = o.value(QStringLiteral("name")).toString();
    c.createdAt =
        QDateTime::fromString(o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    c.updatedAt =
        QDateTime::fromString(o.value(QStringLiteral("updatedAt")).toString(), Qt::ISODateWithMs);
    const auto images = o.value(QStringLiteral("images")).toArray();
    for (const auto &v : images) {
        const auto io = v.toObject();
        c.images.append(CharacterImage{io.value(QStringLiteral("id")).toString(),
                                       io.value(QStringLiteral("url")).toString(),
                                       io.value(QStringLiteral("publicId")).toString(),
                                       io.value(QStringLiteral("order")).toInt()});
    }
    return c;
}

} // namespace

CharacterCache::CharacterCache(HistoryDatabase &database)
    : m_database(database)
{ }

Result<bool> CharacterCache::replace(const QString &accountId, const QList<Character> &characters)
{
    auto failure = [](const QSqlQuery &q) {
        return ApiError::make(
            ApiError::Kind::Local,
            UserMessage::of("core.characters.notSavedInDatabase", {q.lastError().text()}));
    };
    auto db = m_database.connection();
    if (!db.transaction())
        return ApiError::make(ApiError::Kind::Local,
                              UserMessage::of("core.characters.notSaved", {db.lastError().text()}));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM characters WHERE account_id = :account"));
    q.bindValue(QStringLiteral(":account"), accountId);
    if (!q.exec()) {
        db.rollback();
        return failure(q);
    }
    q.prepare(QStringLiteral("INSERT INTO characters (account_id, id, name, json, created_at, "
                             "cached_at) VALUES (:account, :id, :name, :json, :created, :cached)"));
    const auto now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &c : characters) {
        q.bindValue(QStringLiteral(":account"), accountId);
        q.bindValue(QStringLiteral(":id"), c.id);
        q.bindValue(QStringLiteral(":name"), c.name);
        q.bindValue(QStringLiteral(":json"), encode(c));
        q.bindValue(QStringLiteral(":created"),
                    c.createdAt.isValid() ? QVariant(c.createdAt.toMSecsSinceEpoch()) : QVariant());
        q.bindValue(QStringLiteral(":cached"), now);
        if (!q.exec()) {
            db.rollback();
            return failure(q);
        }
    }
    if (!db.commit())
        return ApiError::make(ApiError::Kind::Local,
                              UserMessage::of("core.characters.notSaved", {db.lastError().text()}));
    return true;
}

QList<Character> CharacterCache::list(const QString &accountId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT json FROM characters WHERE account_id = :account "
                             "ORDER BY created_at DESC, id"));
    q.bindValue(QStringLiteral(":account"), accountId);
    QList<Character> out;
    if (q.exec())
        while (q.next())
            out.append(decode(q.value(0).toString()));
    return out;
}

std::optional<Character> CharacterCache::find(const QString &accountId, const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("SELECT json FROM characters WHERE account_id = :account AND id = :id"));
    q.bindValue(QStringLiteral(":account"), accountId);
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return decode(q.value(0).toString());
}
