#include "common/uiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE declares an extern function in block scope, so the function using it must
// live in the global namespace (not an anonymous one).
static int registerUiResources()
{
    Q_INIT_RESOURCE(resources);
    return 0;
}

void initUiResources()
{
    static const int registered = registerUiResources();
    Q_UNUSED(registered)
}
