# Sanitizer builds, one per build directory: SANITIZER=address is ASan + UBSan (./dev asan),
# SANITIZER=thread is ThreadSanitizer (./dev tsan); the two cannot share one binary.
set(SANITIZER "" CACHE STRING "Build with a sanitizer: address (ASan + UBSan) or thread (TSan)")
set_property(CACHE SANITIZER PROPERTY STRINGS "" address thread)
# The older switch, kept so that an existing build/asan directory configures as before.
if(ENABLE_SANITIZERS AND SANITIZER STREQUAL "")
  set(SANITIZER address)
endif()

if(SANITIZER STREQUAL "address")
  target_compile_options(studio_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(studio_settings INTERFACE -fsanitize=address,undefined)
elseif(SANITIZER STREQUAL "thread")
  target_compile_options(studio_settings INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(studio_settings INTERFACE -fsanitize=thread)
elseif(NOT SANITIZER STREQUAL "")
  message(FATAL_ERROR "SANITIZER must be address or thread, not '${SANITIZER}'")
endif()
