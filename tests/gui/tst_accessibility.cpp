#include "accessibilitywalk.h"
#include "characters/characterspage.h"
#include "compose/aspectratiopicker.h"
#include "compose/characterpicker.h"
#include "compose/composerpanel.h"
#include "compose/prompteditor.h"
#include "compose/referencestrip.h"
#include "compose/referencethumb.h"
#include "compose/resolutionpicker.h"
#include "gallery/gallerydetail.h"
#include "gallery/galleryfilterbar.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerypage.h"
#include "gallery/imageviewer.h"
#include "jobs/jobspanel.h"
#include "media/imagemirror.h"
#include "models/gallerymodel.h"
#include "models/jobsmodel.h"
#include "session/signindialog.h"
#include "session/signinflow.h"
#include "settings/settingsdialog.h"
#include "studiofixture.h"
#include "support/devserverprocess.h"

#include <QAbstractButton>
#include <QAccessibleActionInterface>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

// Reads every main screen as a screen reader does (QAccessibleInterface only), against the
// dev server with 200 records and a running, a finished and a failed job. Fails on a visible
// interactive object without a name, a wrong role for a known widget, a gallery card or job
// without actions, a child count that disagrees with the model, or two objects that both say
// they have the focus. Prints the share of named interactive objects of each screen.
class TestAccessibility final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signedOut();
    void signIn();
    void generate();
    void edit();
    void gallery();
    void detail();
    void jobsPanel();
    void characters();
    void contextMenusOpenFromTheKeyboard();
    void settings();

private:
    // Walks `window`, checks the roles in `roles`, prints and returns the walk.
    // `outsideRoom`: unnamed objects this check reports but does not fail on (by path end),
    // for widgets another change names.
    AccessibilityWalk check(QWidget *window, const QString &screen,
                            const QHash<QObject *, QAccessible::Role> &roles = {},
                            const QStringList &outsideRoom = {});
    void activate(QWidget *window);
    // The text of the popup menu `key` opens on `widget` (closed again at once); empty: none.
    QStringList menuFromKey(QWidget *widget, Qt::Key key, Qt::KeyboardModifiers modifiers);
    static QAccessibleInterface *of(QObject *object)
    {
        return QAccessible::queryAccessibleInterface(object);
    }

    QTemporaryDir m_files;
    QTemporaryDir m_profile;
    QString m_image;
    DevServerProcess m_server;
    StudioFixture m_studio;
    int m_interactive = 0;
    int m_named = 0;
};

static const QString kPhone = u"+15550001111"_s;

void TestAccessibility::initTestCase()
{
    QVERIFY(m_files.isValid() && m_profile.isValid());
    m_image = makeTestImage(m_files.path(), u"ref.png"_s, {240, 180}, QColor(u"#4a90d9"_s));
    QVERIFY(!m_image.isEmpty());
    QVERIFY2(m_server.start({u"--seed-history"_s, u"200"_s}), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(m_studio.start(m_profile.path(), m_server.origin(), &error), qPrintable(error));
    m_studio.window->resize(1280, 820);
}

void TestAccessibility::cleanupTestCase()
{
    qInfo().noquote() << u"all screens: %1 of %2 interactive objects named (%3 %)"_s.arg(m_named)
                             .arg(m_interactive)
                             .arg(m_interactive ? 100.0 * m_named / m_interactive : 100.0, 0, 'f',
                                  1);
    m_studio.stop();
}

void TestAccessibility::activate(QWidget *window)
{
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
}

AccessibilityWalk TestAccessibility::check(QWidget *window, const QString &screen,
                                           const QHash<QObject *, QAccessible::Role> &roles,
                                           const QStringList &outsideRoom)
{
    QStringList wrongRoles;
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        QAccessibleInterface *iface = of(it.key());
        if (!iface || iface->role() != it.value())
            wrongRoles << u"%1 is %2, not %3"_s.arg(iface ? accessiblePath(iface) : u"?"_s,
                                                    iface ? accessibleRoleName(iface->role())
                                                          : u"nothing"_s,
                                                    accessibleRoleName(it.value()));
    }
    AccessibilityWalk walk = walkAccessible(window);
    m_interactive += walk.interactive;
    m_named += walk.named;
    qInfo().noquote() << screen << walk.summary();
    for (const QString &path : walk.unnamed)
        qInfo().noquote() << "  unnamed:" << path;
    walk.unnamed.removeIf([&outsideRoom](const QString &path) {
        return std::any_of(outsideRoom.begin(), outsideRoom.end(),
                           [&path](const QString &end) { return path.endsWith(end); });
    });
    for (const QString &path : walk.focused)
        qInfo().noquote() << "  focused:" << path;
    for (const QString &line : wrongRoles)
        qInfo().noquote() << "  wrong role:" << line;
    // STUDIO_A11Y_REPORT_ONLY=1 prints the figures of every screen without failing on them
    // (a failed check stops the waits of the screens after it), e.g. to measure old code.
    if (qEnvironmentVariableIntValue("STUDIO_A11Y_REPORT_ONLY") != 0)
        return walk;
    [&] {
        QVERIFY2(walk.unnamed.isEmpty(), qPrintable(walk.unnamed.join(u'\n')));
        QVERIFY2(walk.focused.size() <= 1, qPrintable(walk.focused.join(u'\n')));
        QVERIFY2(wrongRoles.isEmpty(), qPrintable(wrongRoles.join(u'\n')));
    }();
    return walk;
}

void TestAccessibility::signedOut()
{
    // The sign-in dialog opens by itself over the window; the window behind it is read too.
    QTRY_VERIFY(m_studio.window->signInFlow()->dialog());
    check(m_studio.window.get(), u"signed out"_s);
}

void TestAccessibility::signIn()
{
    auto *dialog = m_studio.window->signInFlow()->dialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    activate(dialog);
    check(dialog, u"sign-in"_s);
    dialog->phoneEdit()->setText(kPhone);
    dialog->sendCodeButton()->click();
    QTRY_VERIFY(dialog->isCodeStep());
    check(dialog, u"sign-in, code step"_s);
    dialog->codeEdit()->setText(QString::fromLatin1(DevServerProcess::defaultOtp));
    QTRY_VERIFY(m_studio.services->session().isSignedIn());
    QTRY_VERIFY(!m_studio.window->signInFlow()->dialog() || !dialog->isVisible());
}

void TestAccessibility::generate()
{
    auto *window = m_studio.window.get();
    auto *composer = window->generateComposer();
    auto *jobs = window->jobsPanel()->model();
    // A finished job...
    composer->promptEditor()->setPlainText(u"a lighthouse made of bananas at dusk"_s);
    QVERIFY(composer->addReference(m_image));
    composer->submit();
    QTRY_COMPARE_WITH_TIMEOUT(JobState(jobs->index(0).data(JobsModel::StateRole).toInt()),
                              JobState::Completed, 30000);
    // ...a failed one (the server refuses it: no stars)...
    QVERIFY(m_server.setStars(kPhone, 0));
    composer->promptEditor()->setPlainText(u"a banana submarine"_s);
    composer->submit();
    QCOMPARE(jobs->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(JobState(jobs->index(0).data(JobsModel::StateRole).toInt()),
                              JobState::Failed, 30000);
    // ...and one still running (the server never answers it).
    QVERIFY(m_server.setStars(kPhone, 1000));
    QVERIFY(m_server.setFault(u"stall"_s, 1.0, u"/nanobanana/generate"_s));
    composer->promptEditor()->setPlainText(u"a banana zeppelin over the sea"_s);
    composer->submit();
    QCOMPARE(jobs->rowCount(), 3);
    QTRY_VERIFY(!isFinal(JobState(jobs->index(0).data(JobsModel::StateRole).toInt())));

    window->showPage(MainWindow::Page::Generate);
    activate(window);
    composer->promptEditor()->setFocus();
    QHash<QObject *, QAccessible::Role> roles;
    for (const QString &ratio : composer->aspectRatioPicker()->ratios())
        roles.insert(composer->aspectRatioPicker()->tile(ratio), QAccessible::RadioButton);
    for (const QString &resolution : {u"1K"_s, u"2K"_s, u"4K"_s})
        roles.insert(composer->resolutionPicker()->button(resolution), QAccessible::RadioButton);
    roles.insert(composer->promptEditor(), QAccessible::EditableText);
    roles.insert(composer->submitButton(), QAccessible::PushButton);
    check(window, u"Generate"_s, roles);
    // The chosen tile says so.
    auto *tile = of(composer->aspectRatioPicker()->tile(composer->aspectRatioPicker()->ratio()));
    QVERIFY(tile->state().checkable && tile->state().checked);

    // A reference tile is a picture that can be removed from the accessibility tree alone.
    auto *strip = composer->referenceStrip();
    if (strip->count() == 0)
        QVERIFY(composer->addReference(m_image));
    const int references = strip->count();
    auto *thumb = strip->findChild<ReferenceThumb *>();
    QVERIFY(thumb);
    QAccessibleInterface *reference = of(thumb);
    QCOMPARE(reference->role(), QAccessible::Graphic);
    QVERIFY(reference->text(QAccessible::Name).contains(QFileInfo(m_image).fileName()));
    QAccessibleActionInterface *actions = reference->actionInterface();
    QVERIFY(actions);
    const QString remove = u"Remove"_s;
    QVERIFY2(actions->actionNames().contains(remove),
             qPrintable(actions->actionNames().join(u", "_s)));
    QVERIFY(!actions->localizedActionDescription(remove).isEmpty());
    actions->doAction(remove);
    QTRY_COMPARE(strip->count(), references - 1);
}

void TestAccessibility::edit()
{
    auto *window = m_studio.window.get();
    window->showPage(MainWindow::Page::Edit);
    auto *composer = window->editComposer();
    composer->promptEditor()->setPlainText(u"make the sky purple"_s);
    QVERIFY(composer->addReference(m_image));
    composer->promptEditor()->setFocus();
    check(window, u"Edit"_s);
}

void TestAccessibility::gallery()
{
    auto *window = m_studio.window.get();
    window->showPage(MainWindow::Page::Gallery);
    auto *page = window->gallery();
    auto *model = page->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->matchCount() >= 200, 30000);
    QVERIFY2(model->loadedRowCount() < model->matchCount(), "the test needs rows not yet paged in");
    page->grid()->setFocus();
    QHash<QObject *, QAccessible::Role> roles{{page->grid(), QAccessible::List}};
    check(window, u"Gallery"_s, roles);

    // The whole filtered history, not the rows paged in so far.
    QAccessibleInterface *grid = of(page->grid());
    QCOMPARE(qint64(grid->childCount()), model->matchCount());
    QAccessibleInterface *last = grid->child(grid->childCount() - 1);
    QVERIFY(last && last->isValid());
    QVERIFY(!last->text(QAccessible::Name).isEmpty());
    // Every card can be opened and has a menu, from the accessibility tree alone.
    for (int row : {0, 1, grid->childCount() - 1}) {
        QAccessibleInterface *card = grid->child(row);
        QCOMPARE(card->role(), QAccessible::ListItem);
        QAccessibleActionInterface *actions = card->actionInterface();
        QVERIFY2(actions, qPrintable(accessiblePath(card)));
        const QStringList names = actions->actionNames();
        QVERIFY2(names.value(0) == QAccessibleActionInterface::pressAction(),
                 qPrintable(names.join(u", "_s)));
        QVERIFY2(names.contains(QAccessibleActionInterface::showMenuAction()),
                 qPrintable(names.join(u", "_s)));
        for (const QString &name : names)
            QVERIFY2(!actions->localizedActionDescription(name).isEmpty(), qPrintable(name));
    }
    // The count of images is read as it is shown.
    auto *count = page->filterBar()->findChild<QLabel *>(u"matchCount"_s);
    QVERIFY(count);
    QCOMPARE(of(count)->text(QAccessible::Name), page->filterBar()->countText());
    QVERIFY(page->filterBar()->countText().contains(u"20"_s));

    // Favourite a card through its action.
    QAccessibleInterface *first = grid->child(0);
    QVERIFY(first->actionInterface());
    const qint64 rowId = model->index(0).data(GalleryModel::RowIdRole).toLongLong();
    const bool wasFavourite = model->index(0).data(GalleryModel::FavoriteRole).toBool();
    const QStringList names = first->actionInterface()->actionNames();
    const QString favourite =
        names.value(names.indexOf(QAccessibleActionInterface::toggleAction()));
    QVERIFY2(!favourite.isEmpty(), qPrintable(names.join(u", "_s)));
    first->actionInterface()->doAction(favourite);
    const auto isFavourite = [model, rowId] {
        const HistoryRecord *record = model->recordAt(model->rowOfRecord(rowId));
        return record && record->favorite;
    };
    QTRY_COMPARE(isFavourite(), !wasFavourite);

    // While searching, the search field's clear button shows: it is named too.
    auto *search = page->filterBar()->findChild<QLineEdit *>();
    QVERIFY(search);
    search->setText(u"lighthouse"_s);
    check(window, u"Gallery while searching"_s, roles);
    search->clear();
}

void TestAccessibility::detail()
{
    auto *window = m_studio.window.get();
    auto *page = window->gallery();
    QAccessibleInterface *card = of(page->grid())->child(0);
    QVERIFY(card && card->actionInterface());
    card->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QVERIFY(page->isDetailOpen());
    auto *viewer = page->detail()->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->hasImage() || !viewer->isLoading(), 20000);
    QHash<QObject *, QAccessible::Role> roles{{viewer, QAccessible::Graphic}};
    check(window, u"Gallery detail"_s, roles);
    const QString prompt = page->detail()->record().prompt;
    QVERIFY2(of(viewer)->text(QAccessible::Description).contains(prompt.left(20)),
             qPrintable(of(viewer)->text(QAccessible::Description)));
    if (viewer->hasImage())
        QVERIFY(of(viewer)
                    ->text(QAccessible::Description)
                    .contains(QString::number(viewer->imageSize().width())));
    page->closeDetail();
}

void TestAccessibility::jobsPanel()
{
    auto *window = m_studio.window.get();
    auto *panel = window->jobsPanel();
    panel->view()->setFocus();
    check(window, u"jobs panel"_s, {{panel->view(), QAccessible::List}});
    QAccessibleInterface *list = of(panel->view());
    QCOMPARE(list->childCount(), panel->model()->rowCount());
    bool sawFailed = false;
    for (int row = 0; row < list->childCount(); ++row) {
        QAccessibleInterface *item = list->child(row);
        const auto state = JobState(panel->model()->index(row).data(JobsModel::StateRole).toInt());
        const QString name = item->text(QAccessible::Name);
        QVERIFY2(name.contains(panel->model()->index(row).data(JobsModel::PromptRole).toString()),
                 qPrintable(name));
        // The state and the elapsed time are part of the name: "… — Done · 3 s".
        QVERIFY2(name.contains(u" s"_s) || name.contains(u"min"_s), qPrintable(name));
        if (state == JobState::Failed) {
            sawFailed = true;
            QVERIFY2(!item->text(QAccessible::Description).isEmpty(), qPrintable(name));
        }
        QAccessibleActionInterface *actions = item->actionInterface();
        QVERIFY2(actions, qPrintable(name));
        QVERIFY2(actions->actionNames().contains(QAccessibleActionInterface::pressAction()),
                 qPrintable(actions->actionNames().join(u", "_s)));
        QVERIFY2(actions->actionNames().contains(QAccessibleActionInterface::showMenuAction()),
                 qPrintable(actions->actionNames().join(u", "_s)));
    }
    QVERIFY(sawFailed);
}

void TestAccessibility::characters()
{
    auto *window = m_studio.window.get();
    auto *page = window->charactersPage();
    window->showPage(MainWindow::Page::Characters);
    QSignalSpy changed(page, &CharactersPage::charactersChanged);
    page->createCharacter(u"Captain Banana"_s, {m_image, m_image, m_image});
    QTRY_VERIFY_WITH_TIMEOUT(page->characters().size() == 1, 20000);
    QTRY_COMPARE(page->list()->count(), 1);
    page->list()->setFocus();
    check(window, u"Characters"_s, {{page->list(), QAccessible::List}});
    // The composers got a chip for it: a check box (up to two can be chosen).
    window->showPage(MainWindow::Page::Generate);
    check(window, u"Generate with a character"_s);
}

QStringList TestAccessibility::menuFromKey(QWidget *widget, Qt::Key key,
                                           Qt::KeyboardModifiers modifiers)
{
    QStringList actions;
    // The menu runs its own event loop: look at it and close it from there. A local timer, so
    // nothing is left to fire when no menu opened.
    QTimer probe;
    probe.setSingleShot(true);
    connect(&probe, &QTimer::timeout, widget, [&actions] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            for (QAction *action : menu->actions())
                if (!action->isSeparator())
                    actions << action->text();
            menu->close();
        }
    });
    probe.start(0);
    widget->setFocus();
    QTest::keyClick(widget, key, modifiers);
    probe.stop();
    return actions;
}

void TestAccessibility::contextMenusOpenFromTheKeyboard()
{
    auto *window = m_studio.window.get();
    window->showPage(MainWindow::Page::Gallery);
    auto *grid = window->gallery()->grid();
    // The history settles first (the offline mirror saving images, a job's row joining its
    // server record), so the card does not change between the two menus.
    const auto settled = [this] {
        const auto state = m_studio.services->imageMirror().state();
        return state == ImageMirror::State::Done || state == ImageMirror::State::Idle;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    window->gallery()->refresh();
    grid->setCurrentIndex(window->gallery()->model()->index(1));
    const QStringList cardMenu = menuFromKey(grid, Qt::Key_Menu, Qt::NoModifier);
    QVERIFY2(cardMenu.value(0).startsWith(u"&Open"_s), qPrintable(cardMenu.join(u", "_s)));
    QCOMPARE(menuFromKey(grid, Qt::Key_F10, Qt::ShiftModifier), cardMenu);

    auto *jobs = window->jobsPanel()->view();
    const QStringList jobMenu = menuFromKey(jobs, Qt::Key_Menu, Qt::NoModifier);
    QVERIFY2(jobMenu.contains(u"Open in gallery"_s), qPrintable(jobMenu.join(u", "_s)));
    QCOMPARE(menuFromKey(jobs, Qt::Key_F10, Qt::ShiftModifier), jobMenu);

    window->showPage(MainWindow::Page::Generate);
    auto *picker = window->generateComposer()->characterPicker();
    QVERIFY(!picker->characters().isEmpty());
    QToolButton *chip = picker->chip(picker->characters().first().id);
    QVERIFY(chip);
    QVERIFY(!menuFromKey(chip, Qt::Key_Menu, Qt::NoModifier).isEmpty());
    QVERIFY(!menuFromKey(chip, Qt::Key_F10, Qt::ShiftModifier).isEmpty());

    window->showPage(MainWindow::Page::Characters);
    auto *list = window->charactersPage()->list();
    list->setCurrentRow(0);
    const QStringList characterMenu = menuFromKey(list, Qt::Key_Menu, Qt::NoModifier);
    QVERIFY2(characterMenu.contains(u"&Rename…"_s), qPrintable(characterMenu.join(u", "_s)));
}

void TestAccessibility::settings()
{
    auto &services = *m_studio.services;
    SettingsDialog dialog({services.settings(),
                           services.jobs(),
                           services.thumbnails(),
                           services.profile().rootPath(),
                           services.server(),
                           {}},
                          m_studio.window.get());
    dialog.show();
    activate(&dialog);
    check(&dialog, u"Settings"_s);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
