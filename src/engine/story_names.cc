#include "engine/story_names.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "extract/name_match.h"
#include "story/story_input.h"
#include "text/normalize.h"

namespace depeche::engine {
namespace {

// Maps a span of Article::text to the story input's text, where each boilerplate span became a
// paragraph break (story::StoryInputOf, with the same rule for spans out of order). nullopt
// for a span inside or across boilerplate.
std::optional<story::NameMention> InStoryText(const Article& article, const Span& span) {
  int64_t shift = 0;
  uint32_t pos = 0;
  for (const BoilerplateSpan& b : article.boilerplate) {
    if (b.span.begin < pos || b.span.end > article.text.size()) continue;
    if (b.span.begin >= span.end) break;
    if (span.begin < b.span.end) return std::nullopt;
    shift += static_cast<int64_t>(b.span.end - b.span.begin) - 2;
    pos = b.span.end;
  }
  story::NameMention m;
  m.begin = static_cast<uint32_t>(span.begin - shift);
  m.end = static_cast<uint32_t>(span.end - shift);
  return m;
}

std::string_view TypePrefix(extract::EntityType type) {
  switch (type) {
    case extract::EntityType::kPerson:
      return "person:";
    case extract::EntityType::kOrganization:
      return "org:";
    case extract::EntityType::kPlace:
      return "place:";
    case extract::EntityType::kMisc:
      break;
  }
  return "";
}

}  // namespace

std::vector<story::NameFeature> StoryNamesOf(const extract::Gazetteer& gazetteer,
                                             const Article& article,
                                             const extract::ArticleEntities& entities) {
  // The story stage leaves out a title that opens the text; its mentions go with it.
  const bool title_counts = !story::StoryTitleOf(article).empty();
  std::vector<story::NameFeature> out;
  out.reserve(entities.entities.size());
  for (const extract::ArticleEntity& entity : entities.entities) {
    const std::string_view prefix = TypePrefix(entity.type);
    if (prefix.empty()) continue;
    story::NameFeature name;
    name.display = entity.name;
    for (uint32_t index : entity.mentions) {
      if (index >= entities.mentions.size()) continue;
      const extract::Mention& m = entities.mentions[index];
      if (m.in_title) {
        if (title_counts) name.mentions.push_back({true, m.span.begin, m.span.end});
      } else if (std::optional<story::NameMention> at = InStoryText(article, m.span)) {
        name.mentions.push_back(*at);
      }
    }
    if (name.mentions.empty()) continue;
    const std::string folded = text::Fold(entity.name);
    const std::vector<std::string_view> words = extract::NameWords(folded);
    if (words.empty()) continue;
    if (!entity.gazetteer_ref.empty()) {
      name.key = "ref:" + entity.gazetteer_ref;
    } else if (std::string role = entity.type == extract::EntityType::kPerson
                                      ? gazetteer.RoleOf(entity.name)
                                      : std::string();
               !role.empty()) {
      name.key = "role:" + role;
    } else if (entity.type == extract::EntityType::kPerson) {
      // First names vary with transliteration and familiarity; the surname carries the
      // person (in-article resolution already tied "Blinken" to "Antony Blinken").
      name.key = "person:" + extract::WordSkeleton(words.back());
    } else {
      name.key = std::string(prefix) + extract::NameSkeleton(folded);
      if (words.size() > 1) {
        for (std::string_view word : words) {
          if (word.size() >= 3) name.part_keys.push_back("word:" + extract::WordSkeleton(word));
        }
      }
    }
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace depeche::engine
