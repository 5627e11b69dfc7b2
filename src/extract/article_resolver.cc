#include "extract/article_resolver.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "extract/name_match.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace depeche::extract {
namespace {

constexpr float kTitleWeight = 3.0f;
constexpr float kLeadWeight = 2.0f;
constexpr float kBodyWeight = 1.0f;
constexpr uint32_t kLeadBytesWithoutSentences = 400;

// Shrinks the mention past leading honorifics, titles, stop words and demonyms after a title.
// Returns false when nothing is left.
// A person mention that runs on into an apposition ("M. Ador, conseiller fédéral", "Jean-Claude
// Gayssot (un communiste") keeps the name before the comma or parenthesis.
void CutApposition(Mention& m) {
  size_t cut = std::string::npos;
  for (std::string_view sep : {", ", " (", " ;", "; "}) cut = std::min(cut, m.surface.find(sep));
  if (cut == std::string::npos || cut < 2) return;
  m.surface.resize(cut);
  m.span.end = m.span.begin + static_cast<uint32_t>(cut);
}

bool StripLeading(const Gazetteer& g, std::string_view lang, Mention& m) {
  std::vector<text::Token> tokens = text::Tokenize(m.surface, lang);
  size_t i = 0;
  bool after_title = false;
  while (i < tokens.size()) {
    const text::Token& t = tokens[i];
    std::string_view word =
        std::string_view(m.surface).substr(t.span.begin, t.span.end - t.span.begin);
    std::string folded = text::Fold(word);
    if (g.IsHonorific(word, lang)) {
      ++i;
      continue;
    }
    // Longest title from i.
    int max = g.MaxTitleTokensFrom(folded);
    size_t matched = 0;
    for (int len = std::min<int>(max, static_cast<int>(tokens.size() - i)); len >= 1; --len) {
      std::string key = text::Fold(text::JoinedText(m.surface, tokens, i, i + len - 1));
      if (g.IsTitle(key)) {
        matched = static_cast<size_t>(len);
        break;
      }
    }
    if (matched > 0 && i + matched < tokens.size()) {
      i += matched;
      after_title = true;
      continue;
    }
    if (tokens.size() - i > 1 &&
        (t.kind == text::TokenKind::kElision || (!t.capitalized && g.IsCommonWord(folded)))) {
      ++i;
      continue;
    }
    if (after_title && !t.capitalized && tokens.size() - i > 1) {
      auto hits = g.Lookup(folded);
      if (!hits.empty() && hits[0].demonym) {
        ++i;
        continue;
      }
    }
    break;
  }
  if (i >= tokens.size()) return false;
  if (i > 0) {
    uint32_t cut = tokens[i].span.begin;
    m.span.begin += cut;
    m.surface.erase(0, cut);
  }
  // A lone common word ("Le", "Mars") or honorific is no name.
  if (tokens.size() - i == 1) {
    std::string folded = text::Fold(m.surface);
    if (g.IsHonorific(m.surface, lang)) return false;
    if (g.IsCommonWord(folded) && g.Lookup(folded).empty()) return false;
  }
  return !m.surface.empty();
}

// The role description written right before a person's name ("le chef de la diplomatie
// américaine Antony Blinken", "le ministre britannique des Affaires étrangères, Liz Truss"):
// {role key, phrase as written}, or empty.
std::pair<std::string, std::string> RoleBefore(const Gazetteer& g, std::string_view text,
                                               uint32_t begin, std::string_view lang) {
  size_t end = begin;
  int skipped = 0;
  while (end > 0 && skipped < 3 && (text[end - 1] == ' ' || text[end - 1] == ',')) {
    --end;
    ++skipped;
  }
  if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xA0") end -= 2;
  if (end == begin && begin != 0) return {};  // no separator: part of another word
  size_t start = end > 160 ? end - 160 : 0;
  while (start > 0 && start < end && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    ++start;
  }
  std::string_view window = text.substr(start, end - start);
  std::vector<text::Token> tokens = text::Tokenize(window, lang);
  const size_t n = tokens.size();
  for (size_t k = n > 8 ? n - 8 : 0; k < n; ++k) {
    std::string_view phrase = window.substr(tokens[k].span.begin);
    std::string role = g.RoleOf(phrase);
    if (!role.empty()) return {role, std::string(phrase)};
  }
  return {};
}

bool MentionLess(const Mention& a, const Mention& b) {
  if (a.in_title != b.in_title) return a.in_title;
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  return a.span.end > b.span.end;
}

struct Group {
  EntityType type = EntityType::kMisc;
  std::vector<uint32_t> members;
  std::string first, last;  // persons: folded first and last words
  bool full = false;        // persons: a name of 2+ words
  int gazetteer_entry = -1;
  std::string key;                        // other names: folded form
  std::string role;                       // role-description groups: the role key
  std::vector<std::string> role_aliases;  // role descriptions written before the name
};

float MentionWeight(const Article& article, const Mention& m) {
  if (m.in_title) return kTitleWeight;
  uint32_t lead_end = kLeadBytesWithoutSentences;
  if (!article.sentences.empty()) {
    lead_end = article.sentences[std::min<size_t>(1, article.sentences.size() - 1)].end;
  }
  return m.span.begin < lead_end ? kLeadWeight : kBodyWeight;
}

}  // namespace

ArticleEntities ResolveArticle(const Gazetteer& g, const Article& article,
                               std::vector<Mention> mentions) {
  ArticleEntities result;
  const std::string_view lang = article.lang;
  for (Mention& m : mentions) {
    // A role description keeps its words ("ministre britannique des Affaires étrangères").
    bool role = m.type == EntityType::kPerson && !g.RoleOf(m.surface).empty();
    if (!role && m.type == EntityType::kPerson) CutApposition(m);
    if (role || StripLeading(g, lang, m)) result.mentions.push_back(std::move(m));
  }
  std::sort(result.mentions.begin(), result.mentions.end(), MentionLess);
  const std::vector<Mention>& ms = result.mentions;
  std::vector<std::string> keys(ms.size());
  for (size_t i = 0; i < ms.size(); ++i) keys[i] = Gazetteer::Key(ms[i].surface);
  // A one-word name the gazetteers do not know, typed otherwise by the tagger, that is the
  // last word of a person named in full in the article is that person's surname ("Lavrov"
  // tagged as a place after "Sergueï Lavrov").
  {
    std::set<std::string_view> surnames;
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].type != EntityType::kPerson) continue;
      std::vector<std::string_view> w = NameWords(keys[i]);
      if (w.size() >= 2) surnames.insert(w.back());
    }
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].type == EntityType::kPerson) continue;
      std::vector<std::string_view> w = NameWords(keys[i]);
      if (w.size() == 1 && surnames.count(w[0]) > 0 && g.Lookup(keys[i]).empty()) {
        result.mentions[i].type = EntityType::kPerson;
      }
    }
  }

  std::vector<int> hit_entry(ms.size(), -1);
  std::vector<bool> demonym(ms.size(), false);
  std::set<std::string> article_countries;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type == EntityType::kPerson) continue;
    auto hits = g.Lookup(keys[i]);
    if (!hits.empty() && g.entry(hits[0].entry).kind == GazetteerKind::kCountry) {
      article_countries.insert(g.entry(hits[0].entry).country_code);
    }
  }
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type == EntityType::kPerson) continue;
    auto hits = g.Lookup(keys[i]);
    if (hits.empty()) continue;
    const GazetteerHit* chosen = &hits[0];
    // A city name shared by several places: the one in a country the article names.
    if (g.entry(hits[0].entry).kind == GazetteerKind::kCity) {
      for (const GazetteerHit& h : hits) {
        if (article_countries.count(g.entry(h.entry).country_code)) {
          chosen = &h;
          break;
        }
      }
    }
    hit_entry[i] = static_cast<int>(chosen->entry);
    demonym[i] = chosen->demonym;
  }

  std::vector<Group> groups;
  std::vector<int> group_of(ms.size(), -1);
  std::map<int, size_t> by_entry;
  std::map<std::pair<int, std::string>, size_t> by_key;
  // Gazetteer entities and other names.
  for (size_t i = 0; i < ms.size(); ++i) {
    if (hit_entry[i] >= 0) {
      auto [it, inserted] = by_entry.try_emplace(hit_entry[i], groups.size());
      if (inserted) {
        Group gr;
        GazetteerKind kind = g.entry(hit_entry[i]).kind;
        gr.type =
            kind == GazetteerKind::kOrganization ? EntityType::kOrganization : EntityType::kPlace;
        gr.gazetteer_entry = hit_entry[i];
        groups.push_back(std::move(gr));
      }
      group_of[i] = static_cast<int>(it->second);
    } else if (ms[i].type != EntityType::kPerson) {
      auto [it, inserted] =
          by_key.try_emplace({static_cast<int>(ms[i].type), keys[i]}, groups.size());
      if (inserted) {
        Group gr;
        gr.type = ms[i].type;
        gr.key = keys[i];
        groups.push_back(std::move(gr));
      }
      group_of[i] = static_cast<int>(it->second);
    }
  }
  // A one-word organisation name that is the first or last word of a longer one in the article
  // ("Continental" / "Continental Illinois", "Nabisco" / "RJR Nabisco") is its short form.
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type != EntityType::kOrganization || hit_entry[i] >= 0) continue;
    std::vector<std::string_view> w = NameWords(keys[i]);
    if (w.size() != 1) continue;
    for (size_t j = 0; j < ms.size(); ++j) {
      if (j == i || ms[j].type != EntityType::kOrganization || hit_entry[j] >= 0) continue;
      std::vector<std::string_view> long_words = NameWords(keys[j]);
      if (long_words.size() < 2) continue;
      if (long_words.front() == w[0] || long_words.back() == w[0]) {
        group_of[i] = group_of[j];
        break;
      }
    }
  }
  // Role descriptions on their own ("le secrétaire d'État américain"), grouped by role.
  std::vector<std::string> roles(ms.size());
  std::map<std::string, size_t> by_role;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type != EntityType::kPerson) continue;
    roles[i] = g.RoleOf(ms[i].surface);
    if (roles[i].empty()) continue;
    auto [it, inserted] = by_role.try_emplace(roles[i], groups.size());
    if (inserted) {
      Group gr;
      gr.type = EntityType::kPerson;
      gr.role = roles[i];
      groups.push_back(std::move(gr));
    }
    group_of[i] = static_cast<int>(it->second);
  }
  // People with full names.
  std::vector<std::vector<std::string_view>> words(ms.size());
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type != EntityType::kPerson) continue;
    words[i] = NameWords(keys[i]);
    if (words[i].size() < 2) continue;
    std::string first(words[i].front()), last(words[i].back());
    int found = -1;
    for (size_t k = 0; k < groups.size(); ++k) {
      const Group& gr = groups[k];
      if (gr.type != EntityType::kPerson || !gr.full || !gr.role.empty()) continue;
      if (CloseSurnames(gr.last, last) && CompatibleFirstNames(gr.first, first)) {
        found = static_cast<int>(k);
        break;
      }
    }
    if (found < 0) {
      Group gr;
      gr.type = EntityType::kPerson;
      gr.first = first;
      gr.last = last;
      gr.full = true;
      found = static_cast<int>(groups.size());
      groups.push_back(std::move(gr));
    }
    group_of[i] = found;
  }
  // One-word people: the person whose surname it is (nearest full-name mention before it).
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type != EntityType::kPerson || group_of[i] >= 0) continue;
    std::string word = words[i].empty() ? keys[i] : std::string(words[i].back());
    int best = -1, best_rank = 4;
    size_t best_distance = SIZE_MAX;
    for (size_t j = 0; j < ms.size(); ++j) {
      int k = group_of[j];
      if (k < 0 || groups[k].type != EntityType::kPerson || !groups[k].role.empty()) continue;
      const Group& gr = groups[k];
      int rank = 4;
      if (gr.last == word) {
        rank = gr.full ? 0 : 2;
      } else if (WordSkeleton(gr.last) == WordSkeleton(word)) {
        rank = gr.full ? 1 : 2;
      } else if (word.size() >= 5 && CloseSurnames(gr.last, word)) {
        rank = 3;
      }
      if (rank == 4) continue;
      // Text order distance, mentions before this one preferred (the title counts as before).
      size_t distance = j < i ? i - j : ms.size() + (j - i);
      if (rank < best_rank || (rank == best_rank && distance < best_distance)) {
        best = k;
        best_rank = rank;
        best_distance = distance;
      }
    }
    if (best < 0) {
      Group gr;
      gr.type = EntityType::kPerson;
      gr.last = word;
      best = static_cast<int>(groups.size());
      groups.push_back(std::move(gr));
    }
    group_of[i] = best;
  }

  // A role written before a name binds the role to that person in this article; mentions of
  // the role alone then join the person (the first binding wins).
  std::map<std::string, int> holder;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type != EntityType::kPerson || !roles[i].empty()) continue;
    std::string_view source = ms[i].in_title ? std::string_view(article.title) : article.text;
    auto [role, phrase] = RoleBefore(g, source, ms[i].span.begin, lang);
    if (role.empty()) continue;
    Group& gr = groups[group_of[i]];
    if (std::find(gr.role_aliases.begin(), gr.role_aliases.end(), phrase) ==
        gr.role_aliases.end()) {
      gr.role_aliases.push_back(phrase);
    }
    holder.try_emplace(role, group_of[i]);
  }
  for (size_t i = 0; i < ms.size(); ++i) {
    if (roles[i].empty()) continue;
    auto it = holder.find(roles[i]);
    if (it != holder.end()) group_of[i] = it->second;
  }
  for (size_t i = 0; i < ms.size(); ++i) {
    groups[group_of[i]].members.push_back(static_cast<uint32_t>(i));
  }

  std::vector<ArticleEntity> entities;
  std::vector<float> scores;
  std::vector<uint32_t> first_mention;
  for (const Group& gr : groups) {
    if (gr.members.empty()) continue;
    ArticleEntity e;
    e.type = gr.type;
    float score = 0;
    // Aliases in first-seen order, with counts for the name choice.
    std::vector<std::pair<std::string, int>> alias_counts;
    std::string best_name;
    size_t best_words = 0;
    int best_count = 0;
    for (uint32_t i : gr.members) {
      e.mentions.push_back(i);
      score += MentionWeight(article, ms[i]);
      auto it = std::find_if(alias_counts.begin(), alias_counts.end(),
                             [&](const auto& a) { return a.first == ms[i].surface; });
      if (it == alias_counts.end()) {
        alias_counts.emplace_back(ms[i].surface, 1);
      } else {
        ++it->second;
      }
    }
    for (const std::string& phrase : gr.role_aliases) {
      if (std::none_of(alias_counts.begin(), alias_counts.end(),
                       [&](const auto& a) { return a.first == phrase; })) {
        alias_counts.emplace_back(phrase, 0);
      }
    }
    for (const auto& [alias, count] : alias_counts) {
      e.aliases.push_back(alias);
      if (gr.type == EntityType::kPerson && !g.RoleOf(alias).empty()) continue;
      bool is_demonym = false;
      if (gr.gazetteer_entry >= 0) {
        for (const GazetteerHit& h : g.Lookup(Gazetteer::Key(alias))) {
          if (static_cast<int>(h.entry) == gr.gazetteer_entry && h.demonym) is_demonym = true;
        }
      }
      if (is_demonym) continue;
      size_t n_words = NameWords(text::Fold(alias)).size();
      bool better =
          gr.type == EntityType::kPerson
              ? (n_words > best_words || (n_words == best_words && count > best_count))
              : (count > best_count || (count == best_count && alias.size() > best_name.size()));
      if (best_name.empty() || better) {
        best_name = alias;
        best_words = n_words;
        best_count = count;
      }
    }
    if (gr.gazetteer_entry >= 0) {
      const GazetteerEntry& ge = g.entry(gr.gazetteer_entry);
      e.gazetteer_ref = ge.ref;
      e.country_code = ge.country_code;
      e.latitude = ge.latitude;
      e.longitude = ge.longitude;
      if (best_name.empty()) best_name = std::string(g.DisplayName(gr.gazetteer_entry, lang));
    }
    e.name = best_name.empty() ? e.aliases.front() : best_name;
    scores.push_back(score);
    first_mention.push_back(gr.members.front());
    entities.push_back(std::move(e));
  }
  float max_score = 0;
  for (float s : scores) max_score = std::max(max_score, s);
  std::vector<size_t> idx(entities.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return first_mention[a] < first_mention[b];
  });
  for (size_t i : idx) {
    entities[i].salience = max_score > 0 ? scores[i] / max_score : 0.0f;
    result.entities.push_back(std::move(entities[i]));
  }
  return result;
}

}  // namespace depeche::extract
