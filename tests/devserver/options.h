#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace devserver {

enum class Flavor { Sync, Async };
enum class FaultKind {
    None,
    TruncatedJson,
    Html,
    Reset,
    Stall,
    HugeBody,
    ServerError,
    HugeChunked, // a 200 MB answer without a length (Transfer-Encoding: chunked)
    RedirectAway, // 302 to another origin (the image origin, else "localhost")
    RedirectSame, // 307 to the same address on this origin (once)
};

std::optional<FaultKind> faultKindFromName(const QString &name);
QString faultKindName(FaultKind kind);

// The dev server's command line, parsed.
struct ServerOptions
{
    quint16 port = 2000;
    Flavor flavor = Flavor::Async;
    int latencyMs = 0;
    double failRate = 0;
    int rateLimit = 0; // 0: off
    int rateWindowSeconds = 0;
    int seedHistory = 0;
    QString otp; // empty: generated at start
    QString dataDir;
    bool imageOriginEnabled = false;
    quint16 imageOriginPort = 0;
    QString imageOriginHost;
    FaultKind fault = FaultKind::None;
    double faultRate = 1.0;
    QString faultRoute;
    int slowMs = 0;
    // Share of generated images whose upload is gone: GET answers the web app's page (200
    // text/html), as the real server does. Chosen by a hash of the path, so stable per record.
    double missingUploads = 0;
    double uploadErrorRate = 0; // share of /uploads GETs answered 503 with Retry-After: 1
    // The rendered images kept in memory. A larger cache serves a large history as stored
    // files, the way the real server does, without rendering them again.
    int imageCacheMb = 256;
    int uploadLatencyMs = 0; // each /uploads answer waits this long (a hosted file's round trip)
    qint64 proxyMaxBodyBytes = 0; // > 0: nginx's client_max_body_size in front of the API
    qint64 tokenTtlSeconds = qint64(7) * 24 * 3600;
    QString logRequestsFile;
    quint64 randomSeed = 1;
};

QString usageText();
// Whether --missing-uploads RATE makes this upload path gone (FNV-1a of the path).
bool uploadMissing(const QString &path, double rate);
// The parsed options, or an error sentence; `help` is set for --help.
std::optional<ServerOptions> parseOptions(const QStringList &arguments, QString *error, bool *help);

} // namespace devserver
