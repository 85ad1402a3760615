#pragma once

#include "domain/apierror.h"
#include "domain/usermessage.h"

// What the job parts tell a person, as codes (catalogue: domain/messages/jobsmessages.cpp).
namespace JobMessages {

inline UserMessage said(const char *code, QStringList args = {})
{
    return UserMessage::of(code, std::move(args));
}

// The error's sentence as a code when it has one.
inline UserMessage fromError(const ApiError &error)
{
    return error.message.isEmpty() ? UserMessage::plain(error.userMessage) : error.message;
}

// A task error recorded by the server, as a sentence that says what to do.
inline UserMessage taskFailure(const QString &serverError)
{
    if (serverError.startsWith(u"Content policy violation", Qt::CaseInsensitive))
        return said("jobs.contentPolicy");
    if (serverError.isEmpty())
        return said("jobs.serverFailed");
    return said("jobs.serverFailedSaying", {serverError});
}

} // namespace JobMessages
