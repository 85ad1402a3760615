#include "compose/composelog.h"

Q_LOGGING_CATEGORY(lcCompose, "studio.ui.compose")
