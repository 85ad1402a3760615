#include "backend/decoders.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

HttpAnswer json(const QByteArray &body)
{
    HttpAnswer answer;
    answer.status = 200;
    answer.contentType = u"application/json"_s;
    answer.body = body;
    return answer;
}

} // namespace

// What `./dev fuzz` found, kept as plain tests (their inputs are seeds in tests/fuzz/corpus).
class TestFuzzFindings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Numbers beyond int were converted to int: undefined behaviour (UBSan), garbage in practice.
    void hugePaginationIsClamped()
    {
        const auto page = decodeImagesPage(
            json(R"({"status":"success","data":{"images":[{"id":"i1","prompt":"x"}],)"
                 R"("pagination":{"total":1e300,"limit":5e64,"skip":-5e64}}})"));
        QVERIFY(page.ok());
        QCOMPARE(page.value().skip, std::numeric_limits<int>::min() + 1);
        QCOMPARE(page.value().limit, std::numeric_limits<int>::max());
        QVERIFY(page.value().total > qint64(std::numeric_limits<int>::max()));
        QVERIFY(page.value().hasMore);
    }

    void notANumberFallsBack()
    {
        const auto page = decodeImagesPage(
            json(R"({"data":{"images":[],"pagination":{"skip":"nan","limit":"nan"}}})"));
        QVERIFY(page.ok());
        QCOMPARE(page.value().skip, 0);
        QCOMPARE(page.value().limit, 0);
        QCOMPARE(page.value().total, 0);
    }

    void hugeCharacterImageOrderIsClamped()
    {
        const auto list = decodeCharacters(json(
            R"({"data":{"characters":[{"id":"c1","name":"N","images":[{"url":"/a.png","order":1e300}]}]}})"));
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(list.value().first().images.first().order, std::numeric_limits<int>::max());
    }
};

QTEST_GUILESS_MAIN(TestFuzzFindings)
#include "tst_fuzzfindings.moc"
