// Lineage through the real job path against the dev server: generate A, edit A into B, brush
// edit B into C, as the gallery's "Edit this image" does (the record's own file as the first
// image). Each image knows its source and its edits, the tree holds all three, and all of it
// holds after the sync, after a restart and with the server stopped.
#include "history/historystore.h"
#include "lineage/lineagereader.h"
#include "studiofixture.h"

#include <QImage>

using namespace studiotest;

namespace {

QStringList linked(const QList<LineageEntry> &entries)
{
    QStringList out;
    for (const auto &entry : entries)
        out << entry.record.prompt + u'|' + lineageKindName(entry.kind);
    return out;
}

// The gallery row a finished job's image is shown in.
HistoryRecord rowOfJob(AppServices &services, const QString &prompt)
{
    const auto rows = galleryRows(services, prompt);
    if (rows.size() != 1)
        return {};
    const auto record = services.history().recordByRowId(rows.first().rowId);
    return record && record.value() ? *record.value() : HistoryRecord{};
}

} // namespace

class TestLineageChain final : public QObject
{
    Q_OBJECT

    const QString promptA = u"a lighthouse at dusk"_s;
    const QString promptB = u"make the sky purple"_s;
    const QString promptC = u"a boat in the corner"_s;

    void checkChain(AppServices &services)
    {
        const HistoryRecord a = rowOfJob(services, promptA);
        const HistoryRecord b = rowOfJob(services, promptB);
        const HistoryRecord c = rowOfJob(services, promptC);
        QVERIFY(a.rowId && b.rowId && c.rowId);
        auto &lineage = services.lineage();
        QCOMPARE(linked(lineage.sources(c.rowId).value()), QStringList{promptB + u"|brushEdit"_s});
        QCOMPARE(linked(lineage.sources(b.rowId).value()), QStringList{promptA + u"|edit"_s});
        QVERIFY(lineage.sources(a.rowId).value().isEmpty());
        QCOMPARE(linked(lineage.derivatives(a.rowId).value()), QStringList{promptB + u"|edit"_s});
        QCOMPARE(linked(lineage.derivatives(b.rowId).value()),
                 QStringList{promptC + u"|brushEdit"_s});
        QVERIFY(lineage.derivatives(c.rowId).value().isEmpty());
        const auto tree = lineage.tree(c.rowId);
        QVERIFY(tree.ok());
        QStringList prompts;
        for (const auto &node : tree.value())
            prompts << u"%1@%2"_s.arg(node.record.prompt).arg(node.depth);
        QCOMPARE(prompts, (QStringList{promptA + u"@0"_s, promptB + u"@1"_s, promptC + u"@2"_s}));
    }

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void threeStepChain()
    {
        DevServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QTemporaryDir dir;
        const QString profile = dir.filePath(u"profile"_s);
        {
            auto services = openServices(profile, server.origin());
            QVERIFY(services);
            QVERIFY(signIn(*services));

            const auto queuedA = services->jobs().enqueue(generateRequest(promptA, u"16:9"_s));
            QVERIFY(queuedA);
            QVERIFY(waitFinished(*services, queuedA.value().id)->state == JobState::Completed);
            // "Edit this image": the record's own file is the first image.
            const HistoryRecord a = rowOfJob(*services, promptA);
            QVERIFY(!a.localFile.isEmpty());
            JobRequest editB;
            editB.kind = JobKind::Edit;
            editB.prompt = promptB;
            editB.referencePaths = {a.localFile};
            const auto queuedB = services->jobs().enqueue(editB);
            QVERIFY(queuedB);
            QVERIFY(waitFinished(*services, queuedB.value().id)->state == JobState::Completed);

            const HistoryRecord b = rowOfJob(*services, promptB);
            QVERIFY(!b.localFile.isEmpty());
            QImage mask(QImage(b.localFile).size(), QImage::Format_Grayscale8);
            QVERIFY(!mask.isNull());
            mask.fill(Qt::black);
            for (int y = 0; y < mask.height() / 3; ++y)
                for (int x = 0; x < mask.width() / 3; ++x)
                    mask.setPixel(x, y, qRgb(255, 255, 255));
            const QString maskPath = dir.filePath(u"mask.png"_s);
            QVERIFY(mask.save(maskPath));
            JobRequest editC = editB;
            editC.prompt = promptC;
            editC.referencePaths = {b.localFile};
            editC.maskPath = maskPath;
            const auto queuedC = services->jobs().enqueue(editC);
            QVERIFY(queuedC);
            QVERIFY(waitFinished(*services, queuedC.value().id)->state == JobState::Completed);
            checkChain(*services);
            if (QTest::currentTestFailed())
                return;

            // The server's records take over the job rows; the links go with them.
            QVERIFY(runSync(*services));
            QVERIFY(!rowOfJob(*services, promptC).id.isEmpty());
            checkChain(*services);
            if (QTest::currentTestFailed())
                return;
        }
        // A restart with the server gone: the lineage is read from this computer alone.
        const QUrl origin = server.origin();
        server.stop();
        auto services = openServices(profile, origin);
        QVERIFY(services);
        QVERIFY(restoreSession(*services));
        checkChain(*services);
    }
};

QTEST_GUILESS_MAIN(TestLineageChain)
#include "tst_lineagechain.moc"
