#pragma once

#include "domain/job.h"

// What an unfinished job needs next when this process picks it up: at start (left by an
// earlier run) or after a request it had to hold back.
enum class ResumeStep {
    Nothing, // queued (the queue sends it in turn) or already settled
    SendAgain, // stopped before its request wholly left: the server never had it
    CheckWhetherSent, // stopped while its request may have reached the server: reconcile
    Poll, // pending with a task to ask about
    Reconcile, // pending without a task, or unknown: look for it in the history
};

// `wholeRequestLeft`: the job's request was handed to the network whole (JobStore's
// request_sent_at); before that moment the server cannot have acted on it.
ResumeStep resumeStep(const Job &job, bool wholeRequestLeft);
