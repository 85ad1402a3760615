#pragma once

#include "domain/usermessage.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

struct ApiError;

enum class JobKind { Generate, Edit };

// A job's life: written as Queued before anything is sent; Unknown when the outcome of a
// submission could not be known (timeout, reset, 5xx after the upload began) and must be
// reconciled against the history before any retry.
enum class JobState { Queued, Submitting, Pending, Completed, Failed, Unknown, Cancelled };

QString jobKindName(JobKind kind); // "generate", "edit"
std::optional<JobKind> jobKindFromName(const QString &name);
QString jobStateName(JobState state); // "queued", "submitting", ...
std::optional<JobState> jobStateFromName(const QString &name);
bool isFinal(JobState state); // Completed, Failed, Cancelled
bool isInFlight(JobState state); // Submitting, Pending, Unknown: sent, not settled

// The aspect ratios the backend accepts for imageSize, in display order.
QStringList acceptedAspectRatios();
QStringList acceptedResolutions(); // 1K 2K 4K
int starCost(const QString &resolution); // 10 for 1K/2K, 20 for 4K

// What the user asked for; everything needed to (re)submit it.
struct JobRequest
{
    JobKind kind = JobKind::Generate;
    QString prompt;
    QString aspectRatio = QStringLiteral("1:1");
    QString resolution = QStringLiteral("1K");
    QStringList referencePaths; // local files (copied into the profile's refs/ when queued)
    QStringList characterIds;
    QStringList characterImageUrls; // sent as the JSON array characterImageUrls
    QString templateId;
    // A brush edit: a grey PNG (white = change) over referencePaths[0], copied into the
    // profile when queued. The first image goes untouched, a highlighted copy second.
    QString maskPath;
    // Put the original's unmarked pixels back into the result (MaskEdit::finishResult).
    bool keepUnmasked = true;

    bool isBrushEdit() const { return !maskPath.isEmpty(); }
};

struct Job
{
    qint64 id = 0; // local, from the jobs table
    QString accountId; // the user id the job belongs to
    JobRequest request;
    JobState state = JobState::Queued;
    QString taskId; // async flavour
    QString imageId; // the history record's id once known
    QString imageUrl;
    QString localImagePath; // the saved result (for a brush edit kept exact: the combined one)
    QString serverImagePath; // a brush edit kept exact: the server's own result, kept too
    QString errorKind; // ApiError::kindName of the last failure
    QString serverMessage; // verbatim
    // What the user is told about the job, as stored: a code and its arguments (or the
    // server's own words). Set both through setMessage().
    UserMessage message;
    QString userMessage; // `message` as a sentence in the program's language
    int attempts = 0;
    QDateTime createdAt; // UTC, when queued
    QDateTime submittedAt; // when the upload began
    QDateTime completedAt;
    QDateTime updatedAt;

    void setMessage(UserMessage newMessage);
    // Back to queued with the same inputs, forgetting what the last attempt learned.
    void startOver();
    void clearMessage() { setMessage({}); }
    // Keeps what the last failure was (its kind) and the server's own words about it.
    void noteError(const ApiError &error);
};

// A job message in words. An argument that is itself a stored message (the error a wait is
// about, say) is put into words too, so it follows the language as well.
QString jobMessageText(const UserMessage &message);
