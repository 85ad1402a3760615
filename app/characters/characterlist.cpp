#include "characters/characterlist.h"

#include "backend/referencepreparer.h"
#include "characters/charactercache.h"
#include "session/session.h"
#include "threading/pool.h"

CharacterList::CharacterList(BackendClient &client, CharacterCache &cache, Session &session,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache)
    , m_session(session)
{ }

bool CharacterList::hasAccount() const
{
    return !m_session.accountId().isEmpty();
}

QList<Character> CharacterList::cached() const
{
    return m_cache.list(m_session.accountId());
}

Result<bool> CharacterList::keep(const QList<Character> &characters)
{
    return m_cache.replace(m_session.accountId(), characters);
}

ApiCall<QList<Character>> *CharacterList::fetch()
{
    return m_client.fetchCharacters();
}

QFuture<Result<QList<UploadFile>>> CharacterList::prepareImages(const QStringList &imagePaths)
{
    // The task gets paths of its own, made here just before the handoff, not a share of the
    // caller's strings. ThreadSanitizer (GCC 12) reported the task's read of a path the caller
    // had made long before, paired with main-thread "writes" whose stacks cannot write it
    // (QString's destructor inside sqlite3_free); with fresh copies it reports nothing, and a
    // suppression would have hidden real races in ReferencePreparer too (architecture.md).
    QStringList ownPaths;
    ownPaths.reserve(imagePaths.size());
    for (const auto &path : imagePaths)
        ownPaths.append(QString(path.constData(), path.size()));
    return runInPool(*QThreadPool::globalInstance(), [ownPaths = std::move(ownPaths)] {
        return ReferencePreparer::prepareAll(ownPaths);
    });
}

ApiCall<Character> *CharacterList::create(const QString &name, const QList<UploadFile> &images)
{
    return m_client.createCharacter(name, images);
}

ApiCall<Character> *CharacterList::rename(const QString &id, const QString &name)
{
    return m_client.renameCharacter(id, name);
}

ApiCall<Done> *CharacterList::remove(const QString &id)
{
    return m_client.deleteCharacter(id);
}
