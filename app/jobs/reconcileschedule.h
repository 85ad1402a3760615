#pragma once

#include <QDateTime>

// Where a job's search of the history stands, stored with the job so that the next run of the
// program goes on from here instead of starting the schedule over.
struct ReconcileSchedule
{
    int step = 0; // delays of the schedule used so far
    int historyLooks = 0; // looks that read the history and found no match
    bool serverAnswered = false; // a 5xx said the server saw the job and refused it
    QDateTime nextCheckAt; // UTC; invalid: none planned

    bool isEmpty() const { return step == 0 && historyLooks == 0 && !nextCheckAt.isValid(); }
};
