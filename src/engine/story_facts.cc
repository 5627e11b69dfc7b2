#include "engine/story_facts.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/files.h"
#include "core/strings.h"
#include "text/normalize.h"

namespace depeche::engine {
namespace {

// How far a pronoun's antecedents are followed (each points at an earlier quote, so the chain
// ends; the bound keeps a malformed stored index harmless).
constexpr int kMaxAntecedentHops = 16;

std::string_view Text(const Article& a, Span s) {
  if (s.begin >= s.end || s.end > a.text.size()) return {};
  return std::string_view(a.text).substr(s.begin, s.end - s.begin);
}

// The last word of `s` (letters, digits, apostrophes and hyphens), folded.
std::string LastWord(std::string_view s) {
  const std::string folded = text::Fold(s);
  size_t end = folded.size();
  while (end > 0 && (folded[end - 1] == ' ' || folded[end - 1] == '.' || folded[end - 1] == ',')) {
    --end;
  }
  size_t begin = folded.rfind(' ', end == 0 ? 0 : end - 1);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return begin < end ? folded.substr(begin, end - begin) : std::string();
}

// The entity of `entities` that a text mention overlapping `target` names: a person first,
// then the longest overlap; nullptr when none.
const ArticleEntityRef* MentionedEntity(const std::vector<ArticleEntityRef>& entities,
                                        Span target) {
  const ArticleEntityRef* best = nullptr;
  std::tuple<bool, uint32_t> best_key{false, 0};
  for (const ArticleEntityRef& e : entities) {
    for (const EntityMention& m : e.mentions) {
      if (m.in_title || m.end <= target.begin || m.begin >= target.end) continue;
      const uint32_t overlap = std::min(m.end, target.end) - std::max(m.begin, target.begin);
      std::tuple<bool, uint32_t> key{e.type == "person", overlap};
      if (best == nullptr || key > best_key) {
        best = &e;
        best_key = key;
      }
    }
  }
  return best;
}

// The largest overlap of a text mention of `e` with `target`, in bytes.
uint32_t MentionOverlap(const ArticleEntityRef& e, Span target) {
  uint32_t best = 0;
  for (const EntityMention& m : e.mentions) {
    if (m.in_title || m.end <= target.begin || m.begin >= target.end) continue;
    best = std::max(best, std::min(m.end, target.end) - std::max(m.begin, target.begin));
  }
  return best;
}

// The one person of `entities` whose canonical name or a mention ends with `word`; nullptr
// when none or several.
const ArticleEntityRef* PersonEndingWith(const std::vector<ArticleEntityRef>& entities,
                                         const std::string& word) {
  if (word.size() < 2) return nullptr;
  const ArticleEntityRef* found = nullptr;
  for (const ArticleEntityRef& e : entities) {
    if (e.type != "person") continue;
    bool match = LastWord(e.name) == word;
    for (size_t i = 0; !match && i < e.mentions.size(); ++i) {
      match = LastWord(e.mentions[i].surface) == word;
    }
    if (!match) continue;
    if (found != nullptr) return nullptr;
    found = &e;
  }
  return found;
}

struct Speaker {
  std::string key;  // the group: "e:" entity id, "n:"/"d:" folded text, "" none
  std::string display;
  std::string entity_id;
  std::string kind;  // as SpeakerQuotes::speaker_kind
};

// Whether `q` takes up the speaker of an earlier quote (a pronoun, or a definite description
// of a role: "le fonctionnaire" after "un haut responsable"), `i` being its index.
bool TakesUp(const Quote& q, size_t i) {
  return (q.speaker_kind == "pronoun" || q.speaker_kind == "description") && q.antecedent >= 0 &&
         static_cast<size_t>(q.antecedent) < i;
}

Speaker SpeakerOf(const Article& a, size_t index) {
  size_t i = index;
  for (int hop = 0; hop < kMaxAntecedentHops; ++hop) {
    const Quote& q = a.quotes[i];
    if (!q.speaker_entity_id.empty()) {
      return {"e:" + q.speaker_entity_id, q.speaker_entity_name, q.speaker_entity_id, "entity"};
    }
    if (TakesUp(q, i)) {
      i = static_cast<size_t>(q.antecedent);
      continue;
    }
    const bool has_name = q.speaker_name.end > q.speaker_name.begin;
    if (q.speaker_kind == "name" || q.speaker_kind == "description" ||
        (q.speaker_kind == "pronoun" && has_name)) {
      // A pronoun's name is the clause subject it refers to.
      const bool named = q.speaker_kind != "description" || has_name;
      std::string written(has_name ? Text(a, q.speaker_name) : Text(a, q.speaker));
      if (written.empty()) break;
      return {(named ? "n:" : "d:") + text::Fold(written), written, "",
              named ? "name" : "description"};
    }
    break;
  }
  return {"", "", "", "none"};
}

// Earliest known date first (undated last), then arrival.
bool Earlier(const FactArticle& x, const FactArticle& y) {
  if (x.date.empty() != y.date.empty()) return !x.date.empty();
  if (x.date != y.date) return x.date < y.date;
  return x.arrival < y.arrival;
}

// The place or organisation named right after `f`'s counted noun ("soldats russes": Russie),
// or null.
const ArticleEntityRef* OwnerOf(const FactArticle& fa, const Figure& f) {
  if (fa.entities == nullptr || !f.counted || f.unit_span.end <= f.unit_span.begin) return nullptr;
  const std::string& text = fa.article->text;
  // The next word's start: past spaces (no-break ones too).
  size_t next = f.unit_span.end;
  while (next < text.size()) {
    if (text[next] == ' ') {
      ++next;
    } else if (text.compare(next, 2, "\xc2\xa0") == 0) {
      next += 2;
    } else if (text.compare(next, 3, "\xe2\x80\xaf") == 0) {
      next += 3;
    } else {
      break;
    }
  }
  if (next == f.unit_span.end) return nullptr;
  for (const ArticleEntityRef& e : *fa.entities) {
    if (e.type != "place" && e.type != "org") continue;
    for (const EntityMention& m : e.mentions) {
      if (!m.in_title && m.begin == next) return &e;
    }
  }
  return nullptr;
}

// `articles` earliest first (Earlier).
std::vector<const FactArticle*> ByDate(const std::vector<FactArticle>& articles) {
  std::vector<const FactArticle*> order;
  for (const FactArticle& fa : articles) order.push_back(&fa);
  std::stable_sort(order.begin(), order.end(),
                   [](const FactArticle* x, const FactArticle* y) { return Earlier(*x, *y); });
  return order;
}

FactSource SourceOf(const FactArticle& fa, std::vector<Span> spans) {
  return {fa.article->id, fa.article->source, fa.date, std::move(spans)};
}

}  // namespace

std::string QuoteText(const Article& article, const Quote& quote) {
  std::string out;
  for (Span s : quote.content) {
    const std::string piece = core::CollapseSpaces(core::Trim(Text(article, s)));
    if (piece.empty()) continue;
    if (!out.empty()) out += " … ";
    out += piece;
  }
  return out;
}

void LinkSpeakers(Article& article, const std::vector<ArticleEntityRef>& entities) {
  for (size_t i = 0; i < article.quotes.size(); ++i) {
    Quote& q = article.quotes[i];
    q.speaker_entity_id.clear();
    q.speaker_entity_name.clear();
    if (TakesUp(q, i)) {
      const Quote& antecedent = article.quotes[static_cast<size_t>(q.antecedent)];
      q.speaker_entity_id = antecedent.speaker_entity_id;
      q.speaker_entity_name = antecedent.speaker_entity_name;
      continue;
    }
    const bool has_name = q.speaker_name.end > q.speaker_name.begin;
    // A pronoun is linked through the clause subject it names, when the extractor found one.
    if (q.speaker_kind == "pronoun" && !has_name) continue;
    const bool described = q.speaker_kind == "description" && !has_name;
    const Span target = q.speaker_kind == "name" || described ? q.speaker : q.speaker_name;
    if (target.end <= target.begin || target.end > article.text.size()) continue;
    const ArticleEntityRef* e = MentionedEntity(entities, target);
    if (described) {
      // A description is an entity's only when that entity's mention is most of it ("le
      // ministère russe de la Défense"), not when it merely names where an unnamed person works
      // ("un haut responsable du département d'État").
      if (e == nullptr || 3 * MentionOverlap(*e, target) < 2 * (target.end - target.begin)) {
        continue;
      }
    } else if (e == nullptr) {
      e = PersonEndingWith(entities, LastWord(Text(article, target)));
    }
    if (e == nullptr) continue;
    q.speaker_entity_id = e->id;
    q.speaker_entity_name = e->name;
  }
}

Result<FigureObjects> FigureObjects::Load(const std::string& data_dir) {
  FigureObjects objects;
  std::error_code ec;
  std::set<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    std::filesystem::path file = entry.path() / "figure_objects.txt";
    if (std::filesystem::exists(file)) files.insert(file);
  }
  for (const std::filesystem::path& file : files) {
    DEPECHE_ASSIGN_OR_RETURN(std::string content, core::ReadFile(file.string()));
    int line_number = 0;
    for (std::string_view line : core::Split(content, '\n')) {
      ++line_number;
      line = core::Trim(line);
      if (line.empty() || line.front() == '#') continue;
      std::vector<std::string_view> words = core::Split(line, '\t');
      const std::string group(core::Trim(words.front()));
      for (std::string_view w : words) {
        const std::string word(core::Trim(w));
        if (word.empty()) continue;
        auto it = objects.group_.find(word);
        if (it != objects.group_.end() && it->second != group) {
          return InvalidArgumentError(file.string() + ":" + std::to_string(line_number) + ": \"" +
                                      word + "\" is already in the group \"" + it->second + "\"");
        }
        objects.group_[word] = group;
      }
    }
  }
  return objects;
}

const std::string& FigureObjects::GroupOf(const std::string& unit) const {
  auto it = group_.find(unit);
  return it == group_.end() ? unit : it->second;
}

std::vector<SpeakerQuotes> GroupQuotes(const std::vector<FactArticle>& articles) {
  const std::vector<const FactArticle*> order = ByDate(articles);
  std::vector<SpeakerQuotes> groups;
  std::map<std::string, size_t> group_of;               // speaker key -> index
  std::vector<std::map<std::string, size_t>> quote_of;  // per group: folded words -> index
  std::vector<std::set<std::string>> articles_of;       // per group: article ids
  for (const FactArticle* fa : order) {
    const Article& a = *fa->article;
    for (size_t i = 0; i < a.quotes.size(); ++i) {
      const Quote& q = a.quotes[i];
      std::string words = QuoteText(a, q);
      if (words.empty()) continue;
      Speaker speaker = SpeakerOf(a, i);
      auto [it, added] = group_of.emplace(speaker.key, groups.size());
      if (added) {
        groups.push_back({speaker.display, speaker.entity_id, speaker.kind, 0, {}});
        quote_of.emplace_back();
        articles_of.emplace_back();
      }
      const size_t g = it->second;
      articles_of[g].insert(a.id);
      auto [qit, new_quote] = quote_of[g].emplace(text::Fold(words), groups[g].quotes.size());
      if (new_quote) groups[g].quotes.push_back({q.kind, std::move(words), {}});
      groups[g].quotes[qit->second].sources.push_back(SourceOf(*fa, q.content));
    }
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    groups[g].article_count = static_cast<int64_t>(articles_of[g].size());
  }
  std::stable_sort(
      groups.begin(), groups.end(), [](const SpeakerQuotes& x, const SpeakerQuotes& y) {
        const bool x_none = x.speaker_kind == "none", y_none = y.speaker_kind == "none";
        if (x_none != y_none) return y_none;
        if (x.article_count != y.article_count) return x.article_count > y.article_count;
        return x.quotes.size() > y.quotes.size();
      });
  return groups;
}

std::vector<FigureGroup> GroupFigures(const std::vector<FactArticle>& articles,
                                      const FigureObjects& objects, size_t max_groups) {
  const std::vector<const FactArticle*> order = ByDate(articles);
  struct Found {
    const FactArticle* article;
    const Figure* figure;
    const ArticleEntityRef* owner;  // the entity after its counted noun, or null
  };
  std::vector<Found> found;
  for (const FactArticle* fa : order) {
    for (const Figure& f : fa->article->figures) {
      if (f.unit.empty()) continue;
      found.push_back({fa, &f, OwnerOf(*fa, f)});
    }
  }
  // Groups: (object, owner id); figures naming no owner go to the object's largest group.
  std::vector<FigureGroup> groups;
  std::map<std::pair<std::string, std::string>, size_t> group_of;
  std::vector<std::set<std::string>> articles_of;
  std::map<std::string, std::vector<size_t>> groups_of_object;
  auto group = [&](const std::string& object, const ArticleEntityRef* owner) {
    auto [it, added] = group_of.emplace(std::make_pair(object, owner ? owner->id : ""), 0);
    if (added) {
      it->second = groups.size();
      groups.push_back({object, owner ? owner->id : "", owner ? owner->name : "", 0, {}});
      articles_of.emplace_back();
      groups_of_object[object].push_back(it->second);
    }
    return it->second;
  };
  std::map<size_t, size_t> owned_count;  // group -> figures that name its owner
  for (const Found& f : found) {
    if (f.owner != nullptr) ++owned_count[group(objects.GroupOf(f.figure->unit), f.owner)];
  }
  for (const Found& f : found) {
    const std::string& object = objects.GroupOf(f.figure->unit);
    size_t g = 0;
    if (f.owner != nullptr) {
      g = group(object, f.owner);
    } else {
      // The object's group with the most owned figures, else its own unowned group.
      size_t best = SIZE_MAX, best_count = 0;
      for (size_t candidate : groups_of_object[object]) {
        const size_t count = owned_count[candidate];
        if (count > best_count) {
          best = candidate;
          best_count = count;
        }
      }
      g = best != SIZE_MAX ? best : group(object, nullptr);
    }
    const Article& a = *f.article->article;
    articles_of[g].insert(a.id);
    StoryFigure sf;
    sf.value = f.figure->value;
    sf.high = f.figure->high;
    sf.bound = f.figure->bound;
    sf.unit = f.figure->unit;
    sf.text = std::string(Text(a, f.figure->span));
    sf.sentence = std::string(core::Trim(Text(a, f.figure->sentence)));
    sf.source = SourceOf(*f.article, {f.figure->span});
    groups[g].figures.push_back(std::move(sf));
  }
  // Each group's figures are in date order (`found` is); unowned groups left empty go.
  std::vector<FigureGroup> kept;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].figures.empty()) continue;
    groups[g].article_count = static_cast<int64_t>(articles_of[g].size());
    kept.push_back(std::move(groups[g]));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const FigureGroup& x, const FigureGroup& y) {
    if (x.article_count != y.article_count) return x.article_count > y.article_count;
    return x.figures.size() > y.figures.size();
  });
  if (kept.size() > max_groups) kept.resize(max_groups);
  return kept;
}

}  // namespace depeche::engine
