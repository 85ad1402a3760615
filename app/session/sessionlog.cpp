#include "session/sessionlog.h"

Q_LOGGING_CATEGORY(lcSession, "studio.session")
