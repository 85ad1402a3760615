#include "prompts/recentprompts.h"

#include "history/historydatabase.h"
#include "jobs/maskedit.h"
#include "prompts/promptindex.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

RecentPrompts::RecentPrompts(QString filePath, HistoryDatabase *database)
    : m_path(std::move(filePath))
    , m_database(database)
{ }

QList<RecentPrompts::Use> RecentPrompts::readFile() const
{
    QList<Use> uses;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return uses;
    const QJsonArray array = QJsonDocument::fromJson(file.read(qint64(4) << 20)).array();
    for (const auto &value : array) {
        const QJsonObject o = value.toObject();
        Use use{o.value(u"account").toString(), o.value(u"prompt").toString(),
                qint64(o.value(u"at").toDouble())};
        if (!use.prompt.trimmed().isEmpty())
            uses.append(use);
    }
    return uses;
}

QList<RecentPrompts::Use> RecentPrompts::readJobs(const QString &accountId, int limit) const
{
    QList<Use> uses;
    if (!m_database || !m_database->isOpen())
        return uses;
    QSqlQuery q(m_database->connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT account_id, prompt, max(created_at) AS at FROM jobs"_s
              + (accountId.isEmpty() ? QString() : u" WHERE account_id = :account"_s)
              + u" GROUP BY account_id, prompt ORDER BY at DESC LIMIT :limit"_s);
    if (!accountId.isEmpty())
        q.bindValue(u":account"_s, accountId);
    q.bindValue(u":limit"_s, limit);
    if (!q.exec())
        return uses;
    while (q.next())
        uses.append({q.value(0).toString(), MaskEdit::withoutSentence(q.value(1).toString()),
                     q.value(2).toLongLong()});
    return uses;
}

void RecentPrompts::add(const QString &accountId, const QString &prompt, const QDateTime &when)
{
    const QString text = MaskEdit::withoutSentence(prompt).trimmed();
    if (text.isEmpty() || m_path.isEmpty())
        return;
    // Read again first: the CLI and the app may both have added since.
    QList<Use> uses = readFile();
    const QString key = PromptIndex::normalize(text.simplified());
    uses.removeIf([&](const Use &use) {
        return use.accountId == accountId && PromptIndex::normalize(use.prompt.simplified()) == key;
    });
    uses.prepend({accountId, text, when.toMSecsSinceEpoch()});
    std::stable_sort(uses.begin(), uses.end(),
                     [](const Use &a, const Use &b) { return a.atMs > b.atMs; });
    if (uses.size() > kept)
        uses.resize(kept);
    QJsonArray array;
    for (const Use &use : std::as_const(uses))
        array.append(QJsonObject{
            {u"account"_s, use.accountId}, {u"prompt"_s, use.prompt}, {u"at"_s, double(use.atMs)}});
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(array).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        qWarning("could not write %s", qPrintable(m_path));
}

QStringList RecentPrompts::list(const QString &accountId, int limit) const
{
    QList<Use> uses = readFile();
    if (!accountId.isEmpty())
        uses.removeIf([&accountId](const Use &use) { return use.accountId != accountId; });
    uses.append(readJobs(accountId, limit));
    std::stable_sort(uses.begin(), uses.end(),
                     [](const Use &a, const Use &b) { return a.atMs > b.atMs; });
    QStringList out;
    QSet<QString> seen;
    for (const Use &use : std::as_const(uses)) {
        if (out.size() >= limit)
            break;
        const QString text = use.prompt.trimmed();
        const QString key = PromptIndex::normalize(text.simplified());
        if (text.isEmpty() || seen.contains(key))
            continue;
        seen.insert(key);
        out.append(text);
    }
    return out;
}
