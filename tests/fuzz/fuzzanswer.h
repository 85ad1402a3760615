#pragma once

#include "backend/httpanswer.h"

#include <cstddef>
#include <cstdint>

// The libFuzzer input as an HTTP answer: the first byte picks the status (for the error
// decoder) and the second the Content-Type; the rest is the body.
inline HttpAnswer fuzzAnswer(const uint8_t *data, size_t size, bool anyStatus)
{
    HttpAnswer answer;
    answer.status = 200;
    answer.contentType = QStringLiteral("application/json; charset=utf-8");
    if (size >= 2) {
        if (anyStatus)
            answer.status = 100 + data[0] * 2;
        switch (data[1] % 4) {
        case 1:
            answer.contentType = QStringLiteral("text/html");
            break;
        case 2:
            answer.contentType = QStringLiteral("text/plain");
            break;
        case 3:
            answer.contentType.clear();
            break;
        default:
            break;
        }
        data += 2;
        size -= 2;
    }
    answer.body = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    answer.reasonPhrase = QStringLiteral("Reason");
    return answer;
}
