// The `dedup` and `bench` commands of story_eval (see story_eval_main.cc).
#ifndef DEPECHE_EVAL_STORY_EVAL_COMMANDS_H_
#define DEPECHE_EVAL_STORY_EVAL_COMMANDS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/analyzer.h"
#include "story/story_pipeline.h"

namespace depeche::eval {

// Generated near-duplicates from `sources` distinct Reuters articles plus `copies` copies, then
// the real Reuters duplicates (exact Jaccard >= 0.8 and >= 0.5). `seed` seeds the generator.
// Prints a table or JSON.
int RunDedupCommand(const std::string& reuters_dir, size_t sources, size_t copies, uint64_t seed,
                    const story::DedupOptions& options, bool json);

// Streams the Reuters corpus by date through the story stage (story::ProcessArticle: dedup +
// clustering), replayed with dates shifted by the corpus span until `total` articles; prints
// articles/s, peak RSS and the pipeline's memory at checkpoints. The articles are analysed
// with `analyzer` first, outside the timing (the analyzer has its own benchmark).
int RunBenchCommand(const std::string& reuters_dir, size_t total,
                    const story::StoryPipelineOptions& options, const engine::Analyzer& analyzer,
                    bool json);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_STORY_EVAL_COMMANDS_H_
