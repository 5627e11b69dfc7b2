# depeche_sanitizers: INTERFACE target adding ASan + UBSan when DEPECHE_SANITIZE is ON.
add_library(depeche_sanitizers INTERFACE)
if(DEPECHE_SANITIZE)
  target_compile_options(depeche_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(depeche_sanitizers INTERFACE -fsanitize=address,undefined)
  # With optimisation (`make asan` builds at -O1) GCC 12 reports -Wmaybe-uninitialized inside
  # libstdc++'s <regex> (std::function moved out of a regex automaton state): a false positive
  # of the sanitizer instrumentation, fatal under DEPECHE_WERROR. The Release build keeps the
  # warning.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(depeche_sanitizers INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()
