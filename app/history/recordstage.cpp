#include "history/recordstage.h"

#include "history/historyrecord.h"
#include "history/historysql.h"

#include <algorithm>
#include <array>
#include <optional>
#include <sqlite3.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// The staged records as a table: an eponymous virtual table whose hidden `stage` column takes
// the RecordStage to read, as a pointer bound to the statement (sqlite3_bind_pointer).
constexpr auto stageTableName = "history_stage";
constexpr auto stagePointerType = "studio.RecordStage";
constexpr auto stageTableSchema =
    "CREATE TABLE x(id TEXT, user_id TEXT, task_id TEXT, prompt TEXT, type TEXT, kind TEXT, "
    "image_url TEXT, origin_image_url TEXT, reference_image_urls TEXT, character_ids TEXT, "
    "status TEXT, error TEXT, created_at INTEGER, completed_at INTEGER, stage HIDDEN)";
constexpr int createdAtColumn = 12;
constexpr int completedAtColumn = 13;
constexpr int stageColumn = 14;

constexpr auto insertStaged =
    "INSERT INTO generated_images (account_id, id, user_id, task_id, prompt, type, kind, "
    "image_url, origin_image_url, reference_image_urls, character_ids, status, error, "
    "created_at, completed_at, last_seen_on_server) SELECT ?1, id, user_id, task_id, prompt, "
    "type, kind, image_url, origin_image_url, reference_image_urls, character_ids, status, "
    "error, created_at, completed_at, ?2 FROM history_stage(?3)";

// What the per-day count index's insert trigger (schema 11) does row by row, for a whole
// stage in one grouped statement, when the triggers are off. The rows are new: not hidden, not
// favourites. (WHERE true: an upsert's ON after a bare FROM would read as a join's.)
constexpr auto countStaged =
    "INSERT INTO history_day_counts (account_id, day, hidden, favorite, status, kind, n) "
    "SELECT ?1, created_at / 86400000, 0, 0, status, kind, count(*) FROM history_stage(?2) "
    "WHERE true GROUP BY 2, 5, 6 ON CONFLICT DO UPDATE SET n = n + excluded.n";

// Triggers off on this connection for the scope. SQLite compiles triggers into a statement
// when it prepares it, and re-prepares every statement of the connection when this flips.
// The setting's out-parameter reports the state after the call, so the state before is read
// with a -1 ("leave unchanged") first.
class TriggersOff
{
public:
    explicit TriggersOff(sqlite3 *db)
        : m_db(db)
    {
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &m_was);
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    }
    ~TriggersOff() { sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, m_was, nullptr); }
    TriggersOff(const TriggersOff &) = delete;
    TriggersOff &operator=(const TriggersOff &) = delete;

private:
    sqlite3 *m_db;
    int m_was = 1;
};

} // namespace

// The virtual table's callbacks. A cursor walks the staged records from the last to the first.
struct StageTable
{
    struct Cursor
    {
        sqlite3_vtab_cursor base{};
        const RecordStage *stage = nullptr;
        qsizetype index = -1; // the record under the cursor; -1 past the end
    };

    static int connect(sqlite3 *db, void *, int, const char *const *, sqlite3_vtab **table, char **)
    {
        const int declared = sqlite3_declare_vtab(db, stageTableSchema);
        if (declared != SQLITE_OK)
            return declared;
        // Only the app's own statements may read it, never a trigger or a view of the file.
        sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
        *table = new sqlite3_vtab{};
        return SQLITE_OK;
    }

    static int disconnect(sqlite3_vtab *table)
    {
        delete table;
        return SQLITE_OK;
    }

    static int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
    {
        for (int i = 0; i < info->nConstraint; ++i) {
            const auto &constraint = info->aConstraint[i];
            if (constraint.iColumn != stageColumn || constraint.op != SQLITE_INDEX_CONSTRAINT_EQ)
                continue;
            if (!constraint.usable)
                return SQLITE_CONSTRAINT; // not a plan: the stage must be known to scan
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->idxNum = 1;
            info->estimatedCost = 1000;
            return SQLITE_OK;
        }
        info->idxNum = 0; // no stage named: an empty table
        info->estimatedCost = 1;
        return SQLITE_OK;
    }

    static int open(sqlite3_vtab *, sqlite3_vtab_cursor **cursor)
    {
        *cursor = &(new Cursor)->base;
        return SQLITE_OK;
    }

    static int close(sqlite3_vtab_cursor *cursor)
    {
        delete reinterpret_cast<Cursor *>(cursor);
        return SQLITE_OK;
    }

    static int filter(sqlite3_vtab_cursor *base, int idxNum, const char *, int argc,
                      sqlite3_value **argv)
    {
        auto *cursor = reinterpret_cast<Cursor *>(base);
        cursor->stage =
            idxNum == 1 && argc == 1
                ? static_cast<const RecordStage *>(sqlite3_value_pointer(argv[0], stagePointerType))
                : nullptr;
        cursor->index = cursor->stage ? qsizetype(cursor->stage->m_staged.size()) - 1 : -1;
        return SQLITE_OK;
    }

    static int next(sqlite3_vtab_cursor *base)
    {
        --reinterpret_cast<Cursor *>(base)->index;
        return SQLITE_OK;
    }

    static int eof(sqlite3_vtab_cursor *base)
    {
        return reinterpret_cast<Cursor *>(base)->index < 0;
    }

    static int column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column)
    {
        const auto *cursor = reinterpret_cast<Cursor *>(base);
        const RecordStage::Staged &record = cursor->stage->m_staged[size_t(cursor->index)];
        if (column < RecordStage::textColumns) {
            const int length = record.length[size_t(column)];
            if (length < 0)
                sqlite3_result_null(context);
            else // the buffer stays as it is until the statement is done
                sqlite3_result_text(
                    context, cursor->stage->m_utf8.constData() + record.offset[size_t(column)],
                    length, SQLITE_STATIC);
        } else if (column == createdAtColumn) {
            sqlite3_result_int64(context, record.createdAtMs);
        } else if (column == completedAtColumn && record.completed) {
            sqlite3_result_int64(context, record.completedAtMs);
        } else {
            sqlite3_result_null(context);
        }
        return SQLITE_OK;
    }

    static int rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid)
    {
        *rowid = reinterpret_cast<Cursor *>(base)->index;
        return SQLITE_OK;
    }

    static const sqlite3_module *module()
    {
        static const sqlite3_module table = [] {
            sqlite3_module m{};
            // xCreate stays null: an eponymous-only table, which no CREATE VIRTUAL TABLE makes.
            m.xConnect = connect;
            m.xBestIndex = bestIndex;
            m.xDisconnect = disconnect;
            m.xOpen = open;
            m.xClose = close;
            m.xFilter = filter;
            m.xNext = next;
            m.xEof = eof;
            m.xColumn = column;
            m.xRowid = rowid;
            return m;
        }();
        return &table;
    }
};

int RecordStage::registerTable(sqlite3 *db)
{
    return sqlite3_create_module_v2(db, stageTableName, StageTable::module(), nullptr, nullptr);
}

RecordStage::RecordStage(QSqlDatabase db)
    : m_db(db)
    , m_handle(sqliteHandle(m_db))
{ }

QString RecordStage::lastError() const
{
    return m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                    : u"the history database is not an open SQLite connection"_s;
}

QString RecordStage::open()
{
    if (!m_handle)
        return lastError();
    m_staged.clear();
    m_used = 0;
    return {};
}

QString RecordStage::add(const GeneratedImage &image)
{
    if (!m_handle)
        return lastError();
    const QString kind = imageTypeName(image.type);
    const QString status = imageStatusName(image.status);
    const QString references = jsonStringArray(image.referenceImageUrls);
    const QString characters = jsonStringArray(image.characterIds);
    // The table's text columns in order; an empty optional one is NULL.
    const std::array<std::pair<const QString *, bool>, textColumns> texts = {{
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
    // Encoded to UTF-8 (the database's encoding) once, into one buffer for the whole batch,
    // so that SQLite neither copies nor converts them.
    qsizetype room = 0;
    for (const auto &[text, nullable] : texts)
        room += m_encoder.requiredSpace(text->size());
    if (m_utf8.size() < m_used + room)
        m_utf8.resize(std::max(m_used + room, 2 * m_utf8.size()));
    Staged record;
    char *const begin = m_utf8.data();
    char *out = begin + m_used;
    for (size_t i = 0; i < texts.size(); ++i) {
        const auto &[text, nullable] = texts[i];
        if (nullable && text->isEmpty()) {
            record.length[i] = -1;
            continue;
        }
        char *start = out;
        out = m_encoder.appendToBuffer(out, *text);
        record.offset[i] = start - begin;
        record.length[i] = int(out - start);
    }
    m_used = out - begin;
    record.createdAtMs = image.createdAt.toMSecsSinceEpoch();
    record.completed = image.completedAt.isValid();
    if (record.completed)
        record.completedAtMs = image.completedAt.toMSecsSinceEpoch();
    m_staged.push_back(record);
    return {};
}

QString RecordStage::countInto(const QByteArray &account)
{
    sqlite3_stmt *count = nullptr;
    if (sqlite3_prepare_v2(m_handle, countStaged, -1, &count, nullptr) != SQLITE_OK)
        return lastError();
    sqlite3_bind_text(count, 1, account.constData(), int(account.size()), SQLITE_STATIC);
    sqlite3_bind_pointer(count, 2, this, stagePointerType, nullptr);
    const int stepped = sqlite3_step(count);
    sqlite3_finalize(count);
    return stepped == SQLITE_DONE ? QString() : lastError();
}

QString RecordStage::insertInto(const QString &accountId, qint64 seenAtMs, Triggers triggers)
{
    if (m_staged.empty())
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
    sqlite3_bind_pointer(insert, 3, this, stagePointerType, nullptr);
    const int stepped = sqlite3_step(insert);
    const int code = sqlite3_extended_errcode(m_handle);
    m_conflicted = code == SQLITE_CONSTRAINT_UNIQUE;
    sqlite3_finalize(insert);
    triggersOff.reset();
    if (stepped != SQLITE_DONE)
        return lastError();
    if (triggers == Triggers::Skip)
        if (QString counted = countInto(account); !counted.isEmpty())
            return counted;
    m_staged.clear();
    m_used = 0;
    return {};
}
