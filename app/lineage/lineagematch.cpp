#include "lineage/lineagematch.h"

#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

bool newer(const LineageCandidate &a, const LineageCandidate &b)
{
    return a.createdAtMs != b.createdAtMs ? a.createdAtMs > b.createdAtMs : a.rowId > b.rowId;
}

// The newest of the candidates `matches` accepts that could have come before the target.
const LineageCandidate *newestBefore(const LineageTarget &target,
                                     const QList<LineageCandidate> &candidates,
                                     const std::function<bool(const LineageCandidate &)> &matches)
{
    const LineageCandidate *best = nullptr;
    for (const auto &candidate : candidates) {
        if (candidate.rowId == target.rowId || !matches(candidate))
            continue;
        if (candidate.createdAtMs > target.createdAtMs + kLineageClockSlackMs)
            continue;
        if (!best || newer(candidate, *best))
            best = &candidate;
    }
    return best;
}

} // namespace

QList<LineageLink> matchLineageSources(const LineageTarget &target,
                                       const QList<LineageCandidate> &candidates)
{
    QList<LineageLink> links;
    for (const auto &input : target.inputs) {
        const QString path = imageUrlPath(input.url);
        const LineageCandidate *found = nullptr;
        if (!path.isEmpty())
            found = newestBefore(target, candidates, [&](const LineageCandidate &c) {
                return !c.imageUrl.isEmpty() && imageUrlPath(c.imageUrl) == path;
            });
        if (!found && !input.sha256.isEmpty())
            found = newestBefore(target, candidates, [&](const LineageCandidate &c) {
                return c.sha256.contains(input.sha256, Qt::CaseInsensitive);
            });
        if (!found)
            continue;
        auto same = std::find_if(links.begin(), links.end(), [&](const LineageLink &link) {
            return link.fromRow == found->rowId;
        });
        if (same != links.end())
            same->kind = strongerKind(same->kind, input.kind);
        else
            links.append({found->rowId, target.rowId, input.kind});
    }
    return links;
}

std::optional<qint64> matchRegenerationSource(const RequestShape &target,
                                              const QList<RequestShape> &candidates)
{
    if (target.prompt.trimmed().isEmpty())
        return std::nullopt;
    auto sorted = [](QList<qint64> rows) {
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        return rows;
    };
    const QList<qint64> sources = sorted(target.sources);
    const RequestShape *best = nullptr;
    for (const auto &candidate : candidates) {
        if (candidate.rowId == target.rowId || candidate.kind != target.kind
            || candidate.prompt.trimmed() != target.prompt.trimmed())
            continue;
        // Strictly earlier: two runs of one request must not each name the other.
        const bool earlier = candidate.createdAtMs != target.createdAtMs
                                 ? candidate.createdAtMs < target.createdAtMs
                                 : candidate.rowId < target.rowId;
        if (!earlier || sorted(candidate.sources) != sources)
            continue;
        if (!best || candidate.createdAtMs > best->createdAtMs
            || (candidate.createdAtMs == best->createdAtMs && candidate.rowId > best->rowId))
            best = &candidate;
    }
    if (!best)
        return std::nullopt;
    return best->rowId;
}

QList<LineageKind> inputKinds(bool edit, bool brush, qsizetype count)
{
    QList<LineageKind> kinds;
    for (qsizetype i = 0; i < count; ++i)
        kinds.append(i == 0 && edit ? (brush ? LineageKind::BrushEdit : LineageKind::Edit)
                                    : LineageKind::Reference);
    return kinds;
}

QString imageUrlPath(const QString &url)
{
    QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    // A sync asks this for every record: the usual root-relative address is its own path, and
    // an absolute one's path starts at the first slash after the host (QUrl only for the rest).
    const auto plain = [](QStringView path) {
        return !path.contains(u'?') && !path.contains(u'#') && !path.contains(u'%');
    };
    if (trimmed.startsWith(u'/') && !trimmed.startsWith(u"//"_s)) {
        if (plain(trimmed))
            return trimmed;
        return QUrl(trimmed).path();
    }
    if (const qsizetype scheme = trimmed.indexOf(u"://"_s); scheme > 0) {
        const qsizetype slash = trimmed.indexOf(u'/', scheme + 3);
        const QStringView path = slash < 0 ? QStringView() : QStringView(trimmed).mid(slash);
        if (slash > 0 && plain(path))
            return path.toString();
    }
    const QUrl parsed(trimmed);
    if (parsed.isRelative())
        return u'/' + parsed.path();
    return parsed.path();
}

QString sha256OfFileName(const QString &path)
{
    QString stem = QFileInfo(path).completeBaseName().toLower();
    if (stem.size() != 64)
        return {};
    for (const QChar c : stem)
        if (!c.isDigit() && (c < u'a' || c > u'f'))
            return {};
    return stem;
}
