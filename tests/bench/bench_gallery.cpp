// Benchmark 4: the real MainWindow on a 100,000-record profile, offscreen.
//
//   bench_gallery fill PROFILE RECORDS   signs in against a private dev server (the token stays
//                                        in the profile) and writes RECORDS history records for
//                                        that account, the newest completed ones with a file
//   bench_gallery run PROFILE cold|warm  main() entry to the first painted gallery page (cold:
//                                        the thumbnail cache is emptied first), to the first
//                                        page's thumbnails, then a scripted scroll through the
//                                        whole grid, page by page, and a refresh of every row
//                                        it loaded; peak RSS
//   bench_gallery run PROFILE jump       the warm start, then jumps to random rows of the whole
//                                        history (as dragging the handle or Go to date does),
//                                        each until painted; peak RSS after them
//
// The run is offline (the server is a closed port): start-up and scrolling read only the local
// database, and a sync's timing would only add noise. Prints one JSON object.
#include "appservices.h"
#include "benchcommon.h"
#include "common/uiresources.h"
#include "gallery/gallerygrid.h"
#include "gallery/gallerypage.h"
#include "gallery/thumbnailpixmaps.h"
#include "history/historystore.h"
#include "mainwindow.h"
#include "media/imagelimits.h"
#include "models/gallerymodel.h"
#include "profile.h"
#include "session/session.h"
#include "support/devserverprocess.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <functional>
#include <random>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kBaseMs = 1'770'000'000'000;
constexpr int kWithFiles = 120;
// The run's server: a closed port, so the app is offline. Tokens are stored per server origin,
// so fill files the signed-in token under this origin too.
const QString kOfflineServer =
    u"http://127.0.0.1:9"_s; // the newest completed records have an image on disk

GeneratedImage makeRecord(int n)
{
    static const QStringList nouns{u"castle"_s, u"forest"_s, u"harbour"_s, u"lighthouse"_s,
                                   u"garden"_s, u"robot"_s,  u"teapot"_s,  u"dragon"_s};
    GeneratedImage g;
    g.id = u"%1"_s.arg(n, 24, 16, QChar(u'0'));
    g.prompt = u"A %1 at dusk, picture %2"_s.arg(nouns.at(n % nouns.size())).arg(n);
    g.type = n % 4 == 0 ? ImageType::ImageToImage : ImageType::TextToImage;
    g.typeRaw = g.type == ImageType::ImageToImage ? u"IMAGETOIAMGE"_s : u"TEXTTOIAMGE"_s;
    g.status = n % 10 == 3 ? ImageStatus::Failed : ImageStatus::Completed;
    if (g.status == ImageStatus::Failed)
        g.error = u"The model refused this prompt."_s;
    g.createdAt = QDateTime::fromMSecsSinceEpoch(kBaseMs + qint64(n) * 60'000, Qt::UTC);
    if (g.status == ImageStatus::Completed) {
        g.imageUrl = u"/uploads/image-%1.png"_s.arg(n);
        g.completedAt = g.createdAt.addSecs(20);
    }
    return g;
}

// CPU time the calling (GUI) thread has used, in ms: a step's own work, without the time
// other processes on a shared machine took the core away.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Runs the event loop until `done` or `timeoutMs`; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// The token file maps server origins to tokens: give the offline origin the same token.
bool rekeyToken(const QString &profile)
{
    QFile tokenFile(Profile(profile).tokenFallbackPath());
    if (!tokenFile.open(QIODevice::ReadOnly))
        return false;
    QJsonObject tokens = QJsonDocument::fromJson(tokenFile.readAll()).object();
    tokenFile.close();
    if (tokens.isEmpty())
        return false;
    tokens.insert(kOfflineServer, tokens.begin().value());
    if (!tokenFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return tokenFile.write(QJsonDocument(tokens).toJson(QJsonDocument::Compact)) > 0;
}

int fill(const QString &profile, int records)
{
    qputenv("NANOBANANA_NO_KEYCHAIN", "1");
    DevServerProcess server;
    if (!server.start())
        return Bench::fail(u"the dev server did not start: "_s + server.errorString());
    QDir(profile).removeRecursively();
    AppServices::Options options;
    options.profilePath = profile;
    options.server = server.origin();
    options.fileOnlyTokens = true;
    AppServices services(options);
    if (const auto opened = services.open(); !opened)
        return Bench::fail(opened.error().userMessage);
    QSignalSpy signedIn(&services.session(), &Session::signedIn);
    services.session().verifyCode(u"+15550001111"_s, u"123456"_s);
    if (!signedIn.wait(15000))
        return Bench::fail(u"could not sign in"_s);
    const QString account = services.accountId();

    QElapsedTimer clock;
    clock.start();
    constexpr int kChunk = 5000;
    for (int first = 1; first <= records; first += kChunk) {
        QList<GeneratedImage> page;
        for (int n = first; n < first + kChunk && n <= records; ++n)
            page << makeRecord(n);
        if (const auto stored = services.history().upsertServerRecords(account, page, kBaseMs);
            !stored)
            return Bench::fail(stored.error().userMessage);
    }
    const qint64 storeMs = clock.elapsed();

    const QString images = QDir(profile).filePath(u"bench-images"_s);
    QDir().mkpath(images);
    int withFiles = 0;
    for (int n = records; n > 0 && withFiles < kWithFiles; --n) {
        const GeneratedImage g = makeRecord(n);
        if (g.status != ImageStatus::Completed)
            continue;
        QImage image(768, 768, QImage::Format_RGB32);
        QPainter painter(&image);
        QLinearGradient gradient(0, 0, 768, 768);
        gradient.setColorAt(0, QColor::fromHsv((n * 37) % 360, 160, 230));
        gradient.setColorAt(1, QColor::fromHsv((n * 37 + 120) % 360, 200, 120));
        painter.fillRect(image.rect(), gradient);
        painter.end();
        const QString path = images + u"/%1.jpg"_s.arg(n);
        if (!image.save(path, "JPEG", 85))
            return Bench::fail(u"could not write "_s + path);
        if (const auto set = services.history().setLocalFile(account, g.id, path,
                                                             QFileInfo(path).size(), 768, 768);
            !set)
            return Bench::fail(set.error().userMessage);
        ++withFiles;
    }
    QJsonObject out{
        {u"records"_s, records}, {u"with_files"_s, withFiles}, {u"store_ms"_s, double(storeMs)}};
    Bench::printJson(out);
    return 0;
}

// Times the first paint of the grid viewport that shows rows.
class FirstPaint final : public QObject
{
public:
    FirstPaint(GalleryGrid *grid, const QElapsedTimer &clock)
        : QObject(grid)
        , m_grid(grid)
        , m_clock(clock)
    {
        grid->viewport()->installEventFilter(this);
    }
    qint64 ms() const { return m_ms; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_ms >= 0 || event->type() != QEvent::Paint || !m_grid->model()
            || m_grid->model()->rowCount() == 0)
            return false;
        // Paint now, inside the repaint manager's context, so the figure includes the paint.
        watched->event(event);
        m_ms = m_clock.elapsed();
        return true;
    }

private:
    GalleryGrid *m_grid;
    const QElapsedTimer &m_clock;
    qint64 m_ms = -1;
};

// True when every visible row that has a local file shows its thumbnail.
bool visibleThumbnailsReady(GalleryGrid *grid, int *wanted)
{
    auto *model = grid->galleryModel();
    const QList<int> rows = grid->visibleRows();
    int missing = 0;
    *wanted = 0;
    for (int row : rows) {
        const HistoryRecord *record = model->recordAt(row);
        if (!record
            || model->data(model->index(row), GalleryModel::LocalFileRole).toString().isEmpty())
            continue;
        ++*wanted;
        if (!grid->pixmaps().find(record->rowId) && !grid->pixmaps().isFailed(record->rowId))
            ++missing;
    }
    return !rows.isEmpty() && missing == 0;
}

int run(int argc, char *argv[], const QElapsedTimer &clock)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString profile = args.value(2);
    const bool cold = args.value(3) == u"cold"_s;
    const bool jump = args.value(3) == u"jump"_s;
    // The scroll reads the same rows either way: once is enough. A jump run starts fresh, so
    // no earlier scroll has loaded the rows it jumps to.
    const bool scroll = args.value(3) == u"warm"_s;
    qputenv("NANOBANANA_NO_KEYCHAIN", "1");
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    initUiResources();
    configureImageLimits();
    if (cold)
        QDir(Profile(profile).thumbnailsDir()).removeRecursively();

    AppServices::Options options;
    options.profilePath = profile;
    options.server = QUrl(kOfflineServer);
    options.fileOnlyTokens = true;
    options.deferIntegrityCheck = true; // as ui/main.cpp opens the profile
    options.desktop = true;
    AppServices services(options);
    if (const auto opened = services.open(); !opened)
        return Bench::fail(opened.error().userMessage);
    MainWindow window(services);
    window.resize(1280, 820);
    auto *grid = window.gallery()->grid();
    // BENCH_GALLERY_PAGED=1: the model pages rows in from the top as before span mode, for the
    // figures before and after. The account's query runs once the session is restored, below.
    if (qEnvironmentVariableIntValue("BENCH_GALLERY_PAGED") == 1) {
        GalleryModel *paged = window.gallery()->model();
        paged->setSpansHistory(false);
        if (!paged->query().accountId.isEmpty())
            paged->setQuery(paged->query());
    }
    auto *paint = new FirstPaint(grid, clock);
    window.show();
    services.session().restore();
    if (!waitFor([&] { return paint->ms() >= 0; }, 30000))
        return Bench::fail(u"the gallery never painted a row (account %1, page %2, rows %3)"_s
                               .arg(services.accountId())
                               .arg(int(window.currentPage()))
                               .arg(grid->model() ? grid->model()->rowCount() : -1));
    const qint64 firstPaintMs = paint->ms();
    int wanted = 0;
    const bool thumbsReady = waitFor([&] { return visibleThumbnailsReady(grid, &wanted); }, 30000);
    const qint64 thumbsMs = clock.elapsed();
    const qint64 rssAfterStart = Bench::peakRssKib();

    // The scroll: one page per step; a step is what one frame costs the event loop (the
    // scroll, the fetch and layout it triggers, queued events, and a synchronous repaint).
    auto *bar = grid->verticalScrollBar();
    auto *model = grid->galleryModel();
    QList<double> steps;
    QList<double> stepsCpu;
    int stuckSteps = 0;
    int furthest = 0;
    QElapsedTimer step;
    while (scroll && steps.size() < 50000) {
        step.start();
        const double cpuBefore = threadCpuMs();
        const int before = bar->value();
        bar->setValue(before + bar->pageStep());
        QCoreApplication::processEvents();
        // At the bottom, a key or wheel there asks for more rows, as a user's would.
        const bool stuck = bar->value() == before;
        if (stuck && model->canFetchMore({}))
            model->fetchMore({});
        grid->viewport()->repaint();
        steps << double(step.nsecsElapsed()) / 1e6;
        stepsCpu << threadCpuMs() - cpuBefore;
        furthest = qMax(furthest, bar->value());
        stuckSteps = stuck ? stuckSteps + 1 : 0;
        if (stuckSteps >= 3 && !model->canFetchMore({}))
            break;
    }
    // Jumps: a random row of the whole history made visible and painted. A model that pages
    // from the top has to load every row above it first.
    QList<double> jumps;
    std::mt19937 random(20261203);
    while (jump && jumps.size() < 100) {
        const auto target = int(random() % quint32(qMax<qint64>(1, model->matchCount())));
        step.start();
        while (target >= model->rowCount() && model->canFetchMore({}))
            model->fetchMore({});
        grid->scrollTo(model->index(qMin(target, model->rowCount() - 1)),
                       QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        grid->viewport()->repaint();
        jumps << double(step.nsecsElapsed()) / 1e6;
        if (!grid->visibleRows().contains(target))
            return Bench::fail(u"row %1 is not on screen after the jump"_s.arg(target));
    }
    const int rangeAtEnd = bar->maximum();
    const int columns = grid->columnCount();
    // A refresh with every row loaded (a sync page or a favourite does one): what it blocks
    // at once, the longest event-loop pass until it is done, and how long that takes.
    double refreshMs = -1;
    double refreshPassMaxMs = 0;
    double refreshTotalMs = -1;
    if (scroll) {
        QElapsedTimer whole;
        whole.start();
        model->refresh();
        refreshMs = double(whole.nsecsElapsed()) / 1e6;
        while (model->isRefreshing() && whole.elapsed() < 30000) {
            QElapsedTimer pass;
            pass.start();
            QCoreApplication::processEvents();
            refreshPassMaxMs = qMax(refreshPassMaxMs, double(pass.nsecsElapsed()) / 1e6);
        }
        refreshTotalMs = model->isRefreshing() ? -1 : double(whole.nsecsElapsed()) / 1e6;
    }
    if (qEnvironmentVariableIsSet("BENCH_GALLERY_SETTLE"))
        waitFor([] { return false; }, 3000);
    int over16 = 0;
    int over16Cpu = 0;
    double total = 0, worst = 0, worstCpu = 0;
    for (double s : stepsCpu) {
        worstCpu = qMax(worstCpu, s);
        over16Cpu += s > 16.0 ? 1 : 0;
    }
    for (double s : steps) {
        total += s;
        worst = qMax(worst, s);
        over16 += s > 16.0 ? 1 : 0;
    }
    // The thumbnails on disk so far, per thumbnail: what each record will cost once all have one.
    qint64 thumbnailBytes = 0;
    int thumbnailFiles = 0;
    for (QDirIterator it(Profile(profile).thumbnailsDir(), QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();) {
        it.next();
        thumbnailBytes += it.fileInfo().size();
        ++thumbnailFiles;
    }
    QJsonObject out{
        {u"mode"_s, args.value(3)},
        {u"model"_s, model->spansHistory() ? u"span"_s : u"paged"_s},
        {u"jumps"_s, int(jumps.size())},
        {u"jump_ms_p50"_s, Bench::percentile(jumps, 50)},
        {u"jump_ms_p95"_s, Bench::percentile(jumps, 95)},
        {u"jump_ms_max"_s, jumps.isEmpty() ? 0 : *std::max_element(jumps.cbegin(), jumps.cend())},
        {u"thumbnail_files"_s, thumbnailFiles},
        {u"thumbnail_kib_per_file"_s,
         thumbnailFiles ? double(thumbnailBytes) / 1024 / thumbnailFiles : -1.0},
        {u"rows_loaded"_s, model->rowCount()},
        {u"match_count"_s, double(model->matchCount())},
        {u"first_paint_ms"_s, double(firstPaintMs)},
        {u"first_page_thumbnails_ms"_s, thumbsReady ? double(thumbsMs) : -1.0},
        {u"first_page_thumbnails"_s, wanted},
        {u"scroll_steps"_s, int(steps.size())},
        {u"page_step_px"_s, bar->pageStep()},
        {u"scroll_range_px"_s, rangeAtEnd},
        {u"scroll_range_settled_px"_s, bar->maximum()},
        {u"last_visible_row"_s, grid->visibleRows().isEmpty() ? -1 : grid->visibleRows().last()},
        {u"columns"_s, columns},
        // How many cells the scroll actually passed: the laid-out range is what it can reach.
        {u"rows_scrolled"_s, qMin(model->rowCount(), (furthest + grid->viewport()->height())
                                                         / grid->cellSize().height() * columns)},
        {u"scroll_total_s"_s, total / 1000},
        {u"scroll_ms_per_page_mean"_s, steps.isEmpty() ? 0 : total / double(steps.size())},
        {u"scroll_ms_per_page_p50"_s, Bench::percentile(steps, 50)},
        {u"scroll_ms_per_page_p95"_s, Bench::percentile(steps, 95)},
        {u"scroll_ms_per_page_p99"_s, Bench::percentile(steps, 99)},
        {u"scroll_ms_max"_s, worst},
        {u"frames_over_16ms"_s, over16},
        // The same steps in the GUI thread's CPU time: what our code cost, whatever else ran.
        {u"scroll_cpu_ms_p95"_s, Bench::percentile(stepsCpu, 95)},
        {u"scroll_cpu_ms_max"_s, worstCpu},
        {u"frames_over_16ms_cpu"_s, over16Cpu},
        {u"refresh_all_loaded_ms"_s, refreshMs},
        {u"refresh_pass_max_ms"_s, refreshPassMaxMs},
        {u"refresh_total_ms"_s, refreshTotalMs},
        {u"rss_after_start_mib"_s, double(rssAfterStart) / 1024},
        {u"peak_rss_mib"_s, double(Bench::peakRssKib()) / 1024},
    };
    Bench::printJson(out);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (mode == u"fill"_s && argc == 4) {
        QCoreApplication app(argc, argv);
        const QString profile = QString::fromLocal8Bit(argv[2]);
        const int code = fill(profile, QString::fromLocal8Bit(argv[3]).toInt());
        if (code == 0 && !rekeyToken(profile))
            return Bench::fail(u"could not re-key the profile's token"_s);
        return code;
    }
    if (mode == u"run"_s && argc == 4)
        return run(argc, argv, clock);
    return Bench::fail(u"usage: bench_gallery fill PROFILE RECORDS | run PROFILE cold|warm|jump"_s,
                       2);
}
