#include "session/phonenumber.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Checks that every way of writing a number ends as the one E.164 string the server keys by.
class TestPhoneNumber final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: refused

        QTest::newRow("already E.164") << u"+989121234567"_s << u"+989121234567"_s;
        QTest::newRow("spaces") << u"+98 912 123 4567"_s << u"+989121234567"_s;
        QTest::newRow("dashes and dots") << u"+1-555.123-4567"_s << u"+15551234567"_s;
        QTest::newRow("parentheses") << u"+1 (555) 123-4567"_s << u"+15551234567"_s;
        QTest::newRow("00 prefix") << u"0098 912 123 4567"_s << u"+989121234567"_s;
        QTest::newRow("surrounding blanks") << u"  +44 20 7946 0958\t"_s << u"+442079460958"_s;
        QTest::newRow("persian digits") << u"+۹۸۹۱۲۱۲۳۴۵۶۷"_s << u"+989121234567"_s;
        QTest::newRow("arabic-indic digits") << u"+٩٨٩١٢١٢٣٤٥٦٧"_s << u"+989121234567"_s;
        QTest::newRow("non-breaking space") << u"+98\u00a0912\u00a01234567"_s << u"+989121234567"_s;
        QTest::newRow("10 digits") << u"+1234567890"_s << u"+1234567890"_s;
        QTest::newRow("15 digits") << u"+123456789012345"_s << u"+123456789012345"_s;

        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only separators") << u" - ( ) "_s << QString();
        QTest::newRow("no country code") << u"09121234567"_s << QString();
        QTest::newRow("bare digits") << u"989121234567"_s << QString();
        QTest::newRow("9 digits") << u"+123456789"_s << QString();
        QTest::newRow("16 digits") << u"+1234567890123456"_s << QString();
        QTest::newRow("letters") << u"+98 912 CALL ME"_s << QString();
        QTest::newRow("plus in the middle") << u"98+9121234567"_s << QString();
        QTest::newRow("two plus signs") << u"++989121234567"_s << QString();
        QTest::newRow("plus and 00") << u"+00989121234567"_s << QString();
        QTest::newRow("slash") << u"+98/9121234567"_s << QString();
        QTest::newRow("extension") << u"+1 555 123 4567 x12"_s << QString();
    }

    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const Result<QString> result = PhoneNumber::normalize(input);
        if (expected.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().kind, ApiError::Kind::Validation);
            QVERIFY(!result.error().userMessage.isEmpty());
        } else {
            QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().userMessage));
            QCOMPARE(result.value(), expected);
        }
    }

    void idempotent()
    {
        const QString once = PhoneNumber::normalize(u"0098 (912) 123-4567"_s).value();
        QCOMPARE(PhoneNumber::normalize(once).value(), once);
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
