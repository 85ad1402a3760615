#include "common/datetext.h"
#include "common/uiresources.h"
#include "i18n/languagechoice.h"
#include "i18n/translations.h"
#include "settings/settingsdialog.h"
#include "studiofixture.h"

#include <QApplication>
#include <QComboBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Noon, so no time zone moves it to another day.
QDateTime thirdOfDecember2026()
{
    return QDateTime(QDate(2026, 12, 3), QTime(12, 5));
}

} // namespace

// Checks the app in Persian: the embedded catalogue turns the application right to left,
// dates read in the Jalali calendar with Persian digits, and Settings keeps the language and
// calendar chosen.
class TestPersianUi final : public QObject
{
    Q_OBJECT

private:
    Translations m_translations;

private Q_SLOTS:
    void initTestCase() { initUiResources(); }

    void cleanup()
    {
        m_translations.remove();
        QLocale::setDefault(QLocale::c());
        DateText::setCalendar(QCalendar::System::Gregorian);
        QCoreApplication::processEvents();
    }

    void persianCatalogueMirrorsTheApplication()
    {
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QVERIFY(m_translations.install(QLocale(QLocale::Persian, QLocale::Iran)));
        QTRY_COMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
        QCOMPARE(QCoreApplication::translate("SettingsDialog", "Settings"), u"تنظیمات"_s);
        m_translations.remove();
        QTRY_COMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
    }

    void englishCatalogueStaysLeftToRight()
    {
        QVERIFY(m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCoreApplication::processEvents();
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
        QCOMPARE(QCoreApplication::translate("JobsPanel", "%n jobs", nullptr, 1), u"1 job"_s);
    }

    void jalaliDatesWithPersianDigits()
    {
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        DateText::setCalendar(QCalendar::System::Jalali);
        QCOMPARE(DateText::day(thirdOfDecember2026()), u"۱۲ آذر ۱۴۰۵"_s);
        QCOMPARE(DateText::dayAndTime(thirdOfDecember2026()), u"۱۲ آذر ۱۴۰۵، ۱۲:۰۵"_s);
    }

    void gregorianWhenChosen()
    {
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        DateText::setCalendar(QCalendar::System::Gregorian);
        const QString day = DateText::day(thirdOfDecember2026());
        QVERIFY2(day.startsWith(u"۳ "_s) && day.endsWith(u" ۲۰۲۶"_s), qPrintable(day));
    }

    void englishDatesStayGregorian()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        DateText::setCalendar(QCalendar::System::Gregorian);
        QCOMPARE(DateText::day(thirdOfDecember2026()), u"3 Dec 2026"_s);
    }

    void settingsKeepLanguageAndCalendar()
    {
        QTemporaryDir profile;
        StudioFixture studio;
        QString error;
        QVERIFY2(studio.start(profile.path(), QUrl(u"http://127.0.0.1:9"_s), &error),
                 qPrintable(error));
        auto &services = *studio.services;
        {
            SettingsDialog dialog({services.settings(),
                                   services.jobs(),
                                   services.thumbnails(),
                                   services.profile().rootPath(),
                                   services.server(),
                                   {}});
            QCOMPARE(dialog.languageBox()->currentData().toInt(),
                     int(Translations::Language::System));
            dialog.languageBox()->setCurrentIndex(
                dialog.languageBox()->findData(int(Translations::Language::Persian)));
            dialog.calendarBox()->setCurrentIndex(
                dialog.calendarBox()->findData(int(LanguageChoice::Calendar::Gregorian)));
            QVERIFY(dialog.apply());
        }
        const LanguageChoice saved(services.profile().settingsPath());
        QCOMPARE(saved.language(), Translations::Language::Persian);
        QCOMPARE(saved.calendar(), LanguageChoice::Calendar::Gregorian);
        // The dialog opens on what was saved.
        SettingsDialog again({services.settings(),
                              services.jobs(),
                              services.thumbnails(),
                              services.profile().rootPath(),
                              services.server(),
                              {}});
        QCOMPARE(again.languageBox()->currentData().toInt(), int(Translations::Language::Persian));
        QCOMPARE(again.calendarBox()->currentData().toInt(),
                 int(LanguageChoice::Calendar::Gregorian));
    }
};

QTEST_MAIN(TestPersianUi)
#include "tst_persianui.moc"
