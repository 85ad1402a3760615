#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace {

// Qt turns the whole application right to left when the installed catalogues translate
// this entry as "RTL" (QGuiApplication::event on LanguageChange); the marker puts it in our
// own catalogue, so the Persian layout does not depend on Qt's catalogue being installed.
[[maybe_unused]] constexpr const char *kLayoutDirection =
    QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION");

// Debian 12's qtbase_fa.qm leaves these two of QCommandLineParser's --help lines in English.
[[maybe_unused]] constexpr const char *kParserHelp[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
};

} // namespace

Translations::~Translations()
{
    remove();
}

QLocale Translations::localeFor(Language language, const QLocale &system)
{
    switch (language) {
    case Language::Persian:
        return QLocale(QLocale::Persian, QLocale::Iran);
    case Language::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case Language::System:
        break;
    }
    // The system's first interface language (LANGUAGE, LC_MESSAGES, then LANG on Linux), not
    // its number locale (LC_NUMERIC), says which catalogue a person reads.
    const QLocale wanted(system.uiLanguages().value(0, system.name()));
    if (wanted.language() == QLocale::Persian)
        return QLocale(QLocale::Persian, wanted.territory());
    // Only English and Persian are translated; the C locale of a bare container is English too.
    if (wanted.language() == QLocale::English)
        return wanted;
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

bool Translations::install(const QLocale &locale, const QString &catalogueDir)
{
    remove();
    QLocale::setDefault(locale);
    const QString language =
        locale.language() == QLocale::Persian ? QStringLiteral("fa") : QStringLiteral("en");
    // English needs its catalogue too: the sources are plurals ("%n jobs"), it says "1 job".
    m_studioInstalled = m_studio.load(QStringLiteral("studio_") + language, catalogueDir)
                        && QCoreApplication::installTranslator(&m_studio);
    if (language != u"en")
        m_qtInstalled = m_qt.load(QStringLiteral("qtbase_") + language,
                                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))
                        && QCoreApplication::installTranslator(&m_qt);
    return m_studioInstalled;
}

void Translations::remove()
{
    if (m_studioInstalled)
        QCoreApplication::removeTranslator(&m_studio);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    m_studioInstalled = m_qtInstalled = false;
}
