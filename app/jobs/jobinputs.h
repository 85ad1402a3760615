#pragma once

#include "domain/job.h"
#include "domain/result.h"

// A new job's input files (references, a brush edit's mask) copied into the profile's
// references folder, so the queued job survives its originals moving or being deleted.
// Returns the request pointing at the copies, or why a file could not be read.
Result<JobRequest> keepJobInputs(JobRequest request, const QString &referencesDir);
