#include "appservices.h"
#include "common/flowlayout.h"
#include "common/runtext.h"
#include "compose/aspectratiopicker.h"
#include "compose/resolutionpicker.h"
#include "domain/job.h"
#include "gallery/gallerydelegate.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerypage.h"
#include "history/historystore.h"
#include "jobs/jobdelegate.h"
#include "models/gallerymodel.h"
#include "session/session.h"
#include "support/devserverprocess.h"

#include <QAbstractButton>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const qint64 baseMs = 1'770'000'000'000;
constexpr int kRecords = 12;

GeneratedImage makeRecord(int n)
{
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    // Short, so the prompt line shows which end each one starts from.
    g.prompt = n % 2 ? u"Boat %1"_s.arg(n) : u"قایق %1"_s.arg(n);
    g.type = ImageType::TextToImage;
    g.typeRaw = u"TEXTTOIAMGE"_s;
    g.status = ImageStatus::Completed;
    g.createdAt = QDateTime::fromMSecsSinceEpoch(baseMs + qint64(n) * 60'000, Qt::UTC);
    g.imageUrl = u"/uploads/image-%1.png"_s.arg(n);
    g.completedAt = g.createdAt.addSecs(20);
    return g;
}

} // namespace

// What the project paints itself, in a right-to-left layout (as the Persian catalogue turns
// the application): the gallery grid flows from the right and its arrows go the way they
// point, the flow layout starts at the right, the ratio picker's arrows follow its mirrored
// grid, and text runs keep their own direction.
class TestRtlLayout final : public QObject
{
    Q_OBJECT

private:
    DevServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<GalleryPage> m_page;

    GalleryGrid *grid() const { return m_page->grid(); }
    GalleryModel *model() const { return m_page->model(); }
    QRect cell(int row) const { return grid()->visualRect(model()->index(row)); }

    // The left and right ends of the ink on a card's prompt line, as painted.
    std::pair<int, int> promptInk(const QImage &shot, int row) const
    {
        const QRect card = cell(row).adjusted(3, 3, -3, -3);
        const int top = card.top() + GalleryDelegate::kImageHeight + 1;
        const int height = grid()->fontMetrics().height();
        int left = card.right();
        int right = card.left();
        for (int y = top; y < top + height; ++y)
            for (int x = card.left() + 5; x < card.right() - 5; ++x)
                if (qGray(shot.pixel(x, y)) < 128) {
                    left = qMin(left, x);
                    right = qMax(right, x);
                }
        return {left - card.left(), card.right() - right};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
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
        QList<GeneratedImage> records;
        for (int n = 1; n <= kRecords; ++n)
            records << makeRecord(n);
        QVERIFY(m_services->history()
                    .upsertServerRecords(m_services->accountId(), records, baseMs)
                    .ok());
        m_page = std::make_unique<GalleryPage>(m_services->gallery(), m_services->reader(),
                                               m_services->thumbnails());
        m_page->resize(1100, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTRY_COMPARE(model()->rowCount(), kRecords);
        QVERIFY(grid()->isRightToLeft());
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_services.reset();
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    }

    void firstCardIsAtTheRight()
    {
        const int columns = grid()->columnCount();
        QVERIFY(columns > 2);
        const int gap = grid()->viewport()->width() - (cell(0).right() + 1);
        QVERIFY2(gap >= 0 && gap < GalleryDelegate::kMinCellWidth / 4,
                 qPrintable(u"a gap of %1 px right of the first card"_s.arg(gap)));
        QCOMPARE(cell(1).right() + 1, cell(0).left()); // the second to its left
        QVERIFY(cell(columns - 1).left() < GalleryDelegate::kMinCellWidth / 4);
        QCOMPARE(cell(columns).topRight(), cell(0).bottomRight() + QPoint(0, 1)); // wraps right
        for (int row = 0; row < kRecords; ++row)
            QCOMPARE(grid()->indexAt(cell(row).center()).row(), row);
        QVERIFY(!grid()->indexAt(QPoint(cell(0).right() + 2, cell(0).center().y())).isValid()
                || cell(0).right() + 2 >= grid()->viewport()->width());
    }

    void arrowsGoTheWayTheyPoint()
    {
        const int columns = grid()->columnCount();
        const auto row = [this] { return grid()->currentIndex().row(); };
        grid()->setFocus();
        grid()->setCurrentIndex(model()->index(0));
        QTest::keyClick(grid(), Qt::Key_Left); // the next card, to the left
        QCOMPARE(row(), 1);
        QVERIFY(cell(row()).center().x() < cell(0).center().x());
        QTest::keyClick(grid(), Qt::Key_Right);
        QCOMPARE(row(), 0);
        QTest::keyClick(grid(), Qt::Key_Right); // nothing right of the first card
        QCOMPARE(row(), 0);
        grid()->setCurrentIndex(model()->index(columns - 1));
        QTest::keyClick(grid(), Qt::Key_Left); // from the line's left end to the next line
        QCOMPARE(row(), columns);
        QTest::keyClick(grid(), Qt::Key_Up);
        QCOMPARE(row(), 0);
        grid()->clearSelection();
    }

    void dragSelectsTheCardsItCrosses()
    {
        const int columns = grid()->columnCount();
        auto *viewport = grid()->viewport();
        const auto centre = [this](int row) { return cell(row).center(); };
        // From card 1 down and to the left: cards 1, 2 and the two below them.
        QVERIFY(centre(columns + 2).x() < centre(1).x());
        QTest::mousePress(viewport, Qt::LeftButton, {}, centre(1));
        QTest::mouseMove(viewport, centre(1) + QPoint(-20, 20));
        QTest::mouseMove(viewport, centre(columns + 2));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, centre(columns + 2));
        QList<qint64> expected;
        for (const int row : {1, 2, columns + 1, columns + 2})
            expected << model()->recordAt(row)->rowId;
        QCOMPARE(grid()->selectedRowIds(), expected);
        grid()->clearSelection();
    }

    // Row 0 has a Persian prompt, row 1 an English one: each starts at its own end of the
    // line, whatever the layout's direction.
    void promptsStartAtTheirOwnEnd()
    {
        QCOMPARE(RunText::directionOf(model()->recordAt(0)->prompt, Qt::LeftToRight),
                 Qt::RightToLeft);
        QCOMPARE(RunText::directionOf(model()->recordAt(1)->prompt, Qt::RightToLeft),
                 Qt::LeftToRight);
        grid()->clearSelection();
        const QImage shot = grid()->viewport()->grab().toImage();
        const auto [persianLeft, persianRight] = promptInk(shot, 0);
        QVERIFY2(persianRight < 16 && persianLeft > 60,
                 qPrintable(
                     u"Persian prompt ink %1 px from the left, %2 from the right"_s.arg(persianLeft)
                         .arg(persianRight)));
        const auto [englishLeft, englishRight] = promptInk(shot, 1);
        QVERIFY2(englishLeft < 16 && englishRight > 60,
                 qPrintable(
                     u"English prompt ink %1 px from the left, %2 from the right"_s.arg(englishLeft)
                         .arg(englishRight)));
    }

    void flowLayoutStartsAtTheRight()
    {
        QWidget box;
        auto *flow = new FlowLayout(&box, 6);
        QList<QWidget *> items;
        for (int i = 0; i < 5; ++i) {
            auto *item = new QWidget(&box);
            item->setFixedSize(60, 20);
            flow->addWidget(item);
            items << item;
        }
        box.resize(200, 100); // three a row: 60 + 6 + 60 + 6 + 60
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        QVERIFY(box.isRightToLeft());
        QCOMPARE(items.at(0)->geometry(), QRect(140, 0, 60, 20));
        QCOMPARE(items.at(1)->geometry(), QRect(74, 0, 60, 20));
        QCOMPARE(items.at(2)->geometry(), QRect(8, 0, 60, 20));
        QCOMPARE(items.at(3)->geometry(), QRect(140, 26, 60, 20)); // the next row, at the right
    }

    void ratioArrowsFollowTheMirroredGrid()
    {
        AspectRatioPicker picker;
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        const QStringList ratios = acceptedAspectRatios();
        QAbstractButton *first = picker.tile(ratios.at(0));
        QAbstractButton *second = picker.tile(ratios.at(1));
        QVERIFY(second->x() < first->x()); // the grid mirrors by itself
        first->setFocus();
        QTest::keyClick(first, Qt::Key_Left);
        QCOMPARE(picker.ratio(), ratios.at(1));
        QTest::keyClick(second, Qt::Key_Right);
        QCOMPARE(picker.ratio(), ratios.at(0));
    }

    // Qt's exclusive buttons already move by geometry; this keeps it so.
    void resolutionArrowsFollowTheMirroredRow()
    {
        ResolutionPicker picker;
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        const QStringList names = acceptedResolutions();
        QAbstractButton *first = picker.button(names.at(0));
        QAbstractButton *second = picker.button(names.at(1));
        QVERIFY(second->x() < first->x());
        first->setFocus();
        QTest::keyClick(first, Qt::Key_Left);
        QCOMPARE(picker.resolution(), names.at(1));
        QTest::keyClick(second, Qt::Key_Right);
        QCOMPARE(picker.resolution(), names.at(0));
    }

    // Painted times count in the locale's digits: Persian ones in Persian.
    void elapsedTimesUseTheLocalesDigits()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
        const QString text = JobDelegate::elapsedText(75);
        QLocale::setDefault(before);
        QVERIFY2(text.contains(u"۱"_s) && text.contains(u"۱۵"_s) && !text.contains(u'1'),
                 qPrintable(text));
    }

    void textRunsKeepTheirOwnDirection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Qt::LayoutDirection>("layout");
        QTest::addColumn<Qt::LayoutDirection>("direction");
        QTest::newRow("persian in english")
            << u"فانوس دریایی with a boat"_s << Qt::LeftToRight << Qt::RightToLeft;
        QTest::newRow("english in persian")
            << u"A lighthouse, فانوس"_s << Qt::RightToLeft << Qt::LeftToRight;
        QTest::newRow("digits take the layout's")
            << u"1024 × 1024"_s << Qt::RightToLeft << Qt::RightToLeft;
        QTest::newRow("a leading digit does not decide")
            << u"3 فانوس"_s << Qt::LeftToRight << Qt::RightToLeft;
    }

    void textRunsKeepTheirOwnDirection()
    {
        QFETCH(QString, text);
        QFETCH(Qt::LayoutDirection, layout);
        QFETCH(Qt::LayoutDirection, direction);
        QCOMPARE(RunText::directionOf(text, layout), direction);
    }
};

QTEST_MAIN(TestRtlLayout)
#include "tst_rtllayout.moc"
