#include "session/jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QString part(const QByteArray &json)
{
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString token(const QJsonObject &payload)
{
    return part(R"({"alg":"HS256","typ":"JWT"})") + u'.'
           + part(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + u".c2lnbmF0dXJl"_s;
}

const qint64 iat = 1'771'935'939; // 2026-02-24T12:25:39Z

} // namespace

// Checks that JwtClaims reads the backend's tokens and refuses anything malformed.
class TestJwt final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsPhoneToken()
    {
        const auto claims = JwtClaims::read(token({{u"userId"_s, u"65f1c0ffee0123456789abcd"_s},
                                                   {u"phoneNumber"_s, u"+989121234567"_s},
                                                   {u"iat"_s, iat},
                                                   {u"exp"_s, iat + qint64(7) * 86400}}));
        QVERIFY(claims);
        QCOMPARE(claims->userId, u"65f1c0ffee0123456789abcd"_s);
        QCOMPARE(claims->phoneNumber, u"+989121234567"_s);
        QVERIFY(claims->email.isEmpty());
        QCOMPARE(claims->issuedAt, QDateTime::fromSecsSinceEpoch(iat, Qt::UTC));
        QCOMPARE(claims->expiresAt,
                 QDateTime::fromSecsSinceEpoch(iat + qint64(7) * 86400, Qt::UTC));
    }

    void readsEmailToken()
    {
        const auto claims = JwtClaims::read(
            token({{u"userId"_s, u"abc"_s}, {u"email"_s, u"a@b.example"_s}, {u"exp"_s, iat}}));
        QVERIFY(claims);
        QCOMPARE(claims->email, u"a@b.example"_s);
        QVERIFY(!claims->issuedAt.isValid());
    }

    void expiry()
    {
        const auto claims =
            JwtClaims::read(token({{u"userId"_s, u"u1"_s}, {u"exp"_s, iat + 3600}}));
        QVERIFY(claims);
        const QDateTime issued = QDateTime::fromSecsSinceEpoch(iat, Qt::UTC);
        QVERIFY(!claims->isExpired(issued));
        QVERIFY(claims->isExpired(issued.addSecs(3600)));
        QVERIFY(claims->expiresWithin(24h, issued));
        QVERIFY(!claims->expiresWithin(30min, issued));
        const auto week =
            JwtClaims::read(token({{u"userId"_s, u"u1"_s}, {u"exp"_s, iat + qint64(7) * 86400}}));
        QVERIFY(!week->expiresWithin(24h, issued));
        QVERIFY(week->expiresWithin(24h, issued.addDays(6).addSecs(1)));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("input");
        const QString good = token({{u"userId"_s, u"u1"_s}, {u"exp"_s, iat}});
        const QStringList parts = good.split(u'.');
        QTest::newRow("empty") << QString();
        QTest::newRow("not a jwt") << u"hello"_s;
        QTest::newRow("two parts") << parts.at(0) + u'.' + parts.at(1);
        QTest::newRow("four parts") << good + u".x"_s;
        QTest::newRow("empty payload") << parts.at(0) + u"..sig"_s;
        QTest::newRow("payload not base64") << parts.at(0) + u".!!!!.sig"_s;
        QTest::newRow("payload not json") << parts.at(0) + u'.' + part("nope") + u".sig"_s;
        QTest::newRow("payload an array") << parts.at(0) + u'.' + part("[1,2]") + u".sig"_s;
        QTest::newRow("header not json") << part("x") + u'.' + parts.at(1) + u".sig"_s;
        QTest::newRow("no userId") << token({{u"exp"_s, iat}});
        QTest::newRow("empty userId") << token({{u"userId"_s, u""_s}, {u"exp"_s, iat}});
        QTest::newRow("no exp") << token({{u"userId"_s, u"u1"_s}});
        QTest::newRow("exp a string") << token({{u"userId"_s, u"u1"_s}, {u"exp"_s, u"soon"_s}});
        QTest::newRow("non-ascii") << good + u"é"_s;
    }

    void refused()
    {
        QFETCH(QString, input);
        QVERIFY(!JwtClaims::read(input));
    }

    void toleratesSurroundingBlanks()
    {
        QVERIFY(
            JwtClaims::read(u"  "_s + token({{u"userId"_s, u"u1"_s}, {u"exp"_s, iat}}) + u"\n"_s));
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
