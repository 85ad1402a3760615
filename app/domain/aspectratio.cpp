#include "domain/aspectratio.h"

#include "domain/job.h"

#include <cmath>
#include <limits>

QString nearestAspectRatio(QSize size)
{
    return nearestAspectRatio(size.width(), size.height());
}

QString nearestAspectRatio(int width, int height)
{
    const QStringList ratios = acceptedAspectRatios();
    if (width <= 0 || height <= 0)
        return ratios.constFirst();
    const double shape = std::log(double(width) / double(height));
    QString best = ratios.constFirst();
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const QString &ratio : ratios) {
        const auto parts = ratio.split(u':');
        const double w = parts.value(0).toDouble();
        const double h = parts.value(1).toDouble();
        if (w <= 0 || h <= 0)
            continue;
        // Ties keep the earlier ratio in display order, so the answer never depends on float noise.
        const double distance = std::abs(std::log(w / h) - shape);
        if (distance < bestDistance - 1e-12) {
            bestDistance = distance;
            best = ratio;
        }
    }
    return best;
}
