#include "media/maskimage.h"

namespace {

constexpr QRgb kHighlight = qRgb(255, 32, 32);
constexpr int kTintAlpha = 120; // of 255, over full coverage: the picture stays readable

inline int blend(int under, int over, int alpha)
{
    return (under * (255 - alpha) + over * alpha + 127) / 255;
}

inline QRgb blendRgb(QRgb under, QRgb over, int alpha)
{
    return qRgba(blend(qRed(under), qRed(over), alpha), blend(qGreen(under), qGreen(over), alpha),
                 blend(qBlue(under), qBlue(over), alpha),
                 blend(qAlpha(under), qAlpha(over), alpha));
}

// Coverage at or above half counts as marked for the outline.
inline bool marked(const QImage &cover, int x, int y)
{
    return cover.constScanLine(y)[x] >= 128;
}

} // namespace

QImage MaskImage::coverage(const QImage &mask, QSize size)
{
    if (mask.isNull() || size.isEmpty())
        return {};
    QImage grey = mask.convertToFormat(QImage::Format_Grayscale8);
    if (grey.size() != size)
        grey = grey.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return grey;
}

QImage MaskImage::highlighted(const QImage &original, const QImage &mask)
{
    if (original.isNull())
        return {};
    QImage out = original.convertToFormat(QImage::Format_RGB32);
    const QImage cover = coverage(mask, out.size());
    if (cover.isNull())
        return out;
    const int w = out.width();
    const int h = out.height();
    // The outline is a few pixels wide at any size, so a 4K picture shows it as well as 1K.
    const int edge = qMax(1, qMax(w, h) / 512);
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        const uchar *c = cover.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            if (c[x] == 0)
                continue;
            bool outline = false;
            if (c[x] >= 128) {
                for (int d = 1; d <= edge && !outline; ++d)
                    outline = x < d || y < d || x + d >= w || y + d >= h || !marked(cover, x - d, y)
                              || !marked(cover, x + d, y) || !marked(cover, x, y - d)
                              || !marked(cover, x, y + d);
            }
            line[x] = outline ? kHighlight : blendRgb(line[x], kHighlight, c[x] * kTintAlpha / 255);
        }
    }
    return out;
}

QImage MaskImage::keepUnmasked(const QImage &original, const QImage &result, const QImage &mask)
{
    if (original.isNull() || result.isNull() || mask.isNull())
        return {};
    const QSize size = result.size();
    const bool alpha = original.hasAlphaChannel() || result.hasAlphaChannel();
    const auto format = alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32;
    QImage base = original.convertToFormat(format);
    if (base.size() != size)
        base = base.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage changed = result.convertToFormat(format);
    const QImage cover = coverage(mask, size);
    // Start from the original: black stays as it was, bit for bit.
    QImage out = base;
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        const auto *from = reinterpret_cast<const QRgb *>(changed.constScanLine(y));
        const uchar *c = cover.constScanLine(y);
        for (int x = 0; x < size.width(); ++x) {
            if (c[x] == 255)
                line[x] = from[x];
            else if (c[x] != 0)
                line[x] = blendRgb(line[x], from[x], c[x]);
        }
    }
    return out;
}
