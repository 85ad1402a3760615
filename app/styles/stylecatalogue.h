#pragma once

#include "domain/records.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

class BackendClient;

// The backend's style catalogue (GET /templates and /categories), kept in the profile as
// styles.json so the Styles picker can be browsed offline. Read from the file at once;
// refreshed from the server at most once a day (refreshIfStale) or when asked (refresh).
class StyleCatalogue final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 maxAgeMs = 24ll * 3600 * 1000;

    // `cachePath` empty: nothing is kept between runs.
    StyleCatalogue(BackendClient &client, QString cachePath, QObject *parent = nullptr);

    QList<StyleTemplate> styles() const { return m_styles; }
    QList<StyleCategory> categories() const { return m_categories; }
    QDateTime fetchedAt() const { return m_fetchedAt; }
    bool isRefreshing() const { return m_pending > 0; }
    // The style with this id, or one with an empty id.
    StyleTemplate find(const QString &id) const;

    // Asks the server when the copy is missing or older than a day; else does nothing.
    void refreshIfStale();
    // Asks the server now (unless a refresh is under way).
    void refresh();

    // The name a style is shown by: the backend sends none, so its id in words
    // ("pixel-art" -> "Pixel art").
    static QString displayName(const StyleTemplate &style);
    // The name of a category id (the categories' own name when known).
    QString categoryName(const QString &category) const;
    // The styles in `category` (empty: all) whose name, prompt, category or tags contain every
    // word of `search` (compared as the prompt suggestions compare: case, Persian forms,
    // diacritics).
    static QList<StyleTemplate> filter(const QList<StyleTemplate> &styles, const QString &category,
                                       const QString &search);

Q_SIGNALS:
    // The list changed (a refresh brought it, or it was read from the file).
    void changed();
    // A refresh failed; the cached list stays. `message` is a sentence for the user.
    void refreshFailed(const QString &message);

private:
    void load();
    void save() const;
    void finishOne();

    BackendClient &m_client;
    QString m_cachePath;
    QList<StyleTemplate> m_styles;
    QList<StyleCategory> m_categories;
    QDateTime m_fetchedAt;
    // A refresh asks for both lists; it ends when both have answered.
    int m_pending = 0;
    QList<StyleTemplate> m_newStyles;
    QList<StyleCategory> m_newCategories;
    bool m_newStylesOk = false;
    QString m_failure;
};
