# depeche_sanitizers: INTERFACE target adding ASan + UBSan when DEPECHE_SANITIZE is ON.
add_library(depeche_sanitizers INTERFACE)
if(DEPECHE_SANITIZE)
  target_compile_options(depeche_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(depeche_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
