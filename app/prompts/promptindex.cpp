#include "prompts/promptindex.h"

#include "history/historyquery.h"

#include <algorithm>

QString PromptIndex::normalize(const QString &text)
{
    // Decomposed, a letter's accent or a harakat is a mark of its own, dropped below.
    const QString decomposed =
        HistoryReader::normalizeForSearch(text).normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
            continue;
        out.append(c);
    }
    return out.toCaseFolded().normalized(QString::NormalizationForm_C);
}

QStringList PromptIndex::words(const QString &text)
{
    return splitWords(normalize(text));
}

QStringList PromptIndex::splitWords(const QString &normalized)
{
    QStringList out;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= normalized.size(); ++i) {
        const bool inWord =
            i < normalized.size()
            && (normalized.at(i).isLetterOrNumber() || normalized.at(i).isSurrogate()
                || normalized.at(i).category() == QChar::Mark_SpacingCombining);
        if (inWord && start < 0)
            start = i;
        else if (!inWord && start >= 0) {
            out.append(normalized.mid(start, i - start));
            start = -1;
        }
    }
    return out;
}

void PromptIndex::add(const QString &prompt, qint64 timeMs)
{
    const QString trimmed = prompt.simplified();
    if (trimmed.isEmpty())
        return;
    const QString key = normalize(trimmed);
    if (const auto found = m_byNormalized.constFind(key); found != m_byNormalized.cend()) {
        Entry &entry = m_entries[*found];
        if (timeMs > entry.timeMs) {
            entry.timeMs = timeMs;
            entry.text = trimmed; // the newest spelling is the one to offer
        }
        return;
    }
    const auto id = quint32(m_entries.size());
    m_entries.push_back({trimmed, timeMs});
    m_byNormalized.insert(key, id);
    QStringList seen;
    for (const QString &word : splitWords(key)) {
        if (seen.contains(word))
            continue;
        seen.append(word);
        m_words[word].push_back(id);
    }
}

void PromptIndex::clear()
{
    m_entries.clear();
    m_byNormalized.clear();
    m_words.clear();
    m_hits.clear();
    m_seenBy.clear();
}

QStringList PromptIndex::suggest(const QString &typed, int limit)
{
    QStringList terms = words(typed);
    terms.removeDuplicates();
    if (terms.isEmpty() || limit <= 0 || m_entries.empty())
        return {};
    // A longer term that another term starts ("red" and "re") already says it all.
    terms.erase(std::remove_if(terms.begin(), terms.end(),
                               [&terms](const QString &t) {
                                   return std::any_of(terms.cbegin(), terms.cend(),
                                                      [&t](const QString &other) {
                                                          return other != t && other.startsWith(t);
                                                      });
                               }),
                terms.end());
    m_hits.assign(m_entries.size(), 0);
    m_seenBy.resize(m_entries.size(), 0);
    // Each term marks the entries holding a word it starts; those all terms marked match.
    // The cost is the postings of the words in the terms' ranges, not the whole history.
    for (const QString &term : std::as_const(terms)) {
        ++m_stamp;
        bool any = false;
        for (auto it = m_words.lower_bound(term); it != m_words.end() && it->first.startsWith(term);
             ++it) {
            for (const quint32 id : it->second) {
                if (m_seenBy[id] == m_stamp)
                    continue;
                m_seenBy[id] = m_stamp;
                ++m_hits[id];
                any = true;
            }
        }
        if (!any)
            return {};
    }
    const auto wanted = quint16(terms.size());
    const quint32 typedEntry = m_byNormalized.value(normalize(typed.simplified()), quint32(-1));
    std::vector<quint32> matches;
    for (quint32 id = 0; id < quint32(m_entries.size()); ++id)
        if (m_hits[id] == wanted && id != typedEntry)
            matches.push_back(id);
    const auto newer = [this](quint32 a, quint32 b) {
        return m_entries[a].timeMs != m_entries[b].timeMs
                   ? m_entries[a].timeMs > m_entries[b].timeMs
                   : a > b;
    };
    const auto count = std::min(matches.size(), size_t(limit));
    std::partial_sort(matches.begin(), matches.begin() + qsizetype(count), matches.end(), newer);
    QStringList out;
    for (size_t i = 0; i < count; ++i)
        out.append(m_entries[matches[i]].text);
    return out;
}
