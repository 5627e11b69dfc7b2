// A story's digest: its headline per language, its extractive summary and its timeline, each
// line with its sources (issue 13). Pure over the story's articles as read from the store; the
// engine caches the result (store::DigestStore) and computes it again when the story changes.
#ifndef DEPECHE_ENGINE_STORY_DIGEST_H_
#define DEPECHE_ENGINE_STORY_DIGEST_H_

#include <memory>
#include <string>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "depeche/story.h"
#include "store/digest_store.h"
#include "story/summarizer.h"
#include "story/timeline.h"

namespace depeche::engine {

using StoryDigest = store::StoryDigest;

// The words of the summary (a short read: DUC's 250-word summaries cover 25 documents at once).
inline constexpr size_t kStorySummaryWords = 150;
// The words of the summary in each other language of a multilingual story.
inline constexpr size_t kLanguageSummaryWords = 60;
// The most timeline entries shown.
inline constexpr size_t kStoryTimelineDates = 12;

// Computes digests. Immutable after Create; Digest is thread-safe.
class StoryDigester {
 public:
  // Errors: Summarizer::Create's and TimelineBuilder::Create's (unreadable data files).
  static Result<std::unique_ptr<StoryDigester>> Create(const std::string& data_dir);

  // The digest of `story` from `articles`: the stored articles of some of story.articles (its
  // latest ones: the engine reads at most a few hundred), each matched to its StoryArticle by
  // id; the others are left out. With `since` (an ISO date or date-time, see StoryOptions), the
  // summary and timeline say what the articles dated since then add to the older ones.
  StoryDigest Digest(const StoryDetail& story, const std::vector<Article>& articles,
                     const std::string& since = "") const;

  // What the digest of `story` depends on: its articles (ids, best dates, languages, copy
  // links, in arrival order) and the digest's settings. Equal keys, equal digests.
  static std::string Key(const StoryDetail& story);

 private:
  StoryDigester() = default;
  std::unique_ptr<story::Summarizer> summarizer_;
  std::unique_ptr<story::TimelineBuilder> timeline_;
};

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_STORY_DIGEST_H_
