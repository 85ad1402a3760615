#include "backend/httpanswer.h"
#include "backend/requestbudget.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(CallPriority)

namespace {

HttpAnswer rateHeaders(int limit, int remaining, int reset)
{
    HttpAnswer a;
    a.status = 200;
    a.rateLimitLimit = limit;
    a.rateLimitRemaining = remaining;
    a.rateLimitReset = reset;
    return a;
}

} // namespace

// The pacing arithmetic with a made-up clock, and the scheduler around it.
class TestRequestBudget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noHeadersNoWaits_data();
    void noHeadersNoWaits();
    void backgroundIsSpreadOverTheWindow();
    void interactiveIsNeverPacedWhileRequestsRemain();
    void lowRemainingOnlyInteractive_data();
    void lowRemainingOnlyInteractive();
    void highRemainingNothingWaits();
    void retryAfterBlocksEveryone();
    void windowOverMeansNoPacing();
    void concurrentAnswersKeepTheSmallestRemaining();
    void schedulerRunsEverythingWithoutHeaders();
    void schedulerHoldsBackgroundWhenLow();
    void schedulerCountsDownRetryAfter();
    void schedulerDropsDeadContextsAndCancelled();
};

void TestRequestBudget::noHeadersNoWaits_data()
{
    QTest::addColumn<CallPriority>("priority");
    QTest::newRow("interactive") << CallPriority::Interactive;
    QTest::newRow("poll") << CallPriority::Poll;
    QTest::newRow("background") << CallPriority::Background;
}

void TestRequestBudget::noHeadersNoWaits()
{
    QFETCH(CallPriority, priority);
    RateLimitPacer pacer;
    for (qint64 t = 0; t < 1000; t += 10) {
        QCOMPARE(pacer.delayFor(priority, t), 0);
        pacer.noteSent(priority, t);
    }
    pacer.observe(0, -1, -1, -1); // an answer without the headers changes nothing
    QCOMPARE(pacer.delayFor(priority, 5), 0);
}

// A fresh production window: 100 requests, 900 s. Background calls sent as fast as the pacer
// allows go at once for the first half of the window's requests, then are spread over the
// rest of the window, and leave the reserve untouched.
void TestRequestBudget::backgroundIsSpreadOverTheWindow()
{
    RateLimitPacer pacer;
    pacer.observe(0, 100, 100, 900);
    QCOMPARE(pacer.delayFor(CallPriority::Background, 0), 0); // the first goes at once

    qint64 now = 0;
    int sent = 0;
    int burst = 0;
    qint64 smallestGap = std::numeric_limits<qint64>::max();
    qint64 last = -1;
    while (now < 900'000) {
        const auto delay = pacer.delayFor(CallPriority::Background, now);
        now += delay;
        if (now >= 900'000)
            break;
        if (now == 0)
            ++burst;
        else if (last > 0)
            smallestGap = std::min(smallestGap, now - last);
        last = now;
        pacer.noteSent(CallPriority::Background, now);
        ++sent;
        QVERIFY(sent <= 100);
    }
    const int reserve = int(std::ceil(100 * RateLimitPacer::kBackgroundReserve));
    QCOMPARE(sent, 100 - reserve);
    QCOMPARE(pacer.remaining(), reserve);
    QCOMPARE(burst, 100 - int(std::ceil(100 * RateLimitPacer::kBurstShare)));
    // After the burst, spread: no two background calls closer than the even share of the window.
    QVERIFY2(smallestGap >= 900'000 / 100, qPrintable(QString::number(smallestGap)));
    QVERIFY(pacer.delayFor(CallPriority::Interactive, now - 1) == 0);
}

void TestRequestBudget::interactiveIsNeverPacedWhileRequestsRemain()
{
    RateLimitPacer pacer;
    pacer.observe(0, 100, 30, 900);
    pacer.noteSent(CallPriority::Background, 0);
    QVERIFY(pacer.delayFor(CallPriority::Background, 1) > 0);
    for (int i = 0; i < 29; ++i) {
        QCOMPARE(pacer.delayFor(CallPriority::Interactive, 1 + i), 0);
        pacer.noteSent(CallPriority::Interactive, 1 + i);
    }
    QCOMPARE(pacer.remaining(), 0);
    // Out of requests: even Interactive waits for the window to end.
    QCOMPARE(pacer.delayFor(CallPriority::Interactive, 100), 900'000 - 100);
}

void TestRequestBudget::lowRemainingOnlyInteractive_data()
{
    QTest::addColumn<int>("remaining");
    QTest::newRow("5") << 5;
    QTest::newRow("1") << 1;
    QTest::newRow("at the poll reserve") << 10;
}

void TestRequestBudget::lowRemainingOnlyInteractive()
{
    QFETCH(int, remaining);
    RateLimitPacer pacer;
    pacer.observe(1000, 100, remaining, 600);
    QCOMPARE(pacer.delayFor(CallPriority::Interactive, 1000), 0);
    QCOMPARE(pacer.delayFor(CallPriority::Poll, 1000), 600'000);
    QCOMPARE(pacer.delayFor(CallPriority::Background, 1000), 600'000);
    // Once the window is over, everything may go again.
    QCOMPARE(pacer.delayFor(CallPriority::Background, 601'000), 0);
}

void TestRequestBudget::highRemainingNothingWaits()
{
    RateLimitPacer pacer;
    pacer.observe(0, 1000, 900, 60); // 900 left for 60 s: far more than one per second
    for (int i = 0; i < 200; ++i) {
        QCOMPARE(pacer.delayFor(CallPriority::Background, i), 0);
        QCOMPARE(pacer.delayFor(CallPriority::Poll, i), 0);
        pacer.noteSent(CallPriority::Background, i);
    }
}

void TestRequestBudget::retryAfterBlocksEveryone()
{
    RateLimitPacer pacer;
    pacer.observe(0, 100, 50, 900);
    pacer.observeRetryAfter(1000, 7);
    for (auto p : {CallPriority::Interactive, CallPriority::Poll, CallPriority::Background})
        QCOMPARE(pacer.delayFor(p, 1000), 7000);
    QCOMPARE(pacer.delayFor(CallPriority::Interactive, 7999), 1);
    QCOMPARE(pacer.delayFor(CallPriority::Background, 8000), 0);
    // A shorter later Retry-After never shortens the wait.
    pacer.observeRetryAfter(2000, 1);
    QCOMPARE(pacer.delayFor(CallPriority::Interactive, 2000), 6000);
}

void TestRequestBudget::windowOverMeansNoPacing()
{
    RateLimitPacer pacer;
    pacer.observe(0, 100, 3, 10);
    QVERIFY(pacer.delayFor(CallPriority::Background, 0) > 0);
    QCOMPARE(pacer.delayFor(CallPriority::Background, 10'000), 0);
    QVERIFY(!pacer.hasWindow(10'000));
}

void TestRequestBudget::concurrentAnswersKeepTheSmallestRemaining()
{
    RateLimitPacer pacer;
    pacer.observe(0, 100, 40, 900);
    pacer.observe(100, 100, 42, 900); // an older answer arriving late
    QCOMPARE(pacer.remaining(), 40);
    pacer.observe(901'000, 100, 99, 900); // a new window
    QCOMPARE(pacer.remaining(), 99);
}

void TestRequestBudget::schedulerRunsEverythingWithoutHeaders()
{
    RequestBudget budget;
    int ran = 0;
    int ranBeforeReturn = 0;
    for (int i = 0; i < 30; ++i) {
        budget.enqueue(static_cast<CallPriority>(i % 3), this, [&ran] { ++ran; });
        ranBeforeReturn += ran;
    }
    QCOMPARE(ranBeforeReturn, 0); // never inside enqueue()
    QTRY_COMPARE(ran, 30);
    QCOMPARE(budget.waitingCount(), 0);
}

void TestRequestBudget::schedulerHoldsBackgroundWhenLow()
{
    qint64 now = 0;
    RequestBudget budget([&now] { return now; });
    budget.observe(rateHeaders(100, 5, 900));
    QStringList order;
    budget.enqueue(CallPriority::Background, this, [&order] { order << QStringLiteral("bg"); });
    budget.enqueue(CallPriority::Poll, this, [&order] { order << QStringLiteral("poll"); });
    budget.enqueue(CallPriority::Interactive, this, [&order] { order << QStringLiteral("ui"); });
    QTRY_COMPARE(order, QStringList{QStringLiteral("ui")});
    QCOMPARE(budget.waitingCount(), 2);

    now = 900'001; // a new, generous window: nothing is paced
    budget.observe(rateHeaders(1000, 1000, 60));
    QTRY_COMPARE(order,
                 (QStringList{QStringLiteral("ui"), QStringLiteral("poll"), QStringLiteral("bg")}));
}

void TestRequestBudget::schedulerCountsDownRetryAfter()
{
    RequestBudget budget;
    QSignalSpy spy(&budget, &RequestBudget::rateLimited);
    HttpAnswer tooMany;
    tooMany.status = 429;
    tooMany.retryAfter = 1;
    budget.observe(tooMany);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);

    bool ran = false;
    budget.enqueue(CallPriority::Interactive, this, [&ran] { ran = true; });
    QTRY_VERIFY(ran);
    // Resuming is announced with 0 (the countdown and the dispatch share no ordering).
    QTRY_COMPARE(spy.last().at(0).toInt(), 0);
}

void TestRequestBudget::schedulerDropsDeadContextsAndCancelled()
{
    RequestBudget budget;
    int ran = 0;
    auto *context = new QObject;
    budget.enqueue(CallPriority::Background, context, [&ran] { ran += 100; });
    const auto ticket = budget.enqueue(CallPriority::Background, this, [&ran] { ran += 10; });
    budget.enqueue(CallPriority::Background, this, [&ran] { ran += 1; });
    delete context;
    budget.cancel(ticket);
    QTRY_COMPARE(budget.waitingCount(), 0);
    QCOMPARE(ran, 1);
}

QTEST_GUILESS_MAIN(TestRequestBudget)
#include "tst_requestbudget.moc"
