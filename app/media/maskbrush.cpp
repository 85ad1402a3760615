#include "media/maskbrush.h"

#include <QColor>

#include <algorithm>
#include <cmath>
#include <vector>

QRect MaskBrush::dab(QImage &mask, QPointF centre, const Tip &tip, qreal pressure)
{
    const qreal radius = qMax<qreal>(0.5, tip.radius * std::clamp<qreal>(pressure, 0.1, 1.0));
    const QRect box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
                          .toAlignedRect()
                          .intersected(mask.rect());
    if (box.isEmpty())
        return {};
    const qreal core = radius * (1.0 - std::clamp<qreal>(tip.softness, 0.0, 1.0));
    const qreal fade = qMax<qreal>(1e-6, radius - core);
    const qreal r2 = radius * radius;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        uchar *line = mask.scanLine(y);
        const qreal dy = y + 0.5 - centre.y();
        for (int x = box.left(); x <= box.right(); ++x) {
            const qreal dx = x + 0.5 - centre.x();
            const qreal d2 = dx * dx + dy * dy;
            if (d2 >= r2)
                continue;
            int value = 255;
            const qreal d = std::sqrt(d2);
            if (d > core) {
                const qreal t = 1.0 - (d - core) / fade; // 1 at the core, 0 at the rim
                value = int(std::lround(t * t * (3 - 2 * t) * 255));
            }
            // Within a stroke coverage takes the strongest dab, so overlapping dabs never
            // build up a darker seam.
            if (tip.erase)
                line[x] = uchar(qMin(int(line[x]), 255 - value));
            else
                line[x] = uchar(qMax(int(line[x]), value));
        }
    }
    return box;
}

QRect MaskBrush::segment(QImage &mask, QPointF from, QPointF to, const Tip &tip, qreal pressure,
                         qreal &carry)
{
    const qreal spacing = qMax<qreal>(1.0, tip.radius * std::clamp<qreal>(pressure, 0.1, 1.0) / 4);
    QRect changed;
    if (carry < 0) {
        changed = dab(mask, from, tip, pressure);
        carry = 0;
    }
    const QPointF step = to - from;
    const qreal length = std::hypot(step.x(), step.y());
    qreal at = spacing - carry;
    while (at <= length) {
        changed |= dab(mask, from + step * (at / length), tip, pressure);
        at += spacing;
    }
    carry = length - (at - spacing);
    return changed;
}

void MaskBrush::colourOverlay(QImage &overlay, const QImage &mask, QRect rect, QColor colour)
{
    rect = rect.intersected(mask.rect()).intersected(overlay.rect());
    const int alphaMax = colour.alpha();
    // 256 premultiplied colours, one per coverage value.
    QRgb table[256];
    for (int v = 0; v < 256; ++v) {
        const int a = (v * alphaMax + 127) / 255;
        table[v] = qRgba((colour.red() * a + 127) / 255, (colour.green() * a + 127) / 255,
                         (colour.blue() * a + 127) / 255, a);
    }
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        const uchar *from = mask.constScanLine(y);
        auto *to = reinterpret_cast<QRgb *>(overlay.scanLine(y));
        for (int x = rect.left(); x <= rect.right(); ++x)
            to[x] = table[from[x]];
    }
}

namespace {

// van Herk / Gil-Werman: the maximum (minimum) over a window of 2r+1 values in three
// comparisons per value whatever r is, so growing a 4096 px mask stays interactive.
void filterLine(const uchar *in, qsizetype inStride, uchar *out, qsizetype outStride, int n, int r,
                bool grow, std::vector<uchar> &padded, std::vector<uchar> &prefix,
                std::vector<uchar> &suffix)
{
    const int k = 2 * r + 1;
    const int m = n + 2 * r;
    const uchar identity = grow ? 0 : 255;
    const auto pick = [grow](uchar a, uchar b) { return grow ? std::max(a, b) : std::min(a, b); };
    padded.assign(size_t(m), identity);
    for (int i = 0; i < n; ++i)
        padded[size_t(i) + size_t(r)] = in[i * inStride];
    prefix.resize(size_t(m));
    suffix.resize(size_t(m));
    for (int i = 0; i < m; ++i)
        prefix[size_t(i)] =
            i % k == 0 ? padded[size_t(i)] : pick(prefix[size_t(i - 1)], padded[size_t(i)]);
    for (int i = m - 1; i >= 0; --i)
        suffix[size_t(i)] = (i % k == k - 1 || i == m - 1)
                                ? padded[size_t(i)]
                                : pick(suffix[size_t(i) + 1], padded[size_t(i)]);
    for (int i = 0; i < n; ++i)
        out[i * outStride] = pick(suffix[size_t(i)], prefix[size_t(i) + 2 * size_t(r)]);
}

} // namespace

QImage MaskBrush::grown(const QImage &mask, int radius)
{
    if (radius == 0 || mask.isNull())
        return mask;
    const bool grow = radius > 0;
    const int r = std::abs(radius);
    const QImage source = mask.convertToFormat(QImage::Format_Grayscale8);
    const int w = source.width();
    const int h = source.height();
    std::vector<uchar> padded, prefix, suffix;
    QImage across(source.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
        filterLine(source.constScanLine(y), 1, across.scanLine(y), 1, w, r, grow, padded, prefix,
                   suffix);
    QImage result(source.size(), QImage::Format_Grayscale8);
    const qsizetype inStride = across.bytesPerLine();
    const qsizetype outStride = result.bytesPerLine();
    for (int x = 0; x < w; ++x)
        filterLine(across.constBits() + x, inStride, result.bits() + x, outStride, h, r, grow,
                   padded, prefix, suffix);
    return result;
}
