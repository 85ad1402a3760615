// DevServer: generate and edit (both flavours), task polling and the history list.
#include "devserver/devserver.h"
#include "devserver/responses.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace devserver {

namespace {

const QStringList acceptedRatios = {u"1:1"_s, u"2:3"_s, u"3:2"_s,  u"3:4"_s,  u"4:3"_s,
                                    u"4:5"_s, u"5:4"_s, u"9:16"_s, u"16:9"_s, u"21:9"_s};
constexpr qsizetype maxFileBytes = qsizetype(10) * 1024 * 1024;
constexpr int maxFiles = 5;

} // namespace

QJsonObject DevServer::imageJson(const ImageRecord &r) const
{
    QJsonArray refs;
    for (const auto &url : r.referenceImageUrls)
        refs.append(publicUrl(url));
    QJsonObject o{{u"id"_s, r.id},
                  {u"userId"_s, r.userId},
                  {u"prompt"_s, r.prompt},
                  {u"type"_s, r.type},
                  {u"referenceImageUrls"_s, refs},
                  {u"characterIds"_s, QJsonArray::fromStringList(r.characterIds)},
                  {u"status"_s, r.status},
                  {u"createdAt"_s, Responses::isoTime(r.createdMs)}};
    if (!r.taskId.isEmpty())
        o.insert(u"taskId"_s, r.taskId);
    if (!r.imageUrl.isEmpty())
        o.insert(u"imageUrl"_s, publicUrl(r.imageUrl));
    if (!r.originImageUrl.isEmpty())
        o.insert(u"originImageUrl"_s, publicUrl(r.originImageUrl));
    if (!r.error.isEmpty())
        o.insert(u"error"_s, r.error);
    if (r.completedMs > 0)
        o.insert(u"completedAt"_s, Responses::isoTime(r.completedMs));
    return o;
}

QJsonObject DevServer::taskJson(const TaskRecord &t) const
{
    QJsonArray refs;
    for (const auto &url : t.referenceImageUrls)
        refs.append(publicUrl(url));
    QJsonArray results;
    if (!t.resultImageUrl.isEmpty())
        results.append(publicUrl(t.resultImageUrl));
    QJsonObject o{{u"id"_s, t.id},
                  {u"taskId"_s, t.taskId},
                  {u"userId"_s, t.userId},
                  {u"prompt"_s, t.prompt},
                  {u"type"_s, t.type},
                  {u"status"_s, t.status},
                  {u"referenceImageUrls"_s, refs},
                  {u"imageSize"_s, t.imageSize},
                  {u"resultImageUrls"_s, results},
                  {u"createdAt"_s, Responses::isoTime(t.createdMs)},
                  {u"updatedAt"_s, Responses::isoTime(t.updatedMs)}};
    if (!t.error.isEmpty())
        o.insert(u"error"_s, t.error);
    if (t.completedMs > 0)
        o.insert(u"completedAt"_s, Responses::isoTime(t.completedMs));
    return o;
}

bool DevServer::handleGenerationRoutes(const HttpRequest &request, const QString &path,
                                       const Reply &reply)
{
    const bool get = request.method == "GET";
    if (request.method == "POST"
        && (path == "/nanobanana/generate"_L1 || path == "/nanobanana/edit"_L1)) {
        submitGeneration(request, path.endsWith("edit"_L1), reply);
        return true;
    }
    if (get && path.startsWith("/nanobanana/task/"_L1) && m_options.flavor == Flavor::Async) {
        HttpResponse failure;
        bool unknown = false;
        const auto *user = authenticate(request, &failure, &unknown);
        if (!user)
            return reply(failure), true;
        const auto *task = m_store.task(path.mid(17));
        if (!task || task->userId != user->id)
            return reply(Responses::error(404, u"Task not found"_s)), true;
        reply(Responses::success({{u"task"_s, taskJson(*task)}}));
        return true;
    }
    if (get && path == "/nanobanana/images"_L1) {
        HttpResponse failure;
        bool unknown = false;
        const auto *user = authenticate(request, &failure, &unknown);
        if (!user)
            return reply(failure), true;
        // Express: parseInt(limit) || 50, parseInt(skip) || 0; MongoDB rejects a negative skip.
        auto limit =
            Responses::jsParseInt(request.query.queryItemValue(u"limit"_s, QUrl::FullyDecoded))
                .value_or(0);
        if (limit == 0)
            limit = 50;
        const auto skip =
            Responses::jsParseInt(request.query.queryItemValue(u"skip"_s, QUrl::FullyDecoded))
                .value_or(0);
        if (skip < 0)
            return reply(Responses::internalError()), true;
        const auto &list = m_store.images(user->id);
        const auto total = static_cast<qint64>(list.size());
        const auto take = limit < 0 ? -limit : limit; // MongoDB reads a negative limit as its size
        QJsonArray images;
        for (qint64 i = total - 1 - skip; i >= 0 && images.size() < take; --i)
            images.append(imageJson(list[static_cast<std::size_t>(i)]));
        const QJsonObject pagination{{u"total"_s, double(total)},
                                     {u"limit"_s, double(limit)},
                                     {u"skip"_s, double(skip)},
                                     {u"hasMore"_s, skip + images.size() < total}};
        reply(Responses::success({{u"images"_s, images}, {u"pagination"_s, pagination}}));
        return true;
    }
    return false;
}

void DevServer::submitGeneration(const HttpRequest &request, bool edit, const Reply &reply)
{
    ++(edit ? m_editPosts : m_generatePosts);
    HttpResponse failure;
    bool unknown = false;
    auto *user = authenticate(request, &failure, &unknown);
    if (!user)
        return reply(failure);
    const auto body = parseBody(request);
    if (body.malformed)
        return reply(Responses::internalError());
    // multer: any file field but "images", more than 5 files or one over 10 MiB is an error
    // that the generic handler turns into a 500.
    const auto files = body.form.allFiles();
    for (const auto &file : files) {
        if (file.name != "images"_L1 || file.data.size() > maxFileBytes)
            return reply(Responses::internalError());
    }
    if (files.size() > maxFiles)
        return reply(Responses::internalError());
    const auto prompt = body.field(u"prompt"_s).trimmed();
    if (prompt.isEmpty())
        return reply(Responses::error(400, u"Prompt is required"_s));
    if (edit && files.isEmpty())
        return reply(Responses::error(400, u"At least one image is required for editing"_s));
    const auto ratio = body.hasField(u"imageSize"_s) ? body.field(u"imageSize"_s) : u"1:1"_s;
    if (!acceptedRatios.contains(ratio))
        return reply(Responses::validation(
            u"imageSize"_s, u"imageSize must be one of %1"_s.arg(acceptedRatios.join(u", "_s))));
    const auto resolution = body.hasField(u"resolution"_s) ? body.field(u"resolution"_s) : u"1K"_s;
    if (resolution != "1K"_L1 && resolution != "2K"_L1 && resolution != "4K"_L1)
        return reply(Responses::validation(u"resolution"_s, u"resolution must be 1K, 2K or 4K"_s));
    QStringList characterUrls;
    if (body.hasField(u"characterImageUrls"_s)) {
        const auto doc = QJsonDocument::fromJson(body.field(u"characterImageUrls"_s).toUtf8());
        if (!doc.isArray())
            return reply(Responses::internalError()); // JSON.parse threw
        for (const auto &v : doc.array())
            characterUrls.append(v.toString());
    }
    const double cost = resolution == "4K"_L1 ? 20 : 10;
    if (user->stars < cost)
        return reply(Responses::error(
            403,
            u"INSUFFICIENT_STARS: this image costs %1 stars and your balance is %2"_s.arg(cost).arg(
                user->stars)));

    ImageRecord record;
    record.userId = user->id;
    record.prompt = prompt;
    record.type = edit ? u"IMAGETOIAMGE"_s : u"TEXTTOIAMGE"_s;
    record.aspectRatio = ratio;
    record.resolution = resolution;
    record.status = u"pending"_s;
    record.createdMs = nowMs();
    for (const auto &file : files) {
        QString stem;
        record.referenceImageUrls.append(storeUpload(u"/uploads/nero/references"_s, file, &stem));
    }
    record.referenceImageUrls += characterUrls;

    if (m_options.flavor == Flavor::Sync) {
        QTimer::singleShot(m_options.latencyMs, this, [this, record, cost, reply] {
            finishSyncGeneration(record, cost, reply);
        });
        return;
    }
    record.id = m_store.newObjectId();
    record.taskId = u"task_%1_%2"_s.arg(record.createdMs).arg(m_store.newObjectId().right(8));
    TaskRecord task;
    task.id = m_store.newObjectId();
    task.taskId = record.taskId;
    task.userId = user->id;
    task.prompt = prompt;
    task.type = record.type;
    task.status = u"pending"_s;
    task.imageSize = ratio;
    task.resolution = resolution;
    task.referenceImageUrls = record.referenceImageUrls;
    task.recordId = record.id;
    task.createdMs = task.updatedMs = record.createdMs;
    m_store.insertImage(record);
    m_store.putTask(task);
    const auto taskId = task.taskId;
    QTimer::singleShot(m_options.latencyMs / 2, this, [this, taskId] {
        if (auto *t = m_store.task(taskId); t && t->status == "pending"_L1) {
            t->status = u"processing"_s;
            t->updatedMs = nowMs();
        }
    });
    QTimer::singleShot(m_options.latencyMs, this,
                       [this, taskId, cost] { advanceTask(taskId, cost); });
    reply(Responses::success({{u"taskId"_s, taskId},
                              {u"status"_s, u"pending"_s},
                              {u"message"_s, u"Image generation started"_s}}));
}

void DevServer::finishSyncGeneration(const ImageRecord &pending, double cost, const Reply &reply)
{
    if (m_random.generateDouble() < m_options.failRate)
        return reply(Responses::internalError()); // no record, no charge
    auto record = pending;
    record.id = m_store.newObjectId();
    record.status = u"completed"_s;
    record.completedMs = nowMs();
    record.imageUrl =
        u"/uploads/nero/generated/"_s + m_store.newFileStem(record.completedMs) + u".png"_s;
    m_store.insertImage(record);
    if (auto *user = m_store.userById(record.userId)) {
        user->stars -= cost;
        user->updatedMs = record.completedMs;
    }
    // The server finishes and charges even when the client is gone; then the answer is dropped.
    reply(Responses::success({{u"imageUrl"_s, publicUrl(record.imageUrl)},
                              {u"imageId"_s, record.id},
                              {u"prompt"_s, record.prompt},
                              {u"aspectRatio"_s, record.aspectRatio}}));
}

void DevServer::advanceTask(const QString &taskId, double cost)
{
    auto *task = m_store.task(taskId);
    if (!task)
        return;
    const auto now = nowMs();
    auto *record = m_store.imageById(task->userId, task->recordId);
    task->updatedMs = task->completedMs = now;
    if (m_random.generateDouble() < m_options.failRate) {
        task->status = u"failed"_s;
        task->error = m_random.bounded(2) == 0
                          ? u"Content policy violation: the prompt was refused by the model"_s
                          : u"Generation failed: upstream model returned no image"_s;
        if (record) {
            record->status = u"failed"_s;
            record->error = task->error;
            record->completedMs = now;
        }
    } else {
        task->status = u"completed"_s;
        task->resultImageUrl = u"/uploads/nero/generated/"_s + m_store.newFileStem(now) + u".png"_s;
        m_store.putRender(task->resultImageUrl, {task->prompt, task->imageSize, task->resolution});
        if (record) {
            record->status = u"completed"_s;
            record->imageUrl = task->resultImageUrl;
            record->completedMs = now;
        }
        if (auto *user = m_store.userById(task->userId)) {
            user->stars -= cost;
            user->updatedMs = now;
        }
    }
    m_store.markDirty();
}

} // namespace devserver
