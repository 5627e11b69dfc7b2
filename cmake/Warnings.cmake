# depeche_warnings: an INTERFACE target carrying the project's warning flags.
# DEPECHE_WERROR (ON in CI) turns them into errors. Never set global flags.
add_library(depeche_warnings INTERFACE)
target_compile_options(depeche_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(DEPECHE_WERROR)
  target_compile_options(depeche_warnings INTERFACE -Werror)
endif()
