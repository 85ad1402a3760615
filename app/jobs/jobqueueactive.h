#pragma once

#include "jobs/jobqueue.h"

// What JobQueue keeps per job while it works on it (jobqueue.cpp and jobpolling.cpp).
struct JobQueue::Active
{
    QPointer<ApiCallBase> call;
    QTimer timer;
    int pollIndex = 0;
    qint64 pollDueMs = 0; // when the next look is due (steady clock); 0: none scheduled
    int pollDelayMs = 0; // the delay that set pollDueMs
    int reconcileIndex = 0;
    int retryIndex = 0;
    int downloadAttempts = 0;
    int historyLooks = 0; // reconcile lookups that read the history (and found no match)
    bool uploadBegan = false;
    bool serverAnswered = false; // a 5xx came back: the server saw the job and refused it
};

namespace JobQueueDetail {
// A task error recorded by the server, as a sentence that says what to do.
QString taskFailureSentence(const QString &serverError);
} // namespace JobQueueDetail
