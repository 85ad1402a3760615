#pragma once

#include "domain/apierror.h"
#include "domain/job.h"

#include <optional>

// Whether a request can be sent as it is: the first thing wrong with it (a Validation error
// that says what to change), or nothing. Checks only what is knowable without the files.
std::optional<ApiError> checkJobRequest(const JobRequest &request);

// How many images (references) one job may carry.
inline constexpr int kMaxJobImages = 5;
