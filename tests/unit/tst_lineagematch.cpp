#include "lineage/lineagematch.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = qint64{60} * 1000;
const QString hashA = QString(64, u'a');
const QString hashB = QString(64, u'b');
const QString hashC = QString(64, u'c');

LineageCandidate candidate(qint64 row, qint64 minutes, const QString &url,
                           const QStringList &hashes = {})
{
    return {row, minutes * kMinute, url, hashes};
}

} // namespace

Q_DECLARE_METATYPE(LineageTarget)
Q_DECLARE_METATYPE(QList<LineageCandidate>)
Q_DECLARE_METATYPE(QList<LineageLink>)
Q_DECLARE_METATYPE(RequestShape)
Q_DECLARE_METATYPE(QList<RequestShape>)

// matchLineageSources() and matchRegenerationSource(): which records an image was made from.
// Pure, so every case is one row: the image (its inputs), the records there are, the links.
class TestLineageMatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sources_data()
    {
        QTest::addColumn<LineageTarget>("target");
        QTest::addColumn<QList<LineageCandidate>>("candidates");
        QTest::addColumn<QList<LineageLink>>("expected");
        const auto edit = [](const QString &url, const QString &hash = {}) {
            return LineageInput{url, hash, LineageKind::Edit};
        };
        const auto ref = [](const QString &url, const QString &hash = {}) {
            return LineageInput{url, hash, LineageKind::Reference};
        };

        QTest::newRow("url match, relative")
            << LineageTarget{10, 60 * kMinute, {edit(u"/uploads/nero/generated/a.png"_s)}}
            << QList{candidate(1, 10, u"/uploads/nero/generated/a.png"_s),
                     candidate(2, 20, u"/uploads/nero/generated/b.png"_s)}
            << QList<LineageLink>{{1, 10, LineageKind::Edit}};
        QTest::newRow("url match, absolute against relative")
            << LineageTarget{10,
                             60 * kMinute,
                             {edit(u"http://localhost:2000/uploads/nero/generated/a.png"_s)}}
            << QList{candidate(1, 10, u"/uploads/nero/generated/a.png"_s)}
            << QList<LineageLink>{{1, 10, LineageKind::Edit}};
        QTest::newRow("url match, query ignored both ways")
            << LineageTarget{10, 60 * kMinute, {ref(u"/uploads/a.png?v=2"_s)}}
            << QList{candidate(1, 10, u"http://cdn.example/uploads/a.png"_s)}
            << QList<LineageLink>{{1, 10, LineageKind::Reference}};
        QTest::newRow("hash match") << LineageTarget{10, 60 * kMinute, {edit({}, hashA)}}
                                    << QList{candidate(1, 10, u"/uploads/x.png"_s, {hashA}),
                                             candidate(2, 11, u"/uploads/y.png"_s, {hashB})}
                                    << QList<LineageLink>{{1, 10, LineageKind::Edit}};
        QTest::newRow("hash match, upper case digest")
            << LineageTarget{10, 60 * kMinute, {edit({}, hashA.toUpper())}}
            << QList{candidate(1, 10, {}, {hashA})}
            << QList<LineageLink>{{1, 10, LineageKind::Edit}};
        QTest::newRow("hash match on a brush edit's server result")
            << LineageTarget{10, 60 * kMinute, {ref({}, hashC)}}
            << QList{candidate(3, 10, {}, {hashB, hashC})}
            << QList<LineageLink>{{3, 10, LineageKind::Reference}};
        QTest::newRow("uploaded reference names no record")
            << LineageTarget{10, 60 * kMinute, {edit(u"/uploads/nero/references/r.png"_s, hashA)}}
            << QList{candidate(1, 10, u"/uploads/nero/generated/a.png"_s, {hashB})}
            << QList<LineageLink>{};
        QTest::newRow("no candidates") << LineageTarget{10, 60 * kMinute, {edit({}, hashA)}}
                                       << QList<LineageCandidate>{} << QList<LineageLink>{};
        QTest::newRow("no inputs") << LineageTarget{10, 60 * kMinute, {}}
                                   << QList{candidate(1, 10, {}, {hashA})} << QList<LineageLink>{};
        QTest::newRow("never itself")
            << LineageTarget{10, 60 * kMinute, {edit({}, hashA)}}
            << QList{candidate(10, 60, {}, {hashA})} << QList<LineageLink>{};
        QTest::newRow("several candidates: the newest before the image")
            << LineageTarget{10, 60 * kMinute, {edit({}, hashA)}}
            << QList{candidate(1, 10, {}, {hashA}), candidate(2, 30, {}, {hashA}),
                     candidate(3, 20, {}, {hashA}), candidate(4, 200, {}, {hashA})}
            << QList<LineageLink>{{2, 10, LineageKind::Edit}};
        QTest::newRow("several candidates at one moment: the later row")
            << LineageTarget{10, 60 * kMinute, {edit({}, hashA)}}
            << QList{candidate(5, 30, {}, {hashA}), candidate(4, 30, {}, {hashA})}
            << QList<LineageLink>{{5, 10, LineageKind::Edit}};
        QTest::newRow("a record made after the image is no source")
            << LineageTarget{10, 60 * kMinute, {edit({}, hashA)}}
            << QList{candidate(4, 60 + 11, {}, {hashA})} << QList<LineageLink>{};
        QTest::newRow("clock slack: a source a little ahead still counts")
            << LineageTarget{10, 60 * kMinute, {edit({}, hashA)}}
            << QList{candidate(4, 60 + 9, {}, {hashA})}
            << QList<LineageLink>{{4, 10, LineageKind::Edit}};
        QTest::newRow("address before content hash")
            << LineageTarget{10, 60 * kMinute, {edit(u"/uploads/a.png"_s, hashB)}}
            << QList{candidate(1, 10, u"/uploads/a.png"_s), candidate(2, 50, {}, {hashB})}
            << QList<LineageLink>{{1, 10, LineageKind::Edit}};
        QTest::newRow("edit and references, in order")
            << LineageTarget{10, 60 * kMinute, {edit({}, hashA), ref({}, hashB), ref({}, hashC)}}
            << QList{candidate(3, 30, {}, {hashC}), candidate(1, 10, {}, {hashA}),
                     candidate(2, 20, {}, {hashB})}
            << QList<LineageLink>{{1, 10, LineageKind::Edit},
                                  {2, 10, LineageKind::Reference},
                                  {3, 10, LineageKind::Reference}};
        QTest::newRow("one record twice: one link, the stronger kind")
            << LineageTarget{10, 60 * kMinute, {ref({}, hashA), edit({}, hashA)}}
            << QList{candidate(1, 10, {}, {hashA})}
            << QList<LineageLink>{{1, 10, LineageKind::Edit}};
        QTest::newRow("brush edit")
            << LineageTarget{10, 60 * kMinute, {LineageInput{{}, hashA, LineageKind::BrushEdit}}}
            << QList{candidate(1, 10, {}, {hashA})}
            << QList<LineageLink>{{1, 10, LineageKind::BrushEdit}};
        // A → B → C: C was made from B's file; A's is no source of C.
        QTest::newRow("chained edits: only the direct source")
            << LineageTarget{3, 30 * kMinute, {edit({}, hashB)}}
            << QList{candidate(1, 10, u"/uploads/a.png"_s, {hashA}),
                     candidate(2, 20, u"/uploads/b.png"_s, {hashB})}
            << QList<LineageLink>{{2, 3, LineageKind::Edit}};
        QTest::newRow("chained edits: the middle one's source")
            << LineageTarget{2, 20 * kMinute, {edit({}, hashA)}}
            << QList{candidate(1, 10, u"/uploads/a.png"_s, {hashA}),
                     candidate(3, 30, u"/uploads/c.png"_s, {hashC})}
            << QList<LineageLink>{{1, 2, LineageKind::Edit}};
    }

    void sources()
    {
        QFETCH(LineageTarget, target);
        QFETCH(QList<LineageCandidate>, candidates);
        QFETCH(QList<LineageLink>, expected);
        const auto links = matchLineageSources(target, candidates);
        QCOMPARE(links.size(), expected.size());
        for (qsizetype i = 0; i < links.size(); ++i) {
            QCOMPARE(links.at(i).fromRow, expected.at(i).fromRow);
            QCOMPARE(links.at(i).toRow, expected.at(i).toRow);
            QCOMPARE(lineageKindName(links.at(i).kind), lineageKindName(expected.at(i).kind));
        }
    }

    void regeneration_data()
    {
        QTest::addColumn<RequestShape>("target");
        QTest::addColumn<QList<RequestShape>>("candidates");
        QTest::addColumn<qint64>("expected"); // 0: none
        const RequestShape generate{20, 200, u"a red fox"_s, u"generate"_s, {}};
        QTest::newRow("same prompt and kind, no sources")
            << generate << QList<RequestShape>{{5, 50, u"a red fox"_s, u"generate"_s, {}}}
            << qint64(5);
        QTest::newRow("the newest earlier run")
            << generate
            << QList<RequestShape>{{5, 50, u"a red fox"_s, u"generate"_s, {}},
                                   {7, 70, u"a red fox"_s, u"generate"_s, {}},
                                   {9, 300, u"a red fox"_s, u"generate"_s, {}}}
            << qint64(7);
        QTest::newRow("other prompt")
            << generate << QList<RequestShape>{{5, 50, u"a red dog"_s, u"generate"_s, {}}}
            << qint64(0);
        QTest::newRow("other kind")
            << generate << QList<RequestShape>{{5, 50, u"a red fox"_s, u"edit"_s, {}}} << qint64(0);
        QTest::newRow("later runs are not sources")
            << generate << QList<RequestShape>{{25, 250, u"a red fox"_s, u"generate"_s, {}}}
            << qint64(0);
        QTest::newRow("an edit run again: same source")
            << RequestShape{20, 200, u"make it blue"_s, u"edit"_s, {3}}
            << QList<RequestShape>{{5, 50, u"make it blue"_s, u"edit"_s, {3}},
                                   {6, 60, u"make it blue"_s, u"edit"_s, {4}}}
            << qint64(5);
        QTest::newRow("sources compared as sets")
            << RequestShape{20, 200, u"mix"_s, u"edit"_s, {3, 4}}
            << QList<RequestShape>{{5, 50, u"mix"_s, u"edit"_s, {4, 3}}} << qint64(5);
        QTest::newRow("an empty prompt runs nothing again")
            << RequestShape{20, 200, u" "_s, u"generate"_s, {}}
            << QList<RequestShape>{{5, 50, u" "_s, u"generate"_s, {}}} << qint64(0);
    }

    void regeneration()
    {
        QFETCH(RequestShape, target);
        QFETCH(QList<RequestShape>, candidates);
        QFETCH(qint64, expected);
        QCOMPARE(matchRegenerationSource(target, candidates).value_or(0), expected);
    }

    void kindsOfInputs()
    {
        QCOMPARE(inputKinds(true, false, 3),
                 (QList{LineageKind::Edit, LineageKind::Reference, LineageKind::Reference}));
        QCOMPARE(inputKinds(true, true, 1), QList{LineageKind::BrushEdit});
        QCOMPARE(inputKinds(false, false, 2),
                 (QList{LineageKind::Reference, LineageKind::Reference}));
        for (const auto kind : {LineageKind::Edit, LineageKind::BrushEdit, LineageKind::Reference,
                                LineageKind::Regeneration})
            QCOMPARE(lineageKindFromName(lineageKindName(kind)).value(), kind);
        QVERIFY(!lineageKindFromName(u"copy"_s));
    }

    void fileNames()
    {
        QCOMPARE(sha256OfFileName(u"/p/images/aa/"_s + hashA + u".png"_s), hashA);
        QCOMPARE(sha256OfFileName(u"refs/"_s + hashB.toUpper() + u".jpg"_s), hashB);
        QCOMPARE(sha256OfFileName(u"/tmp/holiday.png"_s), QString());
        QCOMPARE(sha256OfFileName(u"/tmp/"_s + QString(64, u'g') + u".png"_s), QString());
        QCOMPARE(imageUrlPath(u"https://h:1/uploads/a.png"_s), u"/uploads/a.png"_s);
        QCOMPARE(imageUrlPath(u"uploads/a.png"_s), u"/uploads/a.png"_s);
        QCOMPARE(imageUrlPath(QString()), QString());
    }
};

QTEST_GUILESS_MAIN(TestLineageMatch)
#include "tst_lineagematch.moc"
