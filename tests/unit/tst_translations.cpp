#include "domain/job.h"
#include "history/historydatabase.h"
#include "i18n/languagechoice.h"
#include "i18n/translations.h"
#include "jobs/jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

const QString kSourceRoot = QDir::cleanPath(QStringLiteral(STUDIO_TEST_DATA_DIR "/../.."));
const QString kPersianTs = kSourceRoot + u"/resources/translations/studio_fa.ts"_s;
const QString kEnglishTs = kSourceRoot + u"/resources/translations/studio_en.ts"_s;
// The CLI embeds the catalogues it built beside itself (app/cli/CMakeLists.txt); the tests
// depend on the CLI, so they are built before this test runs.
const QString kBuiltCatalogues = QFileInfo(QStringLiteral(NANOBANANA_CLI_PATH)).absolutePath();

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one per numerus form, or the one translation
};

QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader reader(&file);
    QString context;
    TsMessage message;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isEndElement() && reader.name() == u"message") {
            messages << message;
            continue;
        }
        if (!reader.isStartElement())
            continue;
        const auto name = reader.name();
        if (name == u"name") {
            context = reader.readElementText();
        } else if (name == u"message") {
            message = {context, {}, reader.attributes().value(u"numerus"_s) == u"yes", {}, {}};
        } else if (name == u"source") {
            message.source = reader.readElementText();
        } else if (name == u"translation") {
            message.type = reader.attributes().value(u"type"_s).toString();
            if (!message.numerus)
                message.translations << reader.readElementText();
        } else if (name == u"numerusform") {
            message.translations << reader.readElementText();
        }
    }
    if (reader.hasError())
        *error = reader.errorString();
    return messages;
}

// %1…%9 and %n, with the locale flag dropped: a translation may say %L1 or %Ln where the
// source says %1 or %n (QString::arg and QCoreApplication::translate both read it).
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?([1-9]|n)"_s);
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

// What is wrong with one catalogue message, in words; empty when nothing is.
QStringList problems(const TsMessage &message)
{
    QStringList found;
    const QString where = message.context + u": \""_s + message.source.left(60) + u'"';
    if (!message.type.isEmpty())
        found << where + u" is "_s + message.type;
    if (message.translations.isEmpty())
        found << where + u" has no translation"_s;
    for (const QString &translation : message.translations) {
        if (translation.trimmed().isEmpty()) {
            found << where + u" has an empty translation"_s;
            continue;
        }
        if (placeholders(translation) != placeholders(message.source))
            found << where + u" does not keep the placeholders of its source: "_s + translation;
        // Qt 6.4 shapes a Persian word wrongly when one of its letters carries the mnemonic
        // underline (a label loses its last letter): the key is a Latin letter, "ذخیره (&S)".
        static const QRegularExpression persianMnemonic(u"&[^&\\x{0020}-\\x{007e}]"_s);
        if (translation.contains(persianMnemonic))
            found << where + u" puts the mnemonic on a Persian letter: "_s + translation;
        // Messages::fill replaces only %1…%9: %L1 would be shown as it is.
        static const QRegularExpression localeArg(u"%L[1-9]"_s);
        if (message.context == u"Messages" && translation.contains(localeArg))
            found << where + u" uses %L<digit>, which stored messages cannot fill"_s;
        // A count reads in Persian digits beside the numbers the locale formats ("۲٬۰۰۰"):
        // %Ln, not %n, which Qt writes in Latin digits.
        static const QRegularExpression latinCount(u"%n"_s);
        if (message.numerus && translation.contains(latinCount))
            found << where + u" writes its count in Latin digits (%n, not %Ln): "_s + translation;
    }
    return found;
}

QStringList problems(const QList<TsMessage> &messages)
{
    QStringList found;
    for (const TsMessage &message : messages)
        found << problems(message);
    return found;
}

// clang-format off -- it breaks Persian literals at a different place on every run.
QString persianJobFailure()
{
    return u"مدل این پرامپت را طبق سیاست محتوایش نپذیرفت. "
           u"پرامپت یا مرجع‌ها را تغییر دهید و دوباره امتحان کنید."_s;
}
// clang-format on

} // namespace

Q_DECLARE_METATYPE(TsMessage)

// Checks the Persian catalogue (resources/translations/studio_fa.ts): every message of app/
// and ui/ is in it and finished with its placeholders kept, the built .qm turns the layout
// right to left, and the loader picks and installs it from the setting or the system.
class TestTranslations final : public QObject
{
    Q_OBJECT

private:
    Translations m_translations;

private Q_SLOTS:
    void cleanup()
    {
        m_translations.remove();
        QLocale::setDefault(QLocale::c());
    }

    // The checker itself: each kind of broken message is caught.
    void brokenMessagesAreFound_data()
    {
        QTest::addColumn<TsMessage>("message");
        QTest::newRow("unfinished")
            << TsMessage{u"Cli"_s, u"Open"_s, false, u"unfinished"_s, {u"باز کردن"_s}};
        QTest::newRow("vanished") << TsMessage{
            u"Cli"_s, u"Open"_s, false, u"vanished"_s, {u"باز کردن"_s}};
        QTest::newRow("empty") << TsMessage{u"Cli"_s, u"Open"_s, false, {}, {u" "_s}};
        QTest::newRow("empty plural form")
            << TsMessage{u"JobsPanel"_s, u"%n jobs"_s, true, {}, {QString()}};
        QTest::newRow("placeholder lost")
            << TsMessage{u"Cli"_s, u"Saved %1 to %2."_s, false, {}, {u"در %2 ذخیره شد."_s}};
        QTest::newRow("count lost")
            << TsMessage{u"JobsPanel"_s, u"%n jobs"_s, true, {}, {u"کارها"_s}};
        QTest::newRow("placeholder invented")
            << TsMessage{u"Cli"_s, u"Saved."_s, false, {}, {u"%1 ذخیره شد."_s}};
        QTest::newRow("mnemonic on a Persian letter")
            << TsMessage{u"SettingsDialog"_s, u"&Calendar"_s, false, {}, {u"&تقویم"_s}};
        QTest::newRow("count in Latin digits")
            << TsMessage{u"JobsPanel"_s, u"%n jobs"_s, true, {}, {u"%n کار"_s}};
        QTest::newRow("%L1 in a stored message")
            << TsMessage{u"Messages"_s, u"error %1"_s, false, {}, {u"خطای %L1"_s}};
    }

    void brokenMessagesAreFound()
    {
        QFETCH(TsMessage, message);
        QVERIFY(!problems(message).isEmpty());
    }

    void localeDigitsKeepThePlaceholders()
    {
        const TsMessage fine{u"Cli"_s, u"%1 of %n records"_s, true, {}, {u"%L1 از %Ln رکورد"_s}};
        QVERIFY2(problems(fine).isEmpty(), qPrintable(problems(fine).join(u'\n')));
        const TsMessage latinKey{u"SettingsDialog"_s, u"&Calendar"_s, false, {}, {u"تقویم (&C)"_s}};
        QVERIFY2(problems(latinKey).isEmpty(), qPrintable(problems(latinKey).join(u'\n')));
    }

    void everyPersianMessageIsFinished()
    {
        QString error;
        const auto messages = readTsFile(kPersianTs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 500);
        const QStringList found = problems(messages);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    // lupdate over app/ and ui/ into a copy of the catalogue adds nothing: no sentence of the
    // sources is missing from it.
    void noSourceMessageIsMissing()
    {
        const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + u"/lupdate"_s;
        if (!QFileInfo::exists(lupdate))
            QSKIP("lupdate is not installed (Debian: qt6-l10n-tools)");
        QTemporaryDir dir;
        const QString copy = dir.filePath(u"studio_fa.ts"_s);
        QVERIFY(QFile::copy(kPersianTs, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        QProcess process;
        process.setWorkingDirectory(kSourceRoot);
        process.start(lupdate, {u"app"_s, u"ui"_s, u"-locations"_s, u"none"_s, u"-no-obsolete"_s,
                                u"-silent"_s, u"-ts"_s, copy});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QString error;
        const auto messages = readTsFile(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // A message the sources no longer have was dropped (-no-obsolete): the count says so.
        QCOMPARE(messages.size(), readTsFile(kPersianTs, &error).size());
        const QStringList found = problems(messages);
        QVERIFY2(found.isEmpty(),
                 qPrintable(u"the sources have messages the catalogue lacks (run the "
                            "studio_lupdate target and translate them):\n"_s
                            + found.join(u'\n')));
    }

    void builtCatalogueTranslatesEveryMessage()
    {
        QTranslator persian;
        QVERIFY(persian.load(u"studio_fa"_s, kBuiltCatalogues));
        QString error;
        const auto messages = readTsFile(kPersianTs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList untranslated;
        for (const TsMessage &message : messages) {
            const QByteArray context = message.context.toUtf8();
            const QByteArray source = message.source.toUtf8();
            if (persian
                    .translate(context.constData(), source.constData(), nullptr,
                               message.numerus ? 3 : -1)
                    .isEmpty())
                untranslated << message.context + u": "_s + message.source;
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
    }

    // Our own catalogue says so, not only Qt's: the app stays mirrored where qtbase_fa.qm is
    // missing.
    void persianTurnsTheLayoutRightToLeft()
    {
        QTranslator persian;
        QVERIFY(persian.load(u"studio_fa"_s, kBuiltCatalogues));
        QCOMPARE(persian.translate("QGuiApplication", "QT_LAYOUT_DIRECTION"), u"RTL"_s);
        QTranslator english;
        QVERIFY(english.load(u"studio_en"_s, kBuiltCatalogues));
        QCOMPARE(english.translate("QGuiApplication", "QT_LAYOUT_DIRECTION"), QString());
    }

    void installedCataloguesSayRightToLeft()
    {
        QVERIFY(m_translations.install(QLocale(QLocale::Persian, QLocale::Iran), kBuiltCatalogues));
        QCOMPARE(QCoreApplication::translate("QGuiApplication", "QT_LAYOUT_DIRECTION"), u"RTL"_s);
        m_translations.remove();
        QCOMPARE(QCoreApplication::translate("QGuiApplication", "QT_LAYOUT_DIRECTION"),
                 u"QT_LAYOUT_DIRECTION"_s);
    }

    void countsUsePersianDigits()
    {
        QVERIFY(m_translations.install(QLocale(QLocale::Persian, QLocale::Iran), kBuiltCatalogues));
        QCOMPARE(QCoreApplication::translate("JobsPanel", "%n jobs", nullptr, 12), u"۱۲ کار"_s);
        QCOMPARE(QCoreApplication::translate("JobDelegate", "%1 min %2 s").arg(3).arg(25),
                 u"۳ دقیقه و ۲۵ ثانیه"_s);
    }

    // "Synced · 2,000 new" beside "2,000 images": the English plural forms write their count
    // as the locale does (%Ln), not as Qt's bare %n does ("2000").
    void englishCountsAreGrouped()
    {
        QString error;
        const auto messages = readTsFile(kEnglishTs, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList bare;
        for (const TsMessage &message : messages) {
            for (const QString &form : message.translations) {
                if (message.numerus && form.contains(u"%n"))
                    bare << message.context + u": "_s + form;
            }
        }
        QVERIFY2(bare.isEmpty(), qPrintable(bare.join(u'\n')));
        QVERIFY(m_translations.install(QLocale(QLocale::English, QLocale::UnitedStates),
                                       kBuiltCatalogues));
        QCOMPARE(QCoreApplication::translate("AppStatus", "Synced · %n new", nullptr, 2000),
                 u"Synced · 2,000 new"_s);
        m_translations.remove();
    }

    // Issue 11: a failed job's sentence is stored as a code, so switching the language changes
    // the stored sentence.
    void storedJobFailureReadsInTheLanguageOfTheMoment()
    {
        QTemporaryDir dir;
        qint64 id = 0;
        {
            HistoryDatabase database(dir.filePath(u"studio.sqlite"_s));
            QVERIFY(database.open().ok());
            JobStore store(database);
            Job job;
            job.accountId = u"acc"_s;
            job.request.prompt = u"a red fox"_s;
            job.createdAt = QDateTime::currentDateTimeUtc();
            QVERIFY(store.insert(job));
            job.state = JobState::Failed;
            job.setMessage(UserMessage::of("jobs.contentPolicy"));
            QVERIFY(store.update(job));
            id = job.id;
        }
        HistoryDatabase database(dir.filePath(u"studio.sqlite"_s));
        QVERIFY(database.open().ok());
        JobStore store(database);
        const auto english = store.load(id);
        QVERIFY(english);
        QCOMPARE(english->message.code, u"jobs.contentPolicy"_s);
        QCOMPARE(english->message.text(),
                 u"The model refused this prompt under its content policy. Change the prompt or "
                 "the references and try again."_s);

        QVERIFY(m_translations.install(QLocale(QLocale::Persian, QLocale::Iran), kBuiltCatalogues));
        const auto persian = store.load(id);
        QVERIFY(persian);
        QCOMPARE(persian->message.text(), persianJobFailure());
        QCOMPARE(jobMessageText(persian->message), persianJobFailure());
    }

    void storedPluralsUsePersianDigits()
    {
        QVERIFY(m_translations.install(QLocale(QLocale::Persian, QLocale::Iran), kBuiltCatalogues));
        const auto stored = UserMessage::of("jobs.tooManyImages", {u"2"_s}).toStorage();
        QCOMPARE(
            UserMessage::fromStorage(stored).text(),
            u"هر کار حداکثر ۵ تصویر می‌تواند داشته باشد؛ ۲ تصویر را بردارید."_s);
    }

    // A number inside a stored sentence reads in the language's digits too, not only %n.
    void storedNumbersUsePersianDigits()
    {
        QVERIFY(m_translations.install(QLocale(QLocale::Persian, QLocale::Iran), kBuiltCatalogues));
        const auto stored = UserMessage::of("api.tooLarge.answer", {u"64"_s}).toStorage();
        const QString text = UserMessage::fromStorage(stored).text();
        QVERIFY2(text.contains(u"۶۴"_s) && !text.contains(u"64"_s), qPrintable(text));
        // In English the same number, as stored.
        m_translations.remove();
        QLocale::setDefault(QLocale::c());
        QVERIFY(UserMessage::fromStorage(stored).text().contains(u"the 64 MB"_s));
    }

    void systemLanguagePicksTheCatalogue_data()
    {
        QTest::addColumn<QString>("system");
        QTest::addColumn<int>("language");
        QTest::newRow("fa_IR") << u"fa_IR"_s << int(QLocale::Persian);
        QTest::newRow("fa_AF") << u"fa_AF"_s << int(QLocale::Persian);
        QTest::newRow("en_GB") << u"en_GB"_s << int(QLocale::English);
        QTest::newRow("C") << u"C"_s << int(QLocale::English);
        QTest::newRow("de_DE") << u"de_DE"_s << int(QLocale::English);
    }

    void systemLanguagePicksTheCatalogue()
    {
        QFETCH(QString, system);
        QFETCH(int, language);
        QCOMPARE(int(Translations::localeFor(Translations::Language::System, QLocale(system))
                         .language()),
                 language);
    }

    void settingOverridesTheSystem()
    {
        const QLocale persian(u"fa_IR"_s);
        const QLocale english(u"en_US"_s);
        QCOMPARE(Translations::localeFor(Translations::Language::English, persian).language(),
                 QLocale::English);
        QCOMPARE(Translations::localeFor(Translations::Language::Persian, english).language(),
                 QLocale::Persian);
    }

    void choiceIsKeptInTheProfileSettings()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(u"settings.ini"_s);
        {
            LanguageChoice choice(ini);
            QCOMPARE(choice.language(), Translations::Language::System);
            QCOMPARE(choice.calendar(), LanguageChoice::Calendar::Automatic);
            choice.setLanguage(Translations::Language::Persian);
            choice.setCalendar(LanguageChoice::Calendar::Gregorian);
        }
        const LanguageChoice again(ini);
        QCOMPARE(again.language(), Translations::Language::Persian);
        QCOMPARE(again.calendar(), LanguageChoice::Calendar::Gregorian);
        QCOMPARE(
            LanguageChoice::calendarFor(LanguageChoice::Calendar::Automatic, QLocale(u"fa_IR"_s)),
            QCalendar::System::Jalali);
        QCOMPARE(
            LanguageChoice::calendarFor(LanguageChoice::Calendar::Automatic, QLocale(u"en_US"_s)),
            QCalendar::System::Gregorian);
        QCOMPARE(LanguageChoice::calendarFor(LanguageChoice::Calendar::Jalali, QLocale(u"en_US"_s)),
                 QCalendar::System::Jalali);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
