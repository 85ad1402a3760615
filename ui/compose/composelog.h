#pragma once

#include <QLoggingCategory>

// The compose module's logging category.
Q_DECLARE_LOGGING_CATEGORY(lcCompose)
