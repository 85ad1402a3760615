#pragma once

#include <QLocale>
#include <QTranslator>

// Installs the program's catalogue and Qt's own for one interface language, and makes that
// language's locale the default (digits, month names), for as long as it lives.
class Translations final
{
public:
    // The language a person chose; System follows the environment (LANG).
    enum class Language { System, English, Persian };

    Translations() = default;
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // The locale `language` amounts to: Persian (Iran) or English (United States) when chosen;
    // for System, Persian when `system` is Persian, else English with `system`'s country.
    static QLocale localeFor(Language language, const QLocale &system = QLocale::system());

    // Loads studio_<lang>.qm from `catalogueDir` (":/i18n", where the app and the CLI embed
    // them) and qtbase_<lang>.qm from Qt's translations folder, installs both, and sets
    // `locale` as QLocale's default. False when the program's own catalogue is missing; Qt's
    // is optional (its absence leaves dialogs' standard buttons in English, nothing more).
    bool install(const QLocale &locale, const QString &catalogueDir = QStringLiteral(":/i18n"));
    // Removes what install() installed (the default locale stays).
    void remove();

    bool hasQtCatalogue() const { return m_qtInstalled; }

private:
    QTranslator m_studio;
    QTranslator m_qt;
    bool m_studioInstalled = false;
    bool m_qtInstalled = false;
};
