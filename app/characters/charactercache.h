#pragma once

#include "domain/records.h"
#include "domain/result.h"

#include <QList>

class HistoryDatabase;

// The account's character list as last seen on the server, kept in the `characters` table so
// the composer and the CLI can use characters offline.
class CharacterCache final
{
public:
    explicit CharacterCache(HistoryDatabase &database);

    // Replaces the account's cached list with `characters` (one transaction).
    Result<bool> replace(const QString &accountId, const QList<Character> &characters);
    // Newest first, as the server lists them.
    QList<Character> list(const QString &accountId) const;
    std::optional<Character> find(const QString &accountId, const QString &id) const;

private:
    HistoryDatabase &m_database;
};
