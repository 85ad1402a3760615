#include "domain/jobrequestcheck.h"

#include <QTest>

using namespace Qt::StringLiterals;

// checkJobRequest(): the first thing wrong with a request, as a Validation error with a code,
// or nothing for a request that can go.
class TestJobRequest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<int>("references");
        QTest::addColumn<QString>("ratio");
        QTest::addColumn<QString>("resolution");
        QTest::addColumn<QString>("code"); // empty: valid
        QTest::addColumn<QString>("sentencePart");

        const int gen = int(JobKind::Generate);
        const int edit = int(JobKind::Edit);
        QTest::newRow("plain generate")
            << gen << u"a cat"_s << 0 << u"1:1"_s << u"1K"_s << QString() << QString();
        QTest::newRow("edit with one image")
            << edit << u"make it blue"_s << 1 << u"16:9"_s << u"4K"_s << QString() << QString();
        QTest::newRow("five images")
            << gen << u"a cat"_s << 5 << u"21:9"_s << u"2K"_s << QString() << QString();
        QTest::newRow("persian prompt") << gen << u"گربه‌ای روی کاناپه"_s << 0
                                        << u"3:4"_s << u"1K"_s << QString() << QString();
        QTest::newRow("empty prompt") << gen << QString() << 0 << u"1:1"_s << u"1K"_s
                                      << u"jobs.promptMissing"_s << u"Write a prompt"_s;
        QTest::newRow("blank prompt") << gen << u" \t\n "_s << 0 << u"1:1"_s << u"1K"_s
                                      << u"jobs.promptMissing"_s << u"Write a prompt"_s;
        QTest::newRow("edit without image") << edit << u"make it blue"_s << 0 << u"1:1"_s << u"1K"_s
                                            << u"jobs.editNeedsImage"_s << u"at least one image"_s;
        QTest::newRow("six images") << gen << u"a cat"_s << 6 << u"1:1"_s << u"1K"_s
                                    << u"jobs.tooManyImages"_s << u"remove 1."_s;
        QTest::newRow("nine images") << gen << u"a cat"_s << 9 << u"1:1"_s << u"1K"_s
                                     << u"jobs.tooManyImages"_s << u"remove 4."_s;
        QTest::newRow("unknown ratio")
            << gen << u"a cat"_s << 0 << u"7:5"_s << u"1K"_s << u"jobs.aspectRatioRefused"_s
            << u"The aspect ratio 7:5 is not one the server accepts "
               "(1:1, 2:3"_s;
        QTest::newRow("empty ratio") << gen << u"a cat"_s << 0 << QString() << u"1K"_s
                                     << u"jobs.aspectRatioRefused"_s << u"aspect ratio"_s;
        QTest::newRow("lowercase resolution") << gen << u"a cat"_s << 0 << u"1:1"_s << u"1k"_s
                                              << u"jobs.resolutionRefused"_s << u"1K, 2K or 4K"_s;
        QTest::newRow("8K") << gen << u"a cat"_s << 0 << u"1:1"_s << u"8K"_s
                            << u"jobs.resolutionRefused"_s << u"1K, 2K or 4K"_s;
        // The prompt is checked first: one sentence at a time, the most basic first.
        QTest::newRow("everything wrong") << edit << QString() << 0 << u"0:0"_s << u"0K"_s
                                          << u"jobs.promptMissing"_s << u"Write a prompt"_s;
    }

    void check()
    {
        QFETCH(int, kind);
        QFETCH(QString, prompt);
        QFETCH(int, references);
        QFETCH(QString, ratio);
        QFETCH(QString, resolution);
        QFETCH(QString, code);
        QFETCH(QString, sentencePart);

        JobRequest request;
        request.kind = JobKind(kind);
        request.prompt = prompt;
        for (int i = 0; i < references; ++i)
            request.referencePaths << u"/tmp/ref%1.png"_s.arg(i);
        request.aspectRatio = ratio;
        request.resolution = resolution;

        const auto error = checkJobRequest(request);
        QCOMPARE(error.has_value(), !code.isEmpty());
        if (!error)
            return;
        QCOMPARE(error->kind, ApiError::Kind::Validation);
        QCOMPARE(error->message.code, code);
        QVERIFY2(error->userMessage.contains(sentencePart), qPrintable(error->userMessage));
        QVERIFY(!error->userMessage.contains(u'%'));
    }
};

QTEST_GUILESS_MAIN(TestJobRequest)
#include "tst_jobrequest.moc"
