#pragma once

#include <QtGlobal>

// The image size decisions of the program, in one place.
namespace ImageLimits {

// QImageReader's allocation limit is process-wide, so only each program's main() sets it:
//   QImageReader::setAllocationLimit(ImageLimits::kAllocationLimitMiB);
// 256 MiB admits a 4K RGBA result (64 MiB) and an 8000x8000 camera photo (244 MiB) while still
// refusing decompression bombs (a 389 KB PNG declaring 20000x20000 needs 1.5 GiB).
constexpr int kAllocationLimitMiB = 256;

// The backend's upload limits (CONTRACT.md section 5).
constexpr qint64 kMaxReferenceBytes = 10ll * 1024 * 1024; // per file, enforced by the server
constexpr qint64 kMaxRequestBytes = 18'000'000; // the model caps ~20 MB per request: margin
constexpr int kMaxReferenceEdge = 2048; // longer edges are downscaled before upload

} // namespace ImageLimits
