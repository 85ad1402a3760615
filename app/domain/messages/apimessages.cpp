// The api messages a person can see (ApiError's factories); see UserMessage.
#include "domain/usermessage.h"

#include <QtGlobal>

namespace {
// Inner words (api.word.*) are messages of their own, passed as message arguments, so a
// translation never mixes an English word into a Persian sentence.
constexpr MessageSource kMessages[] = {
    {"api.network",
     QT_TRANSLATE_NOOP("Messages", "Could not reach the server at %1. Check your connection; "
                                   "queued work will be sent when it is back."),
     -1, messageArg(1)},
    {"api.timedOut",
     QT_TRANSLATE_NOOP("Messages",
                       "The server at %1 stopped answering in time. Check your connection and "
                       "try again; a job already sent is checked against your history before it "
                       "is sent again."),
     -1, messageArg(1)},
    {"api.tls",
     QT_TRANSLATE_NOOP("Messages", "The secure connection to %1 failed (%2). Nothing was sent; "
                                   "check the server address and your system's certificates."),
     -1, messageArg(1) | messageArg(2)},
    {"api.cancelled", QT_TRANSLATE_NOOP("Messages", "The request was cancelled.")},
    {"api.tooLarge.answer",
     QT_TRANSLATE_NOOP("Messages", "The answer was larger than the %1 MB this program accepts, "
                                   "so it was stopped. Try again later or check the server "
                                   "address.")},
    {"api.tooLarge.upload",
     QT_TRANSLATE_NOOP("Messages", "The upload is too large for the server. Use fewer or "
                                   "smaller images and try again.")},
    // %1 completes "The server's answer …" (a core.answer.* message or plain text).
    {"api.badResponse",
     QT_TRANSLATE_NOOP("Messages", "The server's answer %1, so it could not be read. Try again "
                                   "in a minute; if it keeps happening, check the server "
                                   "address."),
     -1, messageArg(1)},
    {"api.webPage",
     QT_TRANSLATE_NOOP("Messages", "The server answered with a web page instead of data. Check "
                                   "the server address in the settings (it must point at the "
                                   "API), then try again.")},
    {"api.imageMissing",
     QT_TRANSLATE_NOOP("Messages", "The image is missing on the server (it sent %1 instead of a "
                                   "picture). Sync your history later; the record is kept."),
     -1, messageArg(1)},
    {"api.unauthorized",
     QT_TRANSLATE_NOOP("Messages", "Your sign-in is no longer valid (the server said: %1). Sign "
                                   "in again; your queued work is kept."),
     -1, messageArg(1)},
    {"api.stars.needsHas",
     QT_TRANSLATE_NOOP("Messages", "You are out of stars: this needs %1 and you have %2. Top "
                                   "up, then try again.")},
    {"api.stars.needs",
     QT_TRANSLATE_NOOP("Messages", "You are out of stars: this needs %1. Top up, then try "
                                   "again.")},
    {"api.stars.none",
     QT_TRANSLATE_NOOP("Messages", "You are out of stars for this request. Top up, then try "
                                   "again.")},
    {"api.validation",
     QT_TRANSLATE_NOOP("Messages", "The server refused the request: %1. Correct it and try "
                                   "again."),
     -1, messageArg(1)},
    {"api.notFound",
     QT_TRANSLATE_NOOP("Messages", "The server does not have what was asked for (it said: %1). "
                                   "Refresh, and check the server address if it keeps "
                                   "happening."),
     -1, messageArg(1)},
    {"api.rateLimited.seconds",
     QT_TRANSLATE_N_NOOP("Messages", "The server is limiting how often it can be asked. Wait %n "
                                     "s; queued work resumes by itself."),
     0},
    {"api.rateLimited.minute",
     QT_TRANSLATE_NOOP("Messages", "The server is limiting how often it can be asked. Wait a "
                                   "minute; queued work resumes by itself.")},
    {"api.serverError",
     QT_TRANSLATE_NOOP("Messages", "The server could not finish this request (it said: %1). "
                                   "Your job is kept; try again in a minute."),
     -1, messageArg(1)},
    {"api.localFile",
     QT_TRANSLATE_NOOP("Messages", "Could not use the file %1: %2. Choose another file."), -1,
     messageArg(2)},

    {"api.word.theServer", QT_TRANSLATE_NOOP("Messages", "the server")},
    {"api.word.tlsError", QT_TRANSLATE_NOOP("Messages", "TLS error")},
    {"api.word.noContentType", QT_TRANSLATE_NOOP("Messages", "no content type")},
    {"api.word.unauthorized", QT_TRANSLATE_NOOP("Messages", "unauthorized")},
    {"api.word.invalidRequest", QT_TRANSLATE_NOOP("Messages", "invalid request")},
    {"api.word.notFound", QT_TRANSLATE_NOOP("Messages", "not found")},
    {"api.word.errorStatus", QT_TRANSLATE_NOOP("Messages", "error %1")},
};
} // namespace

std::span<const MessageSource> Messages::api()
{
    return kMessages;
}
