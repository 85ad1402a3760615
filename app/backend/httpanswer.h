#pragma once

#include <QByteArray>
#include <QString>

// One HTTP answer as the decoders see it: plain data, no network objects, so that every
// decoder is a pure function that tests can feed with canned bodies.
struct HttpAnswer
{
    int status = 0;
    QString contentType; // the Content-Type header, verbatim (may carry "; charset=...")
    QByteArray body;
    QString reasonPhrase;
    int retryAfter = -1; // seconds from Retry-After, -1 when absent

    // RateLimit-* headers of the /api answers, -1 when absent.
    int rateLimitLimit = -1;
    int rateLimitRemaining = -1;
    int rateLimitReset = -1;

    bool isSuccess() const { return status >= 200 && status < 300; }
};
