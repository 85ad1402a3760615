#include "compose/composerpanel.h"
#include "compose/prompteditor.h"
#include "compose/promptsuggestionlist.h"
#include "compose/prompttools.h"
#include "compose/stylepicker.h"
#include "gallery/gallerycore.h"
#include "history/historyquery.h"
#include "history/historystore.h"
#include "prompts/promptsuggestions.h"
#include "studiofixture.h"
#include "styles/stylecatalogue.h"
#include "styles/stylethumbnails.h"
#include "support/devserverprocess.h"
#include "support/requestlog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

const QString kPhone = u"+15550001111"_s;

GeneratedImage record(int n, const QString &account, const QString &prompt, qint64 createdMs)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n + 0xabc000, 24, 16, QChar(u'0'));
    g.userId = account;
    g.prompt = prompt;
    g.type = ImageType::TextToImage;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.status = ImageStatus::Completed;
    g.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
    return g;
}

// Every cell of the picker shows its picture (not the grey placeholder).
bool picturesShown(StylePicker *picker)
{
    const QRgb placeholder = picker->palette().color(QPalette::Midlight).rgb();
    for (int i = 0; i < picker->grid()->count(); ++i) {
        const QImage icon = picker->grid()->item(i)->icon().pixmap(160).toImage();
        if (icon.pixel(80, 80) == placeholder)
            return false;
    }
    return picker->grid()->count() > 0;
}

} // namespace

// Reuse on the Generate page: past prompts offered as one types (keyboard-driven), Recent
// prompts after the images are hidden, and the Styles picker against the dev server, whose
// choice fills the prompt and sends its templateId.
class TestReuse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("NANOBANANA_NO_KEYCHAIN", "1");
        QVERIFY(m_profile.isValid());
        m_log = m_profile.filePath(u"requests.jsonl"_s);
        QVERIFY2(m_server.start({u"--log-requests"_s, m_log}), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(m_studio.start(m_profile.filePath(u"profile"_s), m_server.origin(), &error),
                 qPrintable(error));
        const QByteArray token = m_server.signIn(kPhone);
        QVERIFY(!token.isEmpty());
        QSignalSpy signedIn(&m_studio.services->session(), &Session::signedIn);
        m_studio.services->session().signInWithToken(QString::fromLatin1(token));
        QVERIFY(signedIn.wait(10000));
        m_studio.window->showPage(MainWindow::Page::Generate);
        QApplication::setActiveWindow(m_studio.window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_studio.window.get()));
    }

    void cleanupTestCase() { m_studio.stop(); }

    void typingOffersPastPromptsAndTheKeyboardTakesOne()
    {
        AppServices &services = *m_studio.services;
        const QString account = services.accountId();
        QVERIFY(!account.isEmpty());
        QVERIFY(services.history()
                    .upsertServerRecords(account,
                                         {record(1, account, u"a paper boat on a pond"_s, 1000),
                                          record(2, account, u"a paper lantern at dusk"_s, 2000),
                                          record(3, account, u"ocean waves, paper cut"_s, 3000),
                                          record(4, account, u"ocean sunrise"_s, 4000)},
                                         5000)
                    .ok());
        PromptSuggestions &suggestions = services.promptSuggestions();
        QSignalSpy indexed(&suggestions, &PromptSuggestions::indexed);
        suggestions.refresh();
        QVERIFY(indexed.wait(5000));

        PromptEditor *editor = m_studio.window->generateComposer()->promptEditor();
        PromptSuggestionList *list = editor->suggestionList();
        editor->clear();
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, u"pap"_s);
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->prompts(),
                 (QStringList{u"ocean waves, paper cut"_s, u"a paper lantern at dusk"_s,
                              u"a paper boat on a pond"_s}));
        // Another word narrows it as one types.
        QTest::keyClicks(editor, u"er la"_s);
        QTRY_COMPARE(list->prompts(), QStringList{u"a paper lantern at dusk"_s});
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTRY_COMPARE(list->prompts().size(), 3);
        QTest::keyClick(editor, Qt::Key_Down);
        QTest::keyClick(editor, Qt::Key_Down);
        QCOMPARE(list->selectedPrompt(), u"a paper lantern at dusk"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), u"a paper lantern at dusk"_s);
        QVERIFY(!list->isVisible());

        // Escape closes the list and keeps what was typed; Tab takes like Enter.
        editor->clear();
        QTest::keyClicks(editor, u"oce"_s);
        QTRY_VERIFY(list->isVisible());
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!list->isVisible());
        QCOMPARE(editor->toPlainText(), u"oce"_s);
        QTest::keyClicks(editor, u"an s"_s);
        QTRY_COMPARE(list->prompts(), QStringList{u"ocean sunrise"_s});
        QTest::keyClick(editor, Qt::Key_Down);
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->toPlainText(), u"ocean sunrise"_s);
        QCOMPARE(QApplication::focusWidget(), editor);
        editor->clear();
    }

    void stylesPickerFillsThePromptAndSendsTheTemplateId()
    {
        ComposerPanel *composer = m_studio.window->generateComposer();
        PromptTools *tools = composer->promptTools();
        QVERIFY(tools->stylesButton()->isVisible());
        composer->promptEditor()->setPlainText(u"a lighthouse"_s);

        QSignalSpy opened(tools, &PromptTools::stylePickerOpened);
        tools->stylesButton()->click();
        QCOMPARE(opened.size(), 1);
        auto *picker = opened.first().first().value<StylePicker *>();
        QVERIFY(picker);
        QTRY_COMPARE_WITH_TIMEOUT(picker->grid()->count(), 6, 10000);
        QTRY_COMPARE(picker->categoryFilter()->count(), 5); // "All styles" and four
        QTRY_VERIFY_WITH_TIMEOUT(picturesShown(picker), 30000);
        picker->categoryFilter()->setCurrentIndex(picker->categoryFilter()->findData(u"art"_s));
        QCOMPARE(picker->grid()->count(), 3);
        QTest::keyClicks(picker->searchField(), u"pix"_s);
        QCOMPARE(picker->grid()->count(), 1);
        QCOMPARE(picker->grid()->item(0)->text(), u"Pixel art"_s);
        picker->grid()->setCurrentRow(0);
        picker->accept();

        QCOMPARE(composer->request().templateId, u"pixel-art"_s);
        QCOMPARE(composer->promptEditor()->toPlainText(),
                 u"a lighthouse, as 16-bit pixel art with a limited palette"_s);
        QVERIFY(tools->styleChip()->isVisible());
        QCOMPARE(tools->styleChip()->text(), u"Style: Pixel art"_s);

        composer->submit();
        QTRY_VERIFY_WITH_TIMEOUT(!loggedPostsTo(m_log, u"/api/v1/nanobanana/generate"_s).isEmpty(),
                                 10000);
        const QJsonObject post = loggedPostsTo(m_log, u"/api/v1/nanobanana/generate"_s).last();
        QCOMPARE(post.value(u"templateId").toString(), u"pixel-art"_s);

        // Removing the chip takes the style's words out again.
        tools->removeStyleButton()->click();
        QCOMPARE(composer->request().templateId, QString());
        QCOMPARE(composer->promptEditor()->toPlainText(), u"a lighthouse"_s);
        QVERIFY(!tools->styleChip()->isVisible());
    }

    void recentPromptsOutliveHiddenImages()
    {
        // The prompt sent above; then every image is hidden.
        AppServices &services = *m_studio.services;
        HistoryQuery all;
        all.accountId = services.accountId();
        all.limit = 1000;
        const auto page = services.reader().page(all);
        QVERIFY(page.ok() && !page.value().rows.isEmpty());
        QList<qint64> rows;
        for (const HistoryRecord &row : page.value().rows)
            rows.append(row.rowId);
        QVERIFY(services.gallery().setHidden(rows, true).ok());
        QVERIFY(services.reader().page(all).value().rows.isEmpty());
        PromptTools *tools = m_studio.window->generateComposer()->promptTools();
        QVERIFY(tools->recentButton()->isVisible());
        Q_EMIT tools->recentMenu()->aboutToShow();
        const QList<QAction *> actions = tools->recentMenu()->actions();
        QVERIFY(!actions.isEmpty());
        QCOMPARE(actions.first()->toolTip(),
                 u"a lighthouse, as 16-bit pixel art with a limited palette"_s);
        m_studio.window->generateComposer()->promptEditor()->clear();
        actions.first()->trigger();
        QCOMPARE(m_studio.window->generateComposer()->promptEditor()->toPlainText(),
                 u"a lighthouse, as 16-bit pixel art with a limited palette"_s);
    }

    void stylesBrowseOfflineFromTheProfile()
    {
        m_server.stop();
        PromptTools *tools = m_studio.window->editComposer()->promptTools();
        QSignalSpy opened(tools, &PromptTools::stylePickerOpened);
        tools->openStylePicker();
        auto *picker = opened.first().first().value<StylePicker *>();
        QCOMPARE(picker->grid()->count(), 6);
        // The pictures come from the profile too.
        QTRY_VERIFY_WITH_TIMEOUT(picturesShown(picker), 10000);
        picker->reject();
    }

private:
    QTemporaryDir m_profile;
    QString m_log;
    DevServerProcess m_server;
    StudioFixture m_studio;
};

QTEST_MAIN(TestReuse)
#include "tst_reuse.moc"
