#include "compose/aspectratiopicker.h"
#include "compose/composerpanel.h"
#include "compose/referencestrip.h"

#include <QAbstractButton>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// "Match the source's shape": the Edit page picks the ratio nearest to the first image being
// edited and marks it "Match image", unless the user chose a ratio by hand.
class TestMatchImage final : public QObject
{
    Q_OBJECT

    QString image(const QString &name, QSize size)
    {
        QImage pixels(size, QImage::Format_RGB32);
        pixels.fill(Qt::darkCyan);
        const QString path = m_dir.filePath(name);
        return pixels.save(path) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void editPicksTheImagesRatio()
    {
        ComposerPanel panel(JobKind::Edit);
        auto *picker = panel.aspectRatioPicker();
        QCOMPARE(picker->ratio(), u"1:1"_s);
        QVERIFY(panel.addReference(image(u"wide.png"_s, {320, 180})));
        QCOMPARE(picker->ratio(), u"16:9"_s);
        QCOMPARE(picker->matchedRatio(), u"16:9"_s);
        QVERIFY(picker->tile(u"16:9"_s)->accessibleName().contains(u"matches the image"_s));
        QVERIFY(!picker->tile(u"1:1"_s)->accessibleName().contains(u"matches"_s));
        QCOMPARE(panel.request().aspectRatio, u"16:9"_s);
        // A second image says nothing about the shape: the first one decides.
        QVERIFY(panel.addReference(image(u"tall.png"_s, {180, 320})));
        QCOMPARE(picker->ratio(), u"16:9"_s);
        // Removing the first makes the other one the image being edited.
        panel.referenceStrip()->removeAt(0);
        QCOMPARE(picker->ratio(), u"9:16"_s);
        panel.referenceStrip()->clear();
        QCOMPARE(picker->matchedRatio(), QString());
    }

    void aChoiceByHandStays()
    {
        ComposerPanel panel(JobKind::Edit);
        auto *picker = panel.aspectRatioPicker();
        QTest::mouseClick(picker->tile(u"4:5"_s), Qt::LeftButton);
        QVERIFY(picker->isChosenByHand());
        QVERIFY(panel.addReference(image(u"photo.png"_s, {3000, 2001})));
        QCOMPARE(picker->matchedRatio(), u"3:2"_s); // still marked, not chosen
        QCOMPARE(picker->ratio(), u"4:5"_s);
    }

    void generateDoesNotMatch()
    {
        ComposerPanel panel(JobKind::Generate);
        QVERIFY(panel.addReference(image(u"wide2.png"_s, {320, 180})));
        QCOMPARE(panel.aspectRatioPicker()->ratio(), u"1:1"_s);
        QCOMPARE(panel.aspectRatioPicker()->matchedRatio(), QString());
    }

    void aRequestsOwnRatioWins()
    {
        ComposerPanel panel(JobKind::Edit);
        JobRequest request;
        request.kind = JobKind::Edit;
        request.prompt = u"make it blue"_s;
        request.aspectRatio = u"1:1"_s;
        request.referencePaths = {image(u"wide3.png"_s, {320, 180})};
        panel.setRequest(request);
        QCOMPARE(panel.aspectRatioPicker()->ratio(), u"1:1"_s);
        QCOMPARE(panel.aspectRatioPicker()->matchedRatio(), u"16:9"_s);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMatchImage)
#include "tst_matchimage.moc"
