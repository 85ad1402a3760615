#pragma once

#include <QLoggingCategory>

// The media module's one logging category ("studio.media").
Q_DECLARE_LOGGING_CATEGORY(lcMedia)
