#pragma once

#include <QList>

// How long the job parts wait: between looks at a pending task, between looks at the history
// for a job whose outcome is unknown, and before sending again a job that was not sent.
struct JobTiming
{
    QList<int> pollDelaysMs{2000, 3000, 5000, 8000, 13000, 21000, 30000};
    // Once this account's recent jobs show how long the server usually takes, the first look
    // waits for most of that time instead of walking the schedule above.
    bool learnFromRecentJobs = true;
    QList<int> reconcileDelaysMs{0, 10000, 30000, 60000, 120000, 300000};
    QList<int> retryDelaysMs{5000, 10000, 20000, 40000, 60000};
    int reconcileWindowMs = 15 * 60 * 1000; // server records this close to the submission
};
