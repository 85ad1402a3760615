// Store's --data persistence: one state.json plus the uploaded files under files/.
#include "devserver/store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

using namespace Qt::StringLiterals;

namespace devserver {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList out;
    const auto array = value.toArray();
    for (const auto &v : array)
        out.append(v.toString());
    return out;
}

qint64 ms(const QJsonValue &v)
{
    return static_cast<qint64>(v.toDouble());
}

} // namespace

QJsonObject Store::toJson() const
{
    QJsonArray users;
    for (const auto &u : m_users) {
        users.append(QJsonObject{{u"id"_s, u.id},
                                 {u"phoneNumber"_s, u.phoneNumber},
                                 {u"stars"_s, u.stars},
                                 {u"createdMs"_s, double(u.createdMs)},
                                 {u"updatedMs"_s, double(u.updatedMs)},
                                 {u"seedBaseMs"_s, double(u.seedBaseMs)},
                                 {u"seededCount"_s, u.seededCount}});
    }
    QJsonArray images;
    for (const auto &list : m_images) {
        for (const auto &r : list) {
            if (r.seeded)
                continue;
            images.append(QJsonObject{{u"id"_s, r.id},
                                      {u"userId"_s, r.userId},
                                      {u"taskId"_s, r.taskId},
                                      {u"prompt"_s, r.prompt},
                                      {u"type"_s, r.type},
                                      {u"imageUrl"_s, r.imageUrl},
                                      {u"originImageUrl"_s, r.originImageUrl},
                                      {u"status"_s, r.status},
                                      {u"error"_s, r.error},
                                      {u"aspectRatio"_s, r.aspectRatio},
                                      {u"resolution"_s, r.resolution},
                                      {u"referenceImageUrls"_s, toArray(r.referenceImageUrls)},
                                      {u"characterIds"_s, toArray(r.characterIds)},
                                      {u"createdMs"_s, double(r.createdMs)},
                                      {u"completedMs"_s, double(r.completedMs)}});
        }
    }
    QJsonArray tasks;
    for (const auto &t : m_tasks) {
        tasks.append(QJsonObject{{u"id"_s, t.id},
                                 {u"taskId"_s, t.taskId},
                                 {u"userId"_s, t.userId},
                                 {u"prompt"_s, t.prompt},
                                 {u"type"_s, t.type},
                                 {u"status"_s, t.status},
                                 {u"imageSize"_s, t.imageSize},
                                 {u"resolution"_s, t.resolution},
                                 {u"resultImageUrl"_s, t.resultImageUrl},
                                 {u"error"_s, t.error},
                                 {u"recordId"_s, t.recordId},
                                 {u"referenceImageUrls"_s, toArray(t.referenceImageUrls)},
                                 {u"createdMs"_s, double(t.createdMs)},
                                 {u"updatedMs"_s, double(t.updatedMs)},
                                 {u"completedMs"_s, double(t.completedMs)}});
    }
    QJsonArray characters;
    for (const auto &list : m_characters) {
        for (const auto &c : list) {
            QJsonArray imgs;
            for (const auto &i : c.images)
                imgs.append(QJsonObject{{u"id"_s, i.id},
                                        {u"url"_s, i.url},
                                        {u"publicId"_s, i.publicId},
                                        {u"order"_s, i.order}});
            characters.append(QJsonObject{{u"id"_s, c.id},
                                          {u"userId"_s, c.userId},
                                          {u"name"_s, c.name},
                                          {u"images"_s, imgs},
                                          {u"createdMs"_s, double(c.createdMs)},
                                          {u"updatedMs"_s, double(c.updatedMs)}});
        }
    }
    QJsonArray uploads;
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it)
        uploads.append(QJsonObject{{u"path"_s, it.key()},
                                   {u"contentType"_s, QString::fromLatin1(it->contentType)}});
    return {{u"version"_s, 1},   {u"users"_s, users},           {u"images"_s, images},
            {u"tasks"_s, tasks}, {u"characters"_s, characters}, {u"uploads"_s, uploads}};
}

void Store::saveNow()
{
    if (m_dataDir.isEmpty())
        return;
    QDir().mkpath(m_dataDir);
    QSaveFile file(m_dataDir + "/state.json"_L1);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcStore) << "could not save state:" << file.errorString();
        return;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcStore) << "could not save state:" << file.errorString();
}

bool Store::load(QString *error)
{
    if (m_dataDir.isEmpty())
        return true;
    if (!QDir().mkpath(m_dataDir)) {
        *error = u"cannot create the data directory %1"_s.arg(m_dataDir);
        return false;
    }
    QFile file(m_dataDir + "/state.json"_L1);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    const auto doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        *error = u"%1 is not a state file"_s.arg(file.fileName());
        return false;
    }
    const auto root = doc.object();
    for (const auto &v : root.value(u"users").toArray()) {
        const auto o = v.toObject();
        UserRecord u;
        u.id = o.value(u"id").toString();
        u.phoneNumber = o.value(u"phoneNumber").toString();
        u.stars = o.value(u"stars").toDouble();
        u.createdMs = ms(o.value(u"createdMs"));
        u.updatedMs = ms(o.value(u"updatedMs"));
        u.seedBaseMs = ms(o.value(u"seedBaseMs"));
        u.seededCount = o.value(u"seededCount").toInt();
        auto &stored = *m_users.insert(u.id, u);
        m_userIdByPhone.insert(u.phoneNumber, u.id);
        seedUser(stored);
    }
    for (const auto &v : root.value(u"images").toArray()) {
        const auto o = v.toObject();
        ImageRecord r;
        r.id = o.value(u"id").toString();
        r.userId = o.value(u"userId").toString();
        r.taskId = o.value(u"taskId").toString();
        r.prompt = o.value(u"prompt").toString();
        r.type = o.value(u"type").toString();
        r.imageUrl = o.value(u"imageUrl").toString();
        r.originImageUrl = o.value(u"originImageUrl").toString();
        r.status = o.value(u"status").toString();
        r.error = o.value(u"error").toString();
        r.aspectRatio = o.value(u"aspectRatio").toString();
        r.resolution = o.value(u"resolution").toString();
        r.referenceImageUrls = toList(o.value(u"referenceImageUrls"));
        r.characterIds = toList(o.value(u"characterIds"));
        r.createdMs = ms(o.value(u"createdMs"));
        r.completedMs = ms(o.value(u"completedMs"));
        if (r.status == "pending"_L1 && !r.taskId.isEmpty()) {
            // Its generation died with the previous process.
            r.status = u"failed"_s;
            r.error = u"Internal error: the server restarted"_s;
            r.completedMs = r.createdMs;
        }
        insertImage(r);
    }
    for (const auto &v : root.value(u"tasks").toArray()) {
        const auto o = v.toObject();
        TaskRecord t;
        t.id = o.value(u"id").toString();
        t.taskId = o.value(u"taskId").toString();
        t.userId = o.value(u"userId").toString();
        t.prompt = o.value(u"prompt").toString();
        t.type = o.value(u"type").toString();
        t.status = o.value(u"status").toString();
        t.imageSize = o.value(u"imageSize").toString();
        t.resolution = o.value(u"resolution").toString();
        t.resultImageUrl = o.value(u"resultImageUrl").toString();
        t.error = o.value(u"error").toString();
        t.recordId = o.value(u"recordId").toString();
        t.referenceImageUrls = toList(o.value(u"referenceImageUrls"));
        t.createdMs = ms(o.value(u"createdMs"));
        t.updatedMs = ms(o.value(u"updatedMs"));
        t.completedMs = ms(o.value(u"completedMs"));
        if (t.status == "pending"_L1 || t.status == "processing"_L1) {
            t.status = u"failed"_s;
            t.error = u"Internal error: the server restarted"_s;
            t.completedMs = t.updatedMs;
        }
        m_tasks.insert(t.taskId, t);
    }
    for (const auto &v : root.value(u"characters").toArray()) {
        const auto o = v.toObject();
        CharacterRecord c;
        c.id = o.value(u"id").toString();
        c.userId = o.value(u"userId").toString();
        c.name = o.value(u"name").toString();
        c.createdMs = ms(o.value(u"createdMs"));
        c.updatedMs = ms(o.value(u"updatedMs"));
        for (const auto &iv : o.value(u"images").toArray()) {
            const auto io = iv.toObject();
            c.images.append({io.value(u"id").toString(), io.value(u"url").toString(),
                             io.value(u"publicId").toString(), io.value(u"order").toInt()});
        }
        m_characters[c.userId].append(c);
    }
    for (auto &list : m_characters)
        std::sort(list.begin(), list.end(), [](const CharacterRecord &a, const CharacterRecord &b) {
            return a.createdMs < b.createdMs;
        });
    for (const auto &v : root.value(u"uploads").toArray()) {
        const auto o = v.toObject();
        const auto path = o.value(u"path").toString();
        QFile data(m_dataDir + "/files"_L1 + path);
        if (path.contains(".."_L1) || !data.open(QIODevice::ReadOnly))
            continue;
        m_uploads.insert(path, {o.value(u"contentType").toString().toLatin1(), data.readAll()});
    }
    m_saveTimer.stop();
    return true;
}

} // namespace devserver
