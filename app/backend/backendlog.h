#pragma once

#include <QLoggingCategory>

// The backend module's one logging category. Tokens and Authorization headers are never
// logged.
Q_DECLARE_LOGGING_CATEGORY(lcBackend)
