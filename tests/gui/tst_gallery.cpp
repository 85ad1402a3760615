#include "appservices.h"
#include "gallery/gallerycore.h"
#include "gallery/gallerydelegate.h"
#include "gallery/gallerydetail.h"
#include "gallery/galleryfilterbar.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerypage.h"
#include "gallery/imageviewer.h"
#include "gallery/thumbnailpixmaps.h"
#include "history/historystore.h"
#include "models/gallerymodel.h"
#include "screenshot.h"
#include "session/session.h"
#include "support/devserverprocess.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLinearGradient>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000;
constexpr int kRecords = 300;
constexpr int kWithFiles = 40; // the newest completed ones have an image on disk

const QStringList nouns{u"castle"_s, u"forest"_s, u"harbour"_s, u"lighthouse"_s, u"garden"_s,
                        u"robot"_s,  u"teapot"_s, u"dragon"_s,  u"city"_s,       u"desert"_s};
const QStringList moods{u"misty"_s, u"sunlit"_s, u"neon"_s, u"snowy"_s, u"ancient"_s};

ImageStatus statusOf(int n)
{
    return n % 10 == 3   ? ImageStatus::Failed
           : n % 10 == 7 ? ImageStatus::Pending
                         : ImageStatus::Completed;
}

GeneratedImage makeRecord(int n)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.prompt =
        u"A %1 %2, picture %3"_s.arg(moods.at(n % moods.size()), nouns.at(n % nouns.size())).arg(n);
    g.type = n % 4 == 0 ? ImageType::ImageToImage : ImageType::TextToImage;
    g.typeRaw = g.type == ImageType::ImageToImage ? u"IMAGETOIAMGE"_s : u"TEXTTOIAMGE"_s;
    g.status = statusOf(n);
    if (g.status == ImageStatus::Failed)
        g.error = u"The model refused this prompt (content policy)."_s;
    if (g.type == ImageType::ImageToImage)
        g.referenceImageUrls = {u"/uploads/ref-%1.png"_s.arg(n)};
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 60'000, Qt::UTC);
    if (g.status == ImageStatus::Completed) {
        g.imageUrl = u"/uploads/image-%1.png"_s.arg(n);
        g.completedAt = g.createdAt.addSecs(20);
    }
    return g;
}

QString paintImage(const QString &path, QSize size, int n)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, QColor::fromHsv((n * 37) % 360, 160, 230));
    gradient.setColorAt(1, QColor::fromHsv((n * 37 + 120) % 360, 200, 120));
    painter.fillRect(image.rect(), gradient);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(size.height() / 6);
    painter.setFont(font);
    painter.drawText(image.rect(), Qt::AlignCenter, QString::number(n));
    painter.end();
    return image.save(path) ? path : QString();
}

} // namespace

// The Gallery on a filled profile of a signed-in account: filters, search and the count,
// keyboard actions, the detail and its actions, export, empty states and screenshots.
class TestGallery final : public QObject
{
    Q_OBJECT

private:
    DevServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<GalleryPage> m_page;
    QHash<int, qint64> m_rowOf; // record number -> row id

    GalleryModel *model() const { return m_page->model(); }

    void resetFilters()
    {
        auto *bar = m_page->filterBar();
        bar->searchField()->clear();
        bar->statusBox()->setCurrentIndex(0);
        bar->typeBox()->setCurrentIndex(0);
        bar->orderBox()->setCurrentIndex(0);
        bar->favoritesButton()->setChecked(false);
        Q_EMIT bar->queryChanged();
    }

    qint64 expectedCount(const std::function<bool(int)> &match)
    {
        qint64 n = 0;
        for (int i = 1; i <= kRecords; ++i) {
            auto r = m_services->gallery().record(m_rowOf.value(i));
            if (r && !r.value().hidden && match(i))
                ++n;
        }
        return n;
    }

    int rowOfNumber(int n) const { return model()->rowOfRecord(m_rowOf.value(n)); }

    HistoryRecord stored(int n) { return m_services->gallery().record(m_rowOf.value(n)).value(); }

    // Makes record n current in the grid (loading pages as needed).
    void makeCurrent(int n)
    {
        m_page->showRecord(m_rowOf.value(n));
        QCOMPARE(model()->recordAt(m_page->grid()->currentIndex().row())->rowId, m_rowOf.value(n));
    }

    static QAction *menuAction(QMenu *menu, const QString &text)
    {
        const auto actions = menu->actions();
        for (auto *a : actions)
            if (QString(a->text()).remove(u'&').startsWith(text))
                return a;
        return nullptr;
    }

    QPushButton *detailButton(const QString &text)
    {
        const auto buttons = m_page->detail()->findChildren<QPushButton *>();
        for (auto *b : buttons)
            if (b->text().contains(text))
                return b;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("NANOBANANA_NO_KEYCHAIN", "1");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        AppServices::Options options;
        options.profilePath = m_dir.filePath(u"profile"_s);
        options.server = m_server.origin();
        options.fileOnlyTokens = true;
        m_services = std::make_unique<AppServices>(options);
        QVERIFY(m_services->open().ok());
        QSignalSpy signedIn(&m_services->session(), &Session::signedIn);
        m_services->session().verifyCode(u"+989121234567"_s, u"123456"_s);
        QVERIFY(signedIn.wait(15000));
        const QString account = m_services->accountId();
        QVERIFY(!account.isEmpty());

        QList<GeneratedImage> records;
        for (int n = 1; n <= kRecords; ++n)
            records << makeRecord(n);
        QVERIFY(m_services->history().upsertServerRecords(account, records, baseMs).ok());
        for (int n = 1; n <= kRecords; ++n) {
            auto r = m_services->history().record(account, makeRecord(n).id);
            QVERIFY(r && r.value());
            m_rowOf.insert(n, r.value()->rowId);
            if (n % 9 == 0)
                QVERIFY(m_services->history().setFavorite(r.value()->rowId, true).ok());
        }
        // Images on disk for the newest completed records (and the references of edits).
        QDir().mkpath(m_dir.filePath(u"images"_s));
        int withFiles = 0;
        for (int n = kRecords; n > 0 && withFiles < kWithFiles; --n) {
            if (statusOf(n) != ImageStatus::Completed)
                continue;
            const QSize size = n % 3 == 0 ? QSize(480, 270) : QSize(320, 320);
            const QString path = paintImage(m_dir.filePath(u"images/%1.png"_s.arg(n)), size, n);
            QVERIFY(!path.isEmpty());
            QVERIFY(m_services->history()
                        .setLocalFile(m_rowOf.value(n), path, QFileInfo(path).size(), size.width(),
                                      size.height())
                        .ok());
            ++withFiles;
        }

        m_page = std::make_unique<GalleryPage>(m_services->gallery(), m_services->reader(),
                                               m_services->thumbnails());
        m_page->resize(1280, 820);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_services.reset();
    }

    void init()
    {
        m_page->closeDetail();
        resetFilters();
    }

    void showsTheAccountsRowsNewestFirst()
    {
        QCOMPARE(model()->matchCount(), kRecords);
        QCOMPARE(m_page->filterBar()->countText(), u"300 images"_s);
        QCOMPARE(model()->recordAt(0)->rowId, m_rowOf.value(kRecords));
        QVERIFY(m_page->emptyText().isEmpty());
        m_page->filterBar()->orderBox()->setCurrentIndex(1);
        QCOMPARE(model()->recordAt(0)->rowId, m_rowOf.value(1));
    }

    void filtersChangeRowsAndCount_data()
    {
        QTest::addColumn<int>("status"); // index in the status box
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("favorites");
        QTest::newRow("failed") << 3 << 0 << false;
        QTest::newRow("pending") << 2 << 0 << false;
        QTest::newRow("completed edits") << 1 << 2 << false;
        QTest::newRow("generations") << 0 << 1 << false;
        QTest::newRow("favourites") << 0 << 0 << true;
        QTest::newRow("favourite edits") << 0 << 2 << true;
        QTest::newRow("other (none)") << 0 << 3 << false;
    }

    void filtersChangeRowsAndCount()
    {
        QFETCH(int, status);
        QFETCH(int, type);
        QFETCH(bool, favorites);
        auto *bar = m_page->filterBar();
        bar->statusBox()->setCurrentIndex(status);
        bar->typeBox()->setCurrentIndex(type);
        bar->favoritesButton()->setChecked(favorites);
        const QList<ImageStatus> statuses{ImageStatus::Completed, ImageStatus::Pending,
                                          ImageStatus::Failed};
        const qint64 expected = expectedCount([&](int n) {
            const auto rec = makeRecord(n);
            if (status > 0 && rec.status != statuses.at(status - 1))
                return false;
            if (type == 1 && rec.type != ImageType::TextToImage)
                return false;
            if (type == 2 && rec.type != ImageType::ImageToImage)
                return false;
            if (type == 3 && rec.type != ImageType::Other)
                return false;
            return !favorites || stored(n).favorite;
        });
        QCOMPARE(model()->matchCount(), expected);
        QCOMPARE(bar->countText(), expected == 1 ? u"1 image"_s : u"%1 images"_s.arg(expected));
        while (model()->canFetchMore({}))
            model()->fetchMore({});
        QCOMPARE(model()->rowCount(), int(expected));
        QCOMPARE(m_page->emptyText(), expected == 0 ? u"No matches"_s : QString());
    }

    void searchAsYouType()
    {
        auto *search = m_page->filterBar()->searchField();
        QTest::keyClicks(search, u"lightho"_s);
        // Debounced: the rows change once typing pauses.
        const qint64 expected =
            expectedCount([](int n) { return makeRecord(n).prompt.contains(u"lighthouse"_s); });
        QVERIFY(expected > 0 && expected < kRecords);
        QTRY_COMPARE(model()->matchCount(), expected);
        QCOMPARE(m_page->filterBar()->countText(), u"%1 images"_s.arg(expected));
        for (int i = 0; i < model()->rowCount(); ++i)
            QVERIFY(model()->recordAt(i)->prompt.contains(u"lighthouse"_s));
        search->setText(u"lighthouse picture 13"_s);
        // Every term matches as a prefix: pictures 13 and 133 are lighthouses.
        QTRY_COMPARE(model()->matchCount(), expectedCount([](int n) {
                         return makeRecord(n).prompt.contains(u"lighthouse"_s)
                                && QString::number(n).startsWith(u"13"_s);
                     }));
        search->setText(u"zeppelin"_s);
        QTRY_COMPARE(m_page->emptyText(), u"No matches"_s);
        QCOMPARE(m_page->filterBar()->countText(), u"0 images"_s);
    }

    void ctrlFFocusesSearch()
    {
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        m_page->grid()->setFocus();
        QTest::keyClick(m_page->grid(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_page->filterBar()->searchField()->hasFocus());
    }

    void fTogglesFavourite()
    {
        const int n = 298;
        makeCurrent(n);
        const bool before = stored(n).favorite;
        QTest::keyClick(m_page->grid(), Qt::Key_F);
        QCOMPARE(stored(n).favorite, !before);
        QCOMPARE(model()->data(model()->index(rowOfNumber(n)), GalleryModel::FavoriteRole).toBool(),
                 !before);
        QTest::keyClick(m_page->grid(), Qt::Key_F);
        QCOMPARE(stored(n).favorite, before);
    }

    void deleteHidesTheSelection()
    {
        makeCurrent(200);
        auto *grid = m_page->grid();
        const auto first = model()->index(rowOfNumber(200));
        const auto second = model()->index(rowOfNumber(199));
        grid->selectionModel()->select(first, QItemSelectionModel::ClearAndSelect);
        grid->selectionModel()->select(second, QItemSelectionModel::Select);
        const qint64 count = model()->matchCount();
        QTest::keyClick(grid, Qt::Key_Delete);
        QVERIFY(stored(200).hidden);
        QVERIFY(stored(199).hidden);
        QCOMPARE(rowOfNumber(200), -1);
        QCOMPARE(model()->matchCount(), count - 2);
        // The keyboard stays in the grid, on the row that followed.
        QCOMPARE(model()->recordAt(grid->currentIndex().row())->rowId, m_rowOf.value(198));
        QVERIFY(
            m_services->gallery().setHidden({m_rowOf.value(200), m_rowOf.value(199)}, false).ok());
        m_page->refresh();
        QCOMPARE(model()->matchCount(), count);
    }

    void enterOpensDetailEscCloses()
    {
        const int n = 293; // failed
        makeCurrent(n);
        QTest::keyClick(m_page->grid(), Qt::Key_Return);
        QVERIFY(m_page->isDetailOpen());
        QCOMPARE(m_page->detail()->promptText(), makeRecord(n).prompt);
        QCOMPARE(m_page->detail()->statusText(), u"Failed"_s);
        QVERIFY(m_page->detail()->findChildren<QLabel *>().size() > 0);
        bool errorShown = false;
        for (auto *label : m_page->detail()->findChildren<QLabel *>())
            errorShown |= label->isVisible() && label->text() == makeRecord(n).error;
        QVERIFY(errorShown);
        QTest::keyClick(m_page->detail(), Qt::Key_Escape);
        QVERIFY(!m_page->isDetailOpen());
        QVERIFY(m_page->grid()->hasFocus() || !m_page->isActiveWindow());
    }

    void regenerateEmitsTheRequest()
    {
        const int n = 300; // an edit, 480x270 on disk
        QVERIFY(!stored(n).localFile.isEmpty());
        makeCurrent(n);
        m_page->openDetail(m_page->grid()->currentIndex());
        QSignalSpy regenerate(m_page.get(), &GalleryPage::regenerateRequested);
        auto *button = detailButton(u"Regenerate"_s);
        QVERIFY(button);
        button->click();
        QCOMPARE(regenerate.size(), 1);
        const auto request = regenerate.at(0).at(0).value<JobRequest>();
        QCOMPARE(request.prompt, makeRecord(n).prompt);
        QCOMPARE(request.kind, JobKind::Edit);
        QCOMPARE(request.aspectRatio, u"16:9"_s);
        QCOMPARE(request.resolution, u"1K"_s);

        QSignalSpy edit(m_page.get(), &GalleryPage::editRequested);
        detailButton(u"Edit this image"_s)->click();
        QCOMPARE(edit.size(), 1);
        QCOMPARE(edit.at(0).at(0).toString(), stored(n).localFile);
    }

    void detailFavouriteWritesTheDatabase()
    {
        const int n = 299;
        makeCurrent(n);
        m_page->openDetail(m_page->grid()->currentIndex());
        const bool before = stored(n).favorite;
        detailButton(u"Favourite"_s)->click();
        QCOMPARE(stored(n).favorite, !before);
        QTest::keyClick(m_page->detail(), Qt::Key_F);
        QCOMPARE(stored(n).favorite, before);
    }

    void saveAsUsesTheRealExtension()
    {
        const int n = 298;
        makeCurrent(n);
        m_page->openDetail(m_page->grid()->currentIndex());
        QTemporaryDir out;
        QString suggested;
        GalleryPage::Dialogs dialogs;
        dialogs.saveFile = [&](QWidget *, const QString &s) {
            suggested = s;
            return out.filePath(u"my picture.jpg"_s); // the user typed the wrong extension
        };
        m_page->setDialogs(dialogs);
        QSignalSpy messages(m_page.get(), &GalleryPage::statusMessage);
        detailButton(u"Save as"_s)->click();
        QVERIFY(suggested.endsWith(u".png"_s));
        const QString written = out.filePath(u"my picture.png"_s);
        QVERIFY(QFile::exists(written));
        QVERIFY(!QFile::exists(out.filePath(u"my picture.jpg"_s)));
        QCOMPARE(QImageReader::imageFormat(written), QByteArray("png"));
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.at(0).at(0).toString().contains(u"my picture.png"_s));
    }

    void contextMenuOnOneCard()
    {
        const int n = 298; // completed, its image on disk
        makeCurrent(n);
        std::unique_ptr<QMenu> menu(m_page->createGridMenu(m_page.get()));
        QVERIFY(menu);
        for (const auto &text : {u"Open"_s, u"Regenerate"_s, u"Save as"_s, u"Export"_s})
            QVERIFY2(menuAction(menu.get(), text) && menuAction(menu.get(), text)->isEnabled(),
                     qPrintable(text));
        QSignalSpy regenerate(m_page.get(), &GalleryPage::regenerateRequested);
        menuAction(menu.get(), u"Regenerate"_s)->trigger();
        QCOMPARE(regenerate.size(), 1);
        QCOMPARE(regenerate.at(0).at(0).value<JobRequest>().prompt, makeRecord(n).prompt);
        menuAction(menu.get(), u"Open"_s)->trigger();
        QVERIFY(m_page->isDetailOpen());
        QCOMPARE(m_page->detail()->record().rowId, m_rowOf.value(n));
    }

    void contextMenuOnASelection()
    {
        auto *grid = m_page->grid();
        makeCurrent(296);
        const QList<int> chosen{296, 295, 294};
        for (const int n : chosen)
            grid->selectionModel()->select(model()->index(rowOfNumber(n)),
                                           QItemSelectionModel::Select);
        QVERIFY(!stored(296).favorite || !stored(295).favorite || !stored(294).favorite);
        std::unique_ptr<QMenu> menu(m_page->createGridMenu(m_page.get()));
        QVERIFY(menu);
        // One-image actions are left out; the others name how many they act on.
        QVERIFY(!menuAction(menu.get(), u"Open"_s));
        QVERIFY(!menuAction(menu.get(), u"Regenerate"_s));
        QVERIFY(!menuAction(menu.get(), u"Save as"_s));
        QVERIFY(menuAction(menu.get(), u"Export 3 images"_s));
        QVERIFY(menuAction(menu.get(), u"Hide 3"_s));
        auto *favourite = menuAction(menu.get(), u"Add 3 to favourites"_s);
        QVERIFY(favourite);
        favourite->trigger();
        for (const int n : chosen)
            QVERIFY(stored(n).favorite);
        menu.reset(m_page->createGridMenu(m_page.get()));
        auto *unstar = menuAction(menu.get(), u"Remove 3 from favourites"_s);
        QVERIFY(unstar);
        unstar->trigger();
        for (const int n : chosen)
            QVERIFY(!stored(n).favorite);
        grid->clearSelection();
        grid->setCurrentIndex({});
        QVERIFY(!std::unique_ptr<QMenu>(m_page->createGridMenu(m_page.get())));
    }

    void clickingAReferenceOpensIt()
    {
        const int n = 300; // an edit whose reference is only on the server
        makeCurrent(n);
        m_page->openDetail(m_page->grid()->currentIndex());
        QList<QUrl> opened;
        GalleryPage::Dialogs dialogs;
        dialogs.openUrl = [&](const QUrl &url) {
            opened << url;
            return true;
        };
        m_page->setDialogs(dialogs);
        const auto buttons = m_page->detail()->referenceButtons();
        QCOMPARE(buttons.size(), 1);
        buttons.first()->click();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().path(), u"/uploads/ref-300.png"_s);
        QCOMPARE(opened.first().port(), m_server.origin().port());

        // A local copy opens as a file.
        const QString local = paintImage(m_dir.filePath(u"ref-local.png"_s), QSize(64, 64), 1);
        HistoryRecord record = m_page->detail()->record();
        m_page->detail()->setRecord(record, {local}, {});
        QTRY_COMPARE(m_page->detail()->referenceButtons().size(), 1);
        m_page->detail()->referenceButtons().first()->click();
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.last(), QUrl::fromLocalFile(local));
        // The local copy was this test's own: back to what the record really has.
        m_page->detail()->setRecord(record, {}, {});
        QVERIFY(m_page->detail()->beforeViewer()->isHidden()
                || !m_page->detail()->beforeViewer()->isVisibleTo(m_page->detail()));
    }

    // Cards leave the app as files a person recognises: by drag and drop and by Ctrl+C.
    void dragAndCopyGiveFilesWithReadableNames()
    {
        QTemporaryDir drag;
        model()->setDragFolder(drag.path());
        auto *grid = m_page->grid();
        makeCurrent(300);
        grid->selectionModel()->select(model()->index(rowOfNumber(299)),
                                       QItemSelectionModel::Select);
        QVERIFY(model()->flags(model()->index(rowOfNumber(300))) & Qt::ItemIsDragEnabled);
        // 297 is pending: nothing to drag.
        QVERIFY(!(model()->flags(model()->index(rowOfNumber(297))) & Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> dragged(
            model()->mimeData(grid->selectionModel()->selectedIndexes()));
        QVERIFY(dragged);
        QCOMPARE(dragged->urls().size(), 2);
        for (const QUrl &url : dragged->urls()) {
            const QFileInfo file(url.toLocalFile());
            QVERIFY2(file.exists(), qPrintable(file.filePath()));
            QCOMPARE(file.absolutePath(), QFileInfo(drag.path()).absoluteFilePath());
            QVERIFY2(file.fileName().endsWith(u".png"_s), qPrintable(file.fileName()));
            const bool named =
                makeRecord(300).prompt.startsWith(file.completeBaseName().left(20))
                || makeRecord(299).prompt.startsWith(file.completeBaseName().left(20));
            QVERIFY2(named, qPrintable(file.fileName()));
        }

        grid->setFocus();
        QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
        const QMimeData *copied = QApplication::clipboard()->mimeData();
        QVERIFY(copied);
        QCOMPARE(copied->urls().size(), 2);
        makeCurrent(300); // one image: also as a picture
        QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
        copied = QApplication::clipboard()->mimeData();
        QCOMPARE(copied->urls().size(), 1);
        QVERIFY(copied->hasImage());
        model()->setDragFolder({});
    }

    void exportWritesImagesAndSidecar()
    {
        auto *grid = m_page->grid();
        makeCurrent(300);
        for (const int n : {300, 299, 297}) // 297 is pending: a record without an image
            grid->selectionModel()->select(model()->index(rowOfNumber(n)),
                                           QItemSelectionModel::Select);
        QTemporaryDir out;
        GalleryPage::Dialogs dialogs;
        dialogs.chooseFolder = [&](QWidget *) { return out.path(); };
        m_page->setDialogs(dialogs);
        QSignalSpy messages(m_page.get(), &GalleryPage::statusMessage);
        m_page->filterBar()->exportButton()->click();
        QVERIFY(messages.wait(10000));
        QVERIFY2(messages.at(0).at(0).toString().startsWith(u"Exported 2 images"_s),
                 qPrintable(messages.at(0).at(0).toString()));
        QFile sidecar(out.filePath(u"records.json"_s));
        QVERIFY(sidecar.open(QIODevice::ReadOnly));
        const auto array = QJsonDocument::fromJson(sidecar.readAll()).array();
        QCOMPARE(array.size(), 3);
        QStringList prompts;
        for (const auto &v : array) {
            prompts << v.toObject().value(u"prompt"_s).toString();
            const QString file = v.toObject().value(u"file"_s).toString();
            if (!file.isEmpty())
                QVERIFY(QFile::exists(out.filePath(file)));
        }
        QVERIFY(prompts.contains(makeRecord(297).prompt));
        QVERIFY(QFile::exists(out.filePath(makeRecord(300).id + u".png"_s)));
    }

    void visibleThumbnailsLoad()
    {
        const auto rows = m_page->grid()->visibleRows();
        QVERIFY(!rows.isEmpty());
        int withFile = 0;
        for (const int row : rows) {
            const auto *r = model()->recordAt(row);
            if (r->localFile.isEmpty())
                continue;
            ++withFile;
            QTRY_VERIFY(m_page->grid()->pixmaps().find(r->rowId) != nullptr);
        }
        QVERIFY(withFile > 0);
    }

    // The cells widen to share out the spare width: no empty card-wide gap at the right,
    // also after the grid is resized (the window, or the jobs dock beside it).
    void gridFillsTheWidth()
    {
        GalleryGrid grid(m_services->thumbnails());
        grid.setGalleryModel(model());
        const int frame = 2 * grid.frameWidth();
        grid.resize(920 + frame, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        // viewport width -> cards in a row (Fusion: a 16 px scroll bar is reserved).
        const QList<std::pair<int, int>> widths{{920, 5}, {700, 3}, {1200, 6},
                                                {400, 2}, {920, 5}, {150, 1}};
        for (const auto &[width, columns] : widths) {
            grid.resize(width + frame, 600);
            QTRY_COMPARE(grid.columnCount(), columns);
            const int top = grid.visualRect(model()->index(0)).top();
            int inRow = 0;
            while (inRow < model()->rowCount()
                   && grid.visualRect(model()->index(inRow)).top() == top)
                ++inRow;
            QCOMPARE(inRow, columns);
            const QRect last = grid.visualRect(model()->index(inRow - 1));
            const int gap = grid.viewport()->width() - (last.right() + 1);
            QVERIFY2(gap >= 0 && gap < GalleryDelegate::kMinCellWidth / 4,
                     qPrintable(u"width %1: a gap of %2 px at the right"_s.arg(width).arg(gap)));
        }
    }

    // Cells sit at row / columns, row % columns; a point maps back to the card under it.
    void gridGeometryIsArithmetic()
    {
        auto *grid = m_page->grid();
        const int columns = grid->columnCount();
        const QSize cell = grid->cellSize();
        QVERIFY(columns > 1);
        grid->verticalScrollBar()->setValue(cell.height() / 2);
        const int offset = grid->verticalScrollBar()->value();
        const auto rows = grid->visibleRows();
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.first(), 0);
        QCOMPARE((rows.last() + 1) % columns, 0);
        for (const int row : rows) {
            const QRect rect = grid->visualRect(model()->index(row));
            QCOMPARE(rect,
                     QRect((row % columns) * cell.width(), (row / columns) * cell.height() - offset,
                           cell.width(), cell.height()));
            QCOMPARE(grid->indexAt(rect.center()).row(), row);
            QCOMPARE(grid->indexAt(rect.topLeft()).row(), row);
            QCOMPARE(grid->indexAt(rect.bottomRight()).row(), row);
        }
        QVERIFY(!grid->indexAt(QPoint(columns * cell.width() + 1, 10)).isValid());
        grid->verticalScrollBar()->setValue(0);
    }

    // A screen reader sees the grid as a list of all its cards, each named by its prompt, and
    // hears which card the keyboard moved to.
    void screenReadersSeeEachCard()
    {
        auto *grid = m_page->grid();
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(grid);
        QVERIFY(list);
        QCOMPARE(list->role(), QAccessible::List);
        // Every image of the filtered history, as the database counts it, not only the rows
        // paged in so far (issue 16: a reader heard 120 of 201).
        QVERIFY(model()->loadedRowCount() < model()->matchCount());
        QCOMPARE(list->childCount(), int(model()->matchCount()));
        QAccessibleInterface *first = list->child(0);
        QVERIFY(first);
        QCOMPARE(first->role(), QAccessible::ListItem);
        QVERIFY2(first->text(QAccessible::Name).contains(model()->recordAt(0)->prompt),
                 qPrintable(first->text(QAccessible::Name)));
        QCOMPARE(list->indexOfChild(first), 0);
        const QRect cell = grid->visualRect(model()->index(0));
        QCOMPARE(first->rect(), QRect(grid->viewport()->mapToGlobal(cell.topLeft()), cell.size()));
        QCOMPARE(list->childAt(first->rect().center().x(), first->rect().center().y()), first);
        // The card's state follows the selection; a failed card says so.
        grid->selectionModel()->select(model()->index(1), QItemSelectionModel::ClearAndSelect);
        QVERIFY(list->child(1)->state().selected);
        QVERIFY(!first->state().selected);
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->recordAt(row)->status != ImageStatus::Failed)
                continue;
            QVERIFY2(list->child(row)->text(QAccessible::Name).contains(u"failed"_s),
                     qPrintable(list->child(row)->text(QAccessible::Name)));
            break;
        }
        grid->selectionModel()->clearSelection();
    }

    void keyboardMovesThroughTheGrid()
    {
        auto *grid = m_page->grid();
        grid->setFocus();
        const int columns = grid->columnCount();
        const int perPage =
            columns * qMax(1, grid->viewport()->height() / grid->cellSize().height());
        const auto row = [grid] { return grid->currentIndex().row(); };
        grid->setCurrentIndex(model()->index(0));
        QTest::keyClick(grid, Qt::Key_Right);
        QCOMPARE(row(), 1);
        QTest::keyClick(grid, Qt::Key_Down);
        QCOMPARE(row(), 1 + columns);
        QTest::keyClick(grid, Qt::Key_Left);
        QTest::keyClick(grid, Qt::Key_Left); // from the start of a line to the end of the last
        QCOMPARE(row(), columns - 1);
        QTest::keyClick(grid, Qt::Key_Up); // the top line: nowhere to go
        QCOMPARE(row(), columns - 1);
        QTest::keyClick(grid, Qt::Key_Right); // from the end of a line to the next
        QCOMPARE(row(), columns);
        QTest::keyClick(grid, Qt::Key_PageDown);
        QCOMPARE(row(), columns + perPage);
        QVERIFY(grid->visibleRows().contains(row()));
        QTest::keyClick(grid, Qt::Key_PageUp);
        QCOMPARE(row(), columns);
        const int loaded = model()->rowCount();
        QTest::keyClick(grid, Qt::Key_End);
        QCOMPARE(row(), loaded - 1);
        QVERIFY(grid->visibleRows().contains(row()));
        QTest::keyClick(grid, Qt::Key_Home);
        QCOMPARE(row(), 0);
        QCOMPARE(grid->verticalScrollBar()->value(), 0);
        // Shift extends the selection in reading order.
        grid->clearSelection();
        QTest::keyClick(grid, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(row(), columns);
        QCOMPARE(grid->selectedRowIds().size(), columns + 1);
        QCOMPARE(grid->selectedRowIds().first(), model()->recordAt(0)->rowId);
        QCOMPARE(grid->selectedRowIds().last(), model()->recordAt(columns)->rowId);
        grid->clearSelection();
    }

    void clicksAndRubberBandSelect()
    {
        auto *grid = m_page->grid();
        auto *viewport = grid->viewport();
        const int columns = grid->columnCount();
        const auto centre = [&](int row) { return grid->visualRect(model()->index(row)).center(); };
        QTest::mouseClick(viewport, Qt::LeftButton, {}, centre(2));
        QCOMPARE(grid->currentIndex().row(), 2);
        QCOMPARE(grid->selectedRowIds(), QList<qint64>{model()->recordAt(2)->rowId});
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::ShiftModifier, centre(columns + 1));
        QCOMPARE(grid->selectedRowIds().size(), columns);
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, centre(0));
        QCOMPARE(grid->selectedRowIds().size(), columns + 1);
        // Dragging from card 1 to the card below and right of it selects the four cards it
        // crosses, not the rows between them.
        QTest::mousePress(viewport, Qt::LeftButton, {}, centre(1));
        QTest::mouseMove(viewport, centre(1) + QPoint(20, 20));
        QTest::mouseMove(viewport, centre(columns + 2));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, centre(columns + 2));
        QList<qint64> expected;
        for (const int row : {1, 2, columns + 1, columns + 2})
            expected << model()->recordAt(row)->rowId;
        QCOMPARE(grid->selectedRowIds(), expected);
        // A double click (QTest sends only its second half: the first click comes first).
        QSignalSpy opened(grid, &GalleryGrid::openRequested);
        QTest::mouseClick(viewport, Qt::LeftButton, {}, centre(3));
        QCOMPARE(opened.size(), 0);
        QTest::mouseDClick(viewport, Qt::LeftButton, {}, centre(3));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toModelIndex().row(), 3);
        m_page->closeDetail();
        grid->clearSelection();
    }

    // Scrolling pages rows in until the end; every row can be scrolled to.
    void scrollingReachesTheLastRow()
    {
        auto *grid = m_page->grid();
        auto *bar = grid->verticalScrollBar();
        QCOMPARE(model()->loadedRowCount(), 120);
        for (int step = 0;
             step < 1000 && (model()->canFetchMore({}) || bar->value() < bar->maximum()); ++step)
            bar->setValue(bar->value() + bar->pageStep());
        QCOMPARE(model()->rowCount(), int(model()->matchCount()));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(grid->visibleRows().contains(model()->rowCount() - 1));
        const QRect last = grid->visualRect(model()->index(model()->rowCount() - 1));
        QVERIFY(grid->viewport()->rect().contains(last));
        bar->setValue(0);
    }

    void screenshots()
    {
        QTRY_VERIFY(!m_page->grid()->isSettlePending());
        const auto rows = m_page->grid()->visibleRows();
        for (const int row : rows)
            if (!model()->recordAt(row)->localFile.isEmpty())
                QTRY_VERIFY(m_page->grid()->pixmaps().find(model()->recordAt(row)->rowId));
        m_page->grid()->selectionModel()->select(model()->index(2), QItemSelectionModel::Select);
        QVERIFY(!saveScreenshot(m_page.get(), u"gallery"_s).isEmpty());
        {
            // Mid-drag: the selection rectangle over the cards it selects.
            auto *grid = m_page->grid();
            const int columns = grid->columnCount();
            const auto centre = [&](int row) {
                return grid->visualRect(model()->index(row)).center();
            };
            QTest::mousePress(grid->viewport(), Qt::LeftButton, {}, centre(columns + 1));
            QTest::mouseMove(grid->viewport(), centre(columns + 1) + QPoint(20, 20));
            QTest::mouseMove(grid->viewport(), centre(2 * columns + 2) + QPoint(30, 40));
            QCOMPARE(grid->selectedRowIds().size(), 4);
            QVERIFY(!saveScreenshot(m_page.get(), u"gallery-rubber-band"_s).isEmpty());
            QTest::mouseRelease(grid->viewport(), Qt::LeftButton, {},
                                centre(2 * columns + 2) + QPoint(30, 40));
            grid->clearSelection();
        }
        {
            std::unique_ptr<QMenu> menu(m_page->createGridMenu(m_page.get()));
            QVERIFY(menu);
            menu->popup(m_page->grid()->viewport()->mapToGlobal(QPoint(80, 80)));
            QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
            QVERIFY(!saveScreenshot(menu.get(), u"gallery-menu"_s).isEmpty());
            menu->close();
        }

        const int n = 300; // an edit whose image is here
        makeCurrent(n);
        m_page->openDetail(m_page->grid()->currentIndex());
        QTRY_VERIFY(m_page->detail()->viewer()->hasImage());
        QVERIFY(!saveScreenshot(m_page.get(), u"detail"_s).isEmpty());

        m_page->filterBar()->searchField()->setText(u"zeppelin"_s);
        m_page->closeDetail();
        QTRY_COMPARE(m_page->emptyText(), u"No matches"_s);
        QVERIFY(!saveScreenshot(m_page.get(), u"gallery-empty"_s).isEmpty());
    }
};

QTEST_MAIN(TestGallery)
#include "tst_gallery.moc"
