#pragma once

#include "domain/records.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The signed-in user (name or phone, stars) kept as JSON in the profile so the app can show
// it offline. Never holds the token.
class UserCache final
{
public:
    explicit UserCache(QString path);

    // The cached user of `accountId`; nullopt when none or it belongs to another account.
    std::optional<User> load(const QString &accountId) const;
    bool save(const QString &accountId, const User &user) const;
    void remove() const;

    static QJsonObject toJson(const User &user);
    static User fromJson(const QJsonObject &object);

private:
    QString m_path;
};
