// DevServer: the characters routes.
#include "devserver/devserver.h"
#include "devserver/responses.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace devserver {

namespace {

constexpr qsizetype maxFileBytes = qsizetype(10) * 1024 * 1024;

// multer's limits: only the expected file field, at most 5 files of at most 10 MiB.
bool filesAcceptable(const QList<FormPart> &files, const QString &field)
{
    if (files.size() > 5)
        return false;
    for (const auto &f : files) {
        if (f.name != field || f.data.size() > maxFileBytes)
            return false;
    }
    return true;
}

} // namespace

QJsonObject DevServer::characterJson(const CharacterRecord &c) const
{
    QJsonArray images;
    for (const auto &i : c.images)
        images.append(QJsonObject{{u"id"_s, i.id},
                                  {u"url"_s, publicUrl(i.url)},
                                  {u"publicId"_s, i.publicId},
                                  {u"order"_s, i.order}});
    return {{u"id"_s, c.id},
            {u"userId"_s, c.userId},
            {u"name"_s, c.name},
            {u"images"_s, images},
            {u"createdAt"_s, Responses::isoTime(c.createdMs)},
            {u"updatedAt"_s, Responses::isoTime(c.updatedMs)}};
}

bool DevServer::handleCharacterRoutes(const HttpRequest &request, const QString &path,
                                      const Reply &reply)
{
    const bool collection = path == "/characters"_L1;
    const bool item =
        path.startsWith("/characters/"_L1) && path.size() > 12 && path.indexOf(u'/', 12) < 0;
    const auto &method = request.method;
    if (!((collection && (method == "GET" || method == "POST"))
          || (item && (method == "PUT" || method == "DELETE"))))
        return false;
    HttpResponse failure;
    bool unknown = false;
    auto *user = authenticate(request, &failure, &unknown);
    if (!user)
        return reply(failure), true;
    auto &list = m_store.characters(user->id);
    const auto addImages = [this, user](CharacterRecord &c, const QList<FormPart> &files) {
        for (const auto &file : files) {
            QString stem;
            const auto url = storeUpload(u"/uploads/nero/characters/"_s + user->id, file, &stem);
            c.images.append({m_store.newObjectId(), url,
                             u"nero/characters/%1/%2"_s.arg(user->id, stem), int(c.images.size())});
        }
    };

    if (collection && method == "GET") {
        QJsonArray characters;
        for (auto it = list.crbegin(); it != list.crend(); ++it)
            characters.append(characterJson(*it));
        reply(Responses::success({{u"characters"_s, characters}}));
        return true;
    }
    const auto body = parseBody(request);
    if (body.malformed)
        return reply(Responses::internalError()), true;
    if (collection) { // POST
        const auto files = body.form.allFiles();
        if (!filesAcceptable(files, u"images"_s))
            return reply(Responses::internalError()), true;
        const auto name = body.field(u"name"_s).trimmed();
        if (name.isEmpty())
            return reply(Responses::error(400, u"Name is required"_s)), true;
        if (files.size() < 3)
            return reply(Responses::error(400, u"A character needs 3 to 5 images"_s)), true;
        CharacterRecord c;
        c.id = m_store.newObjectId();
        c.userId = user->id;
        c.name = name;
        c.createdMs = c.updatedMs = nowMs();
        addImages(c, files);
        list.append(c);
        m_store.markDirty();
        reply(Responses::success({{u"character"_s, characterJson(c)}}, 201));
        return true;
    }
    const auto id = path.mid(12);
    const auto it = std::find_if(list.begin(), list.end(),
                                 [&id](const CharacterRecord &c) { return c.id == id; });
    if (it == list.end())
        return reply(Responses::error(404, u"Character not found"_s)), true;
    if (method == "DELETE") {
        list.erase(it);
        m_store.markDirty();
        reply(Responses::successMessage(u"Character deleted successfully"_s));
        return true;
    }
    // PUT
    const auto files = body.form.allFiles();
    if (!filesAcceptable(files, u"newImages"_s))
        return reply(Responses::internalError()), true;
    auto updated = *it;
    if (body.hasField(u"name"_s)) {
        const auto name = body.field(u"name"_s).trimmed();
        if (name.isEmpty())
            return reply(Responses::error(400, u"Name is required"_s)), true;
        updated.name = name;
    }
    if (body.hasField(u"existingImages"_s)) {
        const auto doc = QJsonDocument::fromJson(body.field(u"existingImages"_s).toUtf8());
        if (!doc.isArray())
            return reply(Responses::internalError()), true; // JSON.parse threw
        QStringList keep; // ids or urls, given as strings or as image objects
        for (const auto &v : doc.array()) {
            if (v.isString())
                keep.append(v.toString());
            else
                keep << v.toObject().value(u"id").toString()
                     << v.toObject().value(u"url").toString();
        }
        QList<CharacterImageRecord> kept;
        for (const auto &image : std::as_const(updated.images)) {
            if (keep.contains(image.id) || keep.contains(image.url)
                || keep.contains(publicUrl(image.url)))
                kept.append(image);
        }
        updated.images = kept;
    }
    addImages(updated, files);
    if (updated.images.size() < 3 || updated.images.size() > 5)
        return reply(Responses::error(400, u"A character needs 3 to 5 images"_s)), true;
    for (qsizetype i = 0; i < updated.images.size(); ++i)
        updated.images[i].order = int(i);
    updated.updatedMs = nowMs();
    *it = updated;
    m_store.markDirty();
    reply(Responses::success({{u"character"_s, characterJson(updated)}}));
    return true;
}

} // namespace devserver
