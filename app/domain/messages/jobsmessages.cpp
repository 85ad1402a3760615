// The jobs messages a person can see; see UserMessage. Arguments that are themselves stored
// messages (marked "a message" below) are put into words by jobMessageText().
#include "domain/usermessage.h"

#include <QtGlobal>

namespace {
constexpr MessageSource kMessages[] = {
    // Checking a request before it is queued (checkJobRequest, JobQueue::enqueue).
    {"jobs.signInFirst", QT_TRANSLATE_NOOP("Messages", "Sign in before sending a job.")},
    {"jobs.promptMissing",
     QT_TRANSLATE_NOOP("Messages", "Write a prompt first: it tells the model what to make.")},
    {"jobs.editNeedsImage",
     QT_TRANSLATE_NOOP("Messages", "An edit needs at least one image. Add the image to edit, "
                                   "then send again.")},
    // %n: how many images too many.
    {"jobs.tooManyImages",
     QT_TRANSLATE_N_NOOP("Messages", "At most 5 images can go with one job; remove %n."), 0},
    // %1: the ratio asked for, %2: the accepted ones.
    {"jobs.aspectRatioRefused",
     QT_TRANSLATE_NOOP("Messages", "The aspect ratio %1 is not one the server accepts (%2).")},
    {"jobs.resolutionRefused",
     QT_TRANSLATE_NOOP("Messages", "The resolution must be 1K, 2K or 4K.")},
    // Copying references into the profile (copyReferenceIntoProfile). %1: the file.
    {"jobs.referenceUnreadable",
     QT_TRANSLATE_NOOP("Messages", "Could not read the reference %1 (%2). Check that the file "
                                   "exists and is readable.")},
    {"jobs.referenceReadFailed", QT_TRANSLATE_NOOP("Messages", "Could not read the reference %1.")},
    {"jobs.referenceCopyFailed",
     QT_TRANSLATE_NOOP("Messages", "Could not copy the reference %1 into the profile folder. "
                                   "Check the free disk space.")},
    // %1: the database's own words.
    {"jobs.saveFailed",
     QT_TRANSLATE_NOOP("Messages", "Could not save the job in the profile database (%1). "
                                   "Nothing was sent.")},
    // Sending, and waiting to send again.
    {"jobs.waitingForSignIn",
     QT_TRANSLATE_NOOP("Messages", "Waiting for you to sign in again; the job is kept.")},
    // %1: a message (why the network failed).
    {"jobs.waitingForNetwork", QT_TRANSLATE_NOOP("Messages", "Waiting for the network: %1")},
    {"jobs.cancelledAfterSending",
     QT_TRANSLATE_NOOP("Messages", "Cancelled here. The server may still finish this job and "
                                   "charge for it; it will then appear in the history.")},
    {"jobs.cancelledBeforeSending",
     QT_TRANSLATE_NOOP("Messages", "Cancelled before it was sent; nothing was charged.")},
    // A proxy refused the upload as too large (413) before the server saw it: nothing was
    // charged. %1: the megabytes the references are re-encoded within.
    {"jobs.resendingSmaller",
     QT_TRANSLATE_NOOP("Messages", "The pictures were too large for the server's gateway, so "
                                   "nothing was charged. Sending them again, made smaller (%1 MB "
                                   "in all).")},
    {"jobs.picturesTooLarge",
     QT_TRANSLATE_NOOP("Messages", "The pictures are too large for the server's gateway even at "
                                   "the lowest quality allowed, so the job was not sent and "
                                   "nothing was charged. Use fewer or smaller images.")},
    // The program stopped before the request had left: the server never saw it.
    {"jobs.resentAfterRestart",
     QT_TRANSLATE_NOOP("Messages", "The program stopped before this job had left, so the server "
                                   "never saw it; it is sent again now.")},
    // An outcome that is not known yet, and how it was settled.
    {"jobs.checkingAfterRestart",
     QT_TRANSLATE_NOOP("Messages", "Checking with the server whether this job arrived before "
                                   "the program stopped.")},
    {"jobs.connectionBrokeChecking",
     QT_TRANSLATE_NOOP("Messages", "The connection broke after the job was sent. Checking the "
                                   "history to see whether the server made the image; it will "
                                   "not be sent twice.")},
    // %1: a message (what went wrong with the answer).
    {"jobs.answerFailedChecking",
     QT_TRANSLATE_NOOP("Messages", "%1 Checking the history to see whether the server made the "
                                   "image; it will not be sent twice.")},
    {"jobs.historyNotReadYet",
     QT_TRANSLATE_NOOP("Messages", "Could not check the history yet to see whether the server "
                                   "made this image; trying again. It will not be sent twice.")},
    {"jobs.refusedUncharged",
     QT_TRANSLATE_NOOP("Messages", "The server could not make this image and kept no record of "
                                   "it, so nothing was charged. Retry it, or change the prompt "
                                   "if it keeps failing.")},
    {"jobs.neverConfirmedUncharged",
     QT_TRANSLATE_NOOP("Messages", "The server never confirmed this job and its history has no "
                                   "record of it, so nothing was charged. Retry it when you "
                                   "like.")},
    // A task error recorded by the server (%1: the server's words).
    {"jobs.contentPolicy",
     QT_TRANSLATE_NOOP("Messages", "The model refused this prompt under its content policy. "
                                   "Change the prompt or the references and try again.")},
    {"jobs.serverFailed",
     QT_TRANSLATE_NOOP("Messages", "The server could not make this image. Try again.")},
    {"jobs.serverFailedSaying",
     QT_TRANSLATE_NOOP("Messages", "The server could not make this image (it said: %1). Try "
                                   "again; if it keeps failing, change the prompt.")},
    // %1: a message (why the download failed).
    {"jobs.downloadWaiting",
     QT_TRANSLATE_NOOP("Messages", "The image is ready on the server but could not be "
                                   "downloaded yet: %1")},
    // A write to the profile failed for want of room (JobQueue; StorageFault).
    {"jobs.diskFull",
     QT_TRANSLATE_NOOP("Messages", "The disk is full: free some space; your job is kept.")},
    {"jobs.diskFullNotSent",
     QT_TRANSLATE_NOOP("Messages", "The disk is full: free some space, then send the job "
                                   "again. Nothing was sent.")},
    // A completed job whose image could not be stored: kept as "completed, not saved yet".
    {"jobs.resultNotSaved",
     QT_TRANSLATE_NOOP("Messages", "Finished, not saved yet: the disk is full. Free some space; "
                                   "the image is saved by itself then.")},
    // A brush edit (jobs/maskedit.cpp, checkJobRequest). %1: the file.
    {"jobs.maskUnreadable",
     QT_TRANSLATE_NOOP("Messages", "Could not read the marked area or its image (%1). Mark the "
                                   "area again.")},
    // %1: the file, %2: the system's words.
    {"jobs.maskHighlightFailed",
     QT_TRANSLATE_NOOP("Messages", "Could not save the highlighted copy %1 (%2). Check the free "
                                   "disk space.")},
    {"jobs.maskNeedsImage",
     QT_TRANSLATE_NOOP("Messages", "A marked area belongs to an image being edited. Add the "
                                   "image to edit, then send again.")},
    // %n: how many images too many.
    {"jobs.maskTooManyImages",
     QT_TRANSLATE_N_NOOP("Messages", "With a marked area its highlighted copy goes too, so at "
                                     "most 4 images can be attached; remove %n."),
     0},
};
} // namespace

std::span<const MessageSource> Messages::jobs()
{
    return kMessages;
}
