// Benchmark: one brush stroke segment on a 4096 × 4096 image in the mask editor, as a user's
// pointer makes them: the dabs into the mask, the overlay's colours, and the canvas's
// synchronous repaint of the changed box (offscreen). Target: under 16 ms per segment.
//   bench_mask [SEGMENTS]
#include "benchcommon.h"
#include "jobs/maskedit.h"
#include "mask/maskcanvas.h"
#include "mask/maskeditor.h"
#include "mask/masklayer.h"
#include "media/imagestore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QImage photo()
{
    QImage image(4096, 4096, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, 4096, 4096);
    g.setColorAt(0, QColor(40, 90, 160));
    g.setColorAt(1, QColor(230, 170, 90));
    p.fillRect(image.rect(), g);
    return image;
}

// Per-segment milliseconds of a wavy stroke across the image.
QList<double> stroke(MaskEditor &editor, qreal radius, int segments)
{
    auto *layer = editor.layer();
    auto *canvas = editor.canvas();
    MaskBrush::Tip tip;
    tip.radius = radius;
    tip.softness = 0.4;
    QList<double> ms;
    QPointF at(200, 2048);
    layer->beginStroke(at, tip);
    QElapsedTimer timer;
    for (int i = 0; i < segments; ++i) {
        // Each event a little over the dab spacing apart, so every segment lays a dab (the
        // worst case: a slower hand makes segments that lay none).
        const qreal step = radius / 4 + 1;
        // Back and forth across the image (a triangle wave), never a jump.
        const qreal along = std::fmod(i * step, 7400.0);
        at = QPointF(200 + (along < 3700 ? along : 7400 - along), 2048 + 900 * std::sin(i / 40.0));
        timer.start();
        layer->strokeTo(at);
        canvas->repaint(canvas->lastRepaint());
        ms << timer.nsecsElapsed() / 1e6;
    }
    layer->endStroke();
    return ms;
}

// "Keep the rest exact" when a brush edit's result arrives (MaskEdit::finishResult, which
// MaskEditFinisher runs on a worker thread: decode the original, the result and the mask,
// combine, encode and store), for a square result of `edge`.
double combineMs(int edge)
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(u"images/aa"_s));
    const QImage picture = photo().scaled(edge, edge);
    const QString original = dir.filePath(u"original.png"_s);
    const QString result = dir.filePath(u"images/aa/aaresult.png"_s);
    const QString mask = dir.filePath(u"mask.png"_s);
    picture.save(original);
    picture.mirrored(true, false).save(result);
    QImage marks(edge, edge, QImage::Format_Grayscale8);
    marks.fill(0);
    QPainter(&marks).fillRect(QRect(edge / 4, edge / 4, edge / 2, edge / 2), Qt::white);
    marks.save(mask);
    Job job;
    job.request.kind = JobKind::Edit;
    job.request.referencePaths = {original};
    job.request.maskPath = mask;
    StoredImage stored;
    stored.path = result;
    QElapsedTimer timer;
    timer.start();
    MaskEdit::finishResult(job, stored);
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int segments = app.arguments().value(1, u"300"_s).toInt();
    MaskEditor editor(photo(), {});
    editor.resize(1280, 860);
    editor.show();
    QCoreApplication::processEvents();

    QJsonObject out{{u"image"_s, u"4096x4096"_s}, {u"segments"_s, segments}};
    for (const auto &[name, radius, zoomIn] :
         {std::tuple{u"fit_r60"_s, 60.0, false}, std::tuple{u"fit_r250"_s, 250.0, false},
          std::tuple{u"zoom100_r60"_s, 60.0, true}}) {
        editor.canvas()->fit();
        if (zoomIn)
            while (editor.canvas()->zoom() < 1.0)
                editor.canvas()->zoomIn();
        QCoreApplication::processEvents();
        const auto ms = stroke(editor, radius, segments);
        out.insert(name + u"_p50_ms"_s, Bench::percentile(ms, 50));
        out.insert(name + u"_p95_ms"_s, Bench::percentile(ms, 95));
        out.insert(name + u"_max_ms"_s, Bench::percentile(ms, 100));
        editor.layer()->clear();
    }
    out.insert(u"combine_1k_ms"_s, combineMs(1024));
    out.insert(u"combine_2k_ms"_s, combineMs(2048));
    out.insert(u"combine_4k_ms"_s, combineMs(4096));
    out.insert(u"peak_rss_kib"_s, double(Bench::peakRssKib()));
    Bench::printJson(out);
    return 0;
}
