#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class Handoff;
class HistoryDatabase;
class WorkerThread;

// Past prompts as the user types: a PromptIndex of the whole local history of one account,
// built once on a worker thread and topped up with the rows added since (refresh()); queries
// run on that thread too and answer through suggestionsReady().
class PromptSuggestions final : public QObject
{
    Q_OBJECT
public:
    explicit PromptSuggestions(HistoryDatabase &database, QObject *parent = nullptr);
    ~PromptSuggestions() override;

    // Whose history to index (empty: every account of the profile). Rebuilds the index.
    void setAccount(const QString &accountId);
    QString account() const { return m_account; }
    // Reads the rows added since the last read, shortly (changes that come together coalesce).
    void refresh();
    // suggestionsReady(typed, …) follows, unless a later ask() overtook it.
    void ask(const QString &typed, int limit = 10);
    // Distinct prompts indexed after the last build or refresh.
    qsizetype indexedPrompts() const { return m_indexed; }

Q_SIGNALS:
    void suggestionsReady(const QString &typed, const QStringList &prompts);
    // A build or refresh finished with `prompts` distinct prompts in the index.
    void indexed(qsizetype prompts);

private:
    struct State;
    void readNewRows();

    HistoryDatabase &m_database;
    QString m_account;
    qsizetype m_indexed = 0;
    QTimer m_refresh;
    std::shared_ptr<State> m_state; // used on the worker thread only, but for `latest`
    Handoff *m_back; // a child: answers come back through it, dropped once this is gone
    std::unique_ptr<WorkerThread> m_worker;
};
