#include "session/tokenstore.h"

#include "session/sessionlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <qt6keychain/keychain.h>

namespace {

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                               | QFileDevice::ReadUser | QFileDevice::WriteUser;

bool isOwnerOnly(QFileDevice::Permissions permissions)
{
    return (permissions & ~ownerOnly) == QFileDevice::Permissions();
}

// Errors that mean "no usable keychain here" rather than "this entry is missing".
bool keychainUnavailable(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
           || error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

ApiError fileError(const QString &path, const UserMessage &detail)
{
    return ApiError::make(ApiError::Kind::Local,
                          UserMessage::of("core.token.fileFailed",
                                          {QDir::toNativeSeparators(path), detail.toStorage()}));
}

} // namespace

TokenStore::TokenStore(QString profileRoot, QString fallbackPath, QString serverOrigin,
                       Backend backend, QObject *parent)
    : QObject(parent)
    , m_profileRoot(std::move(profileRoot))
    , m_fallbackPath(std::move(fallbackPath))
    , m_origin(std::move(serverOrigin))
    , m_usingFile(backend == Backend::FileOnly || keychainDisabledByEnvironment())
{ }

bool TokenStore::keychainDisabledByEnvironment()
{
    return qEnvironmentVariableIntValue("NANOBANANA_NO_KEYCHAIN") == 1;
}

QString TokenStore::serviceName()
{
    return QStringLiteral("NanoBanana Studio");
}

QString TokenStore::fallbackNotice() const
{
    const QString path = QDir::toNativeSeparators(m_fallbackPath);
    return m_refused ? tr("The keychain refused to keep your sign-in, so it is kept in %1, "
                          "readable by you alone. Allow the keychain and sign in again to "
                          "move it there.")
                           .arg(path)
                     : tr("No system keychain is available, so your sign-in is kept in %1, "
                          "readable by you alone.")
                           .arg(path);
}

void TokenStore::switchToFile(bool refused)
{
    m_refused = m_refused || refused;
    if (!m_usingFile)
        qCInfo(lcSession) << "no keychain service available; using" << m_fallbackPath;
    m_usingFile = true;
}

// File operations finish synchronously, but callers get the same asynchronous answer as
// from the keychain (and the one notice) either way.
void TokenStore::finishLater(std::function<void()> emitter)
{
    const bool notice = m_usingFile && !m_noticeSent;
    m_noticeSent = m_noticeSent || notice;
    QMetaObject::invokeMethod(
        this,
        [this, notice, emitter = std::move(emitter)] {
            if (notice)
                Q_EMIT fallbackFileUsed(m_fallbackPath);
            emitter();
        },
        Qt::QueuedConnection);
}

void TokenStore::load()
{
    if (m_usingFile) {
        loadFromFile();
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(keychainKey());
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError) {
            Q_EMIT loaded(job->textData());
        } else if (job->error() == QKeychain::EntryNotFound) {
            // Maybe saved while the keychain was unavailable.
            UserMessage error;
            const QString token = QFileInfo::exists(m_fallbackPath) ? readFile(&error) : QString();
            Q_EMIT loaded(token);
        } else if (keychainUnavailable(job->error())) {
            qCInfo(lcSession) << "keychain read failed:" << job->errorString();
            switchToFile(job->error() == QKeychain::AccessDenied);
            loadFromFile();
        } else {
            Q_EMIT failed(
                ApiError::make(ApiError::Kind::Local,
                               UserMessage::of("core.token.keychainRead", {job->errorString()})));
        }
    });
    job->start();
}

void TokenStore::save(const QString &token)
{
    if (m_usingFile) {
        saveToFile(token);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(keychainKey());
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job, token] {
        if (job->error() == QKeychain::NoError) {
            // The keychain holds it now: a copy left in the file from an earlier fallback
            // would outlive a later sign-out of the keychain entry.
            if (QFileInfo::exists(m_fallbackPath)) {
                UserMessage error;
                writeFile({}, &error);
            }
            Q_EMIT saved();
            return;
        }
        qCInfo(lcSession) << "keychain write failed:" << job->errorString();
        switchToFile(job->error() == QKeychain::AccessDenied);
        saveToFile(token);
    });
    job->start();
}

void TokenStore::clear()
{
    if (m_usingFile) {
        clearFile();
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(keychainKey());
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            qCInfo(lcSession) << "keychain delete failed:" << job->errorString();
            if (keychainUnavailable(job->error()))
                switchToFile(job->error() == QKeychain::AccessDenied);
        }
        clearFile();
    });
    job->start();
}

void TokenStore::loadFromFile()
{
    UserMessage error;
    const QString token = readFile(&error);
    if (!error.isEmpty()) {
        finishLater([this, error] { Q_EMIT failed(fileError(m_fallbackPath, error)); });
        return;
    }
    finishLater([this, token] { Q_EMIT loaded(token); });
}

void TokenStore::saveToFile(const QString &token)
{
    UserMessage error;
    if (!writeFile(token, &error)) {
        finishLater([this, error] { Q_EMIT failed(fileError(m_fallbackPath, error)); });
        return;
    }
    finishLater([this] { Q_EMIT saved(); });
}

void TokenStore::clearFile()
{
    UserMessage error;
    if (QFileInfo::exists(m_fallbackPath) && !writeFile({}, &error)) {
        finishLater([this, error] { Q_EMIT failed(fileError(m_fallbackPath, error)); });
        return;
    }
    if (m_usingFile) {
        finishLater([this] { Q_EMIT cleared(); });
    } else {
        QMetaObject::invokeMethod(this, &TokenStore::cleared, Qt::QueuedConnection);
    }
}

// The file maps server origins to tokens, so pointing a profile at another server never
// sends it the first server's token.
QString TokenStore::readFile(UserMessage *error) const
{
    QFile file(m_fallbackPath);
    if (!file.exists())
        return {};
    if (!isOwnerOnly(file.permissions())) {
        *error = UserMessage::of("core.token.why.readableByOthers");
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = UserMessage::plain(file.errorString());
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.read(qint64(64) * 1024));
    return document.object().value(m_origin).toString();
}

bool TokenStore::writeFile(const QString &token, UserMessage *error) const
{
    QJsonObject tokens;
    {
        QFile existing(m_fallbackPath);
        if (existing.open(QIODevice::ReadOnly))
            tokens = QJsonDocument::fromJson(existing.read(qint64(64) * 1024)).object();
    }
    if (token.isEmpty())
        tokens.remove(m_origin);
    else
        tokens.insert(m_origin, token);

    if (tokens.isEmpty()) {
        if (QFile::exists(m_fallbackPath) && !QFile::remove(m_fallbackPath)) {
            *error = UserMessage::of("core.token.why.cannotRemove");
            return false;
        }
        return true;
    }

    if (!QDir().mkpath(QFileInfo(m_fallbackPath).absolutePath())) {
        *error = UserMessage::of("core.token.why.cannotCreateFolder");
        return false;
    }
    QSaveFile file(m_fallbackPath);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = UserMessage::plain(file.errorString());
        return false;
    }
    // Restricted before the secret is written, and checked: a umask or file system that
    // ignores the request must not leave the token readable by others.
    if (!file.setPermissions(ownerOnly) || !isOwnerOnly(file.permissions())) {
        file.cancelWriting();
        *error = UserMessage::of("core.token.why.cannotMakePrivate");
        return false;
    }
    file.write(QJsonDocument(tokens).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *error = UserMessage::plain(file.errorString());
        return false;
    }
    if (!isOwnerOnly(QFileInfo(m_fallbackPath).permissions())) {
        QFile::remove(m_fallbackPath);
        *error = UserMessage::of("core.token.why.notKeptPrivate");
        return false;
    }
    return true;
}

#include "moc_tokenstore.cpp"
