#include "recordstage.h"

#include "historyrecord.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace {

constexpr auto createStage =
    "CREATE TEMP TABLE IF NOT EXISTS history_stage (seq INTEGER PRIMARY KEY, id TEXT, "
    "user_id TEXT, task_id TEXT, prompt TEXT, type TEXT, kind TEXT, image_url TEXT, "
    "origin_image_url TEXT, reference_image_urls TEXT, character_ids TEXT, status TEXT, "
    "error TEXT, created_at INTEGER, completed_at INTEGER)";
constexpr auto emptyStage = "DELETE FROM temp.history_stage";
constexpr auto stageRecord =
    "INSERT INTO temp.history_stage (id, user_id, task_id, prompt, type, kind, image_url, "
    "origin_image_url, reference_image_urls, character_ids, status, error, created_at, "
    "completed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
constexpr auto insertStaged =
    "INSERT INTO generated_images (account_id, id, user_id, task_id, prompt, type, kind, "
    "image_url, origin_image_url, reference_image_urls, character_ids, status, error, "
    "created_at, completed_at, last_seen_on_server) SELECT ?1, id, user_id, task_id, prompt, "
    "type, kind, image_url, origin_image_url, reference_image_urls, character_ids, status, "
    "error, created_at, completed_at, ?2 FROM temp.history_stage ORDER BY seq DESC";

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// SQLite reads a text bound SQLITE_STATIC when the statement steps: `value` must live until
// then. Bound as UTF-16, as QtSql binds it; SQLite stores it as UTF-8.
void bindText(sqlite3_stmt *statement, int index, const QString &value)
{
    sqlite3_bind_text16(statement, index, value.utf16(), int(value.size() * 2), SQLITE_STATIC);
}

// Optional server fields stay NULL when the server left them out.
void bindTextOrNull(sqlite3_stmt *statement, int index, const QString &value)
{
    if (value.isEmpty())
        sqlite3_bind_null(statement, index);
    else
        bindText(statement, index, value);
}

} // namespace

RecordStage::RecordStage(QSqlDatabase db)
    : m_db(std::move(db))
    , m_handle(sqliteHandle(m_db))
{ }

RecordStage::~RecordStage()
{
    sqlite3_finalize(m_add);
}

QString RecordStage::lastError() const
{
    return m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                    : u"the history database is not an open SQLite connection"_s;
}

QString RecordStage::open()
{
    if (!m_handle || sqlite3_exec(m_handle, createStage, nullptr, nullptr, nullptr) != SQLITE_OK
        || sqlite3_exec(m_handle, emptyStage, nullptr, nullptr, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_handle, stageRecord, -1, &m_add, nullptr) != SQLITE_OK)
        return lastError();
    return {};
}

QString RecordStage::add(const GeneratedImage &image)
{
    if (!m_add)
        return lastError();
    const QString kind = imageTypeName(image.type);
    const QString status = imageStatusName(image.status);
    const QString references = jsonStringArray(image.referenceImageUrls);
    const QString characters = jsonStringArray(image.characterIds);
    bindText(m_add, 1, image.id);
    bindTextOrNull(m_add, 2, image.userId);
    bindTextOrNull(m_add, 3, image.taskId);
    bindText(m_add, 4, image.prompt);
    bindText(m_add, 5, image.typeRaw);
    bindText(m_add, 6, kind);
    bindTextOrNull(m_add, 7, image.imageUrl);
    bindTextOrNull(m_add, 8, image.originImageUrl);
    bindText(m_add, 9, references);
    bindText(m_add, 10, characters);
    bindText(m_add, 11, status);
    bindTextOrNull(m_add, 12, image.error);
    sqlite3_bind_int64(m_add, 13, image.createdAt.toMSecsSinceEpoch());
    if (image.completedAt.isValid())
        sqlite3_bind_int64(m_add, 14, image.completedAt.toMSecsSinceEpoch());
    else
        sqlite3_bind_null(m_add, 14);
    const int stepped = sqlite3_step(m_add);
    sqlite3_reset(m_add);
    if (stepped != SQLITE_DONE)
        return lastError();
    ++m_staged;
    return {};
}

QString RecordStage::insertInto(const QString &accountId, qint64 seenAtMs)
{
    if (m_staged == 0)
        return {};
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(m_handle, insertStaged, -1, &insert, nullptr) != SQLITE_OK)
        return lastError();
    bindText(insert, 1, accountId);
    sqlite3_bind_int64(insert, 2, seenAtMs);
    const int stepped = sqlite3_step(insert);
    sqlite3_finalize(insert);
    if (stepped != SQLITE_DONE
        || sqlite3_exec(m_handle, emptyStage, nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError();
    m_staged = 0;
    return {};
}
