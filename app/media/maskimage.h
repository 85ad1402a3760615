#pragma once

#include <QImage>

// The pixel work of a brush edit, pure and thread-safe: a mask is a grey image, white where
// the picture is to change, black where it stays, grey over a soft edge.
namespace MaskImage {

// The mask as 8-bit coverage at `size` (scaled smoothly when it differs); null when `mask` is.
QImage coverage(const QImage &mask, QSize size);

// A copy of `original` with the marked area tinted translucent red and outlined, for the model
// to see which part to change. RGB32, the original's size.
QImage highlighted(const QImage &original, const QImage &mask);

// "Keep the rest exact": the original's pixels where the mask is black, the result's where it
// is white, blended only where it is grey. The original and the mask are scaled to the
// result's size first; at equal sizes every unmarked pixel is the original's, bit for bit.
// Null when an input is null.
QImage keepUnmasked(const QImage &original, const QImage &result, const QImage &mask);

} // namespace MaskImage
