#pragma once

#include <QLoggingCategory>

// The session module's one logging category ("studio.session"). Never log a token.
Q_DECLARE_LOGGING_CATEGORY(lcSession)
