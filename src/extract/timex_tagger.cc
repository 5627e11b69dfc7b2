#include "extract/timex_tagger.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <map>

#include "extract/timex_anchors.h"
#include "extract/timex_normalize.h"

namespace depeche::extract {
namespace {

struct Candidate {
  uint32_t begin = 0, end = 0;
  size_t rule = 0;
  std::vector<std::pair<int64_t, int64_t>> groups;  // byte spans; -1 when a group is unset
};

// The sentence around [begin, end): from after the previous . ! ? or line break to the next.
std::string_view SentenceAround(std::string_view text, uint32_t begin, uint32_t end,
                                uint32_t* sentence_begin) {
  // A clause's cues are near it: a text without sentence ends (a table, a 50 MB line) must not
  // make every expression scan all of it.
  constexpr size_t kReach = 400;
  size_t from = begin;
  while (from > 0 && begin - from < kReach &&
         std::string_view(".!?\n").find(text[from - 1]) == std::string_view::npos) {
    --from;
  }
  size_t to = end;
  while (to < text.size() && to - end < kReach &&
         std::string_view(".!?\n").find(text[to]) == std::string_view::npos) {
    ++to;
  }
  // Whole UTF-8 characters only.
  while (from > 0 && from < begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) {
    ++from;
  }
  while (to < text.size() && to > end && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) {
    --to;
  }
  *sentence_begin = static_cast<uint32_t>(from);
  return text.substr(from, to - from);
}

// Spans [begin, end) of the matches of `cues` in `sentence`; `matchers` holds one matcher per
// cue, made on first use and kept for the next sentences of the text.
std::vector<std::pair<int64_t, int64_t>> Matches(
    const std::vector<std::unique_ptr<icu::RegexPattern>>& cues,
    std::vector<std::unique_ptr<icu::RegexMatcher>>* matchers, UText* sentence) {
  std::vector<std::pair<int64_t, int64_t>> out;
  matchers->resize(cues.size());
  for (size_t k = 0; k < cues.size(); ++k) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher>& m = (*matchers)[k];
    if (m == nullptr) {
      m.reset(cues[k]->matcher(status));
      if (U_FAILURE(status)) {
        m.reset();
        continue;
      }
    }
    m->reset(sentence);
    while (m->find(status) && U_SUCCESS(status)) {
      out.emplace_back(m->start64(status), m->end64(status));
    }
  }
  return out;
}

// Bytes from a span to `at` (0 when it holds it).
int64_t Distance(const std::pair<int64_t, int64_t>& span, int64_t at) {
  return at < span.first ? span.first - at : at > span.second ? at - span.second : 0;
}

// A report verb counts for the expression next to it only ("a déclaré mardi").
constexpr int64_t kReportReach = 12;

// The distance from the nearest match of `cues` to `at`, or -1; a match inside a reporting verb
// further than kReportReach is left out.
int64_t NearestCue(const std::vector<std::pair<int64_t, int64_t>>& cues,
                   const std::vector<std::pair<int64_t, int64_t>>& reports, int64_t at) {
  int64_t best = -1;
  for (const auto& cue : cues) {
    const int64_t d = Distance(cue, at);
    const bool report = std::any_of(reports.begin(), reports.end(), [&](const auto& r) {
      return cue.first < r.second && r.first < cue.second;
    });
    if (report && d > kReportReach) continue;
    if (best < 0 || d < best) best = d;
  }
  return best;
}

// The cue matches of one sentence, which its expressions share.
struct SentenceCues {
  std::vector<std::pair<int64_t, int64_t>> reports, future, past;
};

// The tense cues of a text's sentences, found once per sentence.
class CueCache {
 public:
  explicit CueCache(const TimexRules& rules) : rules_(rules) {}

  const SentenceCues& Of(std::string_view sentence, uint32_t sentence_begin) {
    const std::pair<uint32_t, size_t> key{sentence_begin, sentence.size()};
    auto it = cues_.find(key);
    if (it != cues_.end()) return it->second;
    SentenceCues cues;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, sentence.data(), static_cast<int64_t>(sentence.size()), &status);
    if (U_SUCCESS(status)) {
      cues.reports = Matches(rules_.report_cues(), &report_, &ut);
      cues.future = Matches(rules_.future_cues(), &future_, &ut);
      cues.past = Matches(rules_.past_cues(), &past_, &ut);
    }
    // The matchers hold their own clone of `ut`, over `sentence`'s bytes, which outlive them.
    utext_close(&ut);
    return cues_.emplace(key, std::move(cues)).first->second;
  }

 private:
  const TimexRules& rules_;
  std::map<std::pair<uint32_t, size_t>, SentenceCues> cues_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> report_, future_, past_;
};

// The tense of the clause around `at` (an offset into the sentence whose cues are `cues`): the
// nearer of its future and past cues decides, a verb next to the expression outweighing one at
// the other end of the sentence.
Tense TenseOf(const SentenceCues& cues, int64_t at) {
  const int64_t future = NearestCue(cues.future, cues.reports, at);
  const int64_t past = NearestCue(cues.past, cues.reports, at);
  if (future < 0 && past < 0) return Tense::kUnknown;
  if (past < 0 || (future >= 0 && future < past)) return Tense::kFuture;
  if (future < 0 || past < future) return Tense::kPast;
  return Tense::kUnknown;
}

std::string_view Group(std::string_view text, const Candidate& c, int n) {
  if (n < 0 || static_cast<size_t>(n) >= c.groups.size()) return {};
  const auto [b, e] = c.groups[static_cast<size_t>(n)];
  if (b < 0 || e < b) return {};
  return text.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
}

// Fills the template: {name:N}, {d2:N}, {year:N}, {num:N}. Empty when a placeholder has no value
// (the match is then dropped: the rule does not apply).
std::string Fill(const TimexRules& rules, std::string_view tpl, std::string_view text,
                 const Candidate& c) {
  std::string out;
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] != '{') {
      out += tpl[i];
      continue;
    }
    const size_t close = tpl.find('}', i);
    const size_t colon = tpl.find(':', i);
    if (close == std::string_view::npos || colon == std::string_view::npos || colon > close) {
      return {};
    }
    const std::string_view name = tpl.substr(i + 1, colon - i - 1);
    const int n = std::atoi(std::string(tpl.substr(colon + 1, close - colon - 1)).c_str());
    const std::string_view g = Group(text, c, n);
    const bool digits = !g.empty() && std::all_of(g.begin(), g.end(),
                                                  [](char ch) { return ch >= '0' && ch <= '9'; });
    std::string v;
    if (name == "d2") {
      if (!digits || g.size() > 2) return {};
      if (g.size() == 1) v.push_back('0');
      v.append(g);
    } else if (name == "year") {
      if (!digits) return {};
      if (g.size() == 2) {
        v.append(g[0] <= '3' ? "20" : "19");
        v.append(g);
      } else if (g.size() == 4) {
        v = std::string(g);
      } else {
        return {};
      }
    } else if (name == "raw") {
      if (g.empty()) return {};
      v = std::string(g);
    } else if (name == "num") {
      // Digits ("08" -> "8"), a decimal comma ("30,4" -> "30.4"), or a number word.
      const size_t comma = g.find(',');
      const std::string_view whole = g.substr(0, comma);
      const bool numeric = !whole.empty() && std::all_of(whole.begin(), whole.end(), [](char ch) {
        return ch >= '0' && ch <= '9';
      });
      if (numeric) {
        v = std::to_string(std::atoi(std::string(whole).c_str()));
        if (comma != std::string_view::npos) {
          v += '.';
          v.append(g.substr(comma + 1));
        }
      } else {
        v = rules.Lookup("number", g);
      }
      if (v.empty()) return {};
    } else {
      v = rules.Lookup(name, g);
      if (v.empty()) return {};
    }
    out += v;
    i = close;
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<TimexTagger>> TimexTagger::Create(const std::string& data_dir) {
  std::unique_ptr<TimexTagger> tagger(new TimexTagger());
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    const std::filesystem::path dir = entry.path() / "timex";
    std::error_code missing;
    if (!std::filesystem::is_directory(dir, missing)) continue;
    const std::string lang = entry.path().filename().string();
    DEPECHE_ASSIGN_OR_RETURN(auto rules, TimexRules::Load(dir.string(), lang));
    std::vector<const icu::RegexPattern*> patterns;
    for (const TimexRule& rule : rules->rules()) patterns.push_back(rule.pattern.get());
    Language language;
    language.anchors = std::make_shared<const TimexAnchorIndex>(patterns);
    language.rules = std::move(rules);
    tagger->languages_.emplace(lang, std::move(language));
  }
  if (ec) return NotFoundError("cannot list " + data_dir + ": " + ec.message());
  return tagger;
}

std::vector<std::string> TimexTagger::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, language] : languages_) out.push_back(lang);
  return out;
}

std::vector<Timex> TimexTagger::Tag(std::string_view text, std::string_view lang,
                                    const std::optional<CivilDay>& reference) const {
  std::vector<Timex> out;
  auto it = languages_.find(lang);
  if (it == languages_.end() || text.empty()) return out;
  const TimexRules& rules = *it->second.rules;
  const TimexAnchorIndex& anchors = *it->second.anchors;
  // ICU's regular expressions run several times faster over UTF-16 than over a UTF-8 UText:
  // the text is converted once, with the UTF-8 offset of every UTF-16 index.
  // In lower case, code point by code point (the simple mapping keeps every index): rules are
  // written in lower case and match without ICU's slower case-insensitive mode.
  icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  for (int32_t k = 0; k < u16.length();) {
    const UChar32 c = u16.char32At(k);
    const UChar32 lower = u_tolower(c);
    if (lower != c && U16_LENGTH(lower) == U16_LENGTH(c)) u16.replace(k, U16_LENGTH(c), lower);
    k += U16_LENGTH(c);
  }
  std::vector<uint32_t> byte_of;
  byte_of.reserve(static_cast<size_t>(u16.length()) + 1);
  {
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(text.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    while (i < n) {
      const int32_t start = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, n, c);
      const int units = c < 0 ? 1 : U16_LENGTH(c);
      for (int k = 0; k < units; ++k) byte_of.push_back(static_cast<uint32_t>(start));
    }
    byte_of.push_back(static_cast<uint32_t>(n));
  }
  // Ill-formed UTF-8 the two conversions count differently: no offsets to trust.
  if (byte_of.size() != static_cast<size_t>(u16.length()) + 1) return out;
  auto to_byte = [&byte_of](int32_t index) -> int64_t {
    return index < 0 ? -1 : static_cast<int64_t>(byte_of[static_cast<size_t>(index)]);
  };
  UErrorCode status = U_ZERO_ERROR;
  std::vector<Candidate> candidates;
  // Rules whose words the text does not hold (nor a digit, for rules that take one) cannot
  // match: most are skipped without running their regular expression.
  const std::vector<std::string> words = TimexWords(text);
  const bool has_digit =
      std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  // Where the rules' anchors occur: one scan for all rules.
  const char16_t* units = u16.getBuffer();
  std::vector<std::vector<int32_t>> hits;
  anchors.Scan(units, u16.length(), &hits);
  for (size_t r = 0; r < rules.rules().size(); ++r) {
    const TimexRule& rule = rules.rules()[r];
    bool possible = (rule.digits && has_digit) || (!rule.digits && rule.triggers.empty());
    // A trigger is a word's stem when the pattern lets an ending follow it ("jours?" gives
    // "jour"), and a text word can run on into punctuation the folding keeps ("marzo–"): a
    // text word that starts with the trigger counts. Only more rules run; their patterns decide.
    for (size_t k = 0; !possible && k < rule.triggers.size(); ++k) {
      const std::string& t = rule.triggers[k];
      const auto word = std::lower_bound(words.begin(), words.end(), t);
      possible = word != words.end() && word->compare(0, t.size(), t) == 0;
    }
    if (!possible) continue;
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(rules.rules()[r].pattern->matcher(u16, status));
    if (U_FAILURE(status)) continue;
    anchors.ForEachMatch(r, *m, units, u16.length(), hits, [&](icu::RegexMatcher& match) {
      UErrorCode group_status = U_ZERO_ERROR;
      Candidate c;
      c.begin = static_cast<uint32_t>(to_byte(match.start(group_status)));
      c.end = static_cast<uint32_t>(to_byte(match.end(group_status)));
      if (c.end <= c.begin) return;
      c.rule = r;
      for (int g = 0; g <= match.groupCount(); ++g) {
        c.groups.emplace_back(to_byte(match.start(g, group_status)),
                              to_byte(match.end(g, group_status)));
      }
      candidates.push_back(std::move(c));
    });
  }
  // The longest match wins over those it overlaps; on a tie the earlier, then the earlier rule.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.rule < b.rule;
  });
  // Kept spans are disjoint: by their start, the one before and the one after a candidate
  // are the only ones it can overlap.
  std::map<uint32_t, const Candidate*> by_begin;
  for (const Candidate& c : candidates) {
    auto next = by_begin.lower_bound(c.begin);
    if (next != by_begin.end() && next->second->begin < c.end) continue;
    if (next != by_begin.begin() && std::prev(next)->second->end > c.begin) continue;
    by_begin.emplace(c.begin, &c);
  }
  CueCache cue_cache(rules);
  std::vector<const Candidate*> kept;
  kept.reserve(by_begin.size());
  for (const auto& [begin, c] : by_begin) kept.push_back(c);
  // The last day the text named: a time of day ("à 20 h 30") is on the day the narrative is
  // at, not necessarily the article's.
  std::optional<CivilDay> last_day;
  std::optional<std::pair<int, int>> last_quarter;  // the last quarter named: {year, 1-4}
  for (const Candidate* c : kept) {
    const TimexRule& rule = rules.rules()[c->rule];
    const std::string filled = Fill(rules, rule.value, text, *c);
    if (filled.empty()) continue;
    uint32_t sentence_begin = 0;
    const std::string_view sentence = SentenceAround(text, c->begin, c->end, &sentence_begin);
    const Tense tense = TenseOf(cue_cache.Of(sentence, sentence_begin), c->begin - sentence_begin);
    // A clock time ("REFT20:30") and the forms anchored on the narrative ("LAST+1D": "le
    // lendemain") take the last day named; without one, the reference.
    const bool clock = rule.type == TimexType::kTime && filled.size() > 4 &&
                       filled.rfind("REFT", 0) == 0 &&
                       std::isdigit(static_cast<unsigned char>(filled[4]));
    std::string form = filled;
    // "a year earlier" in a text about a quarter is that quarter a year before ("PERIOD-1Y");
    // otherwise the same as from the reference.
    bool period = false;
    if (form.rfind("PERIOD", 0) == 0) {
      form.replace(0, 6, "REF");
      if (last_quarter && form.size() >= 6 && form[3] == '-' && form.back() == 'Y') {
        const int years = std::atoi(form.substr(4, form.size() - 5).c_str());
        form = std::to_string(last_quarter->first - years) + "-Q" +
               std::to_string(last_quarter->second);
        period = true;
      }
    }
    const bool narrative = form.rfind("LAST", 0) == 0;
    if (narrative) form.replace(0, 4, "REF");
    ResolvedValue v =
        ResolveTimexValue(form, (clock || narrative) && last_day ? last_day : reference, tense);
    if (rule.type == TimexType::kDate && v.value.size() == 7 && v.value[4] == '-' &&
        v.value[5] == 'Q' && v.value[6] >= '1' && v.value[6] <= '4' && !period) {
      last_quarter = std::pair<int, int>{std::atoi(v.value.substr(0, 4).c_str()), v.value[6] - '0'};
    }
    if (rule.type == TimexType::kDate && v.resolved) {
      if (std::optional<CivilDay> day = CivilDayOf(v.value)) last_day = day;
    }
    Timex t;
    t.span = {c->begin, c->end};
    t.type = rule.type;
    t.value = std::move(v.value);
    t.resolved = v.resolved;
    // A clock time or a narrative anchor was resolved against the last day named, which a
    // later resolution cannot know: its form is its value then.
    t.form = (clock || narrative) && last_day ? t.value : form;
    t.tense = tense;
    t.rule = rule.id;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace depeche::extract
