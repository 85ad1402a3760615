#pragma once

#include "domain/records.h"

#include <QDateTime>
#include <QString>

// What the server says became of a sent job, read alike from its task (polling) and from its
// history record (reconciling).
struct ServerOutcome
{
    enum class Kind { Completed, Failed, Working };
    Kind kind = Kind::Working;
    QString imageUrl; // Completed: the result to download
    QDateTime completedAt; // Completed: the server's time, else when it was learnt
    QString error; // Failed: the server's own words

    // An ended task: completed, or failed for any other status.
    static ServerOutcome ofEndedTask(const Task &task);
    static ServerOutcome ofRecord(const GeneratedImage &record);
};
