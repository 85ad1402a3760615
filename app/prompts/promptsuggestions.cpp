#include "prompts/promptsuggestions.h"

#include "history/historydatabase.h"
#include "jobs/maskedit.h"
#include "prompts/promptindex.h"
#include "threading/handoff.h"
#include "threading/workerthread.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <mutex>

using namespace Qt::StringLiterals;

struct PromptSuggestions::State
{
    // Worker thread only.
    PromptIndex index;
    QString account;
    qint64 lastRowId = 0;
    // Asked from the GUI thread, read on the worker: a query overtaken by a later one is
    // skipped, so fast typing never queues stale work.
    std::mutex mutex;
    QString latest;
};

PromptSuggestions::PromptSuggestions(HistoryDatabase &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_state(std::make_shared<State>())
    , m_back(new Handoff(this))
{
    HistoryDatabase *db = &m_database;
    m_worker = std::make_unique<WorkerThread>(u"prompt-suggestions"_s,
                                              [db] { db->releaseThreadConnection(); });
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, &PromptSuggestions::readNewRows);
}

PromptSuggestions::~PromptSuggestions()
{
    m_worker.reset(); // before m_back and the database: the worker uses both
}

void PromptSuggestions::setAccount(const QString &accountId)
{
    m_account = accountId;
    m_built = false;
    m_refresh.stop();
    m_worker->post([state = m_state, accountId] {
        state->index.clear();
        state->account = accountId;
        state->lastRowId = 0;
    });
    if (!m_onDemand)
        build();
}

void PromptSuggestions::build()
{
    m_built = true;
    readNewRows();
}

void PromptSuggestions::warmUp()
{
    if (!m_built)
        build();
}

void PromptSuggestions::refresh()
{
    if (!m_built)
        build(); // reads every row, the newest included
    else if (!m_refresh.isActive())
        m_refresh.start();
}

void PromptSuggestions::refreshIfBuilt()
{
    if (m_built)
        refresh();
}

void PromptSuggestions::readNewRows()
{
    m_worker->post([this, db = &m_database, state = m_state, back = m_back] {
        // `this` is only touched back on its own thread, through `back`.
        QSqlQuery q(db->connection());
        q.setForwardOnly(true);
        q.prepare(u"SELECT row_id, prompt, created_at FROM generated_images WHERE row_id > :last"_s
                  + (state->account.isEmpty() ? QString() : u" AND account_id = :account"_s));
        q.bindValue(u":last"_s, state->lastRowId);
        if (!state->account.isEmpty())
            q.bindValue(u":account"_s, state->account);
        if (!q.exec()) {
            qWarning("prompt suggestions: %s", qPrintable(q.lastError().text()));
            return;
        }
        const bool firstBuild = state->lastRowId == 0;
        while (q.next()) {
            state->lastRowId = std::max(state->lastRowId, q.value(0).toLongLong());
            // A brush edit's prompt carries the added sentence; the user wrote the rest.
            state->index.add(MaskEdit::withoutSentence(q.value(1).toString()),
                             q.value(2).toLongLong());
        }
        // The first lookup after a build faults the index's pages in (~40 ms at 100,000
        // prompts, bench_suggestions): pay it here rather than on the first keystroke.
        if (firstBuild)
            state->index.suggest(u"a"_s);
        const qsizetype size = state->index.size();
        back->post([this, size] {
            m_indexed = size;
            Q_EMIT indexed(size);
        });
    });
}

void PromptSuggestions::ask(const QString &typed, int limit)
{
    warmUp(); // the worker answers once the build before it is done
    {
        std::lock_guard lock(m_state->mutex);
        m_state->latest = typed;
    }
    m_worker->post([this, state = m_state, back = m_back, typed, limit] {
        {
            std::lock_guard lock(state->mutex);
            if (state->latest != typed)
                return;
        }
        const QStringList prompts = state->index.suggest(typed, limit);
        back->post([this, typed, prompts] { Q_EMIT suggestionsReady(typed, prompts); });
    });
}
