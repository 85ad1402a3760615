#pragma once

// Registers studio_ui's compiled resources (icons). studio_ui is a static library, so the
// linker drops the resource object unless something references it; call before using ":/".
void initUiResources();
