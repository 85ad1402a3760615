// libFuzzer: errorFromAnswer on any status, type and body (tests/fuzz/corpus/error_answer/).
#include "backend/decoders.h"
#include "fuzz/fuzzanswer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto answer = fuzzAnswer(data, size, true);
    const auto error = errorFromAnswer(answer);
    // Always a sentence, never a placeholder left unfilled (unless the server's own words,
    // shown as they came, have one).
    if (error.userMessage.isEmpty()
        || (error.userMessage.contains(QStringLiteral("%1")) && !answer.body.contains('%')))
        __builtin_trap();
    return 0;
}
