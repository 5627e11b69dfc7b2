// Must NOT compile: `store` sits below `engine` in the module graph, so the engine's headers
// are not on its include path (cmake/DepecheModule.cmake). Built only by the
// module_boundary test, which expects the build to fail.
#include "engine/analyzer.h"

int main() { return 0; }
