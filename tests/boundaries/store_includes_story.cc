// Must compile: `story` is one of `store`'s DEPS. The control for
// store_includes_engine.cc: the same build setup succeeds when the include is allowed.
#include "story/story_pipeline.h"

int main() { return 0; }
