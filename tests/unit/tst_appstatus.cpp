#include "appstatus.h"
#include "backend/apicall.h"
#include "domain/records.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A probe call the test finishes by hand.
class FakeCall final : public ApiCall<Done>
{
public:
    using ApiCall<Done>::ApiCall;
    void abort() override { finish(ApiError::cancelled()); }
    void fail() { finish(ApiError::networkFailure(u"example.org"_s)); }
};

} // namespace

class TestAppStatus final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectionPrecedence_data();
    void connectionPrecedence();
    void syncTexts();
    void faultsReplaceEachOther();
    void whatCountsAsAFault_data();
    void whatCountsAsAFault();
    void offlineProbesWithBackoffUntilTheServerAnswers();
    void starsFollowTheSession();
};

void TestAppStatus::connectionPrecedence_data()
{
    QTest::addColumn<int>("signIn");
    QTest::addColumn<int>("reachable"); // -1 unknown, 0 no, 1 yes
    QTest::addColumn<int>("rateLimited");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("text");
    using C = AppStatus::Connection;
    using S = AppStatus::SignIn;
    QTest::newRow("signed in, unknown")
        << int(S::SignedIn) << -1 << 0 << int(C::Unknown) << u"Connecting"_s;
    QTest::newRow("online") << int(S::SignedIn) << 1 << 0 << int(C::Online) << u"Online"_s;
    QTest::newRow("offline") << int(S::SignedIn) << 0 << 0 << int(C::Offline) << u"Offline"_s;
    QTest::newRow("rate limited") << int(S::SignedIn) << 1 << 12 << int(C::RateLimited)
                                  << u"resuming in 12 s"_s;
    QTest::newRow("offline beats rate limit")
        << int(S::SignedIn) << 0 << 12 << int(C::Offline) << u"Offline"_s;
    QTest::newRow("signed out beats all")
        << int(S::SignedOut) << 0 << 12 << int(C::SignedOut) << u"Signed out"_s;
    QTest::newRow("needs sign-in")
        << int(S::NeedsSignIn) << 1 << 0 << int(C::NeedsSignIn) << u"Sign in again"_s;
}

void TestAppStatus::connectionPrecedence()
{
    QFETCH(int, signIn);
    QFETCH(int, reachable);
    QFETCH(int, rateLimited);
    QFETCH(int, expected);
    QFETCH(QString, text);
    AppStatus status;
    status.setSignIn(AppStatus::SignIn(signIn));
    if (reachable >= 0)
        status.setReachable(reachable == 1);
    status.setRateLimited(rateLimited);
    QCOMPARE(int(status.connection()), expected);
    QVERIFY2(status.connectionText().contains(text), qPrintable(status.connectionText()));
}

void TestAppStatus::syncTexts()
{
    AppStatus status;
    QSignalSpy changed(&status, &AppStatus::changed);
    status.syncStarted();
    QVERIFY(status.isSyncing());
    QCOMPARE(status.syncText(), u"Syncing…"_s);
    status.syncProgress(100, 250);
    QCOMPARE(status.syncText(), u"Syncing 100 of 250…"_s);
    status.syncFinished(3);
    QVERIFY(!status.isSyncing());
    QCOMPARE(status.syncText(), u"Synced · 3 new"_s);
    status.syncFailed(ApiError::networkFailure(u"example.org"_s));
    QCOMPARE(status.syncText(), u"Not synced (offline)"_s);
    QVERIFY(status.faultText().isEmpty()); // offline is the banner's business, not a fault
    status.syncFailed(ApiError::serverError(500, u"boom"_s));
    QCOMPARE(status.syncText(), u"Sync failed"_s);
    QVERIFY(!status.faultText().isEmpty());
    status.syncFinished(0);
    QVERIFY(status.faultText().isEmpty()); // a good sync clears it
    QVERIFY(changed.count() >= 6);
}

void TestAppStatus::faultsReplaceEachOther()
{
    AppStatus status;
    QSignalSpy changed(&status, &AppStatus::changed);
    const auto fault = ApiError::serverError(502, u"bad gateway"_s);
    status.reportFault(fault);
    status.reportFault(fault);
    status.reportFault(fault);
    QCOMPARE(changed.count(), 1); // a storm of the same failure is one change
    QCOMPARE(status.faultText(), fault.userMessage);
    // Coming back online clears it.
    status.setReachable(false);
    status.setReachable(true);
    QVERIFY(status.faultText().isEmpty());
}

void TestAppStatus::whatCountsAsAFault_data()
{
    using K = ApiError::Kind;
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("fault");
    QTest::newRow("5xx") << int(K::ServerError) << true;
    QTest::newRow("html or cut off") << int(K::BadResponse) << true;
    QTest::newRow("timeout") << int(K::Timeout) << true;
    QTest::newRow("offline") << int(K::Network) << false;
    QTest::newRow("401") << int(K::Unauthorized) << false;
    QTest::newRow("429") << int(K::RateLimited) << false;
    QTest::newRow("cancelled") << int(K::Cancelled) << false;
    QTest::newRow("validation") << int(K::Validation) << false;
}

void TestAppStatus::whatCountsAsAFault()
{
    QFETCH(int, kind);
    QFETCH(bool, fault);
    QCOMPARE(AppStatus::isFault(ApiError::make(ApiError::Kind(kind), u"x"_s)), fault);
}

void TestAppStatus::offlineProbesWithBackoffUntilTheServerAnswers()
{
    AppStatus status;
    status.setSignIn(AppStatus::SignIn::SignedIn);
    status.setProbeDelays({10, 20});
    QList<QPointer<FakeCall>> calls;
    status.setProbe([&calls] {
        auto *call = new FakeCall;
        calls.append(call);
        return call;
    });
    QSignalSpy back(&status, &AppStatus::backOnline);

    status.setReachable(true);
    QCOMPARE(calls.size(), 0); // online: no probes
    status.setReachable(false);
    QTRY_COMPARE(calls.size(), 1);
    QVERIFY(status.nextProbeSecondsLeft() == 0); // one probe at a time
    calls.last()->fail();
    QTRY_COMPARE(calls.size(), 2);
    calls.last()->fail();
    QTRY_COMPARE(calls.size(), 3);
    QCOMPARE(back.count(), 0);

    // The server answers (the client reports reachability), the probe ends: no more probes.
    status.setReachable(true);
    QCOMPARE(back.count(), 1);
    QCOMPARE(status.connection(), AppStatus::Connection::Online);
    calls.last()->abort();
    QTRY_VERIFY(calls.last().isNull());
    QCOMPARE(status.nextProbeSecondsLeft(), 0); // nothing planned
}

void TestAppStatus::starsFollowTheSession()
{
    AppStatus status;
    QVERIFY(status.starsText().isEmpty());
    status.setSignIn(AppStatus::SignIn::SignedIn);
    status.setStars(1234);
    QVERIFY(status.starsText().contains(u'★'));
    QVERIFY(status.starsText().contains(u"234"_s));
    status.setSignIn(AppStatus::SignIn::SignedOut);
    QVERIFY(status.starsText().isEmpty());
}

QTEST_MAIN(TestAppStatus)
#include "tst_appstatus.moc"
