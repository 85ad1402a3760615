#include "common/banner.h"
#include "compose/aspectratiopicker.h"
#include "compose/characterpicker.h"
#include "compose/composerpanel.h"
#include "compose/prompteditor.h"
#include "compose/referencestrip.h"
#include "compose/referencethumb.h"
#include "compose/resolutionpicker.h"
#include "screenshot.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QImageReader>
#include <QLabel>
#include <QLinearGradient>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// A small real image on disk; colour varies so the thumbnails are told apart in screenshots.
QString makeImage(const QTemporaryDir &dir, const QString &name, QSize size, QColor colour)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, colour);
    gradient.setColorAt(1, colour.darker(180));
    painter.fillRect(image.rect(), gradient);
    painter.end();
    const QString path = dir.filePath(name);
    return image.save(path) ? path : QString();
}

QList<Character> sampleCharacters()
{
    QList<Character> characters;
    const QStringList names{u"Mia"_s, u"Captain Banana"_s, u"Rex"_s};
    for (int i = 0; i < names.size(); ++i) {
        Character character;
        character.id = u"c%1"_s.arg(i + 1);
        character.name = names.at(i);
        // Out of order on purpose: the picker sorts by `order`.
        character.images = {{u"i%1b"_s.arg(i), u"/uploads/c%1-b.png"_s.arg(i + 1), {}, 2},
                            {u"i%1a"_s.arg(i), u"/uploads/c%1-a.png"_s.arg(i + 1), {}, 1}};
        characters << character;
    }
    return characters;
}

void dropUrls(QWidget *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
}

} // namespace

class TestComposer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ctrlEnterSubmitsTheRequest_data();
    void ctrlEnterSubmitsTheRequest();
    void costFollowsResolution_data();
    void costFollowsResolution();
    void lowBalanceWarns();
    void emptyPromptCannotSubmit();
    void editWithoutImageCannotSubmit();
    void dropOfFileUrlsAddsReferences();
    void badReferencesAreRefusedWithASentence_data();
    void badReferencesAreRefusedWithASentence();
    void pasteImageFromClipboardAddsReference();
    void pasteIntoPromptAddsReferenceNotText();
    void sixthReferenceIsRefused();
    void removeByButtonAndDeleteKey();
    void setRequestFillsEverything();
    void showErrorKeepsTheInputs();
    void oversizeImageGetsBadge_data();
    void oversizeImageGetsBadge();
    void charactersAreLimited();
    void aspectRatioKeyboard();
    void tabOrderFollowsTheForm();
    void screenshots();

private:
    QTemporaryDir m_dir;
    QStringList m_images;
    QTranslator m_english; // the English plural forms, as the app loads them
};

void TestComposer::initTestCase()
{
    QVERIFY(m_english.load(u":/i18n/studio_en.qm"_s));
    QCoreApplication::installTranslator(&m_english);
    QVERIFY(m_dir.isValid());
    const QList<QColor> colours{QColor(u"#f5c542"_s), QColor(u"#4a90d9"_s), QColor(u"#5cb85c"_s),
                                QColor(u"#d9534f"_s), QColor(u"#9b59b6"_s), QColor(u"#e67e22"_s)};
    for (int i = 0; i < colours.size(); ++i) {
        const QString path = makeImage(m_dir, u"ref%1.png"_s.arg(i), {160, 120}, colours.at(i));
        QVERIFY(!path.isEmpty());
        m_images << path;
    }
}

void TestComposer::ctrlEnterSubmitsTheRequest_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Ctrl+Return") << int(Qt::Key_Return);
    QTest::newRow("Ctrl+Enter (keypad)") << int(Qt::Key_Enter);
}

void TestComposer::ctrlEnterSubmitsTheRequest()
{
    QFETCH(int, key);
    ComposerPanel panel;
    QSignalSpy submitted(&panel, &ComposerPanel::submitted);
    QTest::keyClicks(panel.promptEditor(), u"a red fox in the snow"_s);
    QTest::mouseClick(panel.aspectRatioPicker()->tile(u"16:9"_s), Qt::LeftButton);
    QTest::mouseClick(panel.resolutionPicker()->button(u"2K"_s), Qt::LeftButton);
    QVERIFY(panel.addReference(m_images.at(0)));
    QVERIFY(panel.addReference(m_images.at(1)));

    QTest::keyClick(panel.promptEditor(), Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(submitted.count(), 1);
    const auto request = submitted.at(0).at(0).value<JobRequest>();
    QCOMPARE(request.kind, JobKind::Generate);
    QCOMPARE(request.prompt, u"a red fox in the snow"_s);
    QCOMPARE(request.aspectRatio, u"16:9"_s);
    QCOMPARE(request.resolution, u"2K"_s);
    QCOMPARE(request.referencePaths, QStringList({m_images.at(0), m_images.at(1)}));
    // The key did not reach the text as a line break.
    QCOMPARE(panel.promptEditor()->toPlainText(), u"a red fox in the snow"_s);
}

void TestComposer::costFollowsResolution_data()
{
    QTest::addColumn<bool>("edit");
    QTest::addColumn<QString>("resolution");
    QTest::addColumn<QString>("label");
    QTest::newRow("generate 1K") << false << u"1K"_s << u"Generate · 10 ★"_s;
    QTest::newRow("generate 2K") << false << u"2K"_s << u"Generate · 10 ★"_s;
    QTest::newRow("generate 4K") << false << u"4K"_s << u"Generate · 20 ★"_s;
    QTest::newRow("edit 1K") << true << u"1K"_s << u"Edit · 10 ★"_s;
    QTest::newRow("edit 4K") << true << u"4K"_s << u"Edit · 20 ★"_s;
}

void TestComposer::costFollowsResolution()
{
    QFETCH(bool, edit);
    QFETCH(QString, resolution);
    QFETCH(QString, label);
    ComposerPanel panel(edit ? JobKind::Edit : JobKind::Generate);
    // Start elsewhere so the label has to change.
    panel.resolutionPicker()->setResolution(resolution == u"4K" ? u"1K"_s : u"4K"_s);
    QTest::mouseClick(panel.resolutionPicker()->button(resolution), Qt::LeftButton);
    QCOMPARE(panel.submitButton()->text(), label);
}

void TestComposer::lowBalanceWarns()
{
    ComposerPanel panel;
    QVERIFY(panel.balanceWarning().isEmpty()); // unknown balance: no guess
    panel.setBalance(5);
    QCOMPARE(panel.balanceWarning(), u"You have 5 stars; this needs 10."_s);
    panel.setBalance(10);
    QVERIFY(panel.balanceWarning().isEmpty());
    panel.resolutionPicker()->setResolution(u"4K"_s);
    QCOMPARE(panel.balanceWarning(), u"You have 10 stars; this needs 20."_s);
    panel.setBalance(-3);
    QCOMPARE(panel.balanceWarning(), u"You have -3 stars; this needs 20."_s);
    panel.setBalance(1);
    QCOMPARE(panel.balanceWarning(), u"You have 1 star; this needs 20."_s);
}

void TestComposer::emptyPromptCannotSubmit()
{
    ComposerPanel panel;
    QSignalSpy submitted(&panel, &ComposerPanel::submitted);
    QVERIFY(!panel.submitButton()->isEnabled());
    QVERIFY(!panel.submitButton()->toolTip().isEmpty());
    QTest::keyClicks(panel.promptEditor(), u"   "_s);
    QTest::keyClick(panel.promptEditor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submitted.count(), 0);
    QVERIFY(!panel.errorBanner()->isHidden()); // says why instead of doing nothing
    QTest::keyClicks(panel.promptEditor(), u"x"_s);
    QVERIFY(panel.submitButton()->isEnabled());
}

void TestComposer::editWithoutImageCannotSubmit()
{
    ComposerPanel panel(JobKind::Edit);
    QSignalSpy submitted(&panel, &ComposerPanel::submitted);
    QTest::keyClicks(panel.promptEditor(), u"make the sky purple"_s);
    QVERIFY(!panel.canSubmit());
    QVERIFY(!panel.submitButton()->isEnabled());
    QVERIFY2(panel.submitButton()->toolTip().contains(u"image"_s),
             qPrintable(panel.submitButton()->toolTip()));
    QTest::keyClick(panel.promptEditor(), Qt::Key_Return, Qt::ControlModifier);
    QTest::mouseClick(panel.submitButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 0);

    QVERIFY(panel.addReference(m_images.at(2)));
    QVERIFY(panel.submitButton()->isEnabled());
    QTest::mouseClick(panel.submitButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
    const auto request = submitted.at(0).at(0).value<JobRequest>();
    QCOMPARE(request.kind, JobKind::Edit);
    QCOMPARE(request.referencePaths, QStringList{m_images.at(2)});
}

void TestComposer::dropOfFileUrlsAddsReferences()
{
    ComposerPanel panel;
    ReferenceStrip *strip = panel.referenceStrip();
    QSignalSpy changed(strip, &ReferenceStrip::pathsChanged);
    dropUrls(strip, {QUrl::fromLocalFile(m_images.at(0)), QUrl::fromLocalFile(m_images.at(3))});
    QCOMPARE(strip->paths(), QStringList({m_images.at(0), m_images.at(3)}));
    QCOMPARE(changed.count(), 2);
    QVERIFY(strip->errorText().isEmpty());
    // Thumbnails decode off the UI thread and arrive later.
    QTRY_VERIFY(strip->thumbAt(0)->isThumbnailLoaded() && strip->thumbAt(1)->isThumbnailLoaded());
    QCOMPARE(panel.request().referencePaths, strip->paths());
}

void TestComposer::badReferencesAreRefusedWithASentence_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << u"text"_s << u"not an image"_s;
    QTest::newRow("missing file") << u"missing"_s << u"could not be found"_s;
    QTest::newRow("folder") << u"folder"_s << u"not an image"_s;
    QTest::newRow("png name, text inside") << u"fakepng"_s << u"not an image"_s;
    QTest::newRow("duplicate") << u"duplicate"_s << u"already attached"_s;
    QTest::newRow("remote url") << u"remote"_s << u"Only files on this computer"_s;
}

void TestComposer::badReferencesAreRefusedWithASentence()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    ComposerPanel panel;
    ReferenceStrip *strip = panel.referenceStrip();
    QUrl url;
    if (kind == u"text" || kind == u"fakepng") {
        const QString path = dir.filePath(kind == u"text" ? u"notes.txt"_s : u"photo.png"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some words, not pixels\n");
        file.close();
        url = QUrl::fromLocalFile(path);
    } else if (kind == u"missing") {
        url = QUrl::fromLocalFile(dir.filePath(u"gone.png"_s));
    } else if (kind == u"folder") {
        url = QUrl::fromLocalFile(dir.path());
    } else if (kind == u"duplicate") {
        QVERIFY(strip->addPath(m_images.at(0)));
        url = QUrl::fromLocalFile(m_images.at(0));
    } else {
        url = QUrl(u"https://example.com/cat.png"_s);
    }
    const int before = strip->count();
    dropUrls(strip, {url});
    QCOMPARE(strip->count(), before);
    QVERIFY2(strip->errorText().contains(expected), qPrintable(strip->errorText()));
    QVERIFY(strip->errorText().endsWith(u'.'));
}

void TestComposer::pasteImageFromClipboardAddsReference()
{
    QTemporaryDir pasteDir;
    ComposerPanel panel;
    panel.setPasteFolder(pasteDir.filePath(u"refs"_s));
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(QColor(u"#336699"_s));
    QApplication::clipboard()->setImage(image);
    QVERIFY(QApplication::clipboard()->mimeData()->hasImage());

    panel.referenceStrip()->pasteFromClipboard();
    QTRY_COMPARE(panel.referenceStrip()->count(), 1);
    const QString saved = panel.referenceStrip()->paths().constFirst();
    QVERIFY2(saved.startsWith(pasteDir.filePath(u"refs"_s)), qPrintable(saved));
    QVERIFY(saved.endsWith(u".png"_s));
    QImageReader reader(saved);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.size(), QSize(300, 200));
}

void TestComposer::pasteIntoPromptAddsReferenceNotText()
{
    QTemporaryDir pasteDir;
    ComposerPanel panel;
    panel.setPasteFolder(pasteDir.path());
    QTest::keyClicks(panel.promptEditor(), u"a cat"_s);

    auto *files = new QMimeData;
    files->setUrls({QUrl::fromLocalFile(m_images.at(4))});
    QApplication::clipboard()->setMimeData(files);
    panel.promptEditor()->paste();
    QCOMPARE(panel.referenceStrip()->paths(), QStringList{m_images.at(4)});
    QCOMPARE(panel.promptEditor()->toPlainText(), u"a cat"_s);

    QApplication::clipboard()->setText(u" on a mat"_s);
    panel.promptEditor()->paste();
    QCOMPARE(panel.promptEditor()->toPlainText(), u"a cat on a mat"_s);
    QCOMPARE(panel.referenceStrip()->count(), 1);
}

void TestComposer::sixthReferenceIsRefused()
{
    ComposerPanel panel;
    for (int i = 0; i < 5; ++i)
        QVERIFY(panel.addReference(m_images.at(i)));
    const QList<QToolButton *> buttons = panel.referenceStrip()->findChildren<QToolButton *>();
    const auto addTile = std::find_if(buttons.begin(), buttons.end(), [](QToolButton *button) {
        return button->accessibleName() == u"Add images"_s;
    });
    QVERIFY(addTile != buttons.end());
    QVERIFY(!(*addTile)->isEnabled()); // full: the add tile is off, not a trap
    QVERIFY(!panel.addReference(m_images.at(5)));
    QCOMPARE(panel.referenceStrip()->count(), 5);
    QVERIFY2(panel.referenceStrip()->errorText().contains(u"up to 5 images"_s),
             qPrintable(panel.referenceStrip()->errorText()));

    // Dropping onto a full strip says the same and adds nothing.
    panel.referenceStrip()->clearError();
    dropUrls(panel.referenceStrip(), {QUrl::fromLocalFile(m_images.at(5))});
    QCOMPARE(panel.referenceStrip()->count(), 5);
    QVERIFY(panel.referenceStrip()->errorText().contains(u"up to 5 images"_s));

    // A pasted image is refused before anything is written.
    QTemporaryDir pasteDir;
    panel.setPasteFolder(pasteDir.path());
    QImage image(10, 10, QImage::Format_RGB32);
    image.fill(Qt::red);
    QApplication::clipboard()->setImage(image);
    panel.referenceStrip()->clearError();
    panel.referenceStrip()->pasteFromClipboard();
    QVERIFY(panel.referenceStrip()->errorText().contains(u"up to 5 images"_s));
    QVERIFY(QDir(pasteDir.path()).isEmpty());
}

void TestComposer::removeByButtonAndDeleteKey()
{
    ComposerPanel panel;
    ReferenceStrip *strip = panel.referenceStrip();
    for (int i = 0; i < 3; ++i)
        QVERIFY(strip->addPath(m_images.at(i)));
    auto *removeButton = strip->thumbAt(1)->findChild<QToolButton *>();
    QVERIFY(removeButton);
    QTest::mouseClick(removeButton, Qt::LeftButton);
    QCOMPARE(strip->paths(), QStringList({m_images.at(0), m_images.at(2)}));
    QTest::keyClick(strip->thumbAt(0), Qt::Key_Delete);
    QCOMPARE(strip->paths(), QStringList{m_images.at(2)});
}

void TestComposer::setRequestFillsEverything()
{
    ComposerPanel panel;
    panel.setCharacters(sampleCharacters());
    JobRequest request;
    request.kind = JobKind::Edit;
    request.prompt = u"turn the fox into a wolf"_s;
    request.aspectRatio = u"9:16"_s;
    request.resolution = u"4K"_s;
    request.referencePaths = {m_images.at(1), m_images.at(2)};
    request.characterIds = {u"c2"_s};
    request.templateId = u"tmpl-7"_s;
    panel.setRequest(request);

    QCOMPARE(panel.kind(), JobKind::Edit);
    QCOMPARE(panel.promptEditor()->toPlainText(), request.prompt);
    QCOMPARE(panel.aspectRatioPicker()->ratio(), u"9:16"_s);
    QCOMPARE(panel.resolutionPicker()->resolution(), u"4K"_s);
    QCOMPARE(panel.submitButton()->text(), u"Edit · 20 ★"_s);
    const JobRequest back = panel.request();
    QCOMPARE(back.kind, JobKind::Edit);
    QCOMPARE(back.prompt, request.prompt);
    QCOMPARE(back.aspectRatio, request.aspectRatio);
    QCOMPARE(back.resolution, request.resolution);
    QCOMPARE(back.referencePaths, request.referencePaths);
    QCOMPARE(back.characterIds, QStringList{u"c2"_s});
    QCOMPARE(back.characterImageUrls,
             QStringList({u"/uploads/c2-a.png"_s, u"/uploads/c2-b.png"_s}));
    QCOMPARE(back.templateId, u"tmpl-7"_s);

    // A reference that has gone since is named; the others still come back.
    JobRequest stale = request;
    stale.referencePaths = {m_images.at(3), m_dir.filePath(u"deleted-since.png"_s)};
    panel.setRequest(stale);
    QCOMPARE(panel.request().referencePaths, QStringList{m_images.at(3)});
    QVERIFY2(panel.referenceStrip()->errorText().contains(u"deleted-since.png"_s),
             qPrintable(panel.referenceStrip()->errorText()));

    // Characters chosen before they are loaded are applied when they arrive.
    ComposerPanel early;
    request.kind = JobKind::Generate;
    request.characterIds = {u"c3"_s, u"c1"_s};
    early.setRequest(request);
    early.setCharacters(sampleCharacters());
    QCOMPARE(early.request().characterIds, QStringList({u"c3"_s, u"c1"_s}));
}

void TestComposer::showErrorKeepsTheInputs()
{
    ComposerPanel panel;
    QTest::keyClicks(panel.promptEditor(), u"a castle made of cheese"_s);
    QVERIFY(panel.addReference(m_images.at(0)));
    panel.setBusy(true);
    QVERIFY(!panel.submitButton()->isEnabled());
    panel.showError(u"The server is busy; your prompt is kept. Try again in a minute."_s);
    QVERIFY(!panel.errorBanner()->isHidden());
    QCOMPARE(panel.errorBanner()->kind(), Banner::Kind::Error);
    QCOMPARE(panel.errorBanner()->text(),
             u"The server is busy; your prompt is kept. Try again in a minute."_s);
    QCOMPARE(panel.promptEditor()->toPlainText(), u"a castle made of cheese"_s);
    QCOMPARE(panel.referenceStrip()->paths(), QStringList{m_images.at(0)});
    QVERIFY(!panel.isBusy());
    QVERIFY(panel.submitButton()->isEnabled());
    panel.errorBanner()->dismiss();
    QVERIFY(panel.errorBanner()->isHidden());
    QCOMPARE(panel.promptEditor()->toPlainText(), u"a castle made of cheese"_s);
}

void TestComposer::oversizeImageGetsBadge_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qint64>("padding"); // bytes appended after the image's end
    QTest::addColumn<bool>("badge");
    QTest::newRow("3000x2000") << QSize(3000, 2000) << qint64(0) << true;
    QTest::newRow("2000x3000") << QSize(2000, 3000) << qint64(0) << true;
    QTest::newRow("2048x2048") << QSize(2048, 2048) << qint64(0) << false;
    QTest::newRow("640x480") << QSize(640, 480) << qint64(0) << false;
    // Small in pixels but over 10 MiB on disk (decoders ignore bytes after the end).
    QTest::newRow("640x480, 10 MiB + 1") << QSize(640, 480) << qint64(10 * 1024 * 1024 + 1) << true;
}

void TestComposer::oversizeImageGetsBadge()
{
    QFETCH(QSize, size);
    QFETCH(qint64, padding);
    QFETCH(bool, badge);
    QTemporaryDir dir;
    const QString path = makeImage(dir, u"big.png"_s, size, QColor(u"#88aa55"_s));
    QVERIFY(!path.isEmpty());
    if (padding > 0) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.write(QByteArray(padding, '\0')) == padding);
    }
    ComposerPanel panel;
    panel.resize(640, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.addReference(path));
    ReferenceThumb *thumb = panel.referenceStrip()->thumbAt(0);
    QCOMPARE(thumb->willBeDownscaled(), badge);
    const QList<QLabel *> labels = thumb->findChildren<QLabel *>();
    const bool shown = std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
        return label->isVisible() && label->text() == u"Will be downscaled"_s;
    });
    QCOMPARE(shown, badge);
    QTRY_VERIFY(thumb->isThumbnailLoaded());
}

void TestComposer::charactersAreLimited()
{
    ComposerPanel panel;
    QSignalSpy wanted(&panel, &ComposerPanel::thumbnailWanted);
    panel.setCharacters(sampleCharacters());
    QCOMPARE(wanted.count(), 3);
    QCOMPARE(wanted.at(0).at(0).toString(), u"c1"_s);
    QCOMPARE(wanted.at(0).at(1).toString(), u"/uploads/c1-a.png"_s); // the first by order

    CharacterPicker *picker = panel.characterPicker();
    QTest::mouseClick(picker->chip(u"c1"_s), Qt::LeftButton);
    QVERIFY(picker->hintText().isEmpty());
    QTest::mouseClick(picker->chip(u"c3"_s), Qt::LeftButton);
    QVERIFY(!picker->hintText().isEmpty()); // at the maximum: says so
    QTest::mouseClick(picker->chip(u"c2"_s), Qt::LeftButton);
    QVERIFY(!picker->chip(u"c2"_s)->isChecked());
    QVERIFY2(picker->hintText().contains(u"up to 2"_s), qPrintable(picker->hintText()));
    QCOMPARE(panel.request().characterIds, QStringList({u"c1"_s, u"c3"_s}));

    // Edit allows one: the later pick goes.
    panel.setKind(JobKind::Edit);
    QCOMPARE(panel.request().characterIds, QStringList{u"c1"_s});
    QVERIFY(!picker->chip(u"c3"_s)->isChecked());

    QImage face(64, 64, QImage::Format_RGB32);
    face.fill(Qt::darkCyan);
    const qint64 before = picker->chip(u"c1"_s)->icon().cacheKey();
    panel.setCharacterThumbnail(u"c1"_s, face);
    QVERIFY(picker->chip(u"c1"_s)->icon().cacheKey() != before);
    panel.setCharacterThumbnail(u"nobody"_s, face); // unknown ids are ignored
}

void TestComposer::aspectRatioKeyboard()
{
    AspectRatioPicker picker;
    QSignalSpy changed(&picker, &AspectRatioPicker::ratioChanged);
    QCOMPARE(picker.ratios(), acceptedAspectRatios());
    QCOMPARE(picker.ratio(), u"1:1"_s);
    QTest::keyClick(picker.tile(u"1:1"_s), Qt::Key_Right);
    QCOMPARE(picker.ratio(), u"2:3"_s);
    QTest::keyClick(picker.tile(picker.ratio()), Qt::Key_Down); // next row, same column
    QCOMPARE(picker.ratio(), u"5:4"_s);
    QTest::keyClick(picker.tile(picker.ratio()), Qt::Key_End);
    QCOMPARE(picker.ratio(), u"21:9"_s);
    QTest::keyClick(picker.tile(picker.ratio()), Qt::Key_Right); // at the end: stays
    QCOMPARE(picker.ratio(), u"21:9"_s);
    QTest::keyClick(picker.tile(u"4:3"_s), Qt::Key_Space);
    QCOMPARE(picker.ratio(), u"4:3"_s);
    QCOMPARE(changed.count(), 4);
    QCOMPARE(changed.last().at(0).toString(), u"4:3"_s);
    QVERIFY(!picker.setRatio(u"7:5"_s));
    QCOMPARE(picker.ratio(), u"4:3"_s);
}

void TestComposer::tabOrderFollowsTheForm()
{
    ComposerPanel panel;
    panel.setCharacters(sampleCharacters().mid(0, 2));
    QVERIFY(panel.addReference(m_images.at(0)));
    QVERIFY(panel.addReference(m_images.at(1)));
    panel.promptEditor()->setPlainText(u"a fox"_s);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QStringList order;
    QWidget *widget = panel.promptEditor();
    do {
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisible() && widget->isEnabled())
            order << widget->accessibleName();
        widget = widget->nextInFocusChain();
    } while (widget != panel.promptEditor());
    QStringList expected{u"Prompt"_s,
                         u"Reference image ref0.png"_s,
                         u"Reference image ref1.png"_s,
                         u"Add images"_s,
                         u"Character Mia"_s,
                         u"Character Captain Banana"_s};
    for (const QString &ratio : acceptedAspectRatios())
        expected << u"Aspect ratio %1"_s.arg(ratio);
    expected << u"Resolution 1K"_s << u"Resolution 2K"_s << u"Resolution 4K"_s
             << u"Generate for 10 stars"_s;
    QCOMPARE(order, expected);
}

void TestComposer::screenshots()
{
    QTemporaryDir dir;
    const QString big =
        makeImage(dir, u"holiday-photo-with-a-long-name.png"_s, {3000, 2000}, QColor(u"#4a90d9"_s));
    ComposerPanel generate;
    generate.setCharacters(sampleCharacters());
    QImage face(64, 64, QImage::Format_RGB32);
    face.fill(QColor(u"#e67e22"_s));
    generate.setCharacterThumbnail(u"c1"_s, face);
    generate.characterPicker()->setSelectedIds({u"c1"_s});
    generate.promptEditor()->setPlainText(
        u"A cosy reading nook in a treehouse, warm lamp light, rain on the windows, "
        u"watercolour"_s);
    generate.addReference(m_images.at(0));
    generate.addReference(big);
    generate.aspectRatioPicker()->setRatio(u"16:9"_s);
    generate.setBalance(8);
    generate.resize(620, generate.sizeHint().height());
    generate.show();
    QVERIFY(QTest::qWaitForWindowExposed(&generate));
    QTRY_VERIFY(generate.referenceStrip()->thumbAt(1)->isThumbnailLoaded());
    QVERIFY(!saveScreenshot(&generate, u"composer-generate"_s).isEmpty());

    ComposerPanel edit(JobKind::Edit);
    edit.setCharacters(sampleCharacters());
    edit.promptEditor()->setPlainText(u"Make the sky a deep purple sunset"_s);
    edit.addReference(m_images.at(1));
    edit.resolutionPicker()->setResolution(u"4K"_s);
    edit.showError(u"The server could not be reached. Your prompt and images are kept; try "
                   u"again when you are online."_s);
    edit.referenceStrip()->addPath(dir.filePath(u"missing.png"_s));
    edit.resize(620, edit.sizeHint().height());
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    QTRY_VERIFY(edit.referenceStrip()->thumbAt(0)->isThumbnailLoaded());
    QVERIFY(!saveScreenshot(&edit, u"composer-edit"_s).isEmpty());

    ComposerPanel full;
    for (int i = 0; i < 5; ++i)
        full.addReference(m_images.at(i));
    full.addReference(m_images.at(5)); // refused: shows the limit sentence
    full.promptEditor()->setPlainText(u"Five friends at a picnic"_s);
    full.resize(620, full.sizeHint().height());
    full.show();
    QVERIFY(QTest::qWaitForWindowExposed(&full));
    QTRY_VERIFY(full.referenceStrip()->thumbAt(4)->isThumbnailLoaded());
    QVERIFY(!saveScreenshot(&full, u"composer-five-references"_s).isEmpty());

    ComposerPanel empty;
    empty.resize(620, empty.sizeHint().height());
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    QVERIFY(!saveScreenshot(&empty, u"composer-empty"_s).isEmpty());
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
