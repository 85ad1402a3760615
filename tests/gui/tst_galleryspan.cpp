#include "gallery/gallerygrid.h"
#include "gallery/gallerypage.h"
#include "gallery/gotodatedialog.h"
#include "gallery/scrollmonthlabel.h"
#include "gallery/thumbnailpixmaps.h"
#include "history/historystore.h"
#include "models/gallerymodel.h"
#include "screenshot.h"
#include "studiofixture.h"
#include "support/devserverprocess.h"

#include <QAction>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {

constexpr int kRecords = 1000;
constexpr int kWithFiles = 16; // the oldest completed records have an image on disk
constexpr qint64 kHourMs = 3'600'000;
// Record n was made 6n hours after this (250 days in all), long before anything the dev
// server holds.
const qint64 kBaseMs = 1'700'000'000'000; // 2023-11-14

GeneratedImage makeRecord(int n)
{
    GeneratedImage g;
    g.id = u"span%1"_s.arg(n, 20, 10, QChar(u'0'));
    g.prompt = u"A quiet harbour at dawn, picture %1"_s.arg(n);
    g.type = ImageType::TextToImage;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.status = n % 10 == 3 ? ImageStatus::Failed : ImageStatus::Completed;
    if (g.status == ImageStatus::Failed)
        g.error = u"The model refused this prompt."_s;
    g.createdAt = QDateTime::fromMSecsSinceEpoch(kBaseMs + qint64(n) * 6 * kHourMs, Qt::UTC);
    if (g.status == ImageStatus::Completed) {
        g.imageUrl = u"/uploads/span-%1.png"_s.arg(n);
        g.completedAt = g.createdAt.addSecs(20);
    }
    return g;
}

} // namespace

// The gallery of the whole window spans all of history, offline: the scroll bar covers every
// record from the start, End reaches the oldest, dragging the handle shows the month under
// it, and Go to date lands on the day asked for; none of it reads the rows above.
class TestGallerySpan final : public QObject
{
    Q_OBJECT

private:
    DevServerProcess m_server;
    QTemporaryDir m_dir;
    StudioFixture m_studio;
    QHash<int, qint64> m_rowOf; // record number -> row id

    GalleryPage *page() const { return m_studio.window->gallery(); }
    GalleryGrid *grid() const { return page()->grid(); }
    GalleryModel *model() const { return page()->model(); }

    const HistoryRecord *currentRecord() const
    {
        return model()->recordAt(grid()->currentIndex().row());
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The month label and the days are in local time: make it UTC's, as the records are.
        qputenv("TZ", "UTC");
        tzset();
        qputenv("NANOBANANA_NO_KEYCHAIN", "1");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QString error;
        QVERIFY2(m_studio.start(m_dir.filePath(u"profile"_s), m_server.origin(), &error),
                 qPrintable(error));
        m_studio.window->resize(1100, 760);
        const QByteArray token = m_server.signIn(u"+15550002222"_s);
        QVERIFY(!token.isEmpty());
        QSignalSpy signedIn(&m_studio.services->session(), &Session::signedIn);
        m_studio.services->session().signInWithToken(QString::fromLatin1(token));
        QVERIFY(signedIn.wait(10000));
        const QString account = m_studio.services->accountId();
        QVERIFY(!account.isEmpty());

        QList<GeneratedImage> records;
        for (int n = 1; n <= kRecords; ++n)
            records << makeRecord(n);
        auto &history = m_studio.services->history();
        QVERIFY(history.upsertServerRecords(account, records, kBaseMs).ok());
        int withFiles = 0;
        for (int n = 1; n <= kRecords; ++n) {
            const auto r = history.record(account, makeRecord(n).id);
            QVERIFY(r && r.value());
            m_rowOf.insert(n, r.value()->rowId);
            if (withFiles < kWithFiles && makeRecord(n).status == ImageStatus::Completed) {
                const QString path =
                    makeTestImage(m_dir.path(), u"span-%1.png"_s.arg(n), {320, 320},
                                  QColor::fromHsv((n * 47) % 360, 150, 220));
                QVERIFY(!path.isEmpty());
                QVERIFY(history.setLocalFile(r.value()->rowId, path, 1, 320, 320).ok());
                ++withFiles;
            }
        }
        // Offline from here on: the gallery reads only the local history.
        m_server.stop();
        m_studio.window->showPage(MainWindow::Page::Gallery);
        // Small blocks, so that a few screens of rows are a small part of the history.
        model()->setPageSize(20);
        page()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(model()->matchCount() >= kRecords, 10000);
        QVERIFY(QTest::qWaitForWindowExposed(m_studio.window.get()));
    }

    void cleanupTestCase() { m_studio.stop(); }

    void endReachesTheOldest()
    {
        // The whole history from the start, though only the rows on screen were read.
        QCOMPARE(model()->rowCount(), int(model()->matchCount()));
        QVERIFY(model()->loadedRowCount() < model()->matchCount());
        grid()->setFocus();
        grid()->setCurrentIndex(model()->index(0));
        QTest::keyClick(grid(), Qt::Key_End);
        QCOMPARE(grid()->currentIndex().row(), model()->rowCount() - 1);
        QCOMPARE(currentRecord()->rowId, m_rowOf.value(1));
        const QRect card = grid()->visualRect(grid()->currentIndex());
        QVERIFY(grid()->viewport()->rect().contains(card));
        QVERIFY(model()->loadedRowCount() < model()->matchCount());

        // The oldest cards' thumbnails, then the screenshot.
        QTRY_VERIFY(!grid()->isSettlePending());
        for (const int row : grid()->visibleRows())
            if (const auto *r = model()->recordAt(row); r && !r->localFile.isEmpty())
                QTRY_VERIFY(grid()->pixmaps().find(r->rowId)
                            || grid()->pixmaps().isFailed(r->rowId));
        const QString shot = saveScreenshot(m_studio.window.get(), u"gallery-offline-end"_s);
        QVERIFY(!shot.isEmpty());
        qInfo("screenshot: %s", qPrintable(shot));

        QTest::keyClick(grid(), Qt::Key_Home);
        QCOMPARE(grid()->currentIndex().row(), 0);
        QCOMPARE(grid()->verticalScrollBar()->value(), 0);
    }

    void draggingTheHandleShowsTheMonth()
    {
        QScrollBar *bar = grid()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QStyleOptionSlider option;
        option.initFrom(bar);
        option.orientation = bar->orientation();
        option.minimum = bar->minimum();
        option.maximum = bar->maximum();
        option.sliderPosition = bar->value();
        option.sliderValue = bar->value();
        option.pageStep = bar->pageStep();
        option.singleStep = bar->singleStep();
        const QRect handle = bar->style()->subControlRect(QStyle::CC_ScrollBar, &option,
                                                          QStyle::SC_ScrollBarSlider, bar);
        const QRect groove = bar->style()->subControlRect(QStyle::CC_ScrollBar, &option,
                                                          QStyle::SC_ScrollBarGroove, bar);
        QTest::mousePress(bar, Qt::LeftButton, {}, handle.center());
        QTest::mouseMove(bar, QPoint(handle.center().x(), groove.center().y()));
        QTRY_VERIFY(bar->value() > bar->maximum() / 3 && bar->value() < 2 * bar->maximum() / 3);

        ScrollMonthLabel *label = grid()->monthLabel();
        QVERIFY(label->isVisible());
        const int top = grid()->firstRowAt(bar->value());
        const QDateTime created = model()->recordAt(top)->createdAt();
        QCOMPARE(label->text(), QLocale().toString(created.toLocalTime().date(), u"MMMM yyyy"));
        QVERIFY(QRect(QPoint(0, 0), grid()->size()).contains(label->geometry()));
        QVERIFY(!saveScreenshot(m_studio.window.get(), u"gallery-offline-drag"_s).isEmpty());
        QTest::mouseRelease(bar, Qt::LeftButton, {},
                            QPoint(handle.center().x(), groove.center().y()));
        QVERIFY(!label->isVisible());

        // That part of the history is painted, and the rows above it were not all read.
        grid()->viewport()->repaint();
        QVERIFY(grid()->visibleRows().contains(top));
        QVERIFY(model()->loadedRowCount() < top);
    }

    void goToDateLandsOnThatDay()
    {
        QAction *action = page()->goToDateAction();
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
        action->trigger();
        GoToDateDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page()->findChild<GoToDateDialog *>()) && dialog->isVisible());
        // Record 150's day: its newest record is the first card of that day.
        const QDate day = makeRecord(150).createdAt.date();
        dialog->setDate(day);
        QCOMPARE(dialog->date(), day);
        dialog->accept();
        const int row = grid()->currentIndex().row();
        QCOMPARE(currentRecord()->createdAt().date(), day);
        QVERIFY(model()->recordAt(row - 1)->createdAt().date() > day);
        QVERIFY(grid()->visibleRows().contains(row));
        QCOMPARE(grid()->firstRowAt(grid()->verticalScrollBar()->value()),
                 row - row % grid()->columnCount());
        QVERIFY(model()->loadedRowCount() < row);
    }
};

QTEST_MAIN(TestGallerySpan)
#include "tst_galleryspan.moc"
