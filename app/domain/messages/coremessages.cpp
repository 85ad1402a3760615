// The core messages a person can see (session, backend, history, media); see UserMessage.
#include "domain/usermessage.h"

#include <QtGlobal>

namespace {
// Fragments (core.answer.*, core.file.*, core.image.why.*, ...) complete a sentence of their
// own message, whose comment says how; they are passed as message arguments.
constexpr MessageSource kMessages[] = {
    // Opening a profile (AppServices). %1 is a folder, a server address.
    {"core.app.profileNotCreated",
     QT_TRANSLATE_NOOP("Messages", "Could not create the profile folder %1. Check that the "
                                   "location is writable, or choose another profile.")},
    {"core.app.notAServer",
     QT_TRANSLATE_NOOP("Messages", "'%1' is not a server address; use one like "
                                   "https://example.org or http://127.0.0.1:2000.")},
    // Session (sign-in).
    {"core.session.codeDigits",
     QT_TRANSLATE_NOOP("Messages", "The code has 6 digits; check the text message.")},
    {"core.session.unreadableAnswer",
     QT_TRANSLATE_NOOP("Messages",
                       "The server's sign-in answer could not be read. Try again later.")},
    {"core.session.notAToken",
     QT_TRANSLATE_NOOP("Messages", "This is not a sign-in token. Copy the whole access token "
                                   "(three parts separated by dots).")},
    {"core.session.tokenExpired",
     QT_TRANSLATE_NOOP("Messages", "This token has expired. Sign in with your phone number to "
                                   "get a new one.")},
    {"core.session.tokenRefused",
     QT_TRANSLATE_NOOP("Messages", "The server does not accept this token. Sign in with your "
                                   "phone number instead.")},
    // %1 is one of core.phone.why.*.
    {"core.phone.invalid",
     QT_TRANSLATE_NOOP("Messages",
                       "%1 Enter the number with its country code, for example +98 912 123 4567."),
     -1, messageArg(1)},
    {"core.phone.why.plusFirst",
     QT_TRANSLATE_NOOP("Messages", "A \"+\" may only start the number.")},
    {"core.phone.why.digitsOnly",
     QT_TRANSLATE_NOOP("Messages", "The phone number may contain only digits.")},
    {"core.phone.why.empty", QT_TRANSLATE_NOOP("Messages", "Enter a phone number.")},
    {"core.phone.why.noCountryCode", QT_TRANSLATE_NOOP("Messages", "The country code is missing.")},
    {"core.phone.why.length",
     QT_TRANSLATE_NOOP("Messages",
                       "A phone number has 10 to 15 digits after the country code's \"+\".")},
    {"core.phone.why.leadingZero",
     QT_TRANSLATE_NOOP("Messages", "A country code never starts with 0.")},
    // %2 is one of core.token.why.* or the system's words.
    {"core.token.fileFailed",
     QT_TRANSLATE_NOOP("Messages", "The sign-in could not be kept in %1 (%2). Check that the "
                                   "profile folder is writable."),
     -1, messageArg(2)},
    {"core.token.why.readableByOthers",
     QT_TRANSLATE_NOOP("Messages", "the file is readable by other users; it was not used")},
    {"core.token.why.cannotRemove", QT_TRANSLATE_NOOP("Messages", "cannot remove the file")},
    {"core.token.why.cannotCreateFolder",
     QT_TRANSLATE_NOOP("Messages", "cannot create the profile folder")},
    {"core.token.why.cannotMakePrivate",
     QT_TRANSLATE_NOOP("Messages", "cannot make the file private to its owner")},
    {"core.token.why.notKeptPrivate",
     QT_TRANSLATE_NOOP("Messages", "the file system does not keep it private to its owner")},
    {"core.token.keychainRead",
     QT_TRANSLATE_NOOP("Messages", "The saved sign-in could not be read from the keychain (%1). "
                                   "Sign in again.")},

    // Backend: each completes "The server's answer …" (api.badResponse).
    {"core.answer.empty", QT_TRANSLATE_NOOP("Messages", "was empty")},
    {"core.answer.invalidJson",
     QT_TRANSLATE_NOOP("Messages", "was cut off or is not valid JSON (%1 at byte %2)")},
    {"core.answer.notAnObject", QT_TRANSLATE_NOOP("Messages", "is not a JSON object")},
    {"core.answer.noData", QT_TRANSLATE_NOOP("Messages", "has no \"data\" object")},
    {"core.answer.noList", QT_TRANSLATE_NOOP("Messages", "has no \"%1\" list")},
    {"core.answer.noAccessToken", QT_TRANSLATE_NOOP("Messages", "carries no access token")},
    {"core.answer.noUser", QT_TRANSLATE_NOOP("Messages", "carries no user")},
    {"core.answer.userNotAnObject",
     QT_TRANSLATE_NOOP("Messages", "has a user that is not an object")},
    {"core.answer.noTaskNorImage",
     QT_TRANSLATE_NOOP("Messages", "names neither a task nor an image")},
    {"core.answer.noTask", QT_TRANSLATE_NOOP("Messages", "has no task")},
    {"core.answer.finishedWithoutImage",
     QT_TRANSLATE_NOOP("Messages", "reports a finished task without a result image")},
    {"core.answer.noCharacter", QT_TRANSLATE_NOOP("Messages", "has no character")},
    {"core.answer.notAPicture",
     QT_TRANSLATE_NOOP("Messages", "is not a picture it can show (%1 bytes of %2)")},
    {"core.answer.tooManyRedirects", QT_TRANSLATE_NOOP("Messages", "redirected more than 5 times")},
    {"core.answer.insecureRedirect",
     QT_TRANSLATE_NOOP("Messages", "redirected to an insecure address")},
    {"core.answer.unexpectedShape",
     QT_TRANSLATE_NOOP("Messages", "did not have the expected shape")},
    {"core.answer.unexpectedStatus", QT_TRANSLATE_NOOP("Messages", "had the unexpected status %1")},
    // An API call the server redirected to another origin: refused, not followed. %1 is the
    // other origin's host[:port].
    {"core.redirect.otherOrigin",
     QT_TRANSLATE_NOOP("Messages", "The server sent this request on to another address (%1). "
                                   "It was not followed, so nothing went there. Check the server "
                                   "address in the settings.")},
    // Proxies in front of the backend (nginx), recognised by status whatever their page says.
    {"core.proxy.tooLarge",
     QT_TRANSLATE_NOOP("Messages", "The server's gateway refused the upload as too large before "
                                   "the server saw it, so nothing was charged. Use fewer or "
                                   "smaller images.")},
    {"core.proxy.badGateway",
     QT_TRANSLATE_NOOP("Messages", "The server's gateway could not reach the server (502). Try "
                                   "again in a minute; your work is kept.")},
    {"core.proxy.unavailable",
     QT_TRANSLATE_NOOP("Messages", "The server is unavailable for now (503), often for "
                                   "maintenance. Try again in a few minutes; your work is "
                                   "kept.")},
    {"core.proxy.gatewayTimeout",
     QT_TRANSLATE_NOOP("Messages", "The server's gateway stopped waiting for the server (504). "
                                   "A job already sent is checked against your history before "
                                   "it is sent again.")},
    // Completes "The server refused the request: …" (api.validation).
    {"core.edit.needsImage",
     QT_TRANSLATE_NOOP("Messages", "An edit needs at least one image; add the picture to edit")},
    // Each completes "Could not use the file <name>: …" (api.localFile).
    {"core.file.cannotRead", QT_TRANSLATE_NOOP("Messages", "it cannot be read (%1)")},
    {"core.file.notAPicture",
     QT_TRANSLATE_NOOP("Messages", "it is not a picture this program can read")},
    {"core.file.readIncomplete", QT_TRANSLATE_NOOP("Messages", "it could not be read completely")},
    {"core.file.cannotDecode", QT_TRANSLATE_NOOP("Messages", "it could not be decoded (%1)")},
    {"core.file.cannotShrink",
     QT_TRANSLATE_NOOP("Messages", "it cannot be made small enough to upload")},

    // Media. %1 is one of core.image.why.* or the decoder's words.
    {"core.image.unusable",
     QT_TRANSLATE_NOOP("Messages", "The server sent something that is not a usable image (%1). "
                                   "Try again later."),
     -1, messageArg(1)},
    {"core.image.why.type", QT_TRANSLATE_NOOP("Messages", "its type was \"%1\"")},
    {"core.image.why.empty", QT_TRANSLATE_NOOP("Messages", "it was empty")},
    {"core.image.why.unknownFormat",
     QT_TRANSLATE_NOOP("Messages", "its contents are not in a known image format")},
    {"core.image.why.damagedHeader", QT_TRANSLATE_NOOP("Messages", "its header is damaged")},
    {"core.image.why.cutOff", QT_TRANSLATE_NOOP("Messages", "it was cut off")},
    {"core.image.tooLarge",
     QT_TRANSLATE_NOOP("Messages", "The image is %1×%2 pixels, larger than the %3-pixel limit, "
                                   "so it was not kept.")},
    {"core.image.badAddress",
     QT_TRANSLATE_NOOP("Messages", "The image address \"%1\" is not valid.")},
    // %2 is core.image.why.cannotCreateFolder or the system's words.
    {"core.image.saveFailed",
     QT_TRANSLATE_NOOP("Messages", "The image could not be saved to %1 (%2). Check that the disk "
                                   "has space and the folder is writable."),
     -1, messageArg(2)},
    // ImageStore, ImageMirror, GalleryExport: a write refused or failed for want of room.
    {"core.image.diskFull",
     QT_TRANSLATE_NOOP("Messages", "The disk is full: free some space, then try again.")},
    {"core.image.why.cannotCreateFolder",
     QT_TRANSLATE_NOOP("Messages", "cannot create the folder")},

    // History. %1 of core.history.migrationFailed is one of core.history.migration.*.
    {"core.history.migrationFailed",
     QT_TRANSLATE_NOOP("Messages", "The local history database could not be updated (%1). "
                                   "Restart the app; if this keeps happening, use another "
                                   "profile."),
     -1, messageArg(1)},
    {"core.history.migration.cannotReadVersion",
     QT_TRANSLATE_NOOP("Messages", "cannot read the schema version")},
    {"core.history.migration.stepMissing",
     QT_TRANSLATE_NOOP("Messages", "schema step %1 is missing")},
    {"core.history.migration.cannotStart",
     QT_TRANSLATE_NOOP("Messages", "cannot start schema step %1")},
    {"core.history.migration.stepFailed", QT_TRANSLATE_NOOP("Messages", "schema step %1 failed")},
    {"core.history.migration.cannotRecord",
     QT_TRANSLATE_NOOP("Messages", "cannot record schema version %1")},
    {"core.history.migration.cannotCommit",
     QT_TRANSLATE_NOOP("Messages", "cannot commit schema step %1")},
    // %1 names the step: one of core.history.step.* (or, from older callers, plain text).
    {"core.history.writeFailed",
     QT_TRANSLATE_NOOP("Messages", "The local history could not be updated (%1). Restart the "
                                   "app; if this keeps happening, check the free disk space."),
     -1, messageArg(1)},
    {"core.history.step.prepareSearch",
     QT_TRANSLATE_NOOP("Messages", "preparing the search index")},
    {"core.history.step.readBacklog", QT_TRANSLATE_NOOP("Messages", "reading the search backlog")},
    {"core.history.step.indexPrompts",
     QT_TRANSLATE_NOOP("Messages", "indexing prompts for search")},
    {"core.history.step.readHistory", QT_TRANSLATE_NOOP("Messages", "reading the history")},
    {"core.history.step.saveHistory", QT_TRANSLATE_NOOP("Messages", "saving the history")},
    {"core.history.step.mergeJob", QT_TRANSLATE_NOOP("Messages", "merging a job into its record")},
    {"core.history.step.saveRecord", QT_TRANSLATE_NOOP("Messages", "saving a history record")},
    {"core.history.step.updateRecord", QT_TRANSLATE_NOOP("Messages", "updating a history record")},
    {"core.history.step.updateRecords", QT_TRANSLATE_NOOP("Messages", "updating history records")},
    {"core.history.step.saveRecords", QT_TRANSLATE_NOOP("Messages", "saving history records")},
    // For HistoryStore.
    {"core.history.step.addToGallery",
     QT_TRANSLATE_NOOP("Messages", "adding the job to the gallery")},
    {"core.history.step.linkJob", QT_TRANSLATE_NOOP("Messages", "linking the job to its record")},
    {"core.history.step.updateCard", QT_TRANSLATE_NOOP("Messages", "updating the job's card")},
    {"core.history.step.rememberImage",
     QT_TRANSLATE_NOOP("Messages", "remembering the saved image")},
    {"core.history.step.saveFavourite", QT_TRANSLATE_NOOP("Messages", "saving the favourite")},
    {"core.history.step.hideImage", QT_TRANSLATE_NOOP("Messages", "hiding the image")},
    {"core.history.step.markRemoved", QT_TRANSLATE_NOOP("Messages", "marking removed records")},
    {"core.history.step.readRecord", QT_TRANSLATE_NOOP("Messages", "reading a record")},
    {"core.history.step.readSyncState", QT_TRANSLATE_NOOP("Messages", "reading the sync state")},
    {"core.history.step.saveSyncState", QT_TRANSLATE_NOOP("Messages", "saving the sync state")},
    // For HistorySync.
    {"core.sync.notRequested",
     QT_TRANSLATE_NOOP("Messages", "The history could not be requested. Sign in and try again.")},
    {"core.sync.earlierPageNotSaved",
     QT_TRANSLATE_NOOP("Messages", "An earlier page of the history was not saved.")},
    // %1 is SQLite's own report (not translated), %2 the file it was set aside as.
    {"core.history.setAside",
     QT_TRANSLATE_NOOP("Messages", "The local history database was damaged (%1); it was set "
                                   "aside as %2 and will be rebuilt from the server.")},
    // HistorySalvage: what came back after a damaged database. %1 is one of
    // core.history.recoveredFrom.*, %2…%5 the counts below.
    {"core.history.recovered",
     QT_TRANSLATE_NOOP("Messages", "What only this computer knew came back from %1: %2, %3, %4 "
                                   "and %5."),
     -1, messageArg(1) | messageArg(2) | messageArg(3) | messageArg(4) | messageArg(5)},
    {"core.history.recoveredFrom.damaged", QT_TRANSLATE_NOOP("Messages", "the damaged file")},
    {"core.history.recoveredFrom.backup", QT_TRANSLATE_NOOP("Messages", "the last backup")},
    {"core.history.recoveredFrom.both",
     QT_TRANSLATE_NOOP("Messages", "the damaged file and the last backup")},
    {"core.history.recovered.favourites", QT_TRANSLATE_N_NOOP("Messages", "%n favourites"), 0},
    {"core.history.recovered.hidden", QT_TRANSLATE_N_NOOP("Messages", "%n hidden images"), 0},
    {"core.history.recovered.jobs", QT_TRANSLATE_N_NOOP("Messages", "%n jobs"), 0},
    {"core.history.recovered.links",
     QT_TRANSLATE_N_NOOP("Messages", "%n links to images on this computer"), 0},
    {"core.history.openFailed",
     QT_TRANSLATE_NOOP("Messages", "The local history at %1 could not be opened. Check that the "
                                   "folder is writable and not full, or use another profile.")},
    {"core.history.newerSchema",
     QT_TRANSLATE_NOOP("Messages", "This profile was written by a newer NanoBanana Studio "
                                   "(schema %1); this version understands up to %2. Update the "
                                   "app or use another profile.")},
    {"core.history.damaged",
     QT_TRANSLATE_NOOP("Messages", "The local history database is damaged (%1). Restart "
                                   "NanoBanana Studio: it will set the file aside and rebuild "
                                   "the history from the server.")},
    {"core.history.readFailed",
     QT_TRANSLATE_NOOP("Messages", "The local history could not be read. Restart the app; if "
                                   "this keeps happening, use another profile.")},
    // Characters (CharacterCache). %1 is the database's own error text.
    {"core.characters.notSavedInDatabase",
     QT_TRANSLATE_NOOP("Messages",
                       "Could not save the character list in the profile database (%1).")},
    {"core.characters.notSaved",
     QT_TRANSLATE_NOOP("Messages", "Could not save the character list (%1).")},
    // Gallery (GalleryCore, export). %1/%2 are paths, then the system's own error text.
    {"core.gallery.imageGone",
     QT_TRANSLATE_NOOP("Messages", "That image is no longer in the local history.")},
    {"core.gallery.cannotReadImage",
     QT_TRANSLATE_NOOP("Messages",
                       "Could not read the image %1 (%2); it may have been moved or deleted.")},
    {"core.gallery.cannotWriteImage",
     QT_TRANSLATE_NOOP("Messages", "Could not write %1 (%2). Choose a folder you can write to.")},
    {"core.gallery.cannotCreateFolder",
     QT_TRANSLATE_NOOP("Messages",
                       "Could not create the folder %1. Choose a folder you can write to.")},
    {"core.gallery.cannotCopy",
     QT_TRANSLATE_NOOP("Messages", "Could not copy %1 into %2. Check the free space and "
                                   "permissions of that folder.")},
    {"core.gallery.cannotWriteRecords", QT_TRANSLATE_NOOP("Messages", "Could not write %1 (%2).")},
};
} // namespace

std::span<const MessageSource> Messages::core()
{
    return kMessages;
}
