// The display title of a story: the most representative real headline among its articles.
// Pure functions (no SQL), so the choice is testable on its own and identical wherever a
// story's summary row is (re)computed (StoryStore::Record, RebuildSummary).
#ifndef DEPECHE_STORE_STORY_TITLE_H_
#define DEPECHE_STORE_STORY_TITLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace depeche::store {

// How much a title looks like a headline; higher is better. A tier always beats a lower one.
enum class TitleTier : int {
  kNone = 0,      // empty title
  kDerived = 1,   // cut from the text's first sentence (title_origin "derived")
  kCaption = 2,   // a photo caption or credit ("Foto de X via Wikimedia", "Photo:", "©",
                  // "Source: ..."), or fewer than 3 words
  kSentence = 3,  // a lead sentence rather than a headline: over 16 words, or over 8 words
                  // ending with a full stop
  kHeadline = 4,  // anything else stated by the input (feed title, HTML headline, first line)
};

// The tier of `title` given its origin (Article::title_origin; "" for rows stored before
// origins were recorded counts as stated). `lang` picks the word rules. Thread-safe.
TitleTier ClassifyTitle(std::string_view title, std::string_view origin, std::string_view lang);

// One article of a story, as the choice sees it.
struct TitleCandidate {
  std::string title;
  std::string origin;  // Article::title_origin
  std::string source;
  std::string lang;
  int64_t seq = 0;  // arrival order
};

// Index into `articles` of the story's display title, -1 when none has a title. Titles are
// grouped by their folded text; the group with the best tier wins, then the highest score
//   (1 + words of `key_words` found in the title) x (distinct sources carrying the title,
//   articles without a source counting as one source together),
// then the one whose first article arrived first. The returned index is that article.
// `key_words` are the story's top terms and names (display forms; multi-word names count each
// word). Deterministic; thread-safe.
int ChooseStoryTitle(const std::vector<TitleCandidate>& articles,
                     const std::vector<std::string>& key_words);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_STORY_TITLE_H_
