#include "story/timeline.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "core/time.h"
#include "story/prose.h"
#include "story/sentence_vectors.h"

namespace depeche::story {
namespace {

enum class Precision { kDay = 0, kWeek, kMonth, kYear };
constexpr const char* kPrecisionNames[] = {"day", "week", "month", "year"};

// A date a timeline may hold: its value at its precision and the day it starts on.
struct DateValue {
  std::string key;  // "2022-01-21", "2022-W04", "2022-01", "2022"
  Precision precision = Precision::kDay;
  int64_t start = 0;  // days since 1970-01-01
};

bool Digits(std::string_view s, size_t from, size_t count) {
  if (from + count > s.size()) return false;
  for (size_t i = from; i < from + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int Number(std::string_view s, size_t from, size_t count) {
  int n = 0;
  for (size_t i = from; i < from + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

// Monday of ISO week `week` of `year`: week 1 holds 4 January.
int64_t IsoWeekStart(int year, int week) {
  const int64_t jan4 = core::DaysFromCivil(year, 1, 4);
  const int64_t weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - weekday + 7 * static_cast<int64_t>(week - 1);
}

// The date of a TIMEX3 value at day, week, month or year precision; nullopt for anything else
// ("2022-Q1", "2022-SU", "PRESENT_REF", "XXXX-01-21", a duration). `day_prefix`: a value that
// opens with a day ("2022-01-21TEV", a TIME) is that day.
std::optional<DateValue> ParseDate(std::string_view v, bool day_prefix) {
  if (!Digits(v, 0, 4)) return std::nullopt;
  const int year = Number(v, 0, 4);
  if (v.size() == 4)
    return DateValue{std::string(v), Precision::kYear, core::DaysFromCivil(year, 1, 1)};
  if (v.size() == 8 && v[4] == '-' && v[5] == 'W' && Digits(v, 6, 2)) {
    const int week = Number(v, 6, 2);
    if (week < 1 || week > 53) return std::nullopt;
    return DateValue{std::string(v), Precision::kWeek, IsoWeekStart(year, week)};
  }
  if (v.size() < 7 || v[4] != '-' || !Digits(v, 5, 2)) return std::nullopt;
  const int month = Number(v, 5, 2);
  if (month < 1 || month > 12) return std::nullopt;
  if (v.size() == 7)
    return DateValue{std::string(v), Precision::kMonth, core::DaysFromCivil(year, month, 1)};
  if (v[7] != '-' || !Digits(v, 8, 2) || (v.size() > 10 && !day_prefix) ||
      (v.size() > 10 && v[10] != 'T')) {
    return std::nullopt;
  }
  const int day = Number(v, 8, 2);
  if (day < 1 || day > 31) return std::nullopt;
  const int64_t start = core::DaysFromCivil(year, month, day);
  // Reject 31 April and the like: the day must fall before the next month.
  if (month < 12 ? start >= core::DaysFromCivil(year, month + 1, 1)
                 : start >= core::DaysFromCivil(year + 1, 1, 1)) {
    return std::nullopt;
  }
  return DateValue{std::string(v.substr(0, 10)), Precision::kDay, start};
}

// A sentence that can stand as a line: it does not open as the continuation of another
// (", muerto hoy", "et il a dit") or as a post ("@user", "#tag"), is no question, and holds no
// web address (a credit or a reference list).
bool StandsAlone(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if ((c >= 'a' && c <= 'z') ||
      std::string_view(",;:.)]}!?@#-").find(static_cast<char>(c)) != std::string_view::npos) {
    return false;
  }
  // A question asks what happened rather than says it.
  const std::string_view trimmed = s.substr(0, s.find_last_not_of(" \t\n\"'\xC2\xBB") + 1);
  if (!trimmed.empty() && trimmed.back() == '?') return false;
  return s.find("http") == std::string_view::npos && s.find("www.") == std::string_view::npos;
}

enum class Basis { kStated = 0, kRelative, kPublished };
constexpr const char* kBasisNames[] = {"stated", "relative", "published"};

// A sentence dated: by one of its expressions, or by its document's day.
struct DatedSentence {
  uint32_t sentence = 0;  // global index: sentence_base[document] + position
  Basis basis = Basis::kPublished;
  Span expression;
};

struct DateInfo {
  DateValue value;
  double salience = 0;
  size_t documents = 0;
  size_t last_document = SIZE_MAX;
  double last_weight = 0;
  std::vector<DatedSentence> sentences;
};

// Adds document `d`'s reference to `date` with `weight`: a document counts once, at its
// strongest reference. Documents come in order, so only the last one can repeat.
void Refer(DateInfo& date, size_t d, double weight) {
  if (date.last_document == d) {
    if (weight > date.last_weight) {
      date.salience += weight - date.last_weight;
      date.last_weight = weight;
    }
    return;
  }
  date.last_document = d;
  date.last_weight = weight;
  date.salience += weight;
  ++date.documents;
}

// What a mention of `v` in a document published on `published` says of the date's salience.
double MentionWeight(const std::optional<DateValue>& published, const DateValue& v,
                     const TimelineOptions& o) {
  if (!published || v.precision != Precision::kDay) return 1.0;
  const int64_t after = published->start - v.start;  // days from the date to the report
  if (after == 0) return o.same_day_weight;
  if (after < 0) return o.announced_weight;
  if (after > static_cast<int64_t>(o.retrospective_days)) return o.retrospective_weight;
  return 1.0;
}

double PrecisionWeight(Precision p, const TimelineOptions& o) {
  switch (p) {
    case Precision::kDay:
      return 1.0;
    case Precision::kWeek:
      return o.week_weight;
    case Precision::kMonth:
      return o.month_weight;
    case Precision::kYear:
      return o.year_weight;
  }
  return 0;
}

}  // namespace

Result<std::unique_ptr<TimelineBuilder>> TimelineBuilder::Create(const std::string& data_dir) {
  std::unique_ptr<TimelineBuilder> b(new TimelineBuilder());
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    const std::string lang = entry.path().filename().string();
    if (!std::filesystem::exists(entry.path() / "stopwords.txt")) continue;
    DEPECHE_ASSIGN_OR_RETURN(text::StopWords words, text::StopWords::Load(data_dir, lang));
    b->stop_words_.emplace(lang, std::move(words));
  }
  if (ec) return UnavailableError("cannot read " + data_dir + ": " + ec.message());
  return b;
}

std::vector<TimelineEntry> TimelineBuilder::Build(const std::vector<TimelineDocument>& documents,
                                                  const TimelineOptions& options) const {
  // 1. Dated sentences and the documents that refer to each date.
  std::vector<uint32_t> sentence_base(documents.size() + 1, 0);
  for (size_t d = 0; d < documents.size(); ++d) {
    sentence_base[d + 1] = sentence_base[d] + static_cast<uint32_t>(documents[d].sentences.size());
  }
  std::vector<uint32_t> sentence_document(sentence_base.back());
  for (size_t d = 0; d < documents.size(); ++d) {
    std::fill(sentence_document.begin() + sentence_base[d],
              sentence_document.begin() + sentence_base[d + 1], static_cast<uint32_t>(d));
  }
  const std::optional<DateValue> first =
      options.first_date.empty() ? std::nullopt : ParseDate(options.first_date, true);
  const std::optional<DateValue> last =
      options.last_date.empty() ? std::nullopt : ParseDate(options.last_date, true);
  std::vector<DateInfo> dates;
  std::unordered_map<std::string, size_t> date_ids;
  auto date_of = [&](DateValue value) -> DateInfo* {
    if (first && value.start < first->start) return nullptr;
    if (last && value.start > last->start) return nullptr;
    auto [it, added] = date_ids.emplace(value.key, dates.size());
    if (added) dates.push_back({std::move(value), 0, 0, SIZE_MAX, 0, {}});
    return &dates[it->second];
  };
  for (size_t d = 0; d < documents.size(); ++d) {
    const TimelineDocument& doc = documents[d];
    std::optional<DateValue> published;
    if (doc.date.size() >= 10) {
      published = ParseDate(doc.date.substr(0, 10), false);
      if (published && published->precision != Precision::kDay) published.reset();
    }
    // The usable expressions in text order.
    std::vector<std::pair<const TemporalExpression*, DateValue>> found;
    for (const TemporalExpression& t : doc.timexes) {
      if (!t.resolved || (t.type != "DATE" && !(options.time_days && t.type == "TIME"))) {
        continue;
      }
      std::optional<DateValue> v = ParseDate(t.value, t.type == "TIME");
      if (v) found.emplace_back(&t, std::move(*v));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.first->span.begin < b.first->span.begin;
    });
    size_t next = 0;
    for (size_t p = 0; p < doc.sentences.size(); ++p) {
      const Span s = doc.sentences[p];
      const uint32_t global = sentence_base[d] + static_cast<uint32_t>(p);
      while (next < found.size() && found[next].first->span.begin < s.begin) ++next;
      bool dated = false;
      std::vector<size_t> seen;  // a date once per sentence, by its first expression
      for (size_t k = next; k < found.size() && found[k].first->span.begin < s.end; ++k) {
        const TemporalExpression& t = *found[k].first;
        const DateValue& v = found[k].second;
        dated = true;
        DateInfo* date = date_of(v);
        if (date == nullptr) continue;
        const size_t id = static_cast<size_t>(date - dates.data());
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        seen.push_back(id);
        Refer(*date, d, MentionWeight(published, v, options));
        const Basis basis = t.form.empty() || t.form == t.value ? Basis::kStated : Basis::kRelative;
        date->sentences.push_back({global, basis, t.span});
      }
      if (!dated && published && options.publication_dates &&
          (options.publication_sentences == 0 || p < options.publication_sentences)) {
        DateInfo* date = date_of(*published);
        if (date == nullptr) continue;
        Refer(*date, d, options.publication_weight);
        date->sentences.push_back({global, Basis::kPublished, {0, 0}});
      }
    }
  }
  // 2. The dates by salience; a date needs a sentence that can be a line.
  std::vector<size_t> order;
  for (size_t i = 0; i < dates.size(); ++i) {
    dates[i].salience *= PrecisionWeight(dates[i].value.precision, options);
    if (dates[i].salience <= 0) continue;
    if (options.dates == 0 && dates[i].documents < options.min_date_documents) continue;
    order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const DateInfo& x = dates[a];
    const DateInfo& y = dates[b];
    return std::tie(y.salience, y.documents, x.value.start, x.value.key) <
           std::tie(x.salience, x.documents, y.value.start, y.value.key);
  });
  const size_t wanted = options.dates > 0 ? options.dates : options.max_dates;
  SentenceTokenizer tokenizer(stop_words_);
  std::vector<int32_t> token_index(sentence_base.back(), -1);
  std::vector<SentenceTokens> tokens;
  std::vector<bool> can_be_line;  // by token index
  auto tokens_of = [&](uint32_t global) -> const SentenceTokens& {
    if (token_index[global] < 0) {
      const TimelineDocument& doc = documents[sentence_document[global]];
      const Span s = doc.sentences[global - sentence_base[sentence_document[global]]];
      token_index[global] = static_cast<int32_t>(tokens.size());
      const bool valid = s.end <= doc.text.size() && s.begin < s.end;
      const std::string_view text = valid ? doc.text.substr(s.begin, s.end - s.begin) : "";
      tokens.push_back(valid ? tokenizer.Read(text, doc.lang) : SentenceTokens{});
      const SentenceTokens& t = tokens.back();
      can_be_line.push_back(t.words >= options.min_sentence_words &&
                            t.words <= options.max_sentence_words && !t.terms.empty() &&
                            StandsAlone(text) && IsProseSentence(text));
    }
    return tokens[static_cast<size_t>(token_index[global])];
  };
  auto candidate = [&](uint32_t global) {
    tokens_of(global);
    return can_be_line[static_cast<size_t>(token_index[global])];
  };
  std::vector<size_t> chosen;
  for (size_t i : order) {
    if (chosen.size() >= wanted) break;
    bool any = false;
    for (const DatedSentence& s : dates[i].sentences) any |= candidate(s.sentence);
    if (any) chosen.push_back(i);
  }
  // 3. Per date, the sentences closest to the centroid of its sentences (TF-IDF over the
  // sentences of the dates looked at, which is what the lines are told apart from).
  std::vector<std::vector<uint32_t>> bags;
  bags.reserve(tokens.size());
  for (SentenceTokens& t : tokens) bags.push_back(std::move(t.terms));
  const std::vector<TermVector> vectors = TfIdfVectors(bags, tokenizer.term_count());
  auto vector_of = [&](uint32_t global) -> const TermVector& {
    return vectors[static_cast<size_t>(token_index[global])];
  };
  std::vector<double> centroid(tokenizer.term_count(), 0);
  std::vector<uint32_t> touched;
  std::vector<bool> used(sentence_base.back(), false);
  std::vector<TimelineEntry> entries;
  std::vector<uint32_t> line_sentences;
  for (size_t i : chosen) {
    const DateInfo& date = dates[i];
    touched.clear();
    for (const DatedSentence& s : date.sentences) {
      for (const auto& [term, w] : vector_of(s.sentence)) {
        if (centroid[term] == 0) touched.push_back(term);
        centroid[term] += w;
      }
    }
    double norm = 0;
    for (uint32_t term : touched) norm += centroid[term] * centroid[term];
    norm = std::sqrt(norm);
    struct Scored {
      const DatedSentence* sentence;
      double score;
    };
    std::vector<Scored> scored;
    for (const DatedSentence& s : date.sentences) {
      if (!candidate(s.sentence)) continue;
      const TermVector& v = vector_of(s.sentence);
      double dot = 0;
      for (const auto& [term, w] : v) dot += centroid[term] * w;
      scored.push_back({&s, norm > 0 ? std::clamp(dot / norm, 0.0, 1.0) : 0.0});
    }
    for (uint32_t term : touched) centroid[term] = 0;
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) { return a.score > b.score; });
    const size_t first_entry = entries.size();
    line_sentences.clear();
    for (const Scored& c : scored) {
      if (line_sentences.size() >= options.sentences_per_date) break;
      const DatedSentence& s = *c.sentence;
      if (used[s.sentence]) continue;
      bool redundant = false;
      for (uint32_t l : line_sentences) {
        redundant |= Dot(vector_of(s.sentence), vector_of(l)) >= options.redundancy;
      }
      if (redundant) continue;
      used[s.sentence] = true;
      line_sentences.push_back(s.sentence);
      const size_t d = sentence_document[s.sentence];
      TimelineEntry e;
      e.date = date.value.key;
      e.precision = kPrecisionNames[static_cast<int>(date.value.precision)];
      e.basis = kBasisNames[static_cast<int>(s.basis)];
      e.inferred = s.basis == Basis::kPublished ||
                   (s.basis == Basis::kRelative && documents[d].date_inferred);
      e.document = d;
      e.span = documents[d].sentences[s.sentence - sentence_base[d]];
      e.expression = s.expression;
      e.date_documents = date.documents;
      e.score = c.score;
      entries.push_back(std::move(e));
    }
    // The same content from other documents, merged into the closest line.
    for (const Scored& c : scored) {
      const uint32_t g = c.sentence->sentence;
      if (used[g]) continue;
      double best = options.redundancy;
      size_t into = SIZE_MAX;
      for (size_t k = 0; k < line_sentences.size(); ++k) {
        if (sentence_document[line_sentences[k]] == sentence_document[g]) continue;
        const double cos = Dot(vector_of(g), vector_of(line_sentences[k]));
        if (cos >= best) {
          best = cos;
          into = k;
        }
      }
      if (into == SIZE_MAX) continue;
      TimelineEntry& e = entries[first_entry + into];
      const size_t d = sentence_document[g];
      const Span span = documents[d].sentences[g - sentence_base[d]];
      bool known = false;  // a sentence dated twice in its document is one source
      for (const TimelineSource& a : e.also) known |= a.document == d && a.span == span;
      if (!known) e.also.push_back({d, span});
    }
  }
  for (TimelineEntry& e : entries) {
    std::sort(e.also.begin(), e.also.end(), [](const TimelineSource& a, const TimelineSource& b) {
      return std::tie(a.document, a.span.begin) < std::tie(b.document, b.span.begin);
    });
  }
  // 4. In date order (a week, a month or a year at its first day), then by score.
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const TimelineEntry& a, const TimelineEntry& b) {
                     const DateInfo& x = dates[date_ids.at(a.date)];
                     const DateInfo& y = dates[date_ids.at(b.date)];
                     if (x.value.start != y.value.start) return x.value.start < y.value.start;
                     if (x.value.precision != y.value.precision) {
                       return x.value.precision > y.value.precision;  // the wider period first
                     }
                     if (a.date != b.date) return a.date < b.date;
                     return a.score > b.score;
                   });
  return entries;
}

}  // namespace depeche::story
