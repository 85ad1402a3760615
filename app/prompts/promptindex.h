#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

// The past prompts in memory, indexed by the start of each word: what the prompt field
// suggests as one types. Distinct prompts (by their normalised text), each with the time it
// was last used; a query's words must each start a word of the prompt, newest first. Not
// thread-safe: PromptSuggestions keeps it on one worker thread.
class PromptIndex final
{
public:
    // Adds a prompt used at `timeMs`; one seen before only moves to the later time.
    void add(const QString &prompt, qint64 timeMs);
    // Up to `limit` prompts whose words start with each of `typed`'s words, newest first; the
    // typed text itself (once normalised) is not suggested back.
    QStringList suggest(const QString &typed, int limit = 10);
    qsizetype size() const { return qsizetype(m_entries.size()); }
    void clear();

    // How prompts and typed words are compared: the gallery search's Persian forms (Arabic
    // yeh and kaf as Persian, no zero-width non-joiner), case folded, without diacritics
    // (Latin accents, Arabic harakat).
    static QString normalize(const QString &text);
    // The normalised words of `text` (letters and digits; everything else separates).
    static QStringList words(const QString &text);

private:
    static QStringList splitWords(const QString &normalized);

    struct Entry
    {
        QString text;
        qint64 timeMs = 0;
    };

    std::vector<Entry> m_entries;
    QHash<QString, quint32> m_byNormalized; // normalised prompt -> entry
    // word -> the entries holding it (each once, in the order they were added); ordered so
    // that the words starting with a prefix form one range.
    std::map<QString, std::vector<quint32>> m_words;
    // Per query, reused: how many of the query's words an entry matched, and which word
    // last counted it (an entry holding two words of one prefix counts once).
    std::vector<quint16> m_hits;
    std::vector<quint32> m_seenBy;
    quint32 m_stamp = 0;
};
