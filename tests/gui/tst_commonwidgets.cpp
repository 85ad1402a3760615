#include "common/banner.h"
#include "common/busyindicator.h"
#include "common/datetext.h"
#include "common/elidedlabel.h"
#include "common/flowlayout.h"
#include "gallery/imageviewer.h"
#include "screenshot.h"
#include "studiofixture.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

class TestCommonWidgets final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bannerShowsKindTextAndAction();
    void bannerCloseHidesAndSignals();
    void imageDescriptionKeepsThePromptAsWritten();
    void imageDragsOutWhenWholeAndPansWhenZoomed();
    void busyIndicatorRunsOnlyWhileBusy();
    void elidedLabelElidesAndExplains();
    void flowLayoutWrapsWhenNarrow();
    void datesAreShortAndLocal_data();
    void datesAreShortAndLocal();
    void screenshots();
};

void TestCommonWidgets::bannerShowsKindTextAndAction()
{
    Banner banner;
    QVERIFY(banner.isHidden());
    QSignalSpy action(&banner, &Banner::actionTriggered);
    banner.showMessage(Banner::Kind::Warning, u"Offline: jobs wait until you reconnect."_s,
                       u"Retry now"_s);
    QVERIFY(!banner.isHidden());
    QCOMPARE(banner.kind(), Banner::Kind::Warning);
    QCOMPARE(banner.text(), u"Offline: jobs wait until you reconnect."_s);
    auto *button = banner.findChild<QPushButton *>();
    QVERIFY(button);
    QVERIFY(!button->isHidden());
    QCOMPARE(button->text(), u"Retry now"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(action.count(), 1);

    banner.showMessage(Banner::Kind::Info, u"Saved."_s);
    QVERIFY(button->isHidden());
    QCOMPARE(banner.kind(), Banner::Kind::Info);
}

void TestCommonWidgets::bannerCloseHidesAndSignals()
{
    Banner banner;
    QSignalSpy dismissed(&banner, &Banner::dismissed);
    banner.showMessage(Banner::Kind::Error, u"The server could not be reached."_s);
    auto *close = banner.findChild<QToolButton *>();
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(banner.isHidden());
    QCOMPARE(dismissed.count(), 1);
    banner.dismiss(); // already hidden: no second signal
    QCOMPARE(dismissed.count(), 1);
}

// A prompt is the user's text: a "%2" in it is not a place for the image's width.
void TestCommonWidgets::imageDescriptionKeepsThePromptAsWritten()
{
    QTemporaryDir dir;
    const QString image = makeTestImage(dir.path(), u"a.png"_s, {64, 32}, Qt::red);
    ImageViewer viewer;
    viewer.resize(200, 200);
    viewer.setSubject(u"50%2 off, %1 sale"_s);
    QSignalSpy loaded(&viewer, &ImageViewer::imageLoaded);
    viewer.showFile(image);
    QVERIFY(loaded.wait(5000));
    const QString description = viewer.accessibleDescription();
    QVERIFY2(description.startsWith(u"50%2 off, %1 sale, 64 × 32 pixels"_s),
             qPrintable(description));
}

// The whole picture in view: a drag takes it out of the app. Zoomed in: a drag pans.
void TestCommonWidgets::imageDragsOutWhenWholeAndPansWhenZoomed()
{
    QTemporaryDir dir;
    const QString image = makeTestImage(dir.path(), u"a.png"_s, {400, 300}, Qt::blue);
    ImageViewer viewer;
    viewer.resize(200, 200);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy loaded(&viewer, &ImageViewer::imageLoaded);
    viewer.showFile(image);
    QVERIFY(loaded.wait(5000));
    QSignalSpy out(&viewer, &ImageViewer::dragOutRequested);
    QTest::mousePress(&viewer, Qt::LeftButton, {}, QPoint(100, 100));
    QTest::mouseMove(&viewer, QPoint(140, 100));
    QTest::mouseRelease(&viewer, Qt::LeftButton, {}, QPoint(140, 100));
    QCOMPARE(out.size(), 1);
    QVERIFY(viewer.isFit());

    viewer.zoomIn();
    viewer.zoomIn();
    QTest::mousePress(&viewer, Qt::LeftButton, {}, QPoint(100, 100));
    QTest::mouseMove(&viewer, QPoint(140, 100));
    QTest::mouseRelease(&viewer, Qt::LeftButton, {}, QPoint(140, 100));
    QCOMPARE(out.size(), 1); // panned, not dragged out
}

void TestCommonWidgets::busyIndicatorRunsOnlyWhileBusy()
{
    BusyIndicator busy;
    QVERIFY(!busy.isRunning());
    QVERIFY(busy.isHidden());
    busy.start();
    QVERIFY(busy.isRunning());
    QVERIFY(!busy.isHidden());
    busy.stop();
    QVERIFY(!busy.isRunning());
    QVERIFY(busy.isHidden());
}

void TestCommonWidgets::elidedLabelElidesAndExplains()
{
    const QString text = u"a very long prompt about a red fox standing in the snow at dawn"_s;
    ElidedLabel label(text);
    label.resize(label.sizeHint());
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QVERIFY(!label.isElided());
    QVERIFY(label.toolTip().isEmpty());
    label.resize(80, label.sizeHint().height());
    QVERIFY(label.isElided());
    QCOMPARE(label.toolTip(), text);
    QCOMPARE(label.text(), text);
}

void TestCommonWidgets::flowLayoutWrapsWhenNarrow()
{
    QWidget host;
    auto *flow = new FlowLayout(&host, 6);
    for (int i = 0; i < 6; ++i) {
        auto *button = new QPushButton(u"Chip %1"_s.arg(i), &host);
        button->setFixedSize(80, 30);
        flow->addWidget(button);
    }
    QCOMPARE(flow->heightForWidth(6 * 86), 30);
    QCOMPARE(flow->heightForWidth(3 * 86), 2 * 30 + 6);
    QCOMPARE(flow->heightForWidth(90), 6 * 30 + 5 * 6);
}

void TestCommonWidgets::datesAreShortAndLocal_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QString>("day");
    QTest::addColumn<QString>("dayAndTime");
    const QLocale gb(QLocale::English, QLocale::UnitedKingdom);
    QTest::newRow("morning") << gb << QDateTime(QDate(2026, 11, 22), QTime(10, 35, 12))
                             << u"22 Nov 2026"_s << u"22 Nov 2026, 10:35"_s;
    QTest::newRow("single digit day, evening") << gb << QDateTime(QDate(2027, 3, 5), QTime(21, 7))
                                               << u"5 Mar 2027"_s << u"5 Mar 2027, 21:07"_s;
    QTest::newRow("C locale: no seconds")
        << QLocale::c() << QDateTime(QDate(2026, 2, 2), QTime(7, 40, 20)) << u"2 Feb 2026"_s
        << u"2 Feb 2026, 07:40"_s;
    QTest::newRow("invalid") << gb << QDateTime() << QString() << u"—"_s;
}

void TestCommonWidgets::datesAreShortAndLocal()
{
    QFETCH(QLocale, locale);
    QFETCH(QDateTime, when);
    QFETCH(QString, day);
    QFETCH(QString, dayAndTime);
    const QLocale before;
    QLocale::setDefault(locale);
    const QString gotDay = DateText::day(when);
    const QString gotDayAndTime = DateText::dayAndTime(when);
    // The same instant given in UTC reads the same once made local.
    const QString fromUtc = DateText::dayAndTime(when.toUTC());
    QLocale::setDefault(before);
    QCOMPARE(gotDay, day);
    QCOMPARE(gotDayAndTime, dayAndTime);
    QCOMPARE(fromUtc, dayAndTime);
}

void TestCommonWidgets::screenshots()
{
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    auto *info = new Banner(&page);
    info->showMessage(Banner::Kind::Info, u"Your history is synced: 1,204 images."_s);
    auto *warning = new Banner(&page);
    warning->showMessage(Banner::Kind::Warning,
                         u"You are offline. New jobs are kept and sent when you reconnect."_s,
                         u"Retry now"_s);
    auto *error = new Banner(&page);
    error->showMessage(Banner::Kind::Error,
                       u"The server refused the image: it is larger than 10 MiB. Choose a smaller "
                       u"file or let the app downscale it."_s);
    auto *row = new QHBoxLayout;
    auto *busy = new BusyIndicator(&page);
    busy->start();
    row->addWidget(busy);
    row->addWidget(new ElidedLabel(u"Generating “a lighthouse on a cliff in a storm, oil painting, "
                                   u"dramatic light, 4K”"_s,
                                   &page),
                   1);
    layout->addWidget(info);
    layout->addWidget(warning);
    layout->addWidget(error);
    layout->addLayout(row);
    page.resize(520, page.sizeHint().height());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString path = saveScreenshot(&page, u"banners"_s);
    QVERIFY2(!path.isEmpty(), "the screenshot could not be written");
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestCommonWidgets)
#include "tst_commonwidgets.moc"
