#include "recordstage.h"

#include "historyrecord.h"
#include "historysql.h"

#include <array>
#include <optional>
#include <sqlite3.h>
#include <utility>

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

// Triggers off on this connection for the scope. SQLite compiles triggers into a statement
// when it prepares it, and re-prepares every statement of the connection when this flips.
class TriggersOff
{
public:
    explicit TriggersOff(sqlite3 *db)
        : m_db(db)
    {
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &m_was);
    }
    ~TriggersOff() { sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, m_was, nullptr); }
    TriggersOff(const TriggersOff &) = delete;
    TriggersOff &operator=(const TriggersOff &) = delete;

private:
    sqlite3 *m_db;
    int m_was = 1;
};

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
    // Parameters 1..12 in order; an empty optional one is NULL.
    const std::array<std::pair<const QString *, bool>, 12> texts = {{
        {&image.id, false},
        {&image.userId, true},
        {&image.taskId, true},
        {&image.prompt, false},
        {&image.typeRaw, false},
        {&kind, false},
        {&image.imageUrl, true},
        {&image.originImageUrl, true},
        {&references, false},
        {&characters, false},
        {&status, false},
        {&image.error, true},
    }};
    // Encoded to UTF-8 (the database's encoding) into one buffer that outlives the step, so
    // that SQLite neither copies nor converts them.
    qsizetype room = 0;
    for (const auto &[text, nullable] : texts)
        room += m_encoder.requiredSpace(text->size());
    if (m_utf8.size() < room)
        m_utf8.resize(room);
    char *out = m_utf8.data();
    for (int i = 0; i < int(texts.size()); ++i) {
        const auto &[text, nullable] = texts[i];
        if (nullable && text->isEmpty()) {
            sqlite3_bind_null(m_add, i + 1);
            continue;
        }
        char *start = out;
        out = m_encoder.appendToBuffer(out, *text);
        sqlite3_bind_text(m_add, i + 1, start, int(out - start), SQLITE_STATIC);
    }
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

QString RecordStage::insertInto(const QString &accountId, qint64 seenAtMs, Triggers triggers)
{
    if (m_staged == 0)
        return {};
    std::optional<TriggersOff> triggersOff;
    if (triggers == Triggers::Skip)
        triggersOff.emplace(m_handle);
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(m_handle, insertStaged, -1, &insert, nullptr) != SQLITE_OK)
        return lastError();
    const QByteArray account = accountId.toUtf8();
    sqlite3_bind_text(insert, 1, account.constData(), int(account.size()), SQLITE_STATIC);
    sqlite3_bind_int64(insert, 2, seenAtMs);
    const int stepped = sqlite3_step(insert);
    sqlite3_finalize(insert);
    triggersOff.reset();
    if (stepped != SQLITE_DONE
        || sqlite3_exec(m_handle, emptyStage, nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError();
    m_staged = 0;
    return {};
}
