#include "extract/document_dates.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>

#include "extract/timex_dates.h"
#include "extract/timex_normalize.h"

namespace depeche::extract {
namespace {

// Around the explicit dates an undated article gives ("20 janvier 2022"), the days it may
// have been written on: news tells of the recent past and the coming weeks.
constexpr int64_t kAnchorPadDays = 45;
// Around the days its story's articles are dated, the days an undated member may have been
// written on: a story's articles span weeks, rarely months.
constexpr int64_t kStoryPadDays = 60;
// Undated articles placed one at a time, each reading the days the ones before cite (then the
// rest at once): bounds the cost of a story with many undated articles.
constexpr int kPlacementRounds = 16;

struct Period {
  int64_t first = 0;
  int64_t last = 0;
};

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// The days a stated date covers: its day, month or year.
std::optional<Period> StatedPeriod(const PublicationDate& p) {
  if (!p.known() || p.iso.size() < 4) return std::nullopt;
  const int year = ToInt(std::string_view(p.iso).substr(0, 4));
  if (p.precision == DatePrecision::kYear) {
    return Period{DayNumber({year, 1, 1}), DayNumber({year, 12, 31})};
  }
  if (p.iso.size() < 7) return std::nullopt;
  const int month = ToInt(std::string_view(p.iso).substr(5, 2));
  if (month < 1 || month > 12) return std::nullopt;
  if (p.precision == DatePrecision::kMonth) {
    const int64_t first = DayNumber({year, month, 1});
    const int64_t next =
        month == 12 ? DayNumber({year + 1, 1, 1}) : DayNumber({year, month + 1, 1});
    return Period{first, next - 1};
  }
  const std::optional<CivilDay> day = CivilDayOf(p.iso);
  if (!day) return std::nullopt;
  return Period{DayNumber(*day), DayNumber(*day)};
}

bool StatesDay(const PublicationDate& p) {
  return p.known() && p.precision >= DatePrecision::kDay && CivilDayOf(p.iso).has_value();
}

// The explicit days the text gives: those that need no reference ("20 janvier 2022"), and with
// a `context` day the day-and-month a weekday fixes ("jeudi 17 février": the year near the
// context where 17 February is a Thursday).
std::vector<int64_t> AnchorDays(const std::vector<Timex>& timexes,
                                const std::optional<int64_t>& context) {
  std::vector<int64_t> out;
  for (const Timex& t : timexes) {
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
    if (t.form.rfind("REF", 0) == 0) continue;
    std::string value = t.form;
    if (t.form.rfind("UNDEF", 0) == 0) {
      if (!context || t.form.rfind("UNDEF-YEAR-", 0) != 0 ||
          t.form.find('@') == std::string::npos) {
        continue;
      }
      value = ResolveTimexValue(t.form, DayFromNumber(*context), t.tense).value;
    }
    if (const std::optional<CivilDay> d = CivilDayOf(value)) out.push_back(DayNumber(*d));
  }
  return out;
}

PublicationDate DayDate(int64_t day) {
  const CivilDay d = DayFromNumber(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  PublicationDate out;
  out.precision = DatePrecision::kDay;
  out.utc_seconds = day * 86400;
  out.iso = buf;
  return out;
}

ArticleDate Inferred(const DatingInput& in, const InferredDay& day, const char* basis) {
  ArticleDate out;
  out.date = DayDate(DayNumber(day.day));
  out.provenance = "inferred";
  out.basis = basis;
  for (size_t i : day.evidence) out.evidence.push_back(in.timexes[i].span);
  return out;
}

// The days an article dated `day` cites: its expressions resolved against it, when they name a
// day; and the day itself.
void AddCitedDays(const DatingInput& in, int64_t day, std::map<int64_t, int>& out) {
  std::set<int64_t> days{day};
  const CivilDay reference = DayFromNumber(day);
  for (const Timex& t : in.timexes) {
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
    const ResolvedValue r = ResolveTimexValue(t.form, reference, t.tense);
    if (const std::optional<CivilDay> d = CivilDayOf(r.value)) days.insert(DayNumber(*d));
  }
  for (int64_t d : days) ++out[d];  // articles citing the day, each counted once
}

// Grows `context` to cover `p`.
void Extend(std::optional<Period>& context, const Period& p) {
  if (!context) {
    context = p;
  } else {
    context->first = std::min(context->first, p.first);
    context->last = std::max(context->last, p.last);
  }
}

}  // namespace

ArticleDate StatedDate(const PublicationDate& published, const std::string& source) {
  ArticleDate out;
  if (!published.known()) return out;
  out.date = published;
  out.provenance = source.empty() ? "metadata" : source;
  return out;
}

std::optional<CivilDay> DayOfDate(const ArticleDate& date) {
  if (!date.date.known() || date.date.precision < DatePrecision::kDay) return std::nullopt;
  return CivilDayOf(date.date.iso);
}

std::vector<ArticleDate> DateStoryArticles(const std::vector<DatingInput>& articles) {
  const size_t n = articles.size();
  std::vector<ArticleDate> out(n);
  std::vector<std::optional<int64_t>> day(n);
  std::vector<std::optional<Period>> stated(n);
  // What the story states: its days and months (its years only when nothing finer is stated).
  std::optional<Period> stated_context;
  for (size_t i = 0; i < n; ++i) {
    out[i] = StatedDate(articles[i].stated, articles[i].stated_source);
    stated[i] = StatedPeriod(articles[i].stated);
    if (StatesDay(articles[i].stated)) day[i] = stated[i]->first;
    if (stated[i] && articles[i].stated.precision >= DatePrecision::kMonth) {
      Extend(stated_context, *stated[i]);
    }
  }
  if (!stated_context) {
    for (size_t i = 0; i < n; ++i) {
      if (stated[i]) Extend(stated_context, *stated[i]);
    }
  }
  std::optional<int64_t> middle;
  if (stated_context) middle = (stated_context->first + stated_context->last) / 2;
  // 1. Each undated article on its own: within its stated month or year, or around the days it
  // gives explicitly.
  for (size_t i = 0; i < n; ++i) {
    if (day[i]) continue;
    std::optional<Period> window = stated[i];
    if (!window) {
      const std::vector<int64_t> anchors = AnchorDays(articles[i].timexes, middle);
      if (anchors.empty()) continue;
      const auto [lo, hi] = std::minmax_element(anchors.begin(), anchors.end());
      window = Period{*lo - kAnchorPadDays, *hi + kAnchorPadDays};
    }
    const std::optional<InferredDay> inferred =
        InferPublicationDay(articles[i].timexes, window->first, window->last);
    if (!inferred || inferred->ambiguous) continue;
    day[i] = DayNumber(inferred->day);
    out[i] = Inferred(articles[i], *inferred, "text");
  }
  // 2. The others with their story: where their expressions meet the days its dated articles
  // cite, within the days those were written on (and the months the story states). Those with a
  // stated month first, then the surest placement, each placed article's days joining the
  // cited ones.
  std::map<int64_t, int> cited;
  std::optional<Period> context = stated_context;
  std::vector<size_t> pending;
  for (size_t i = 0; i < n; ++i) {
    if (day[i]) {
      AddCitedDays(articles[i], *day[i], cited);
      Extend(context, {*day[i], *day[i]});
    } else {
      pending.push_back(i);
    }
  }
  if (!context) return out;
  const Period around{context->first - kStoryPadDays, context->last + kStoryPadDays};
  // An article that states its month comes first (what it says is anchored in a stated fact),
  // then the surest; ties go to the lower id: the same choice whatever the order of `articles`.
  auto before = [&](size_t a, const InferredDay& da, size_t b, const InferredDay& db) {
    const DatePrecision p = articles[a].stated.precision;
    const DatePrecision q = articles[b].stated.precision;
    if (p != q) return p > q;
    if (std::abs(da.margin - db.margin) > 1e-9) return da.margin > db.margin;
    return articles[a].id < articles[b].id;
  };
  for (int round = 0; !pending.empty(); ++round) {
    std::vector<std::pair<size_t, InferredDay>> placeable;  // (article, its day)
    for (size_t i : pending) {
      const Period window = stated[i] ? *stated[i] : around;
      std::optional<InferredDay> inferred = InferPublicationDay(
          articles[i].timexes, window.first, window.last, /*max_window_days=*/400, &cited);
      if (inferred && !inferred->ambiguous) placeable.emplace_back(i, std::move(*inferred));
    }
    if (placeable.empty()) break;
    std::sort(placeable.begin(), placeable.end(), [&](const auto& x, const auto& y) {
      return before(x.first, x.second, y.first, y.second);
    });
    // Each placement changes the cited days, so the others are read again; past
    // kPlacementRounds (a story with dozens of undated articles) the rest are placed in this
    // round's order, which keeps a story's dating linear in its undated articles.
    const size_t take = round < kPlacementRounds ? 1 : placeable.size();
    for (size_t k = 0; k < take; ++k) {
      const auto& [i, inferred] = placeable[k];
      day[i] = DayNumber(inferred.day);
      out[i] = Inferred(articles[i], inferred, "story");
      AddCitedDays(articles[i], *day[i], cited);
      pending.erase(std::find(pending.begin(), pending.end(), i));
    }
  }
  return out;
}

void ResolveTimexes(std::vector<Timex>& timexes, const std::optional<CivilDay>& day) {
  for (Timex& t : timexes) {
    const ResolvedValue r = ResolveTimexValue(t.form, day, t.tense);
    t.value = r.value;
    t.resolved = r.resolved;
  }
}

TemporalExpression ToExpression(const Timex& timex) {
  TemporalExpression out;
  out.span = timex.span;
  out.type = std::string(TimexTypeName(timex.type));
  out.value = timex.value;
  out.resolved = timex.resolved;
  out.form = timex.form;
  out.tense = timex.tense == Tense::kPast ? "past" : timex.tense == Tense::kFuture ? "future" : "";
  out.rule = timex.rule;
  return out;
}

Timex FromExpression(const TemporalExpression& expression) {
  Timex out;
  out.span = expression.span;
  out.type = ParseTimexType(expression.type).value_or(TimexType::kDate);
  out.value = expression.value;
  out.resolved = expression.resolved;
  out.form = expression.form;
  out.tense = expression.tense == "past"     ? Tense::kPast
              : expression.tense == "future" ? Tense::kFuture
                                             : Tense::kUnknown;
  out.rule = expression.rule;
  return out;
}

}  // namespace depeche::extract
