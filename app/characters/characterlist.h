#pragma once

#include "backend/apicall.h"
#include "backend/backendclient.h"
#include "domain/records.h"

#include <QFuture>
#include <QObject>

class CharacterCache;
class Session;

// The signed-in account's characters: the cached list (there offline too) and the server
// calls that change it, one call object each, so ui/ never talks to BackendClient itself.
class CharacterList final : public QObject
{
    Q_OBJECT
public:
    CharacterList(BackendClient &client, CharacterCache &cache, Session &session,
                  QObject *parent = nullptr);

    // False when no account is known (never signed in, or signed out).
    bool hasAccount() const;
    // The list as last seen on the server, newest first.
    QList<Character> cached() const;
    // Keeps a list the server just returned as the account's cached list.
    Result<bool> keep(const QList<Character> &characters);

    ApiCall<QList<Character>> *fetch();
    // Reads and downscales a new character's images, off the calling thread.
    static QFuture<Result<QList<UploadFile>>> prepareImages(const QStringList &imagePaths);
    ApiCall<Character> *create(const QString &name, const QList<UploadFile> &images);
    ApiCall<Character> *rename(const QString &id, const QString &name);
    ApiCall<Done> *remove(const QString &id);

private:
    BackendClient &m_client;
    CharacterCache &m_cache;
    Session &m_session;
};
