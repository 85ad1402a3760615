#include "history/historyquery.h"
#include "studiofixture.h"

using namespace studiotest;

// The session against the dev server: phone sign-in, whoami, an expiring token that ends in
// NeedsSignIn with the local history still readable, and a lost server that signs nobody out.
class TestSessionDevServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void signInByPhoneAndWhoami()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        auto &session = services->session();

        QSignalSpy codeSent(&session, &Session::codeSent);
        session.requestCode(kPhone);
        QVERIFY(codeSent.wait(10000));
        QVERIFY(signIn(*services));
        QCOMPARE(session.state(), Session::State::SignedIn);
        QCOMPARE(session.accountId(), userState(server).value(u"id"_s).toString());
        QCOMPARE(session.user().phoneNumber, kPhone);

        QVERIFY(server.setStars(kPhone, 42));
        QSignalSpy stars(&session, &Session::starsChanged);
        session.refreshUser();
        QTRY_VERIFY(!stars.isEmpty());
        QCOMPARE(session.user().stars, 42.0);

        // A second program on the same profile starts signed in.
        auto again = openServices(profile.path(), server.origin());
        QVERIFY(again);
        QVERIFY(restoreSession(*again));
        QCOMPARE(again->accountId(), session.accountId());
    }

    void expiredTokenNeedsSignInAndKeepsLocalData()
    {
        DevServerProcess server;
        QVERIFY2(server.start({u"--token-ttl"_s, u"2"_s, u"--seed-history"_s, u"30"_s}),
                 qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        auto &session = services->session();
        QCOMPARE(session.state(), Session::State::Expiring); // two seconds left
        const auto account = session.accountId();
        const auto report = runSync(*services, true);
        QVERIFY(report);
        QCOMPARE(report->fetched, 30);

        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::NeedsSignIn, 15000);
        QCOMPARE(session.accountId(), account);
        // The server agrees: the old token is refused.
        std::optional<Result<User>> me;
        QObject context;
        auto *call = services->client().fetchMe();
        connect(call, &ApiCallBase::finished, &context,
                [&me, call] { me.emplace(call->result()); });
        QTRY_VERIFY(me.has_value());
        QVERIFY(!*me);
        QCOMPARE(me->error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(session.state(), Session::State::NeedsSignIn);

        HistoryQuery query;
        query.accountId = services->accountId();
        query.limit = 10;
        const auto page = services->reader().page(query);
        QVERIFY(page);
        QCOMPARE(page.value().rows.size(), 10);
        QVERIFY(page.value().next);
        const auto count = services->reader().count(query);
        QVERIFY(count);
        QCOMPARE(count.value(), 30);

        // A job written now waits for the new sign-in instead of failing.
        auto queued = services->jobs().enqueue(generateRequest(u"after expiry"_s));
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().userMessage));
        QCOMPARE(generatePosts(server), 0);
        QCOMPARE(jobStateName(services->jobs().job(queued.value().id)->state), u"queued"_s);
        // Sent once signed in again (the new token lives two seconds too: no wait for the end).
        QVERIFY(signIn(*services));
        QTRY_COMPARE(generatePosts(server), 1);
    }

    void networkErrorDoesNotSignOut()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir profile;
        auto services = openServices(profile.path(), server.origin());
        QVERIFY(services);
        QVERIFY(signIn(*services));
        auto &session = services->session();
        server.stop();

        QSignalSpy failed(&session, &Session::refreshFailed);
        session.refreshUser();
        QVERIFY(failed.wait(15000));
        const auto error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Network);
        QCOMPARE(session.state(), Session::State::SignedIn);
        QVERIFY(!session.accountId().isEmpty());

        // A job sent while the server is away is kept, waiting for the network.
        auto queued = services->jobs().enqueue(generateRequest(u"offline heron"_s));
        QVERIFY(queued);
        QTRY_VERIFY(!services->jobs().job(queued.value().id)->userMessage.isEmpty());
        const auto job = services->jobs().job(queued.value().id);
        QVERIFY2(job->state == JobState::Queued || job->state == JobState::Submitting,
                 qPrintable(jobStateName(job->state) + u' ' + job->userMessage));
        QCOMPARE(session.state(), Session::State::SignedIn);
    }
};

QTEST_GUILESS_MAIN(TestSessionDevServer)
#include "tst_session_devserver.moc"
