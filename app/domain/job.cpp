#include "domain/job.h"

#include "domain/apierror.h"

QString jobKindName(JobKind kind)
{
    return kind == JobKind::Edit ? QStringLiteral("edit") : QStringLiteral("generate");
}

std::optional<JobKind> jobKindFromName(const QString &name)
{
    if (name == u"generate")
        return JobKind::Generate;
    if (name == u"edit")
        return JobKind::Edit;
    return std::nullopt;
}

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Submitting:
        return QStringLiteral("submitting");
    case JobState::Pending:
        return QStringLiteral("pending");
    case JobState::Completed:
        return QStringLiteral("completed");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Unknown:
        return QStringLiteral("unknown");
    case JobState::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    for (auto s : {JobState::Queued, JobState::Submitting, JobState::Pending, JobState::Completed,
                   JobState::Failed, JobState::Unknown, JobState::Cancelled})
        if (jobStateName(s) == name)
            return s;
    return std::nullopt;
}

bool isFinal(JobState state)
{
    return state == JobState::Completed || state == JobState::Failed
           || state == JobState::Cancelled;
}

bool isInFlight(JobState state)
{
    return state == JobState::Submitting || state == JobState::Pending
           || state == JobState::Unknown;
}

QStringList acceptedAspectRatios()
{
    return {QStringLiteral("1:1"), QStringLiteral("2:3"),  QStringLiteral("3:2"),
            QStringLiteral("3:4"), QStringLiteral("4:3"),  QStringLiteral("4:5"),
            QStringLiteral("5:4"), QStringLiteral("9:16"), QStringLiteral("16:9"),
            QStringLiteral("21:9")};
}

QStringList acceptedResolutions()
{
    return {QStringLiteral("1K"), QStringLiteral("2K"), QStringLiteral("4K")};
}

int starCost(const QString &resolution)
{
    return resolution == u"4K" ? 20 : 10;
}

void Job::setMessage(UserMessage newMessage)
{
    message = std::move(newMessage);
    userMessage = jobMessageText(message);
}

QString jobMessageText(const UserMessage &message)
{
    UserMessage expanded = message;
    if (expanded.code != u"text")
        for (auto &arg : expanded.args)
            if (arg.startsWith(u'{')) // anything else is a plain argument
                arg = UserMessage::fromStorage(arg).text();
    return expanded.text();
}

void Job::noteError(const ApiError &error)
{
    errorKind = ApiError::kindName(error.kind);
    serverMessage = error.serverMessage;
}

void Job::startOver()
{
    state = JobState::Queued;
    errorKind.clear();
    serverMessage.clear();
    clearMessage();
    taskId.clear();
    imageId.clear();
    imageUrl.clear();
    completedAt = {};
}
