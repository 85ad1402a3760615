// libFuzzer: JwtClaims::read on any token text (tests/fuzz/corpus/jwt_claims/).
#include "session/jwt.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto token = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto claims = JwtClaims::read(token);
    // What read() promises: a non-empty account and a valid expiry, or nothing.
    if (claims && (claims->userId.isEmpty() || !claims->expiresAt.isValid()))
        __builtin_trap();
    return 0;
}
