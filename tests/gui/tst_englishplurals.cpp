#include "compose/characterpicker.h"
#include "compose/composerpanel.h"

#include <QApplication>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace Qt::StringLiterals;

// Checks the English catalogue (resources/translations/studio_en.ts, loaded at start by the
// app and the CLI): the sources are English plurals, and a count of one reads in the
// singular's own words rather than "1 jobs".
class TestEnglishPlurals final : public QObject
{
    Q_OBJECT

private:
    QTranslator m_english;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_english.load(u":/i18n/studio_en.qm"_s));
        QCoreApplication::installTranslator(&m_english);
    }

    void bothFormsRead_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");

        QTest::newRow("jobs, one") << "JobsPanel"_ba
                                   << "%n jobs"_ba << 1 << u"1 job"_s;
        QTest::newRow("jobs, three") << "JobsPanel"_ba
                                     << "%n jobs"_ba << 3 << u"3 jobs"_s;
        const auto attach = "You can attach up to %n images; remove one to add another."_ba;
        QTest::newRow("references, one")
            << "ReferenceStrip"_ba << attach << 1
            << u"You can attach one image; remove it to add another."_s;
        QTest::newRow("references, five")
            << "ReferenceStrip"_ba << attach << 5
            << u"You can attach up to 5 images; remove one to add another."_s;
        QTest::newRow("hidden, one")
            << "GalleryPage"_ba
            << "%n images hidden on this computer."_ba << 1 << u"Hidden on this computer."_s;
        QTest::newRow("hidden, two") << "GalleryPage"_ba
                                     << "%n images hidden on this computer."_ba << 2
                                     << u"2 images hidden on this computer."_s;
        QTest::newRow("exported, one")
            << "QObject"_ba
            << "Exported %n images and %1 to %2."_ba << 1 << u"Exported 1 image and %1 to %2."_s;
        const auto offline = "nanobanana-cli: Could not reach the server at %1. Jobs %2 stay in "
                             "the profile; `nanobanana-cli wait` resumes them when the server "
                             "answers again."_ba;
        QTest::newRow("cli offline, one")
            << "Cli"_ba << offline << 1
            << u"nanobanana-cli: Could not reach the server at %1. Job %2 stays in the profile; "
               "`nanobanana-cli wait` resumes it when the server answers again."_s;
        QTest::newRow("cli offline, two")
            << "Cli"_ba << offline << 2
            << u"nanobanana-cli: Could not reach the server at %1. Jobs %2 stay in the profile; "
               "`nanobanana-cli wait` resumes them when the server answers again."_s;
        const auto synced = "Synced %1 records in %n requests (%2 new, %3 changed, %4 gone) in "
                            "%5 s."_ba;
        QTest::newRow("cli sync, one")
            << "Cli"_ba << synced << 1
            << u"Synced %1 records in 1 request (%2 new, %3 changed, %4 gone) in %5 s."_s;
        QTest::newRow("cli sync, two")
            << "Cli"_ba << synced << 2
            << u"Synced %1 records in 2 requests (%2 new, %3 changed, %4 gone) in %5 s."_s;
    }

    void bothFormsRead()
    {
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, n),
                 expected);
    }

    // Through the widget: the picker's sentences when only one character is allowed.
    void onePickableCharacterReadsInTheSingular()
    {
        QList<Character> characters;
        for (const auto &id : {u"c1"_s, u"c2"_s}) {
            Character character;
            character.id = id;
            character.name = id;
            characters << character;
        }
        ComposerPanel panel;
        panel.setCharacters(characters);
        panel.setKind(JobKind::Edit); // an edit takes one character
        CharacterPicker *picker = panel.characterPicker();
        QCOMPARE(picker->maxSelection(), 1);
        QTest::mouseClick(picker->chip(u"c1"_s), Qt::LeftButton);
        QCOMPARE(picker->hintText(), u"One character chosen, the most this allows."_s);
        QTest::mouseClick(picker->chip(u"c2"_s), Qt::LeftButton);
        QCOMPARE(picker->hintText(),
                 u"You can use one character here; deselect it to pick another."_s);
    }
};

QTEST_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
