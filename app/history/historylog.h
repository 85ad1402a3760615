#pragma once

#include <QLoggingCategory>

// The history module's one logging category ("studio.history").
Q_DECLARE_LOGGING_CATEGORY(lcHistory)
