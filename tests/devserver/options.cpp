#include "devserver/options.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace devserver {

std::optional<FaultKind> faultKindFromName(const QString &name)
{
    if (name == "none"_L1)
        return FaultKind::None;
    if (name == "truncated-json"_L1)
        return FaultKind::TruncatedJson;
    if (name == "html"_L1)
        return FaultKind::Html;
    if (name == "reset"_L1)
        return FaultKind::Reset;
    if (name == "stall"_L1)
        return FaultKind::Stall;
    if (name == "huge-body"_L1)
        return FaultKind::HugeBody;
    if (name == "500"_L1)
        return FaultKind::ServerError;
    if (name == "huge-chunked"_L1)
        return FaultKind::HugeChunked;
    if (name == "redirect-away"_L1)
        return FaultKind::RedirectAway;
    if (name == "redirect-same"_L1)
        return FaultKind::RedirectSame;
    return std::nullopt;
}

QString faultKindName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::None:
        return u"none"_s;
    case FaultKind::TruncatedJson:
        return u"truncated-json"_s;
    case FaultKind::Html:
        return u"html"_s;
    case FaultKind::Reset:
        return u"reset"_s;
    case FaultKind::Stall:
        return u"stall"_s;
    case FaultKind::HugeBody:
        return u"huge-body"_s;
    case FaultKind::ServerError:
        return u"500"_s;
    case FaultKind::HugeChunked:
        return u"huge-chunked"_s;
    case FaultKind::RedirectAway:
        return u"redirect-away"_s;
    case FaultKind::RedirectSame:
        return u"redirect-same"_s;
    }
    return u"none"_s;
}

QString usageText()
{
    return uR"(Usage: nanobanana-devserver [options]
A local implementation of the NanoBanana backend contract, for development and tests.
The first stdout line is the listening port; everything else goes to stderr.

  --port P               listen on 127.0.0.1:P (0 picks a free port; default 2000)
  --flavor sync|async    generation flavour (default async)
  --latency-ms N         time a generation takes (default 0)
  --fail-rate F          fraction of generations that fail, 0..1 (default 0)
  --rate-limit N/SECONDS per-IP limit over /api (default off; production is 100/900)
  --seed-history N       give every new user N deterministic history records
  --otp CODE             the verification code (default: generated, printed on stderr)
  --data DIR             persist state in DIR (default: memory only)
  --image-origin URL     also serve /uploads at http://127.0.0.1:PORT (0 picks one) and
                         return image URLs absolute at that origin
  --fault KIND[:RATE]    truncated-json|html|reset|stall|huge-body|huge-chunked|
                         redirect-away|redirect-same|500 on /api answers
  --fault-route TEXT     apply --fault only to paths containing TEXT
  --slow-ms N            delay every /api answer by N ms
  --missing-uploads F    fraction of generated images gone from /uploads (200 text/html)
  --upload-errors F      fraction of /uploads GETs answered 503 with Retry-After: 1
  --image-cache-mb N     rendered images kept in memory (default 256)
  --upload-latency-ms N  delay every /uploads answer by N ms (a hosted file's round trip)
  --max-body-bytes N     answer bodies over N bytes with nginx's HTML 413, as a proxy would
  --token-ttl SECONDS    access token lifetime (default 604800, 7 days)
  --log-requests FILE    append one JSON line per request to FILE
  --random-seed N        seed for --fail-rate and fault rates (default 1)
  --help                 show this text
)"_s;
}

bool uploadMissing(const QString &path, double rate)
{
    if (rate <= 0 || !path.startsWith("/uploads/nero/generated/"_L1))
        return false;
    quint32 hash = 2166136261u;
    for (const QChar c : path) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return double(hash % 10000) < rate * 10000;
}

static bool toInt(const QString &text, int min, int *out)
{
    bool ok = false;
    const auto value = text.toInt(&ok);
    if (!ok || value < min)
        return false;
    *out = value;
    return true;
}

static bool toRate(const QString &text, double *out)
{
    bool ok = false;
    const auto value = text.toDouble(&ok);
    if (!ok || value < 0 || value > 1)
        return false;
    *out = value;
    return true;
}

std::optional<ServerOptions> parseOptions(const QStringList &arguments, QString *error, bool *help)
{
    ServerOptions o;
    *help = false;
    auto bad = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        auto name = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
        if (const auto eq = name.indexOf(u'='); name.startsWith("--"_L1) && eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasInlineValue = true;
        }
        if (name == "--help"_L1 || name == "-h"_L1) {
            *help = true;
            return o;
        }
        static const QStringList known = {u"--port"_s,
                                          u"--flavor"_s,
                                          u"--latency-ms"_s,
                                          u"--fail-rate"_s,
                                          u"--rate-limit"_s,
                                          u"--seed-history"_s,
                                          u"--otp"_s,
                                          u"--data"_s,
                                          u"--image-origin"_s,
                                          u"--fault"_s,
                                          u"--fault-route"_s,
                                          u"--slow-ms"_s,
                                          u"--token-ttl"_s,
                                          u"--log-requests"_s,
                                          u"--random-seed"_s,
                                          u"--missing-uploads"_s,
                                          u"--upload-errors"_s,
                                          u"--max-body-bytes"_s,
                                          u"--image-cache-mb"_s,
                                          u"--upload-latency-ms"_s};
        if (!known.contains(name))
            return bad(u"unknown option %1"_s.arg(name));
        if (!hasInlineValue) {
            if (i + 1 >= arguments.size())
                return bad(u"option %1 needs a value"_s.arg(name));
            value = arguments.at(++i);
        }
        int n = 0;
        if (name == "--port"_L1) {
            if (!toInt(value, 0, &n) || n > 65535)
                return bad(u"--port needs a number from 0 to 65535"_s);
            o.port = static_cast<quint16>(n);
        } else if (name == "--flavor"_L1) {
            if (value != "sync"_L1 && value != "async"_L1)
                return bad(u"--flavor is sync or async"_s);
            o.flavor = value == "sync"_L1 ? Flavor::Sync : Flavor::Async;
        } else if (name == "--latency-ms"_L1) {
            if (!toInt(value, 0, &o.latencyMs))
                return bad(u"--latency-ms needs a number of milliseconds"_s);
        } else if (name == "--fail-rate"_L1) {
            if (!toRate(value, &o.failRate))
                return bad(u"--fail-rate needs a fraction from 0 to 1"_s);
        } else if (name == "--rate-limit"_L1) {
            const auto parts = value.split(u'/');
            if (parts.size() != 2 || !toInt(parts.at(0), 1, &o.rateLimit)
                || !toInt(parts.at(1), 1, &o.rateWindowSeconds))
                return bad(u"--rate-limit needs N/SECONDS, e.g. 100/900"_s);
        } else if (name == "--seed-history"_L1) {
            if (!toInt(value, 0, &o.seedHistory))
                return bad(u"--seed-history needs a count"_s);
        } else if (name == "--otp"_L1) {
            if (value.isEmpty())
                return bad(u"--otp needs a code"_s);
            o.otp = value;
        } else if (name == "--data"_L1) {
            o.dataDir = value;
        } else if (name == "--image-origin"_L1) {
            const QUrl url(value);
            if (!url.isValid() || url.scheme() != "http"_L1 || url.port() < 0)
                return bad(u"--image-origin needs http://127.0.0.1:PORT"_s);
            o.imageOriginEnabled = true;
            o.imageOriginPort = static_cast<quint16>(url.port());
            o.imageOriginHost = url.host();
        } else if (name == "--fault"_L1) {
            const auto parts = value.split(u':');
            const auto kind = faultKindFromName(parts.first());
            if (!kind || parts.size() > 2)
                return bad(
                    u"--fault needs KIND[:RATE], KIND one of truncated-json, html, reset, stall, huge-body, huge-chunked, redirect-away, redirect-same, 500"_s);
            o.fault = *kind;
            if (parts.size() == 2 && !toRate(parts.at(1), &o.faultRate))
                return bad(u"--fault's RATE is a fraction from 0 to 1"_s);
        } else if (name == "--fault-route"_L1) {
            o.faultRoute = value;
        } else if (name == "--max-body-bytes"_L1) {
            bool ok = false;
            o.proxyMaxBodyBytes = value.toLongLong(&ok);
            if (!ok || o.proxyMaxBodyBytes < 0)
                return bad(u"--max-body-bytes needs a number of bytes"_s);
        } else if (name == "--slow-ms"_L1) {
            if (!toInt(value, 0, &o.slowMs))
                return bad(u"--slow-ms needs a number of milliseconds"_s);
        } else if (name == "--missing-uploads"_L1) {
            if (!toRate(value, &o.missingUploads))
                return bad(u"--missing-uploads needs a fraction from 0 to 1"_s);
        } else if (name == "--upload-errors"_L1) {
            if (!toRate(value, &o.uploadErrorRate))
                return bad(u"--upload-errors needs a fraction from 0 to 1"_s);
        } else if (name == "--image-cache-mb"_L1) {
            if (!toInt(value, 1, &o.imageCacheMb))
                return bad(u"--image-cache-mb needs a number of megabytes"_s);
        } else if (name == "--upload-latency-ms"_L1) {
            if (!toInt(value, 0, &o.uploadLatencyMs))
                return bad(u"--upload-latency-ms needs a number of milliseconds"_s);
        } else if (name == "--token-ttl"_L1) {
            if (!toInt(value, 1, &n))
                return bad(u"--token-ttl needs a number of seconds"_s);
            o.tokenTtlSeconds = n;
        } else if (name == "--log-requests"_L1) {
            o.logRequestsFile = value;
        } else if (name == "--random-seed"_L1) {
            bool ok = false;
            o.randomSeed = value.toULongLong(&ok);
            if (!ok)
                return bad(u"--random-seed needs a number"_s);
        }
    }
    return o;
}

} // namespace devserver
