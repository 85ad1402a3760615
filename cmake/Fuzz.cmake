# libFuzzer targets (tests/fuzz), built by `./dev fuzz` into build/fuzz with clang: the pure
# parts that read what the network or the disk hands us (decoders, error bodies, the JWT claim
# reader, the multipart writer's round trip, the image verifier), under ASan + UBSan.
option(BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (clang only; ./dev fuzz)" OFF)

if(BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "BUILD_FUZZERS needs clang; ./dev fuzz configures clang++-14")
  endif()
  add_subdirectory(tests/fuzz)
endif()
