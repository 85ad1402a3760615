#include "styles/stylecatalogue.h"

#include "backend/backendclient.h"
#include "prompts/promptindex.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

StyleCatalogue::StyleCatalogue(BackendClient &client, QString cachePath, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cachePath(std::move(cachePath))
{
    load();
}

StyleTemplate StyleCatalogue::find(const QString &id) const
{
    for (const StyleTemplate &style : m_styles)
        if (style.id == id)
            return style;
    return {};
}

void StyleCatalogue::refreshIfStale()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_styles.isEmpty() || !m_fetchedAt.isValid() || m_fetchedAt.msecsTo(now) > maxAgeMs
        || m_fetchedAt > now)
        refresh();
}

void StyleCatalogue::refresh()
{
    if (m_pending > 0)
        return;
    m_pending = 2;
    m_newStylesOk = false;
    m_failure.clear();
    auto *templates = m_client.fetchTemplates();
    connect(templates, &ApiCallBase::finished, this, [this, templates] {
        const auto &result = templates->result();
        m_newStylesOk = result.ok();
        if (result.ok())
            m_newStyles = result.value();
        else
            m_failure = result.error().userMessage;
        finishOne();
    });
    auto *categories = m_client.fetchCategories();
    connect(categories, &ApiCallBase::finished, this, [this, categories] {
        const auto &result = categories->result();
        // Optional: without categories the picker lists those its styles name.
        m_newCategories = result.ok() ? result.value() : QList<StyleCategory>();
        finishOne();
    });
}

void StyleCatalogue::finishOne()
{
    if (--m_pending > 0)
        return;
    if (!m_newStylesOk) {
        Q_EMIT refreshFailed(m_failure);
        return;
    }
    m_styles = m_newStyles;
    m_categories = m_newCategories;
    m_fetchedAt = QDateTime::currentDateTimeUtc();
    save();
    Q_EMIT changed();
}

QString StyleCatalogue::displayName(const StyleTemplate &style)
{
    QString name = style.id;
    name.replace(u'-', u' ').replace(u'_', u' ');
    name = name.simplified();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

QString StyleCatalogue::categoryName(const QString &category) const
{
    for (const StyleCategory &c : m_categories)
        if (c.id == category || c.name == category)
            return c.name;
    return category;
}

QList<StyleTemplate> StyleCatalogue::filter(const QList<StyleTemplate> &styles,
                                            const QString &category, const QString &search)
{
    const QStringList words = PromptIndex::words(search);
    QList<StyleTemplate> out;
    for (const StyleTemplate &style : styles) {
        if (!category.isEmpty() && style.category != category)
            continue;
        const QStringList have =
            PromptIndex::words(displayName(style) + u' ' + style.prompt + u' ' + style.category
                               + u' ' + style.tags.join(u' '));
        const bool all = std::all_of(words.cbegin(), words.cend(), [&have](const QString &w) {
            return std::any_of(have.cbegin(), have.cend(),
                               [&w](const QString &h) { return h.startsWith(w); });
        });
        if (all)
            out.append(style);
    }
    return out;
}

void StyleCatalogue::load()
{
    QFile file(m_cachePath);
    if (m_cachePath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject root = QJsonDocument::fromJson(file.read(qint64(8) << 20)).object();
    m_fetchedAt =
        QDateTime::fromMSecsSinceEpoch(qint64(root.value(u"fetchedAt").toDouble()), Qt::UTC);
    for (const auto &value : root.value(u"templates").toArray()) {
        const QJsonObject o = value.toObject();
        StyleTemplate t;
        t.id = o.value(u"id").toString();
        t.imageUrl = o.value(u"imageUrl").toString();
        t.prompt = o.value(u"prompt").toString();
        t.category = o.value(u"category").toString();
        for (const auto &tag : o.value(u"tags").toArray())
            t.tags.append(tag.toString());
        if (!t.id.isEmpty())
            m_styles.append(t);
    }
    for (const auto &value : root.value(u"categories").toArray()) {
        const QJsonObject o = value.toObject();
        m_categories.append({o.value(u"id").toString(), o.value(u"name").toString()});
    }
}

void StyleCatalogue::save() const
{
    if (m_cachePath.isEmpty())
        return;
    QJsonArray templates;
    for (const StyleTemplate &t : m_styles)
        templates.append(QJsonObject{{u"id"_s, t.id},
                                     {u"imageUrl"_s, t.imageUrl},
                                     {u"prompt"_s, t.prompt},
                                     {u"category"_s, t.category},
                                     {u"tags"_s, QJsonArray::fromStringList(t.tags)}});
    QJsonArray categories;
    for (const StyleCategory &c : m_categories)
        categories.append(QJsonObject{{u"id"_s, c.id}, {u"name"_s, c.name}});
    const QJsonObject root{{u"fetchedAt"_s, double(m_fetchedAt.toMSecsSinceEpoch())},
                           {u"templates"_s, templates},
                           {u"categories"_s, categories}};
    QSaveFile file(m_cachePath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        qWarning("could not write %s", qPrintable(m_cachePath));
}
