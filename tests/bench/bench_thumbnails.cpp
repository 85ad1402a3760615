// Benchmark 1: the gallery's thumbnail path (ThumbnailCache::renderThumbnail and the cache
// itself) on generated 1024×1024 JPEGs and PNGs. The runner puts vipsthumbnail beside it.
//   bench_thumbnails generate DIR COUNT      deterministic inputs in DIR/jpeg and DIR/png
//   bench_thumbnails render FILES_DIR        renderThumbnail on one thread, no disk cache
//   bench_thumbnails cache FILES_DIR THREADS the ThumbnailCache (decode + disk write)
#include "benchcommon.h"
#include "media/thumbnailcache.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtConcurrent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int kEdge = 256;
constexpr int kSide = 1024;
const auto kStamp = "thumbnail inputs v2"_ba;

// Photographic-like content: a two-colour gradient, soft blobs and per-pixel noise, all from
// the image's index, so every run compresses (and decodes) the same bytes.
QImage makeImage(int index)
{
    quint32 state = 0x9e3779b9u * quint32(index + 1);
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    const auto channel = [&next] { return int(next() % 256); };
    const int r0 = channel(), g0 = channel(), b0 = channel();
    const int r1 = channel(), g1 = channel(), b1 = channel();
    const double angle = double(next() % 628) / 100.0;
    const double dx = std::cos(angle), dy = std::sin(angle);
    struct Blob
    {
        double x, y, radius;
        int r, g, b;
    };
    QList<Blob> blobs;
    for (int i = 0; i < 6; ++i)
        blobs.append({double(next() % kSide), double(next() % kSide), 60.0 + next() % 240,
                      channel(), channel(), channel()});

    // The smooth part is computed at 1/8 scale and enlarged: the same look for 1/64 of the
    // exp() calls, so generating the inputs stays a small part of the run.
    constexpr int kSmall = kSide / 8;
    QImage smooth(kSmall, kSmall, QImage::Format_RGB32);
    for (int y = 0; y < kSmall; ++y) {
        auto *line = reinterpret_cast<QRgb *>(smooth.scanLine(y));
        for (int x = 0; x < kSmall; ++x) {
            const double px = x * 8.0, py = y * 8.0;
            const double t = std::clamp(
                0.5 + ((px - kSide * 0.5) * dx + (py - kSide * 0.5) * dy) / kSide, 0.0, 1.0);
            double r = r0 + (r1 - r0) * t, g = g0 + (g1 - g0) * t, b = b0 + (b1 - b0) * t;
            for (const Blob &blob : std::as_const(blobs)) {
                const double d2 = (px - blob.x) * (px - blob.x) + (py - blob.y) * (py - blob.y);
                const double w = std::exp(-d2 / (2 * blob.radius * blob.radius)) * 0.6;
                r += (blob.r - r) * w;
                g += (blob.g - g) * w;
                b += (blob.b - b) * w;
            }
            line[x] = qRgb(int(r), int(g), int(b));
        }
    }
    QImage image = smooth.scaled(kSide, kSide, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                       .convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < kSide; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < kSide; ++x) {
            const int noise = int(next() % 25) - 12;
            const QRgb c = line[x];
            line[x] =
                qRgb(std::clamp(qRed(c) + noise, 0, 255), std::clamp(qGreen(c) + noise, 0, 255),
                     std::clamp(qBlue(c) + noise, 0, 255));
        }
    }
    return image;
}

QStringList inputFiles(const QString &dir)
{
    QStringList files;
    const QStringList names = QDir(dir).entryList(QDir::Files, QDir::Name);
    for (const QString &name : names)
        files.append(QDir(dir).filePath(name));
    return files;
}

int generate(const QString &dir, int count)
{
    QFile stamp(QDir(dir).filePath(u"stamp"_s));
    const QByteArray expected = kStamp + ' ' + QByteArray::number(count);
    if (stamp.open(QIODevice::ReadOnly) && stamp.readAll() == expected) {
        Bench::printJson({{u"generated"_s, 0}, {u"reused"_s, count}});
        return 0;
    }
    stamp.close();
    if (!QDir(dir).removeRecursively() || !QDir().mkpath(dir + u"/jpeg"_s)
        || !QDir().mkpath(dir + u"/png"_s))
        return Bench::fail(u"cannot create %1"_s.arg(dir));
    QList<int> indexes(count);
    std::iota(indexes.begin(), indexes.end(), 0);
    std::atomic<int> failures{0};
    QElapsedTimer clock;
    clock.start();
    QtConcurrent::blockingMap(indexes, [&dir, &failures](int i) {
        const QImage image = makeImage(i);
        const QString stem = u"/img-%1"_s.arg(i, 4, 10, QChar(u'0'));
        if (!image.save(dir + u"/jpeg"_s + stem + u".jpg"_s, "JPEG", 90)
            // PNG quality 50 is zlib level 4: decoding costs the same, encoding far less.
            || !image.save(dir + u"/png"_s + stem + u".png"_s, "PNG", 50))
            ++failures;
    });
    if (failures > 0)
        return Bench::fail(u"could not write %1 images"_s.arg(failures.load()));
    if (!stamp.open(QIODevice::WriteOnly) || stamp.write(expected) != expected.size())
        return Bench::fail(u"cannot write %1"_s.arg(stamp.fileName()));
    Bench::printJson({{u"generated"_s, count}, {u"seconds"_s, clock.elapsed() / 1000.0}});
    return 0;
}

int render(const QString &dir)
{
    const QStringList files = inputFiles(dir);
    if (files.isEmpty())
        return Bench::fail(u"no input files in %1"_s.arg(dir));
    int failures = 0;
    QElapsedTimer clock;
    clock.start();
    for (const QString &file : files) {
        QString error;
        const QImage thumb = ThumbnailCache::renderThumbnail(file, kEdge, &error);
        if (thumb.isNull() || qMax(thumb.width(), thumb.height()) != kEdge)
            ++failures;
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    Bench::printJson({{u"mode"_s, u"render"_s},
                      {u"threads"_s, 1},
                      {u"images"_s, int(files.size())},
                      {u"failures"_s, failures},
                      {u"seconds"_s, seconds},
                      {u"images_per_s"_s, double(files.size()) / seconds}});
    return failures == 0 ? 0 : 2;
}

int cache(const QString &dir, int threads)
{
    const QStringList files = inputFiles(dir);
    if (files.isEmpty())
        return Bench::fail(u"no input files in %1"_s.arg(dir));
    QTemporaryDir thumbs;
    if (!thumbs.isValid())
        return Bench::fail(u"no temporary folder"_s);
    ThumbnailCache::Options options;
    options.threads = threads;
    options.memoryBytes = 1024ll * 1024 * 1024; // keep every result: no evictions measured
    ThumbnailCache cache(thumbs.path(), options);

    int ready = 0;
    int failures = 0;
    QEventLoop loop;
    const auto landed = [&] {
        if (ready + failures == files.size())
            loop.quit();
    };
    QObject::connect(&cache, &ThumbnailCache::thumbnailReady, &loop, [&] {
        ++ready;
        landed();
    });
    QObject::connect(&cache, &ThumbnailCache::thumbnailFailed, &loop, [&] {
        ++failures;
        landed();
    });
    QElapsedTimer clock;
    clock.start();
    for (const QString &file : files)
        cache.request(QFileInfo(file).fileName(), file, kEdge);
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    Bench::printJson({{u"mode"_s, u"cache"_s},
                      {u"threads"_s, cache.threadCount()},
                      {u"images"_s, int(files.size())},
                      {u"failures"_s, failures},
                      {u"source_decodes"_s, cache.sourceDecodeCount()},
                      {u"seconds"_s, seconds},
                      {u"images_per_s"_s, double(files.size()) / seconds}});
    return failures == 0 ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString command = args.value(0);
    if (command == u"generate" && args.size() == 3)
        return generate(args.at(1), args.at(2).toInt());
    if (command == u"render" && args.size() == 2)
        return render(args.at(1));
    if (command == u"cache" && args.size() == 3)
        return cache(args.at(1), args.at(2).toInt());
    return Bench::fail(u"usage: bench_thumbnails generate DIR COUNT | render DIR | cache DIR "
                       "THREADS (0 = all)"_s);
}
