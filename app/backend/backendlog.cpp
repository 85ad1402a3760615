#include "backend/backendlog.h"

Q_LOGGING_CATEGORY(lcBackend, "studio.backend")
