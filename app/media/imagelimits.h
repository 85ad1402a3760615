#pragma once

#include <QSize>

// The size caps every image decode in the program obeys: big enough for a legitimate 4K
// result in any aspect ratio, small enough that a decompression bomb is refused from its
// header before anything is allocated.
namespace ImageLimits {

// Longest accepted edge. 4K results are 4096 on their long side; 8192 leaves room for
// user references without admitting a 20000×20000 bomb.
inline constexpr int maxEdge = 8192;
// Largest accepted pixel count: 32 Mpx (128 MB as 8-bit RGBA), twice a 4096×4096 result.
inline constexpr qint64 maxPixels = 32ll * 1024 * 1024;
// QImageReader's global allocation limit. A 4096×4096 16-bit-per-channel PNG decodes to
// RGBA64, 128 MB, which is exactly Qt's default limit; 256 MB admits it and a 32 Mpx
// 8-bit image with headroom, and still refuses a 20000×20000 bomb (1.6 GB).
inline constexpr int allocationLimitMb = 256;

// True when the declared size is within maxEdge and maxPixels.
bool acceptsSize(QSize size);

} // namespace ImageLimits

// Sets QImageReader's process-wide allocation limit to ImageLimits::allocationLimitMb.
// Composition roots (app, CLI, tests) call it once at start-up, before any decode.
void configureImageLimits();
