// The lineage in the app: after generate → edit → brush edit through the real job path, the
// detail view of the last image shows "Made from" with its source's thumbnail, a click walks
// to the source, which shows "Edits of this image"; Compare names both; the tree shows the
// three images; "Branch from here" opens the Edit page with that image.
#include "compose/composerpanel.h"
#include "compose/referencestrip.h"
#include "gallery/gallerycore.h"
#include "gallery/gallerydetail.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerypage.h"
#include "history/historystore.h"
#include "lineage/lineagestrip.h"
#include "lineage/lineagetreedialog.h"
#include "screenshot.h"
#include "studiofixture.h"
#include "support/devserverprocess.h"

#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

const QString kPhone = u"+15550006161"_s;

} // namespace

class TestLineageView final : public QObject
{
    Q_OBJECT

    qint64 runJob(StudioFixture &studio, const JobRequest &request)
    {
        auto &jobs = studio.services->jobs();
        const auto queued = jobs.enqueue(request);
        if (!queued)
            return 0;
        const qint64 id = queued.value().id;
        if (!QTest::qWaitFor(
                [&] {
                    const auto job = jobs.job(id);
                    return job && job->state == JobState::Completed
                           && !job->localImagePath.isEmpty();
                },
                30000))
            return 0;
        const auto row = studio.services->gallery().rowOfJob(*jobs.job(id));
        return row ? row.value() : 0;
    }

    QString fileOf(StudioFixture &studio, qint64 row)
    {
        const auto record = studio.services->gallery().record(row);
        return record ? record.value().localFile : QString();
    }

    void openDetail(GalleryPage *gallery, qint64 row)
    {
        gallery->refresh();
        gallery->showRecord(row);
        gallery->openDetail(gallery->grid()->currentIndex());
    }

private Q_SLOTS:
    void initTestCase() { qputenv("NANOBANANA_NO_KEYCHAIN", "1"); }

    void detailTreeAndBranch()
    {
        DevServerProcess server;
        QVERIFY2(server.start({u"--flavor"_s, u"sync"_s}), qPrintable(server.errorString()));
        QTemporaryDir profile;
        StudioFixture studio;
        QString error;
        QVERIFY2(studio.start(profile.path(), server.origin(), &error), qPrintable(error));
        const QByteArray token = server.signIn(kPhone);
        QVERIFY(!token.isEmpty());
        QSignalSpy signedIn(&studio.services->session(), &Session::signedIn);
        studio.services->session().signInWithToken(QString::fromLatin1(token));
        QVERIFY(signedIn.wait(10000));
        studio.window->resize(1280, 860);

        JobRequest generate;
        generate.prompt = u"a lighthouse at dusk"_s;
        generate.aspectRatio = u"16:9"_s;
        const qint64 a = runJob(studio, generate);
        QVERIFY(a > 0);
        JobRequest edit;
        edit.kind = JobKind::Edit;
        edit.prompt = u"make the sky purple"_s;
        edit.aspectRatio = u"16:9"_s;
        edit.referencePaths = {fileOf(studio, a)};
        const qint64 b = runJob(studio, edit);
        QVERIFY(b > 0);
        QImage mask(QImage(fileOf(studio, b)).size(), QImage::Format_Grayscale8);
        mask.fill(Qt::black);
        mask.setPixel(0, 0, qRgb(255, 255, 255));
        const QString maskPath = profile.filePath(u"mask.png"_s);
        QVERIFY(mask.save(maskPath));
        edit.prompt = u"a boat in the corner"_s;
        edit.referencePaths = {fileOf(studio, b)};
        edit.maskPath = maskPath;
        const qint64 c = runJob(studio, edit);
        QVERIFY(c > 0);

        auto *gallery = studio.window->gallery();
        studio.window->showPage(MainWindow::Page::Gallery);
        openDetail(gallery, c);
        QVERIFY(gallery->isDetailOpen());
        QCOMPARE(gallery->detail()->record().rowId, c);
        auto *strip = gallery->detail()->lineageStrip();
        QTRY_VERIFY(strip->isVisible());
        QCOMPARE(strip->sourceButtons().size(), 1);
        QVERIFY(strip->derivativeButtons().isEmpty());
        QCOMPARE(strip->sourceButtons().first()->text(), u"Brush edit"_s);
        // The source's thumbnail arrives from the cache's worker.
        QTRY_VERIFY(!strip->sourceButtons().first()->icon().isNull());
        saveScreenshot(studio.window.get(), u"lineage-detail"_s);

        // Compare: the source first, this image second (gallery row numbers).
        QSignalSpy compare(gallery, &GalleryPage::compareRequested);
        QList<QToolButton *> compares;
        for (auto *button : strip->findChildren<QToolButton *>())
            if (button->text() == u"Compare"_s)
                compares << button;
        QCOMPARE(compares.size(), 1);
        compares.first()->click();
        QCOMPARE(compare.size(), 1);
        QCOMPARE(compare.first().at(0).toString(), QString::number(b));
        QCOMPARE(compare.first().at(1).toString(), QString::number(c));
        // The same click opens the compare view on the two, and Esc's way back is the detail.
        QVERIFY(gallery->isCompareOpen());
        gallery->closeCompare();
        QVERIFY(gallery->isDetailOpen());

        // Walk back to the source: it was edited once, from A.
        strip->sourceButtons().first()->click();
        QCOMPARE(gallery->detail()->record().rowId, b);
        QCOMPARE(strip->sourceButtons().size(), 1);
        QCOMPARE(strip->sourceButtons().first()->text(), u"Edit"_s);
        QCOMPARE(strip->derivativeButtons().size(), 1);
        QCOMPARE(strip->derivativeButtons().first()->text(), u"Brush edit"_s);
        strip->derivativeButtons().first()->click();
        QCOMPARE(gallery->detail()->record().rowId, c);

        // The tree: three images, one under the other, this one marked.
        strip->treeButton()->click();
        auto *dialog = gallery->findChild<LineageTreeDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *tree = dialog->tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        auto *rootItem = tree->topLevelItem(0);
        QCOMPARE(rootItem->childCount(), 1);
        QCOMPARE(rootItem->child(0)->childCount(), 1);
        QVERIFY(rootItem->text(0).startsWith(u"a lighthouse at dusk"_s));
        auto *last = rootItem->child(0)->child(0);
        QCOMPARE(last->text(0), u"This image: a boat in the corner"_s);
        QVERIFY(last->font(0).bold());
        QCOMPARE(last->text(1), u"Brush edit"_s);
        QCOMPARE(dialog->itemOf(c), last);
        saveScreenshot(dialog, u"lineage-tree"_s);

        // Branch from the first image: the Edit page gets that image.
        tree->setCurrentItem(rootItem);
        QVERIFY(dialog->branchButton()->isEnabled());
        dialog->branchButton()->click();
        QCOMPARE(studio.window->currentPage(), MainWindow::Page::Edit);
        QCOMPARE(studio.window->editComposer()->referenceStrip()->paths(),
                 QStringList{fileOf(studio, a)});
        QVERIFY(!dialog->isVisible());
    }
};

QTEST_MAIN(TestLineageView)
#include "tst_lineageview.moc"
