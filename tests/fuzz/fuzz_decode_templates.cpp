// libFuzzer: decodeTemplates on any body (tests/fuzz/corpus/decode_templates/).
#include "backend/decoders.h"
#include "fuzz/fuzzanswer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result = decodeTemplates(fuzzAnswer(data, size, false));
    if (!result.ok() && result.error().userMessage.isEmpty())
        __builtin_trap(); // every failure is a sentence
    return 0;
}
