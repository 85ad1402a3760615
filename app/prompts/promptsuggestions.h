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
// run on that thread too and answer through suggestionsReady(). Built on demand (the desktop
// app), the index waits for the first warmUp(), ask() or refresh(): about 65 MB at 100,000
// distinct prompts, not spent by someone who only browses the gallery.
class PromptSuggestions final : public QObject
{
    Q_OBJECT
public:
    explicit PromptSuggestions(HistoryDatabase &database, QObject *parent = nullptr);
    ~PromptSuggestions() override;

    // When on, setAccount() no longer builds the index at once: the first warmUp(), ask() or
    // refresh() does. Call before setAccount().
    void setBuildOnDemand(bool onDemand) { m_onDemand = onDemand; }
    // Whose history to index (empty: every account of the profile). Rebuilds the index (on
    // demand: drops it, and the next need builds it).
    void setAccount(const QString &accountId);
    QString account() const { return m_account; }
    // Builds the index now if it is not built (a prompt field took focus: typing follows).
    void warmUp();
    // Reads the rows added since the last read, shortly (changes that come together coalesce);
    // builds the index first if it is not built.
    void refresh();
    // refresh(), only if the index is built (a history change needs no index built for it).
    void refreshIfBuilt();
    // suggestionsReady(typed, …) follows, unless a later ask() overtook it.
    void ask(const QString &typed, int limit = 10);
    // Whether the index is built or being built for the current account.
    bool isBuilt() const { return m_built; }
    // Distinct prompts indexed after the last build or refresh.
    qsizetype indexedPrompts() const { return m_indexed; }

Q_SIGNALS:
    void suggestionsReady(const QString &typed, const QStringList &prompts);
    // A build or refresh finished with `prompts` distinct prompts in the index.
    void indexed(qsizetype prompts);

private:
    struct State;
    void build();
    void readNewRows();

    HistoryDatabase &m_database;
    QString m_account;
    qsizetype m_indexed = 0;
    bool m_onDemand = false;
    bool m_built = false; // the build was posted for the current account
    QTimer m_refresh;
    std::shared_ptr<State> m_state; // used on the worker thread only, but for `latest`
    Handoff *m_back; // a child: answers come back through it, dropped once this is gone
    std::unique_ptr<WorkerThread> m_worker;
};
