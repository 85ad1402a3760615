// ThumbnailCache::renderThumbnail: the decode path, kept apart from the cache's bookkeeping.
#include "media/imagelimits.h"
#include "media/thumbnailcache.h"

#include <QImageReader>

namespace {

// Fits `size` inside edge×edge keeping its aspect; never enlarges.
QSize fitInside(QSize size, int edge)
{
    if (size.width() <= edge && size.height() <= edge)
        return size;
    QSize fitted = size.scaled(edge, edge, Qt::KeepAspectRatio);
    return fitted.expandedTo(QSize(1, 1));
}

// libjpeg can decode at 1/2, 1/4 or 1/8 scale, skipping most of the IDCT work; it rounds
// the output up (jdiv_round_up). Picks the smallest such size that still covers `target`,
// so the one smooth scale after it only ever shrinks.
QSize libjpegScaledSize(QSize full, QSize target)
{
    for (const int denom : {8, 4, 2}) {
        const QSize scaled((full.width() + denom - 1) / denom, (full.height() + denom - 1) / denom);
        if (scaled.width() >= target.width() && scaled.height() >= target.height())
            return scaled;
    }
    return full;
}

} // namespace

QImage ThumbnailCache::renderThumbnail(const QString &path, int edge, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QImage();
    };
    if (edge <= 0)
        return fail(tr("The thumbnail size must be positive."));

    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (!full.isValid()) {
        return fail(tr("%1 is not a readable image (%2).").arg(path, reader.errorString()));
    }
    if (!ImageLimits::acceptsSize(full)) {
        return fail(tr("%1 is %2×%3 pixels, over the size limit.")
                        .arg(path)
                        .arg(full.width())
                        .arg(full.height()));
    }

    const QSize target = fitInside(full, edge);
    if (target != full && reader.format() == "jpeg")
        reader.setScaledSize(libjpegScaledSize(full, target));

    QImage image = reader.read();
    if (image.isNull())
        return fail(tr("%1 could not be decoded (%2).").arg(path, reader.errorString()));

    // Recomputed after decoding: an EXIF rotation may have swapped the sides.
    return thumbnailOf(std::move(image), edge);
}

QImage ThumbnailCache::thumbnailOf(QImage image, int edge)
{
    const QSize finalSize = fitInside(image.size(), edge);
    if (image.size() != finalSize) {
        // Smooth scaling cost grows with the source; a nearest-neighbour pass down to twice
        // the target first keeps most of the quality for a fraction of the time.
        if (image.width() >= 4 * finalSize.width() && image.height() >= 4 * finalSize.height())
            image = image.scaled(finalSize * 2, Qt::IgnoreAspectRatio, Qt::FastTransformation);
        image = image.scaled(finalSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    const QImage::Format paintFormat =
        image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32;
    if (image.format() != paintFormat)
        image.convertTo(paintFormat);
    return image;
}
