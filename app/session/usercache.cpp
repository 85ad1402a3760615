#include "session/usercache.h"

#include "session/sessionlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

UserCache::UserCache(QString path)
    : m_path(std::move(path))
{ }

std::optional<User> UserCache::load(const QString &accountId) const
{
    QFile file(m_path);
    if (accountId.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(file.read(qint64(1024) * 1024)).object();
    if (root.value("accountId"_L1).toString() != accountId)
        return std::nullopt;
    return fromJson(root.value("user"_L1).toObject());
}

bool UserCache::save(const QString &accountId, const User &user) const
{
    const QJsonObject root{{u"accountId"_s, accountId}, {u"user"_s, toJson(user)}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(root).toJson()) >= 0
                    && file.commit();
    if (!ok)
        qCWarning(lcSession) << "cannot cache the user in" << m_path << file.errorString();
    return ok;
}

void UserCache::remove() const
{
    QFile::remove(m_path);
}

QJsonObject UserCache::toJson(const User &user)
{
    QJsonObject o{{u"id"_s, user.id}, {u"stars"_s, user.stars}, {u"isVerified"_s, user.isVerified}};
    const auto put = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(u"phoneNumber"_s, user.phoneNumber);
    put(u"email"_s, user.email);
    put(u"name"_s, user.name);
    put(u"profilePicture"_s, user.profilePicture);
    put(u"subscription"_s, user.subscription);
    put(u"role"_s, user.role);
    if (user.createdAt.isValid())
        o.insert(u"createdAt"_s, user.createdAt.toString(Qt::ISODateWithMs));
    if (user.updatedAt.isValid())
        o.insert(u"updatedAt"_s, user.updatedAt.toString(Qt::ISODateWithMs));
    return o;
}

User UserCache::fromJson(const QJsonObject &o)
{
    User user;
    user.id = o.value("id"_L1).toString();
    user.phoneNumber = o.value("phoneNumber"_L1).toString();
    user.email = o.value("email"_L1).toString();
    user.name = o.value("name"_L1).toString();
    user.profilePicture = o.value("profilePicture"_L1).toString();
    user.subscription = o.value("subscription"_L1).toString();
    user.stars = o.value("stars"_L1).toDouble();
    user.isVerified = o.value("isVerified"_L1).toBool();
    user.role = o.value("role"_L1).toString();
    user.createdAt = QDateTime::fromString(o.value("createdAt"_L1).toString(), Qt::ISODateWithMs);
    user.updatedAt = QDateTime::fromString(o.value("updatedAt"_L1).toString(), Qt::ISODateWithMs);
    return user;
}
