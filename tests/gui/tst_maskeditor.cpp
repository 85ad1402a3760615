#include "common/uiresources.h"
#include "compose/composerpanel.h"
#include "compose/prompteditor.h"
#include "compose/referencestrip.h"
#include "compose/referencethumb.h"
#include "gallery/gallerydetail.h"
#include "gallery/imageviewer.h"
#include "i18n/translations.h"
#include "jobs/maskedit.h"
#include "mask/maskcanvas.h"
#include "mask/maskeditor.h"
#include "mask/masklayer.h"
#include "media/imagestore.h"
#include "media/thumbnailcache.h"
#include "screenshot.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLinearGradient>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {

QImage picture(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, size.height());
    sky.setColorAt(0, QColor(u"#6fa8dc"_s));
    sky.setColorAt(1, QColor(u"#f6b26b"_s));
    p.fillRect(image.rect(), sky);
    p.setBrush(QColor(u"#38761d"_s));
    p.setPen(Qt::NoPen);
    p.drawEllipse(
        QRectF(size.width() * 0.55, size.height() * 0.5, size.width() * 0.6, size.height() * 0.7));
    return image;
}

int coverage(const QImage &mask, int x, int y)
{
    return mask.constScanLine(y)[x];
}

// Paints a horizontal stroke on the canvas with the mouse, in image coordinates.
void drag(MaskCanvas *canvas, QPointF from, QPointF to)
{
    const QPoint a = canvas->toWidget(from).toPoint();
    const QPoint b = canvas->toWidget(to).toPoint();
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, a);
    for (int i = 1; i <= 8; ++i)
        QTest::mouseMove(canvas, a + (b - a) * i / 8);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, b);
}

} // namespace

// The mask editor: strokes, undo and redo, invert and clear, the exported pixels, the dirty
// rectangle of a stroke on a 4096 px image, and the Edit page's brush edit from the tile's
// action to the request it builds.
class TestMaskEditor final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Translations m_translations;

private Q_SLOTS:
    void initTestCase()
    {
        initUiResources();
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_translations.remove(); }

    void strokesUndoRedoInvertClear()
    {
        MaskLayer layer(QSize(400, 300));
        MaskBrush::Tip tip;
        tip.radius = 10;
        tip.softness = 0;
        layer.beginStroke({50, 50}, tip);
        layer.strokeTo({150, 50});
        layer.endStroke();
        QCOMPARE(coverage(layer.mask(), 100, 50), 255);
        QCOMPARE(coverage(layer.mask(), 100, 100), 0);
        tip.erase = true;
        layer.beginStroke({100, 40}, tip);
        layer.strokeTo({100, 60});
        layer.endStroke();
        QCOMPARE(coverage(layer.mask(), 100, 50), 0);
        QCOMPARE(layer.undoStack()->count(), 2);

        layer.undoStack()->undo(); // the eraser
        QCOMPARE(coverage(layer.mask(), 100, 50), 255);
        layer.undoStack()->undo(); // the brush
        QVERIFY(layer.isEmpty());
        layer.undoStack()->redo();
        QCOMPARE(coverage(layer.mask(), 60, 50), 255);
        layer.undoStack()->redo();
        QCOMPARE(coverage(layer.mask(), 100, 50), 0);

        layer.invert();
        QCOMPARE(coverage(layer.mask(), 100, 100), 255);
        QCOMPARE(coverage(layer.mask(), 60, 50), 0);
        layer.undoStack()->undo();
        QCOMPARE(coverage(layer.mask(), 100, 100), 0);
        layer.undoStack()->redo();

        layer.clear();
        QVERIFY(layer.isEmpty());
        layer.undoStack()->undo();
        QCOMPARE(coverage(layer.mask(), 100, 100), 255);

        // The overlay shows what the mask holds.
        QVERIFY(qAlpha(layer.overlay().pixel(100, 100)) > 0);
        QCOMPARE(qAlpha(layer.overlay().pixel(60, 50)), 0);

        // Exported: grey PNG pixels, white = change.
        const QImage exported = layer.exported();
        QCOMPARE(exported.format(), QImage::Format_Grayscale8);
        QCOMPARE(qGray(exported.pixel(100, 100)), 255);
        QCOMPARE(qGray(exported.pixel(60, 50)), 0);
    }

    void twoHundredStepsUndoOnABigImage()
    {
        MaskLayer layer(QSize(4096, 4096));
        MaskBrush::Tip tip;
        tip.radius = 30;
        for (int i = 0; i < 250; ++i) {
            const qreal y = 20 + i * 16;
            layer.beginStroke({100, y}, tip);
            layer.strokeTo({3900, y});
            layer.endStroke();
        }
        QCOMPARE(layer.undoStack()->count(), 250);
        QCOMPARE(coverage(layer.mask(), 2000, 20), 255);
        while (layer.undoStack()->canUndo())
            layer.undoStack()->undo();
        QVERIFY(layer.isEmpty());
        for (int i = 0; i < 250; ++i)
            layer.undoStack()->redo();
        QCOMPARE(coverage(layer.mask(), 2000, 20 + 249 * 16), 255);
    }

    // A stroke segment repaints its own box, never the whole 4096 px image.
    void aSegmentTouchesOnlyItsBox()
    {
        MaskLayer layer(QSize(4096, 4096));
        QSignalSpy changed(&layer, &MaskLayer::changed);
        MaskBrush::Tip tip;
        tip.radius = 40;
        layer.beginStroke({2000, 2000}, tip);
        layer.strokeTo({2030, 2010});
        const QRect box = layer.lastChange();
        QVERIFY2(box.width() <= 30 + 2 * 40 + 2 && box.height() <= 10 + 2 * 40 + 2,
                 qPrintable(u"%1×%2"_s.arg(box.width()).arg(box.height())));
        QCOMPARE(changed.last().first().toRect(), box);
        layer.endStroke();

        // And the canvas asks to repaint only that box, scaled to the screen.
        MaskEditor editor(picture({4096, 4096}), {});
        editor.resize(900, 700);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *canvas = editor.canvas();
        auto *big = editor.layer();
        MaskBrush::Tip small;
        small.radius = 40;
        big->beginStroke({1000, 1000}, small);
        big->strokeTo({1040, 1000});
        const QRect repaint = canvas->lastRepaint();
        QVERIFY(!repaint.isEmpty());
        QVERIFY2(repaint.width() * repaint.height() < canvas->width() * canvas->height() / 50,
                 qPrintable(u"%1×%2"_s.arg(repaint.width()).arg(repaint.height())));
        big->endStroke();
    }

    void editorByMouseAndKeyboard()
    {
        MaskEditor editor(picture({320, 200}), {});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *canvas = editor.canvas();
        editor.sizeSlider()->setValue(20);
        editor.softnessSlider()->setValue(0);
        drag(canvas, {40, 100}, {280, 100});
        QCOMPARE(coverage(editor.mask(), 160, 100), 255);
        QCOMPARE(coverage(editor.mask(), 160, 20), 0);

        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(editor.isMaskEmpty());
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(coverage(editor.mask(), 160, 100), 255);
        QTest::keyClick(canvas, Qt::Key_I);
        QCOMPARE(coverage(editor.mask(), 160, 20), 255);
        QTest::keyClick(canvas, Qt::Key_E);
        QVERIFY(editor.eraserAction()->isChecked());
        QTest::keyClick(canvas, Qt::Key_B);
        QVERIFY(editor.brushAction()->isChecked());

        const qreal fitted = canvas->zoom();
        QTest::keyClick(canvas, Qt::Key_Plus);
        QVERIFY(canvas->zoom() > fitted);
        QTest::keyClick(canvas, Qt::Key_0);
        QCOMPARE(canvas->zoom(), fitted);

        // Everything has a name a screen reader can say.
        QVERIFY(!editor.toolBar()->accessibleName().isEmpty());
        QVERIFY(!canvas->accessibleName().isEmpty());
        QVERIFY(!editor.sizeSlider()->accessibleName().isEmpty());
        QVERIFY(!editor.softnessSlider()->accessibleName().isEmpty());
    }

    void growIsPreviewedLive()
    {
        MaskEditor editor(picture({320, 200}), {});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.sizeSlider()->setValue(20);
        editor.softnessSlider()->setValue(0);
        drag(editor.canvas(), {40, 100}, {280, 100});
        const int steps = editor.layer()->undoStack()->count();
        QCOMPARE(coverage(editor.mask(), 160, 118), 0);

        // The overlay shows the grown edge while the value changes; the mask itself waits.
        editor.growBox()->setValue(10);
        QTRY_COMPARE(editor.layer()->previewedGrow(), 10);
        QVERIFY(qAlpha(editor.layer()->overlay().pixel(160, 118)) > 0);
        QCOMPARE(coverage(editor.layer()->mask(), 160, 118), 0);
        QCOMPARE(editor.layer()->undoStack()->count(), steps);
        QCOMPARE(coverage(editor.mask(), 160, 118), 255); // what is seen is what is saved

        // Painting ends the preview: the overlay is the mask again, the value back to 0.
        drag(editor.canvas(), {40, 20}, {80, 20});
        QCOMPARE(editor.layer()->previewedGrow(), 0);
        QCOMPARE(editor.growBox()->value(), 0);
        QCOMPARE(qAlpha(editor.layer()->overlay().pixel(160, 118)), 0);
        QCOMPARE(coverage(editor.mask(), 160, 118), 0);

        // Apply makes it one step.
        editor.growBox()->setValue(10);
        QTRY_COMPARE(editor.layer()->previewedGrow(), 10);
        const auto apply = editor.findChildren<QAction *>();
        QAction *applyAction = nullptr;
        for (auto *action : apply)
            if (action->text() == u"Appl&y"_s)
                applyAction = action;
        QVERIFY(applyAction);
        applyAction->trigger();
        QCOMPARE(coverage(editor.layer()->mask(), 160, 118), 255);
        QCOMPARE(editor.layer()->undoStack()->count(), steps + 2);
        QCOMPARE(editor.growBox()->value(), 0);
    }

    void theEditPageSendsABrushEdit()
    {
        const QString photo = m_dir.filePath(u"street.png"_s);
        QVERIFY(picture({480, 270}).save(photo));
        ComposerPanel panel(JobKind::Edit);
        panel.setPasteFolder(m_dir.filePath(u"refs"_s));
        QVERIFY(panel.addReference(photo));
        QTest::keyClicks(panel.promptEditor(), u"a yellow taxi"_s);
        auto *thumb = panel.referenceStrip()->thumbAt(0);
        QVERIFY(thumb->actions().contains(thumb->markAction()));

        QSignalSpy opened(&panel, &ComposerPanel::maskEditorOpened);
        thumb->markAction()->trigger();
        QCOMPARE(opened.size(), 1);
        auto *editor = opened.first().first().value<MaskEditor *>();
        QVERIFY(editor);
        MaskBrush::Tip tip;
        tip.radius = 30;
        editor->layer()->beginStroke({100, 200}, tip);
        editor->layer()->strokeTo({300, 200});
        editor->layer()->endStroke();
        editor->accept();

        QVERIFY(!panel.maskPath().isEmpty());
        QVERIFY(panel.maskPath().startsWith(m_dir.filePath(u"refs/mask-"_s)));
        QVERIFY(thumb->isMarked());
        const QImage saved(panel.maskPath());
        QCOMPARE(saved.size(), QSize(480, 270));
        QCOMPARE(qGray(saved.pixel(200, 200)), 255);
        QCOMPARE(qGray(saved.pixel(200, 20)), 0);

        const JobRequest request = panel.request();
        QCOMPARE(request.maskPath, panel.maskPath());
        QVERIFY(request.keepUnmasked);
        QCOMPARE(request.referencePaths, QStringList{photo});
        QCOMPARE(request.prompt, MaskEdit::withSentence(u"a yellow taxi"_s));
        QVERIFY(panel.maskSentenceShown().contains(MaskEdit::sentenceFor(u"a yellow taxi"_s)));

        // Settings' switch off: no sentence, under the prompt or in it.
        panel.setMaskSentenceEnabled(false);
        QVERIFY(panel.maskSentenceShown().isEmpty());
        QCOMPARE(panel.request().prompt, u"a yellow taxi"_s);
        QCOMPARE(panel.request().maskPath, panel.maskPath());
        panel.setMaskSentenceEnabled(true);

        // A regenerated brush edit fills the form with the user's words and the same mask.
        ComposerPanel again(JobKind::Edit);
        again.setRequest(request);
        QCOMPARE(again.promptEditor()->toPlainText(), u"a yellow taxi"_s);
        QCOMPARE(again.maskPath(), request.maskPath);
        QCOMPARE(again.request().prompt, request.prompt);

        // Removing the marked image takes its mask with it.
        panel.referenceStrip()->removeAt(0);
        QVERIFY(panel.maskPath().isEmpty());
        QVERIFY(panel.maskSentenceShown().isEmpty());
    }

    // A brush edit kept exact: the detail view shows the combined image and toggles to the
    // server's own result.
    void detailTogglesToTheServersResult()
    {
        const QString images = m_dir.filePath(u"images"_s);
        QVERIFY(QDir().mkpath(images + u"/aa"_s));
        const QString serverFile = images + u"/aa/aaserver.png"_s;
        QImage red(300, 200, QImage::Format_RGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(serverFile));
        const QString original = m_dir.filePath(u"original.png"_s);
        QVERIFY(picture({150, 100}).save(original));
        QImage mask(150, 100, QImage::Format_Grayscale8);
        mask.fill(0);
        const QString maskFile = m_dir.filePath(u"detail-mask.png"_s);
        QVERIFY(mask.save(maskFile));
        Job job;
        job.request.kind = JobKind::Edit;
        job.request.referencePaths = {original};
        job.request.maskPath = maskFile;
        StoredImage server;
        server.path = serverFile;
        const StoredImage combined = MaskEdit::finishResult(job, server);
        QVERIFY(combined.path != serverFile);

        ThumbnailCache thumbnails(m_dir.filePath(u"thumbs"_s));
        GalleryDetail detail(thumbnails);
        HistoryRecord record;
        record.rowId = 7;
        record.kind = ImageType::ImageToImage;
        record.status = ImageStatus::Completed;
        record.localFile = combined.path;
        detail.setRecord(record, {}, {});
        detail.show();
        auto *toggle = detail.serverResultToggle();
        QVERIFY(toggle->isVisible());
        const auto shownCentre = [&detail] {
            return detail.viewer()->pixmap().toImage().pixel(150, 100);
        };
        QTRY_VERIFY(detail.viewer()->hasImage() && !detail.viewer()->isLoading());
        QCOMPARE(detail.viewer()->imageSize(), QSize(300, 200));
        QVERIFY(shownCentre() != qRgb(255, 0, 0)); // combined: nothing marked, the original
        toggle->click();
        QVERIFY(toggle->isChecked());
        QTRY_COMPARE(shownCentre(), qRgb(255, 0, 0)); // the server's own
        QCOMPARE(toggle->text(), u"Show combined"_s);
        toggle->click();
        QTRY_VERIFY(shownCentre() != qRgb(255, 0, 0));

        // Any other record: no toggle.
        record.rowId = 8;
        record.localFile = serverFile;
        detail.setRecord(record, {}, {});
        QVERIFY(!toggle->isVisible());
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("fa") << u"fa"_s;
    }
    void screenshots()
    {
        QFETCH(QString, language);
        if (language == u"fa")
            QVERIFY(m_translations.install(QLocale(QLocale::Persian, QLocale::Iran)));
        QCoreApplication::processEvents();
        MaskEditor editor(picture({1600, 900}), {});
        editor.resize(980, 640);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        MaskBrush::Tip tip;
        tip.radius = 90;
        tip.softness = 0.4;
        editor.layer()->beginStroke({1100, 300}, tip);
        editor.layer()->strokeTo({1400, 420});
        editor.layer()->strokeTo({1300, 650});
        editor.layer()->endStroke();
        QCoreApplication::processEvents();
        if (language == u"fa")
            QCOMPARE(editor.layoutDirection(), Qt::RightToLeft);
        QVERIFY(!saveScreenshot(&editor, u"maskeditor-"_s + language).isEmpty());

        const QString photo = m_dir.filePath(u"landscape.png"_s);
        QVERIFY(picture({1600, 900}).save(photo));
        const QString mask = m_dir.filePath(u"landscape-mask.png"_s);
        QVERIFY(editor.mask().save(mask));
        ComposerPanel panel(JobKind::Edit);
        panel.resize(560, 760);
        QVERIFY(panel.addReference(photo));
        panel.setMask(photo, mask);
        panel.promptEditor()->setPlainText(language == u"fa" ? u"آسمان را بنفش کن"_s
                                                             : u"make the hill snowy"_s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(panel.referenceStrip()->thumbAt(0)->isThumbnailLoaded());
        QVERIFY(!saveScreenshot(&panel, u"maskcompose-"_s + language).isEmpty());
    }
};

QTEST_MAIN(TestMaskEditor)
#include "tst_maskeditor.moc"
