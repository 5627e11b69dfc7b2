// Stories and duplicate groups as the engine returns them (see Engine::Stories, GetStory,
// Duplicates).
#ifndef DEPECHE_STORY_H_
#define DEPECHE_STORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace depeche {

struct StoryQuery {
  std::optional<std::string> since;  // ISO date: stories with activity on or after it
  std::optional<std::string> lang;   // stories with at least one article in this language
  int min_articles = 1;              // stories with at least this many stored articles
  int limit = 50;
};

struct StorySummary {
  std::string id;
  std::string title;  // title of the story's first article
  int64_t article_count = 0;
  int64_t source_count = 0;  // distinct non-empty sources
  std::string first_seen;    // ISO date of its earliest dated article, "" when none
  std::string last_seen;     // ISO date of its latest dated article, "" when none
  std::vector<std::string> languages;
  std::string linked_story_id;  // an older story this one continues, "" when none
};

struct StoryArticle {
  std::string id;
  std::string title;
  std::string source;
  std::string lang;
  std::string published;    // ISO at its precision, "" when unknown
  std::string dup_group;    // duplicate group (id of its first article)
  std::string original_id;  // closest earlier near-duplicate (or exact copy), "" when none
  // Estimated Jaccard similarity of the article's shingles with original_id's (1 for an exact
  // copy), 0 when it has no original.
  double copy_similarity = 0.0;
  bool exact_copy = false;  // the same text as original_id (another record of it)
  double similarity = 0.0;  // with the story when it joined (0 for the opening article)
};

struct StoryDetail {
  StorySummary summary;
  std::vector<StoryArticle> articles;    // in arrival order
  std::vector<std::string> top_names;    // most frequent names over its articles
  std::vector<std::string> top_terms;    // content words most often among its articles' top terms
  std::vector<std::string> merged_from;  // story ids folded into this one
};

struct DuplicateGroup {
  std::string group_id;  // id of the group's first article
  // The group's best known title and date, whichever copy states them: a title stated by the
  // input over one derived from the text (then the earliest article's); among dates of day
  // precision or finer (else the coarser ones), the earliest day and in it the most precise
  // date; "" when none is known.
  std::string title;
  std::string published;
  int64_t source_count = 0;            // distinct non-empty sources
  std::vector<StoryArticle> articles;  // in arrival order, first the original
};

}  // namespace depeche

#endif  // DEPECHE_STORY_H_
