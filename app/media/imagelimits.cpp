#include "media/imagelimits.h"

#include <QImageReader>

namespace ImageLimits {

bool acceptsSize(QSize size)
{
    if (size.width() <= 0 || size.height() <= 0)
        return false;
    if (size.width() > maxEdge || size.height() > maxEdge)
        return false;
    return qint64(size.width()) * size.height() <= maxPixels;
}

} // namespace ImageLimits

void configureImageLimits()
{
    QImageReader::setAllocationLimit(ImageLimits::allocationLimitMb);
}
