#pragma once

#include <QImage>
#include <QPointF>
#include <QRect>

// Paints round dabs into a mask (Format_Grayscale8, 255 = change) and colours the overlay that
// shows it; every call touches and returns only the rectangle it changed, so a stroke on a
// 4096 px image costs what the brush covers, not what the image holds.
namespace MaskBrush {

struct Tip
{
    qreal radius = 40; // image pixels
    qreal softness = 0.3; // 0: a hard edge; 1: the whole radius fades
    bool erase = false;
};

// One dab at `centre`; `pressure` (0..1] scales its radius. Returns the changed rectangle.
QRect dab(QImage &mask, QPointF centre, const Tip &tip, qreal pressure = 1.0);

// Dabs from `from` to `to`, a quarter radius apart; `carry` keeps the distance walked since
// the last dab across calls, so a stroke's spacing does not depend on how the pointer's
// events were cut. The first segment of a stroke passes carry < 0 to dab at `from` too.
QRect segment(QImage &mask, QPointF from, QPointF to, const Tip &tip, qreal pressure, qreal &carry);

// The mask's coverage inside `rect` as a translucent colour in `overlay` (premultiplied
// ARGB, the mask's size). `colour`'s alpha is the overlay's strongest.
void colourOverlay(QImage &overlay, const QImage &mask, QRect rect, QColor colour);

// The mask grown (radius > 0) or shrunk (radius < 0) by `radius` pixels, a separable
// maximum (minimum) filter: what the edge looks like with a margin added.
QImage grown(const QImage &mask, int radius);

} // namespace MaskBrush
