#pragma once

#include "domain/job.h"
#include "domain/records.h"

#include <QList>
#include <QSet>

#include <optional>

// Finds where a job whose submission outcome is unknown landed in the server's history. Pure:
// no clock, no database, no network.
//
// A record is this job's when
//  - its prompt is the job's prompt as a person would read it: both are compared after NFC
//    composition and the history's own search normalisation (HistoryReader::normalizeForSearch:
//    Arabic yeh and kaf as their Persian forms, no zero-width non-joiner), because the same
//    Persian prompt reaches the server typed, pasted or normalised in different ways. Case,
//    spaces and every other character still count: the server stores the prompt as sent;
//  - neither its id nor its task id is already claimed by another job of the account;
//  - its task id, when both have one, is the job's;
//  - it was created within `windowMs` of the job's submission (or creation) time, either way,
//    because the server's clock and ours differ.
// Of several such records the one created closest to that time wins; on a tie, the first.
std::optional<GeneratedImage> matchServerRecord(const Job &job,
                                                const QList<GeneratedImage> &records,
                                                const QSet<QString> &claimedIds, qint64 windowMs);

// The prompt comparison above.
bool samePrompt(const QString &a, const QString &b);
