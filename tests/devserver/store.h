#pragma once

#include "devserver/records.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <vector>

namespace devserver {

// All of the dev server's state: users, history, tasks, characters, uploads. Lives in memory;
// with a data directory it is saved (debounced) as JSON plus upload files and loaded at start.
class Store final : public QObject
{
    Q_OBJECT
public:
    Store(QString dataDir, int seedHistory, QObject *parent = nullptr);

    // The API origin seeded absolute URLs point at (set once the port is known).
    void setOrigin(const QString &origin) { m_origin = origin; }
    bool load(QString *error);
    void markDirty();
    void saveNow();

    UserRecord *userById(const QString &id);
    UserRecord *userByPhone(const QString &phone);
    UserRecord &createUser(const QString &phone, qint64 nowMs);
    QList<UserRecord> users() const;

    // Oldest first; the API serves it reversed.
    const std::vector<ImageRecord> &images(const QString &userId) const;
    ImageRecord *imageById(const QString &userId, const QString &id);
    void insertImage(const ImageRecord &record); // keeps createdAt order
    bool removeImage(const QString &userId, const QString &id);
    // Appends `count` new seeded-style records dated now (simulates history drift).
    void addDriftImages(const QString &userId, int count, qint64 nowMs);

    TaskRecord *task(const QString &taskId);
    void putTask(const TaskRecord &task);
    int taskCount(const QString &userId) const;

    QList<CharacterRecord> &characters(const QString &userId); // oldest first

    void putUpload(const QString &path, const StoredFile &file);
    const StoredFile *upload(const QString &path) const;
    void putRender(const QString &path, const RenderSpec &spec) { m_renders.insert(path, spec); }
    const RenderSpec *render(const QString &path) const;

    QString newObjectId();
    QString newFileStem(qint64 nowMs); // "<ms>-<rand>"

private:
    void seedUser(UserRecord &user);
    ImageRecord seededRecord(const UserRecord &user, int index, int count, qint64 baseMs);
    void registerRenders(const ImageRecord &record);
    QJsonObject toJson() const;

    QString m_dataDir;
    int m_seedHistory;
    QString m_origin;
    QHash<QString, UserRecord> m_users;
    QHash<QString, QString> m_userIdByPhone;
    QHash<QString, std::vector<ImageRecord>> m_images;
    QHash<QString, TaskRecord> m_tasks;
    QHash<QString, QList<CharacterRecord>> m_characters;
    QHash<QString, StoredFile> m_uploads;
    QHash<QString, RenderSpec> m_renders;
    quint64 m_counter = 0;
    QTimer m_saveTimer;
};

} // namespace devserver
