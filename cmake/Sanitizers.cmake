# ASan + UBSan for the whole build (./dev asan).
if(ENABLE_SANITIZERS)
  target_compile_options(studio_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(studio_settings INTERFACE -fsanitize=address,undefined)
endif()
