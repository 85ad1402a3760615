# One INTERFACE target carries the language level, warnings and strict Qt defines;
# every target of the project links it.
add_library(studio_settings INTERFACE)
target_compile_features(studio_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(studio_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough -Wformat=2 -Wmissing-declarations)
if(WARNINGS_AS_ERRORS)
  # GCC 12 reports std::optional members as maybe-uninitialized at -O2 where they cannot be
  # (seen in tests reading optional records); keep the warning, not the failure.
  target_compile_options(studio_settings INTERFACE -Werror -Wno-error=maybe-uninitialized)
endif()

target_compile_definitions(studio_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_USE_QSTRINGBUILDER
  QT_NO_CONTEXTLESS_CONNECT
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  STUDIO_VERSION="${PROJECT_VERSION}")

include(Sanitizers)
