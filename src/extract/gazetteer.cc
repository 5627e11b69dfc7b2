#include "extract/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <tuple>

#include "core/strings.h"
#include "extract/name_match.h"
#include "text/calendar_words.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace depeche::extract {
namespace {

constexpr std::string_view kLangs[] = {"fr", "en", "es", "de", "it"};

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return UnavailableError(path + ": read error");
  return ss.str();
}

// Calls fn(fields, line_number) for each non-comment, non-empty line; stops at the first error.
template <typename Fn>
Status ForEachRow(std::string_view content, std::string_view file, size_t min_fields, Fn fn) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields = core::Split(line, '\t');
    if (fields.size() < min_fields) {
      return DataLossError(std::string(file) + ":" + std::to_string(line_no) + ": expected " +
                           std::to_string(min_fields) + " tab-separated fields");
    }
    DEPECHE_RETURN_IF_ERROR(fn(fields, line_no));
  }
  return Status::Ok();
}

std::optional<double> ParseDouble(std::string_view s) {
  // std::from_chars for double is in libstdc++ 11+.
  double value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string FirstFoldedToken(std::string_view key) {
  size_t cut = key.find_first_of(" -");
  return std::string(key.substr(0, cut));
}

std::string StripPeriod(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string Gazetteer::Key(std::string_view phrase) {
  std::vector<text::Token> tokens = text::Tokenize(phrase, "fr");
  if (tokens.empty()) return {};
  return text::Fold(text::JoinedText(phrase, tokens, 0, tokens.size() - 1));
}

Status Gazetteer::AddForm(std::string_view form, uint32_t entry, bool demonym, bool alternate) {
  std::string key = Key(form);
  if (key.empty()) return Status::Ok();
  const GazetteerEntry& e = entries_[entry];
  // Stop words and calendar words are never place names on their own, except a country's own
  // everyday name.
  if (common_.count(key) && !(e.kind == GazetteerKind::kCountry && !alternate && !demonym)) {
    return Status::Ok();
  }
  std::vector<GazetteerHit>& hits = index_[key];
  for (const GazetteerHit& h : hits) {
    if (h.entry == entry && h.demonym == demonym) return Status::Ok();
  }
  hits.push_back({entry, demonym, alternate});
  int tokens = static_cast<int>(text::Tokenize(form, "fr").size());
  int& max = max_tokens_[FirstFoldedToken(key)];
  max = std::max(max, tokens);
  return Status::Ok();
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(std::string_view data_dir) {
  const std::string dir = std::string(data_dir) + "/gazetteer/";
  Sources s;
  std::pair<std::string*, const char*> files[] = {
      {&s.countries, "countries.tsv"}, {&s.country_names, "country_names.tsv"},
      {&s.cities, "cities.tsv"},       {&s.organizations, "organizations.tsv"},
      {&s.regions, "regions.tsv"},     {&s.first_names, "first_names.txt"},
      {&s.surnames, "surnames.txt"}};
  for (auto& [target, name] : files) {
    DEPECHE_ASSIGN_OR_RETURN(*target, ReadAll(dir + name));
  }
  for (std::string_view lang : kLangs) {
    std::string base = std::string(data_dir) + "/" + std::string(lang) + "/";
    auto titles = ReadAll(base + "titles.txt");
    if (titles.ok()) s.titles.emplace_back(std::string(lang), std::move(*titles));
    auto roles = ReadAll(base + "roles.txt");
    if (roles.ok()) s.roles.emplace_back(std::string(lang), std::move(*roles));
    auto stop = ReadAll(base + "stopwords.txt");
    if (stop.ok()) s.stopwords.emplace_back(std::string(lang), std::move(*stop));
  }
  return FromSources(s);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::FromSources(const Sources& s) {
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  for (const auto& [lang, content] : s.stopwords) {
    for (std::string_view w : text::ParseWordList(content)) g->common_.insert(text::Fold(w));
  }
  for (std::string_view lang : kLangs) {
    for (const std::string& w : text::CalendarWords(lang)) g->common_.insert(w);
  }
  for (const auto& [lang, content] : s.titles) {
    DEPECHE_RETURN_IF_ERROR(
        ForEachRow(content, lang + "/titles.txt", 2,
                   [&](const std::vector<std::string_view>& f, size_t) -> Status {
                     std::string_view phrase = core::Trim(f[1]);
                     if (f[0] == "honorific") {
                       g->honorifics_.insert(lang + "\t" + StripPeriod(phrase));
                     } else {
                       std::string key = Key(phrase);
                       g->titles_.insert(key);
                       int n = static_cast<int>(text::Tokenize(phrase, "fr").size());
                       int& max = g->title_max_tokens_[FirstFoldedToken(key)];
                       max = std::max(max, n);
                     }
                     return Status::Ok();
                   }));
  }
  for (const auto& [lang, content] : s.roles) {
    Status st = ForEachRow(
        content, lang + "/roles.txt", 2, [&](const std::vector<std::string_view>& f, size_t) {
          std::string phrase(core::Trim(f[1]));
          size_t slot = phrase.find("{demonym}");
          if (slot != std::string::npos) phrase.replace(slot, 9, "depecheslot");
          RolePattern pattern;
          pattern.role = std::string(f[0]);
          for (const text::Token& t : text::Tokenize(phrase, "fr")) {
            std::string folded = text::Fold(
                std::string_view(phrase).substr(t.span.begin, t.span.end - t.span.begin));
            pattern.tokens.push_back(folded == "depecheslot" ? std::string() : folded);
          }
          if (!pattern.tokens.empty()) g->roles_.push_back(std::move(pattern));
          return Status::Ok();
        });
    DEPECHE_RETURN_IF_ERROR(st);
  }
  for (std::string_view w : text::ParseWordList(s.first_names)) {
    std::string folded = text::Fold(w);
    g->first_name_skeletons_.insert(WordSkeleton(folded));
    g->first_names_.insert(std::move(folded));
  }
  for (std::string_view w : text::ParseWordList(s.surnames)) g->surnames_.insert(text::Fold(w));

  DEPECHE_RETURN_IF_ERROR(ForEachRow(
      s.countries, "countries.tsv", 4,
      [&](const std::vector<std::string_view>& f, size_t line) -> Status {
        GazetteerEntry e;
        e.kind = GazetteerKind::kCountry;
        e.country_code = std::string(f[0]);
        e.ref = "iso3166:" + e.country_code;
        e.latitude = ParseDouble(f[1]);
        e.longitude = ParseDouble(f[2]);
        e.name_en = std::string(f[3]);
        if (e.country_code.size() != 2) {
          return DataLossError("countries.tsv:" + std::to_string(line) + ": bad ISO code");
        }
        g->countries_[e.country_code] = static_cast<uint32_t>(g->entries_.size());
        g->entries_.push_back(std::move(e));
        return Status::Ok();
      }));
  for (const auto& [code, index] : g->countries_) {
    (void)code;
    DEPECHE_RETURN_IF_ERROR(g->AddForm(g->entries_[index].name_en, index, false, false));
  }
  DEPECHE_RETURN_IF_ERROR(ForEachRow(s.country_names, "country_names.tsv", 4,
                                     [&](const std::vector<std::string_view>& f, size_t) -> Status {
                                       auto it = g->countries_.find(std::string(f[0]));
                                       if (it == g->countries_.end()) return Status::Ok();
                                       bool demonym = f[2] == "demonym";
                                       bool alternate = f[2] == "alt";
                                       if (f[2] == "name") {
                                         g->display_[it->second].emplace_back(std::string(f[1]),
                                                                              std::string(f[3]));
                                       }
                                       return g->AddForm(f[3], it->second, demonym, alternate);
                                     }));
  // Organisations (org:EU) and world regions (m49:150), one row per language.
  for (auto [content, file, prefix, kind] :
       {std::tuple{&s.organizations, "organizations.tsv", "org:", GazetteerKind::kOrganization},
        std::tuple{&s.regions, "regions.tsv", "m49:", GazetteerKind::kRegion}}) {
    Status st = ForEachRow(
        *content, file, 3, [&](const std::vector<std::string_view>& f, size_t) -> Status {
          std::string ref = prefix + std::string(f[0]);
          uint32_t index = 0;
          auto found = std::find_if(g->entries_.begin(), g->entries_.end(),
                                    [&](const GazetteerEntry& e) { return e.ref == ref; });
          if (found == g->entries_.end()) {
            GazetteerEntry e;
            e.kind = kind;
            e.ref = ref;
            e.name_en = std::string(f[2]);
            index = static_cast<uint32_t>(g->entries_.size());
            g->entries_.push_back(std::move(e));
          } else {
            index = static_cast<uint32_t>(found - g->entries_.begin());
          }
          if (f[1] == "en") g->entries_[index].name_en = std::string(f[2]);
          g->display_[index].emplace_back(std::string(f[1]), std::string(f[2]));
          return g->AddForm(f[2], index, false, false);
        });
    DEPECHE_RETURN_IF_ERROR(st);
  }
  DEPECHE_RETURN_IF_ERROR(
      ForEachRow(s.cities, "cities.tsv", 6,
                 [&](const std::vector<std::string_view>& f, size_t line) -> Status {
                   GazetteerEntry e;
                   e.kind = GazetteerKind::kCity;
                   e.ref = "geonames:" + std::string(f[0]);
                   e.country_code = std::string(f[1]);
                   e.latitude = ParseDouble(f[2]);
                   e.longitude = ParseDouble(f[3]);
                   auto pop = ParseDouble(f[4]);
                   if (!pop || !e.latitude || !e.longitude) {
                     return DataLossError("cities.tsv:" + std::to_string(line) + ": bad number");
                   }
                   e.population = static_cast<uint32_t>(*pop);
                   std::vector<std::string_view> names = core::Split(f[5], '|');
                   e.name_en = std::string(names[0]);
                   uint32_t index = static_cast<uint32_t>(g->entries_.size());
                   g->entries_.push_back(std::move(e));
                   // The first name is GeoNames' own; the others are "lang:name" from geonames.mo.
                   if (Status st = g->AddForm(names[0], index, false, false); !st.ok()) return st;
                   for (size_t i = 1; i < names.size(); ++i) {
                     size_t colon = names[i].find(':');
                     if (colon == std::string_view::npos) continue;
                     std::string_view translated = names[i].substr(colon + 1);
                     g->display_[index].emplace_back(std::string(names[i].substr(0, colon)),
                                                     std::string(translated));
                     if (Status st = g->AddForm(translated, index, false, false); !st.ok())
                       return st;
                   }
                   return Status::Ok();
                 }));
  // Deterministic order of hits: countries, organisations, cities (largest first), names
  // before alternates before demonyms, then entry order.
  for (auto& [key, hits] : g->index_) {
    (void)key;
    const auto& entries = g->entries_;
    std::stable_sort(hits.begin(), hits.end(), [&](const GazetteerHit& a, const GazetteerHit& b) {
      const GazetteerEntry& ea = entries[a.entry];
      const GazetteerEntry& eb = entries[b.entry];
      auto rank = [](const GazetteerEntry& e) {
        switch (e.kind) {
          case GazetteerKind::kCountry:
            return 0;
          case GazetteerKind::kRegion:
            return 1;
          case GazetteerKind::kOrganization:
            return 2;
          case GazetteerKind::kCity:
            return 3;
        }
        return 3;
      };
      if (rank(ea) != rank(eb)) return rank(ea) < rank(eb);
      if (ea.population != eb.population) return ea.population > eb.population;
      if (a.alternate != b.alternate) return !a.alternate;
      if (a.demonym != b.demonym) return !a.demonym;
      return a.entry < b.entry;
    });
  }
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

std::span<const GazetteerHit> Gazetteer::Lookup(std::string_view key) const {
  auto it = index_.find(key);
  if (it == index_.end()) return {};
  return it->second;
}

int Gazetteer::MaxTokensFrom(std::string_view folded_first) const {
  auto it = max_tokens_.find(folded_first);
  return it == max_tokens_.end() ? 0 : it->second;
}

int Gazetteer::MaxTitleTokensFrom(std::string_view folded_first) const {
  auto it = title_max_tokens_.find(folded_first);
  return it == title_max_tokens_.end() ? 0 : it->second;
}

std::optional<uint32_t> Gazetteer::CountryIndex(std::string_view code) const {
  auto it = countries_.find(code);
  if (it == countries_.end()) return std::nullopt;
  return it->second;
}

std::string_view Gazetteer::DisplayName(uint32_t index, std::string_view lang) const {
  auto it = display_.find(index);
  if (it != display_.end()) {
    for (const auto& [l, name] : it->second) {
      if (l == lang) return name;
    }
  }
  return entries_[index].name_en;
}

bool Gazetteer::IsFirstName(std::string_view folded) const {
  std::string word(folded);
  if (first_names_.count(word)) return true;
  return word.size() >= 4 && first_name_skeletons_.count(WordSkeleton(word)) > 0;
}

bool Gazetteer::IsHonorific(std::string_view surface, std::string_view lang) const {
  std::string bare = StripPeriod(surface);
  std::string_view l = lang.substr(0, 2);
  if (std::find(std::begin(kLangs), std::end(kLangs), l) != std::end(kLangs)) {
    return honorifics_.count(std::string(l) + "\t" + bare) > 0;
  }
  for (std::string_view known : kLangs) {
    if (honorifics_.count(std::string(known) + "\t" + bare)) return true;
  }
  return false;
}

}  // namespace depeche::extract

namespace depeche::extract {

Gazetteer::RoleMatch Gazetteer::MatchRole(const std::vector<std::string>& folded,
                                          const std::vector<std::string_view>& surfaces,
                                          size_t i) const {
  RoleMatch best;
  for (const RolePattern& p : roles_) {
    if (i + p.tokens.size() > folded.size() || p.tokens.size() <= best.tokens) continue;
    // The words first: almost every position fails there, before any look-up of the slot.
    bool ok = true;
    for (size_t k = 0; k < p.tokens.size() && ok; ++k) {
      ok = p.tokens[k].empty() || folded[i + k] == p.tokens[k];
    }
    if (!ok) continue;
    std::string country;
    for (size_t k = 0; k < p.tokens.size() && ok; ++k) {
      if (!p.tokens[k].empty()) continue;
      // The slot: a demonym or country name, or a two-letter ISO code in capitals ("US").
      std::string_view surface = surfaces[i + k];
      if (surface.size() == 2 && std::isupper(static_cast<unsigned char>(surface[0])) &&
          std::isupper(static_cast<unsigned char>(surface[1])) && CountryIndex(surface)) {
        country = std::string(surface);
        continue;
      }
      ok = false;
      for (const GazetteerHit& h : Lookup(folded[i + k])) {
        if (entries_[h.entry].kind == GazetteerKind::kCountry) {
          country = entries_[h.entry].country_code;
          ok = true;
          break;
        }
      }
    }
    if (ok && !country.empty()) {
      best.tokens = p.tokens.size();
      best.role = p.role + ":" + country;
    }
  }
  return best;
}

std::string Gazetteer::RoleOf(std::string_view phrase) const {
  std::vector<text::Token> tokens = text::Tokenize(phrase, "fr");
  std::vector<std::string> folded;
  std::vector<std::string_view> surfaces;
  for (const text::Token& t : tokens) {
    surfaces.push_back(phrase.substr(t.span.begin, t.span.end - t.span.begin));
    folded.push_back(text::Fold(surfaces.back()));
  }
  // Leading articles and elisions are skipped, but a pattern may itself start with a stop
  // word ("premier ministre"): try each start until a word that is neither.
  for (size_t start = 0; start < folded.size(); ++start) {
    RoleMatch m = MatchRole(folded, surfaces, start);
    if (m.tokens > 0 && start + m.tokens == folded.size()) return m.role;
    if (tokens[start].kind != text::TokenKind::kElision && !common_.count(folded[start])) break;
  }
  return {};
}

}  // namespace depeche::extract
