// libFuzzer: ImageVerifier::verify on any bytes (tests/fuzz/corpus/image_verifier/): an image
// within the limits, or a sentence; never a crash, a hang or a huge allocation.
#include "media/imageverifier.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto verified = ImageVerifier::verify(bytes, QStringLiteral("image/png"));
    if (verified.ok() && (verified.value().width <= 0 || verified.value().height <= 0))
        __builtin_trap();
    if (!verified.ok() && verified.error().userMessage.isEmpty())
        __builtin_trap();
    return 0;
}
