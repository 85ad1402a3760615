#pragma once

#include <QtGlobal>

// The backend's upload limits (CONTRACT.md section 5). The decode limits (allocation, edge,
// pixel count) live in media/imagelimits.h.
namespace UploadLimits {

constexpr qint64 kMaxReferenceBytes = 10ll * 1024 * 1024; // per file, enforced by the server
constexpr qint64 kMaxRequestBytes = 18'000'000; // the model caps ~20 MB per request: margin
constexpr int kMaxReferenceEdge = 2048; // longer edges are downscaled before upload

} // namespace UploadLimits
