#pragma once

// How much longer a sanitizer build takes for image work (decoding, hashing, thumbnails):
// a wait for such work to end is a hang detector, not a speed test, so it grows by this much
// there (tests/support/CMakeLists.txt sets it per sanitizer; 1 otherwise). Speed is measured
// by ./dev bench.
#ifndef STUDIO_SANITIZER_SLOWDOWN
#define STUDIO_SANITIZER_SLOWDOWN 1
#endif

namespace TestTime {
constexpr int slowdown = STUDIO_SANITIZER_SLOWDOWN;
constexpr int scaled(int ms)
{
    return ms * slowdown;
}
} // namespace TestTime
