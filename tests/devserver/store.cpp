#include "devserver/store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_LOGGING_CATEGORY(lcStore, "studio.devserver.store")

using namespace Qt::StringLiterals;

namespace devserver {

Store::Store(QString dataDir, int seedHistory, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_seedHistory(seedHistory)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(200);
    connect(&m_saveTimer, &QTimer::timeout, this, &Store::saveNow);
}

void Store::markDirty()
{
    if (!m_dataDir.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

UserRecord *Store::userById(const QString &id)
{
    const auto it = m_users.find(id);
    return it == m_users.end() ? nullptr : &it.value();
}

UserRecord *Store::userByPhone(const QString &phone)
{
    const auto id = m_userIdByPhone.value(phone);
    return id.isEmpty() ? nullptr : userById(id);
}

UserRecord &Store::createUser(const QString &phone, qint64 nowMs)
{
    UserRecord user;
    user.id = newObjectId();
    user.phoneNumber = phone;
    user.createdMs = user.updatedMs = nowMs;
    user.seedBaseMs = nowMs;
    user.seededCount = m_seedHistory;
    auto &stored = *m_users.insert(user.id, user);
    m_userIdByPhone.insert(phone, user.id);
    seedUser(stored);
    markDirty();
    return stored;
}

QList<UserRecord> Store::users() const
{
    auto list = m_users.values();
    std::sort(list.begin(), list.end(),
              [](const UserRecord &a, const UserRecord &b) { return a.createdMs < b.createdMs; });
    return list;
}

const std::vector<ImageRecord> &Store::images(const QString &userId) const
{
    static const std::vector<ImageRecord> none;
    const auto it = m_images.constFind(userId);
    return it == m_images.cend() ? none : it.value();
}

ImageRecord *Store::imageById(const QString &userId, const QString &id)
{
    auto &list = m_images[userId];
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        if (it->id == id)
            return &*it;
    }
    return nullptr;
}

void Store::insertImage(const ImageRecord &record)
{
    auto &list = m_images[record.userId];
    const auto at = std::upper_bound(
        list.begin(), list.end(), record.createdMs,
        [](qint64 created, const ImageRecord &r) { return created < r.createdMs; });
    list.insert(at, record);
    registerRenders(record);
    markDirty();
}

bool Store::removeImage(const QString &userId, const QString &id)
{
    auto &list = m_images[userId];
    const auto it =
        std::find_if(list.begin(), list.end(), [&id](const ImageRecord &r) { return r.id == id; });
    if (it == list.end())
        return false;
    list.erase(it);
    markDirty();
    return true;
}

TaskRecord *Store::task(const QString &taskId)
{
    const auto it = m_tasks.find(taskId);
    return it == m_tasks.end() ? nullptr : &it.value();
}

void Store::putTask(const TaskRecord &task)
{
    m_tasks.insert(task.taskId, task);
    markDirty();
}

int Store::taskCount(const QString &userId) const
{
    return static_cast<int>(
        std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                      [&userId](const TaskRecord &t) { return t.userId == userId; }));
}

QList<CharacterRecord> &Store::characters(const QString &userId)
{
    return m_characters[userId];
}

void Store::putUpload(const QString &path, const StoredFile &file)
{
    m_uploads.insert(path, file);
    if (!m_dataDir.isEmpty()) {
        const QString filePath = m_dataDir + "/files"_L1 + path;
        QDir().mkpath(QFileInfo(filePath).absolutePath());
        QFile out(filePath);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.data) != file.data.size())
            qCWarning(lcStore) << "could not save upload" << filePath << out.errorString();
    }
    markDirty();
}

const StoredFile *Store::upload(const QString &path) const
{
    const auto it = m_uploads.constFind(path);
    return it == m_uploads.cend() ? nullptr : &it.value();
}

const RenderSpec *Store::render(const QString &path) const
{
    const auto it = m_renders.constFind(path);
    return it == m_renders.cend() ? nullptr : &it.value();
}

QString Store::newObjectId()
{
    // Like a MongoDB ObjectId: seconds, then randomness and a counter.
    const auto seconds = static_cast<quint32>(QDateTime::currentSecsSinceEpoch());
    const quint64 tail = (QRandomGenerator::global()->generate64() & 0xffffffffff000000ULL)
                         | (++m_counter & 0xffffffULL);
    return u"%1%2"_s.arg(seconds, 8, 16, QChar(u'0')).arg(tail, 16, 16, QChar(u'0'));
}

QString Store::newFileStem(qint64 nowMs)
{
    return u"%1-%2"_s.arg(nowMs).arg(QRandomGenerator::global()->bounded(100000000, 999999999));
}

void Store::registerRenders(const ImageRecord &record)
{
    const RenderSpec spec{record.prompt, record.aspectRatio, record.resolution};
    if (record.imageUrl.startsWith("/uploads/"_L1))
        m_renders.insert(record.imageUrl, spec);
    if (record.originImageUrl.startsWith("/uploads/"_L1))
        m_renders.insert(record.originImageUrl, spec);
}

} // namespace devserver
