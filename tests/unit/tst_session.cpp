#include "session/session.h"
#include "session/tokenstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString makeToken(const QString &userId, const QDateTime &expires)
{
    const auto part = [](const QByteArray &json) {
        return QString::fromLatin1(
            json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    const QJsonObject payload{{u"userId"_s, userId},
                              {u"phoneNumber"_s, u"+989121234567"_s},
                              {u"iat"_s, expires.addDays(-7).toSecsSinceEpoch()},
                              {u"exp"_s, expires.toSecsSinceEpoch()}};
    return part(R"({"alg":"HS256","typ":"JWT"})") + u'.'
           + part(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + u".c2ln"_s;
}

User makeUser(const QString &id, double stars)
{
    User user;
    user.id = id;
    user.phoneNumber = u"+989121234567"_s;
    user.name = u"Sara"_s;
    user.stars = stars;
    return user;
}

ApiError error(ApiError::Kind kind)
{
    return ApiError::make(kind, u"failed"_s, kind == ApiError::Kind::Unauthorized ? 401 : 0);
}

// A stateful stand-in for the backend: records calls, lets the test answer them.
class FakeAuth final : public AuthBackend
{
public:
    QStringList sentCodes;
    QList<std::pair<QString, QString>> verifications;
    QString accessToken;
    QList<std::pair<QPointer<QObject>, Callback<User>>> pendingMe;
    std::pair<QPointer<QObject>, Callback<AuthResult>> pendingVerify;
    std::pair<QPointer<QObject>, Callback<Done>> pendingSend;
    std::function<void(const ApiError &)> unauthorizedHandler;
    QPointer<QObject> unauthorizedContext;

    void sendCode(const QString &phone, QObject *context, Callback<Done> done) override
    {
        sentCodes << phone;
        pendingSend = {context, std::move(done)};
    }
    void verifyCode(const QString &phone, const QString &code, QObject *context,
                    Callback<AuthResult> done) override
    {
        verifications.append({phone, code});
        pendingVerify = {context, std::move(done)};
    }
    void fetchMe(QObject *context, Callback<User> done) override
    {
        pendingMe.append({context, std::move(done)});
    }
    void setAccessToken(const QString &token) override { accessToken = token; }
    void onUnauthorized(QObject *context, std::function<void(const ApiError &)> handler) override
    {
        unauthorizedContext = context;
        unauthorizedHandler = std::move(handler);
    }

    void answerMe(const Result<User> &result)
    {
        auto [context, done] = pendingMe.takeFirst();
        if (context) {
            if (!result && result.error().kind == ApiError::Kind::Unauthorized
                && unauthorizedContext)
                unauthorizedHandler(result.error()); // the client reports 401s both ways
            done(result);
        }
    }
};

} // namespace

// Checks Session's states and flows against a fake backend and a file-only token store.
class TestSession final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QDateTime m_now;

    QString tokenFile() const { return m_dir.filePath(u"token"_s); }
    QString cacheFile() const { return m_dir.filePath(u"account.json"_s); }

    struct Fixture
    {
        FakeAuth backend;
        TokenStore tokens;
        Session session;
        Fixture(const TestSession &test)
            : tokens(test.m_dir.path(), test.tokenFile(), u"http://localhost:2000"_s,
                     TokenStore::Backend::FileOnly)
            , session(backend, tokens, test.cacheFile())
        {
            session.setClock([&test] { return test.m_now; });
        }
    };

    QString storedToken()
    {
        QFile file(tokenFile());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(u"http://localhost:2000"_s)
            .toString();
    }

    // Signs in through the phone flow with a token expiring at `expires`.
    void signIn(Fixture &f, const QDateTime &expires, double stars = 30)
    {
        QSignalSpy signedIn(&f.session, &Session::signedIn);
        f.session.verifyCode(u"+98 912 123 4567"_s, u"123456"_s);
        QVERIFY(f.backend.pendingVerify.second);
        f.backend.pendingVerify.second(
            AuthResult{makeUser(u"u1"_s, stars), makeToken(u"u1"_s, expires), u"refresh"_s});
        QCOMPARE(signedIn.count(), 1);
        QTRY_COMPARE(storedToken(), makeToken(u"u1"_s, expires));
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(tokenFile());
        QFile::remove(cacheFile());
        m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    }

    void restoresSignedOut()
    {
        Fixture f(*this);
        QSignalSpy restored(&f.session, &Session::restored);
        f.session.restore();
        QVERIFY(restored.wait());
        QCOMPARE(restored.first().first().value<Session::State>(), Session::State::SignedOut);
        QVERIFY(f.session.accountId().isEmpty());
    }

    void requestCode_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("sent"); // empty: refused locally
        QTest::newRow("normalised") << u"0098 (912) 123-4567"_s << u"+989121234567"_s;
        QTest::newRow("no country code") << u"09121234567"_s << QString();
        QTest::newRow("letters") << u"call me"_s << QString();
    }

    void requestCode()
    {
        QFETCH(QString, input);
        QFETCH(QString, sent);
        Fixture f(*this);
        QSignalSpy codeSent(&f.session, &Session::codeSent);
        QSignalSpy failed(&f.session, &Session::codeRequestFailed);
        f.session.requestCode(input);
        if (sent.isEmpty()) {
            QVERIFY(failed.wait());
            QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Validation);
            QVERIFY(f.backend.sentCodes.isEmpty());
            return;
        }
        QCOMPARE(f.backend.sentCodes, QStringList{sent});
        f.backend.pendingSend.second(Done{u"Verification code sent successfully"_s});
        QCOMPARE(codeSent.count(), 1);
        QCOMPARE(codeSent.first().first().toString(), sent);
    }

    void verifyCodeSignsIn()
    {
        Fixture f(*this);
        QSignalSpy stars(&f.session, &Session::starsChanged);
        QSignalSpy state(&f.session, &Session::stateChanged);
        signIn(f, m_now.addDays(7));
        QCOMPARE(f.backend.verifications.first(), (std::pair{u"+989121234567"_s, u"123456"_s}));
        QCOMPARE(f.session.state(), Session::State::SignedIn);
        QCOMPARE(f.session.accountId(), u"u1"_s);
        QCOMPARE(f.session.user().displayName(), u"Sara"_s);
        QCOMPARE(f.backend.accessToken, makeToken(u"u1"_s, m_now.addDays(7)));
        QCOMPARE(stars.count(), 1);
        QCOMPARE(stars.first().first().toDouble(), 30.0);

        QFile cache(cacheFile());
        QVERIFY(cache.open(QIODevice::ReadOnly));
        const QByteArray cached = cache.readAll();
        QVERIFY(cached.contains("Sara"));
        QVERIFY(!cached.contains(f.backend.accessToken.toLatin1())); // never the token
    }

    void badCodeRefusedLocally()
    {
        Fixture f(*this);
        QSignalSpy failed(&f.session, &Session::signInFailed);
        f.session.verifyCode(u"+989121234567"_s, u"12345"_s);
        QVERIFY(failed.wait());
        QVERIFY(f.backend.verifications.isEmpty());
    }

    void serverRefusesCode()
    {
        Fixture f(*this);
        QSignalSpy failed(&f.session, &Session::signInFailed);
        f.session.verifyCode(u"+989121234567"_s, u"000000"_s);
        f.backend.pendingVerify.second(error(ApiError::Kind::Validation));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(f.session.state(), Session::State::SignedOut);
    }

    void restoreShowsCachedUserThenRefreshes()
    {
        {
            Fixture first(*this);
            signIn(first, m_now.addDays(7), 30);
        }
        Fixture f(*this);
        QSignalSpy restored(&f.session, &Session::restored);
        QSignalSpy stars(&f.session, &Session::starsChanged);
        f.session.restore();
        QVERIFY(restored.wait());
        QCOMPARE(f.session.state(), Session::State::SignedIn);
        QCOMPARE(f.session.accountId(), u"u1"_s);
        QCOMPARE(f.session.user().name, u"Sara"_s); // from the cache, before any network
        QCOMPARE(f.backend.pendingMe.size(), 1);
        f.backend.answerMe(makeUser(u"u1"_s, 20));
        QCOMPARE(f.session.user().stars, 20.0);
        QCOMPARE(stars.last().first().toDouble(), 20.0);
    }

    void networkErrorKeepsSession()
    {
        Fixture f(*this);
        signIn(f, m_now.addDays(7));
        QSignalSpy refreshFailed(&f.session, &Session::refreshFailed);
        f.session.refreshUser();
        f.backend.answerMe(error(ApiError::Kind::Network));
        QCOMPARE(refreshFailed.count(), 1);
        QCOMPARE(f.session.state(), Session::State::SignedIn);
        f.session.refreshUser();
        f.backend.answerMe(error(ApiError::Kind::ServerError));
        QCOMPARE(f.session.state(), Session::State::SignedIn);
    }

    void unauthorizedNeedsSignIn()
    {
        Fixture f(*this);
        signIn(f, m_now.addDays(7));
        QSignalSpy required(&f.session, &Session::signInRequired);
        f.backend.unauthorizedHandler(error(ApiError::Kind::Unauthorized));
        QCOMPARE(f.session.state(), Session::State::NeedsSignIn);
        QCOMPARE(required.count(), 1);
        QCOMPARE(f.session.accountId(), u"u1"_s); // local data stays visible
        QVERIFY(!storedToken().isEmpty()); // kept until a new sign-in replaces it
        f.backend.unauthorizedHandler(error(ApiError::Kind::Unauthorized));
        QCOMPARE(required.count(), 1); // said once

        signIn(f, m_now.addDays(7));
        QCOMPARE(f.session.state(), Session::State::SignedIn);
    }

    void expiringWarnsOnce()
    {
        Fixture f(*this);
        QSignalSpy warned(&f.session, &Session::tokenExpiringSoon);
        signIn(f, m_now.addDays(7));
        QCOMPARE(warned.count(), 0);

        m_now = m_now.addDays(6).addSecs(3600); // 23 h left
        f.session.refreshUser();
        f.backend.answerMe(makeUser(u"u1"_s, 30));
        QCOMPARE(f.session.state(), Session::State::Expiring);
        QVERIFY(f.session.isSignedIn());
        QCOMPARE(warned.count(), 1);
        f.session.refreshUser();
        f.backend.answerMe(makeUser(u"u1"_s, 30));
        QCOMPARE(warned.count(), 1);

        m_now = m_now.addDays(1);
        f.session.refreshUser();
        f.backend.answerMe(makeUser(u"u1"_s, 30));
        QCOMPARE(f.session.state(), Session::State::NeedsSignIn);
    }

    void expiredTokenOnRestore()
    {
        {
            Fixture first(*this);
            signIn(first, m_now.addDays(1));
        }
        m_now = m_now.addDays(2);
        Fixture f(*this);
        QSignalSpy restored(&f.session, &Session::restored);
        QSignalSpy required(&f.session, &Session::signInRequired);
        f.session.restore();
        QVERIFY(restored.wait());
        QCOMPARE(f.session.state(), Session::State::NeedsSignIn);
        QCOMPARE(required.count(), 1);
        QCOMPARE(f.session.accountId(), u"u1"_s);
        QVERIFY(f.backend.accessToken.isEmpty()); // an expired token is not sent
        QVERIFY(f.backend.pendingMe.isEmpty());
    }

    void signInWithToken_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("reachesServer");
        QTest::newRow("malformed") << u"not-a-token"_s << false;
        QTest::newRow("two parts") << u"abc.def"_s << false;
        QTest::newRow("expired") << makeToken(u"u2"_s,
                                              QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC))
                                 << false;
        QTest::newRow("valid shape")
            << makeToken(u"u2"_s, QDateTime(QDate(2026, 3, 5), QTime(0, 0), Qt::UTC)) << true;
    }

    void signInWithToken()
    {
        QFETCH(QString, token);
        QFETCH(bool, reachesServer);
        Fixture f(*this);
        QSignalSpy failed(&f.session, &Session::signInFailed);
        QSignalSpy signedIn(&f.session, &Session::signedIn);
        f.session.signInWithToken(u"Bearer "_s + token);
        if (!reachesServer) {
            QVERIFY(failed.wait());
            QVERIFY(f.backend.pendingMe.isEmpty());
            return;
        }
        QCOMPARE(f.backend.pendingMe.size(), 1);
        QCOMPARE(f.backend.accessToken, token);
        f.backend.answerMe(error(ApiError::Kind::Unauthorized));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(f.session.state(), Session::State::SignedOut); // the 401 was the candidate's
        QVERIFY(f.backend.accessToken.isEmpty());

        f.session.signInWithToken(token);
        f.backend.answerMe(makeUser(u"u2"_s, 50));
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(f.session.accountId(), u"u2"_s);
        QTRY_COMPARE(storedToken(), token);
    }

    void signOutForgets()
    {
        Fixture f(*this);
        signIn(f, m_now.addDays(7));
        QSignalSpy signedOut(&f.session, &Session::signedOut);
        f.session.signOut();
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(f.session.state(), Session::State::SignedOut);
        QVERIFY(f.session.accountId().isEmpty());
        QVERIFY(f.backend.accessToken.isEmpty());
        QTRY_VERIFY(!QFileInfo::exists(tokenFile()));
        QVERIFY(!QFileInfo::exists(cacheFile()));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
