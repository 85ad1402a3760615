#include "jobs/reconcilematch.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// One server record of a row: its id, task id, prompt and creation time relative to the
// job's submission (the server's clock).
struct Rec
{
    QString id;
    QString taskId;
    QString prompt;
    qint64 offsetMs = 0;
};

constexpr qint64 kMinute = qint64(60) * 1000;
constexpr qint64 kWindow = 15 * kMinute;

const QDateTime &submitted()
{
    static const QDateTime t = QDateTime::fromString(u"2026-01-01T12:00:00Z"_s, Qt::ISODate);
    return t;
}

Rec rec(const QString &id, const QString &prompt, qint64 offsetMs, const QString &taskId = {})
{
    return Rec{id, taskId, prompt, offsetMs};
}

} // namespace

Q_DECLARE_METATYPE(Rec)

// matchServerRecord(): which of the newest server records, if any, is a job whose submission
// outcome is unknown. Pure, so every case is one row.
class TestReconcileMatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("taskId");
        QTest::addColumn<QList<Rec>>("records");
        QTest::addColumn<QStringList>("claimed");
        QTest::addColumn<QString>("expected"); // record id; empty: no match

        const QString cat = u"a cat on a sofa"_s;
        const QStringList none;

        QTest::newRow("same prompt, same time")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, 0)} << none << u"a"_s;
        QTest::newRow("no records") << cat << QString() << QList<Rec>{} << none << QString();
        QTest::newRow("other prompt")
            << cat << QString() << QList<Rec>{rec(u"a"_s, u"a dog on a sofa"_s, 0)} << none
            << QString();
        QTest::newRow("case counts")
            << cat << QString() << QList<Rec>{rec(u"a"_s, u"A cat on a sofa"_s, 0)} << none
            << QString();
        QTest::newRow("spaces count")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat + u' ', 0)} << none << QString();

        // Clocks: the server's may run ahead of or behind ours; the window allows both ways.
        QTest::newRow("server clock ahead")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, 3 * kMinute)} << none << u"a"_s;
        QTest::newRow("server clock behind")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, -4 * kMinute)} << none << u"a"_s;
        QTest::newRow("at the window's edge")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, kWindow)} << none << u"a"_s;
        QTest::newRow("just after the window")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, kWindow + 1)} << none << QString();
        QTest::newRow("just before the window")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, -kWindow - 1)} << none << QString();
        QTest::newRow("an hour earlier")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, -60 * kMinute)} << none << QString();

        // The same prompt sent several times: the record closest to the submission wins.
        QTest::newRow("equal prompts, closest later")
            << cat << QString()
            << QList<Rec>{rec(u"far"_s, cat, 10 * kMinute), rec(u"near"_s, cat, 2 * kMinute)}
            << none << u"near"_s;
        QTest::newRow("equal prompts, closest earlier")
            << cat << QString()
            << QList<Rec>{rec(u"later"_s, cat, 3 * kMinute), rec(u"earlier"_s, cat, -kMinute)}
            << none << u"earlier"_s;
        QTest::newRow("equal distance: the first listed")
            << cat << QString()
            << QList<Rec>{rec(u"first"_s, cat, 2 * kMinute), rec(u"second"_s, cat, -2 * kMinute)}
            << none << u"first"_s;
        QTest::newRow("closest has another prompt")
            << cat << QString()
            << QList<Rec>{rec(u"dog"_s, u"a dog"_s, 0), rec(u"cat"_s, cat, 5 * kMinute)} << none
            << u"cat"_s;
        QTest::newRow("one in, one out of the window")
            << cat << QString()
            << QList<Rec>{rec(u"out"_s, cat, 20 * kMinute), rec(u"in"_s, cat, 14 * kMinute)} << none
            << u"in"_s;

        // Records another job of the account already owns cannot be this job.
        QTest::newRow("closest claimed by id")
            << cat << QString()
            << QList<Rec>{rec(u"near"_s, cat, kMinute), rec(u"far"_s, cat, 6 * kMinute)}
            << QStringList{u"near"_s} << u"far"_s;
        QTest::newRow("closest claimed by task id")
            << cat << QString()
            << QList<Rec>{rec(u"near"_s, cat, kMinute, u"task-9"_s),
                          rec(u"far"_s, cat, 6 * kMinute)}
            << QStringList{u"task-9"_s} << u"far"_s;
        QTest::newRow("all claimed")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, 0), rec(u"b"_s, cat, kMinute)}
            << QStringList{u"a"_s, u"b"_s} << QString();

        // A known task id must agree with the record's, when the record has one.
        QTest::newRow("task id mismatch")
            << cat << u"task-1"_s << QList<Rec>{rec(u"a"_s, cat, 0, u"task-2"_s)} << none
            << QString();
        QTest::newRow("task id mismatch, the farther one agrees")
            << cat << u"task-1"_s
            << QList<Rec>{rec(u"near"_s, cat, 0, u"task-2"_s),
                          rec(u"far"_s, cat, 9 * kMinute, u"task-1"_s)}
            << none << u"far"_s;
        QTest::newRow("record without task id")
            << cat << u"task-1"_s << QList<Rec>{rec(u"a"_s, cat, kMinute)} << none << u"a"_s;
        QTest::newRow("job without task id")
            << cat << QString() << QList<Rec>{rec(u"a"_s, cat, 0, u"task-7"_s)} << none << u"a"_s;

        // Persian typed, pasted or normalised differently is the same prompt (the history's
        // search normalisation plus NFC); a different word is not.
        const QString persian =
            u"گربه‌ای کوچک روی میز"_s; // Persian yeh ی, keheh ک, ZWNJ
        QString arabicYeh = persian;
        arabicYeh.replace(QChar(0x06CC), QChar(0x064A));
        QString arabicKaf = persian;
        arabicKaf.replace(QChar(0x06A9), QChar(0x0643));
        QString noZwnj = persian;
        noZwnj.remove(QChar(0x200C));
        QTest::newRow("Persian: Arabic yeh")
            << persian << QString() << QList<Rec>{rec(u"a"_s, arabicYeh, 0)} << none << u"a"_s;
        QTest::newRow("Persian: Arabic kaf")
            << persian << QString() << QList<Rec>{rec(u"a"_s, arabicKaf, 0)} << none << u"a"_s;
        QTest::newRow("Persian: job typed with Arabic letters")
            << arabicYeh << QString() << QList<Rec>{rec(u"a"_s, arabicKaf, 0)} << none << u"a"_s;
        QTest::newRow("Persian: without ZWNJ")
            << persian << QString() << QList<Rec>{rec(u"a"_s, noZwnj, 0)} << none << u"a"_s;
        const QString composed = u"آب و نان"_s; // alef with madda above, one code point
        const QString decomposed = composed.normalized(QString::NormalizationForm_D);
        QVERIFY(composed != decomposed);
        QTest::newRow("Persian: NFC job, NFD record")
            << composed << QString() << QList<Rec>{rec(u"a"_s, decomposed, 0)} << none << u"a"_s;
        QTest::newRow("Persian: NFD job, NFC record")
            << decomposed << QString() << QList<Rec>{rec(u"a"_s, composed, 0)} << none << u"a"_s;
        const QString cafe = u"café au lait"_s;
        QTest::newRow("Latin: NFD record")
            << cafe << QString()
            << QList<Rec>{rec(u"a"_s, cafe.normalized(QString::NormalizationForm_D), 0)} << none
            << u"a"_s;
        QTest::newRow("Persian: another word")
            << persian << QString() << QList<Rec>{rec(u"a"_s, u"سگ کوچک روی میز"_s, 0)} << none
            << QString();
        QTest::newRow("Persian: closest of equal prompts, one claimed")
            << persian << QString()
            << QList<Rec>{rec(u"x"_s, arabicYeh, 0), rec(u"y"_s, noZwnj, 2 * kMinute),
                          rec(u"z"_s, persian, 4 * kMinute)}
            << QStringList{u"x"_s} << u"y"_s;
    }

    void match()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, taskId);
        QFETCH(QList<Rec>, records);
        QFETCH(QStringList, claimed);
        QFETCH(QString, expected);

        Job job;
        job.request.prompt = prompt;
        job.taskId = taskId;
        job.createdAt = submitted().addSecs(-30);
        job.submittedAt = submitted();
        QList<GeneratedImage> candidates;
        for (const auto &r : std::as_const(records)) {
            GeneratedImage g;
            g.id = r.id;
            g.taskId = r.taskId;
            g.prompt = r.prompt;
            g.createdAt = submitted().addMSecs(r.offsetMs);
            candidates << g;
        }
        const auto found = matchServerRecord(
            job, candidates, QSet<QString>(claimed.cbegin(), claimed.cend()), kWindow);
        QCOMPARE(found ? found->id : QString(), expected);
    }

    void unsentJobIsAnchoredAtItsCreation()
    {
        Job job;
        job.request.prompt = u"a fox"_s;
        job.createdAt = submitted();
        GeneratedImage record;
        record.id = u"r"_s;
        record.prompt = u"a fox"_s;
        record.createdAt = submitted().addSecs(60);
        QVERIFY(matchServerRecord(job, {record}, {}, kWindow).has_value());
        record.createdAt = submitted().addSecs(qint64(60) * 60);
        QVERIFY(!matchServerRecord(job, {record}, {}, kWindow).has_value());
    }
};

QTEST_GUILESS_MAIN(TestReconcileMatch)
#include "tst_reconcilematch.moc"
