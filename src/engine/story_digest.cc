#include "engine/story_digest.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/hash.h"
#include "core/strings.h"
#include "core/time.h"
#include "store/story_title.h"
#include "story/prose.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace depeche::engine {
namespace {

// Bumped whenever the digest's computation changes, so that cached digests are recomputed.
constexpr std::string_view kDigestVersion = "digest-11";
// The sentences of each article a summary line may be (news puts what matters first).
constexpr size_t kSummarySentences = 20;
// A summary line whose words are this much the headline's says the headline again.
constexpr double kHeadlineOverlap = 0.7;

struct Doc {
  const Article* article = nullptr;
  const StoryArticle* meta = nullptr;
  size_t order = 0;                         // position in the story (arrival)
  std::vector<const StoryArticle*> copies;  // exact copies of it, left out of the documents
};

std::unordered_set<std::string> FoldedWords(std::string_view s) {
  std::unordered_set<std::string> out;
  const std::string folded = text::Fold(s);
  for (text::WordRun run = text::NextWord(folded, 0); run.end != 0;
       run = text::NextWord(folded, run.end)) {
    out.emplace(folded.substr(run.begin, run.end - run.begin));
  }
  return out;
}

// Most of the line's words are the headline's (the lead repeating the title, or the title line
// of a text file taken as a sentence).
bool RepeatsHeadline(std::string_view line, const std::unordered_set<std::string>& headline) {
  if (headline.empty()) return false;
  const std::unordered_set<std::string> words = FoldedWords(line);
  if (words.empty()) return false;
  size_t shared = 0;
  for (const std::string& w : words) shared += headline.count(w);
  return static_cast<double>(shared) >= kHeadlineOverlap * static_cast<double>(words.size());
}

// A photo caption: a sentence that is a whole line of its own, right above a credit line
// ("Blinken et Lavrov à Genève." then "Source : AP"). It names who is in the picture, not what
// happened.
bool IsCaption(const Article& a, const Span& s) {
  const std::string_view text = a.text;
  const bool line_start = s.begin == 0 || text[s.begin - 1] == '\n';
  size_t end = s.end;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  if (!line_start || (end < text.size() && text[end] != '\n')) return false;
  const size_t next = end + 1;  // the next line
  for (const BoilerplateSpan& b : a.boilerplate) {
    if (b.reason == "credit" && b.span.begin == next) return true;
  }
  return false;
}

// The first `limit` sentences of `a` a reader can be shown on their own: prose
// (story::IsProseSentence, which the summarizer and the timeline check again for their
// candidates: code or markup left in a page's text, lists of tags and fragments without an end
// do not take the places of the first sentences), and no photo caption.
std::vector<Span> ShownSentences(const Article& a, size_t limit = SIZE_MAX) {
  std::vector<Span> out;
  for (const Span& s : a.sentences) {
    if (out.size() >= limit) break;
    if (s.end <= a.text.size() && s.begin < s.end &&
        story::IsProseSentence(std::string_view(a.text).substr(s.begin, s.end - s.begin)) &&
        !IsCaption(a, s)) {
      out.push_back(s);
    }
  }
  return out;
}

// What a sentence tells of an event: the days its date expressions resolve to and the names
// (capitalised words other than its first) it holds, folded.
struct EventSignature {
  std::set<std::string> days;
  std::set<std::string> names;
};

bool Capitalised(std::string_view word) {
  const auto c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // À to Þ (U+00C0-U+00DE, but for the multiplication sign U+00D7).
  if (c == 0xC3 && word.size() > 1) {
    const auto d = static_cast<unsigned char>(word[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

EventSignature SignatureOf(const Article& a, Span span) {
  EventSignature s;
  for (const TemporalExpression& t : a.timexes) {
    if (t.span.begin < span.begin || t.span.end > span.end || !t.resolved) continue;
    if ((t.type == "DATE" || t.type == "TIME") && t.value.size() >= 10 && t.value[4] == '-' &&
        t.value[7] == '-') {
      s.days.insert(t.value.substr(0, 10));
    }
  }
  const std::string_view text = std::string_view(a.text).substr(span.begin, span.end - span.begin);
  bool first = true;
  for (text::WordRun run = text::NextWord(text, 0); run.end != 0;
       run = text::NextWord(text, run.end)) {
    const std::string_view word = text.substr(run.begin, run.end - run.begin);
    if (!first && word.size() > 1 && Capitalised(word)) s.names.insert(text::Fold(word));
    first = false;
  }
  return s;
}

// Two sentences tell one event: a day and two names in common ("Blinken rencontrera Lavrov
// vendredi", "Blinken et Lavrov se retrouveront ce vendredi").
bool SameEvent(const EventSignature& a, const EventSignature& b) {
  bool day = false;
  for (const std::string& d : a.days) day = day || b.days.count(d) > 0;
  if (!day) return false;
  size_t names = 0;
  for (const std::string& n : a.names) names += b.names.count(n);
  return names >= 2;
}

// The article was dated after `since` (an ISO date or date-time): its published date-time when
// it has one, else its best day.
bool IsNew(const StoryArticle& a, const std::string& since) {
  const bool timed = a.published.size() > 10;
  const std::string key = timed ? a.published : a.date;
  if (key.empty()) return false;
  if (since.size() <= 10) return key.substr(0, 10) >= since;
  if (timed) return key >= since;
  return key.substr(0, 10) > since.substr(0, 10);
}

FactSource SourceOf(const StoryArticle& meta, Span span) {
  return {meta.id, meta.source, meta.date, {span}};
}

// The line's own source, then its other sources (each with its exact copies), earliest first.
StoryLine LineOf(const std::vector<Doc>& docs, size_t doc, Span span,
                 const std::vector<std::pair<size_t, Span>>& also) {
  StoryLine line;
  const Article& a = *docs[doc].article;
  line.text =
      core::CollapseSpaces(std::string_view(a.text).substr(span.begin, span.end - span.begin));
  line.source = SourceOf(*docs[doc].meta, span);
  std::vector<std::pair<size_t, FactSource>> others;  // (arrival, source)
  for (const StoryArticle* copy : docs[doc].copies) {
    others.emplace_back(docs[doc].order, SourceOf(*copy, span));
  }
  for (const auto& [d, s] : also) {
    others.emplace_back(docs[d].order, SourceOf(*docs[d].meta, s));
    for (const StoryArticle* copy : docs[d].copies) {
      others.emplace_back(docs[d].order, SourceOf(*copy, s));
    }
  }
  std::stable_sort(others.begin(), others.end(), [](const auto& x, const auto& y) {
    const bool xd = !x.second.date.empty(), yd = !y.second.date.empty();
    if (xd != yd) return xd;
    if (x.second.date != y.second.date) return x.second.date < y.second.date;
    return x.first < y.first;
  });
  // One source per article (its first sentence saying it); the line's own article is no other.
  std::set<std::string> seen = {line.source.article_id};
  for (auto& [order, s] : others) {
    if (seen.insert(s.article_id).second) line.also.push_back(std::move(s));
  }
  return line;
}

// The main language: the one of most articles, ties to the headline's article's.
std::string MainLanguage(const std::vector<Doc>& docs, const std::string& title) {
  std::map<std::string, size_t> count;
  std::string title_lang;
  for (const Doc& d : docs) {
    count[d.article->lang] += 1 + d.copies.size();
    if (title_lang.empty() && d.article->title == title) title_lang = d.article->lang;
  }
  std::string best;
  size_t most = 0;
  for (const auto& [lang, n] : count) {
    if (n > most || (n == most && lang == title_lang)) {
      best = lang;
      most = n;
    }
  }
  return best;
}

std::vector<StoryHeadline> Headlines(const StoryDetail& story, const std::vector<Doc>& all,
                                     const std::string& main) {
  std::vector<std::string> keys = story.top_terms;
  keys.insert(keys.end(), story.top_names.begin(), story.top_names.end());
  std::map<std::string, std::vector<const Doc*>> by_lang;
  for (const Doc& d : all) by_lang[d.article->lang].push_back(&d);
  std::vector<std::pair<size_t, StoryHeadline>> out;  // (articles, headline)
  for (const auto& [lang, docs] : by_lang) {
    std::vector<store::TitleCandidate> candidates;
    std::vector<const Article*> of;
    for (const Doc* d : docs) {
      candidates.push_back({d->article->title, d->article->title_origin, d->article->source,
                            d->article->lang, static_cast<int64_t>(d->order)});
      of.push_back(d->article);
    }
    int best = store::ChooseStoryTitle(candidates, keys);
    if (lang == main) {
      // The story's own headline when this language's articles carry it.
      auto carried = std::find_if(
          of.begin(), of.end(), [&](const Article* a) { return a->title == story.summary.title; });
      if (carried != of.end()) best = static_cast<int>(carried - of.begin());
    }
    if (best < 0 || of[best]->title.empty()) continue;
    const size_t n = lang == main ? SIZE_MAX : docs.size();
    out.emplace_back(n, StoryHeadline{lang, of[best]->title, of[best]->id});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<StoryHeadline> headlines;
  for (auto& [n, h] : out) headlines.push_back(std::move(h));
  return headlines;
}

std::vector<StoryLine> Summary(const story::Summarizer& summarizer, const std::vector<Doc>& docs,
                               const std::vector<size_t>& chosen, const std::string& since,
                               const std::string& headline, size_t budget) {
  std::vector<story::SummaryDocument> input;
  for (size_t i : chosen) {
    const Article& a = *docs[i].article;
    story::SummaryDocument d;
    d.text = a.text;
    // Candidates are among each article's first sentences (SummaryOptions::max_position):
    // reading only those is what makes a 200-article story fast enough.
    d.sentences = ShownSentences(a, kSummarySentences);
    d.lang = a.lang;
    d.time = a.date.date.known() ? a.date.date.utc_seconds : 0;
    d.background = !since.empty() && !IsNew(*docs[i].meta, since);
    input.push_back(std::move(d));
  }
  story::SummaryOptions options;
  options.max_words = budget * 2;  // room for the lines left out below
  // Continuous LexRank (edges weighted by their cosines: generic DUC 2006 summaries 0.0856 ->
  // 0.0887 ROUGE-2), over each article's first 20 sentences (news puts what matters first; a
  // 200-article story 50 -> 38 ms).
  options.weighted_edges = true;
  options.max_position = kSummarySentences;
  // A short summary says each thing once: a sentence sharing 0.4 of a line's weighted words is
  // left out; only one sharing half is the same content, another source of the line. (The same
  // event in other words is caught below by its day and names.)
  options.redundancy = 0.4;
  options.same_content = 0.5;
  std::vector<story::SummaryLine> lines = summarizer.Summarize(input, options);
  const std::unordered_set<std::string> title = FoldedWords(headline);
  std::vector<const story::SummaryLine*> kept;
  for (const story::SummaryLine& l : lines) {
    const std::string_view text = input[l.document].text;
    if (!RepeatsHeadline(text.substr(l.span.begin, l.span.end - l.span.begin), title)) {
      kept.push_back(&l);
    }
  }
  // The best lines within the budget, in the summarizer's (time) order. A line telling the
  // event of a better one in other words (the same day and the same names) is one more source of
  // that line instead.
  std::vector<const story::SummaryLine*> best = kept;
  std::stable_sort(best.begin(), best.end(),
                   [](const auto* x, const auto* y) { return x->score > y->score; });
  std::map<const story::SummaryLine*, std::vector<std::pair<size_t, Span>>> in;  // -> more sources
  std::vector<std::pair<const story::SummaryLine*, EventSignature>> signatures;
  size_t words = 0;
  for (const story::SummaryLine* l : best) {
    EventSignature signature = SignatureOf(*docs[chosen[l->document]].article, l->span);
    bool told = false;
    for (const auto& [other, known] : signatures) {
      if (!SameEvent(signature, known)) continue;
      in[other].emplace_back(chosen[l->document], l->span);
      told = true;
      break;
    }
    if (told || words >= budget) continue;
    in[l];
    signatures.emplace_back(l, std::move(signature));
    words += l->words;
  }
  // The story's latest state: when no line comes from its latest day's articles, the best line
  // of a summary of that day's articles alone joins, unless it tells an event already told (a
  // central summary says what was said most, which in a story that goes on is rarely the
  // latest; and the latest is often said in the words of the first: "Blinken rencontrera
  // Lavrov la semaine prochaine" after "Blinken rencontrera Lavrov vendredi").
  std::string latest;
  for (size_t i : chosen) latest = std::max(latest, docs[i].meta->date);
  bool has_latest = false;
  for (const auto& [l, more] : in) has_latest |= docs[chosen[l->document]].meta->date == latest;
  std::vector<story::SummaryLine> latest_lines;
  std::vector<size_t> latest_docs;  // index into `input` of each document of the latest day
  if (!has_latest && !latest.empty() && !in.empty()) {
    std::vector<story::SummaryDocument> day;
    for (size_t k = 0; k < chosen.size(); ++k) {
      if (docs[chosen[k]].meta->date != latest || input[k].background) continue;
      day.push_back(input[k]);
      latest_docs.push_back(k);
    }
    story::SummaryOptions one = options;
    one.max_words = 1;  // its best line
    if (!day.empty()) latest_lines = summarizer.Summarize(day, one);
  }
  for (story::SummaryLine& l : latest_lines) {
    l.document = latest_docs[l.document];
    for (story::SummarySource& a : l.also) a.document = latest_docs[a.document];
    const std::string_view text = input[l.document].text;
    if (RepeatsHeadline(text.substr(l.span.begin, l.span.end - l.span.begin), title)) continue;
    const EventSignature signature = SignatureOf(*docs[chosen[l.document]].article, l.span);
    bool told = false;
    for (const auto& [other, known] : signatures) told = told || SameEvent(signature, known);
    if (told) continue;
    kept.push_back(&l);
    in[&l];
  }
  std::vector<StoryLine> out;
  for (const story::SummaryLine* l : kept) {
    auto it = in.find(l);
    if (it == in.end()) continue;
    std::vector<std::pair<size_t, Span>> also;
    for (const story::SummarySource& s : l->also) also.emplace_back(chosen[s.document], s.span);
    also.insert(also.end(), it->second.begin(), it->second.end());
    out.push_back(LineOf(docs, chosen[l->document], l->span, also));
  }
  return out;
}

// Days from the earliest to the latest dated document (0 when fewer than two are dated).
int64_t SpanDays(const std::vector<story::TimelineDocument>& documents) {
  std::optional<int64_t> first, last;
  for (const story::TimelineDocument& d : documents) {
    Result<PublicationDate> day = core::ParseIsoDate(d.date);
    if (d.date.empty() || !day.ok()) continue;
    const int64_t at = day->utc_seconds / 86400;
    if (!first || at < *first) first = at;
    if (!last || at > *last) last = at;
  }
  return first ? *last - *first : 0;
}

std::vector<StoryTimelineEntry> Timeline(const story::TimelineBuilder& builder,
                                         const std::vector<Doc>& docs,
                                         const std::vector<size_t>& chosen,
                                         const std::string& since) {
  std::vector<story::TimelineDocument> input;
  std::vector<size_t> of;
  for (size_t i : chosen) {
    if (!since.empty() && !IsNew(*docs[i].meta, since)) continue;
    const Article& a = *docs[i].article;
    story::TimelineDocument d;
    d.text = a.text;
    d.sentences = ShownSentences(a);
    d.timexes = a.timexes;
    d.lang = a.lang;
    d.date = docs[i].meta->date;
    d.date_inferred = a.date.provenance == "inferred";
    input.push_back(std::move(d));
    of.push_back(i);
  }
  story::TimelineOptions options;
  options.max_dates = kStoryTimelineDates;
  // A week, a month or a year is an entry only in a story that spans two of them at least
  // ("ce mois-ci" says nothing in a story of one month).
  const int64_t span = SpanDays(input);
  if (span < 14) options.week_weight = 0;
  if (span < 62) options.month_weight = 0;
  if (span < 730) options.year_weight = 0;
  // A date one article alone gives is an event of a small story, noise in a large one.
  options.min_date_documents = input.size() >= 6 ? 2 : 1;
  std::vector<StoryTimelineEntry> out;
  for (const story::TimelineEntry& e : builder.Build(input, options)) {
    StoryTimelineEntry entry;
    entry.date = e.date;
    entry.precision = e.precision;
    entry.basis = e.basis;
    entry.inferred = e.inferred;
    if (e.expression.end > e.expression.begin) {
      entry.expression = core::CollapseSpaces(
          input[e.document].text.substr(e.expression.begin, e.expression.end - e.expression.begin));
    }
    entry.article_count = static_cast<int64_t>(e.date_documents);
    std::vector<std::pair<size_t, Span>> also;
    for (const story::TimelineSource& s : e.also) also.emplace_back(of[s.document], s.span);
    entry.line = LineOf(docs, of[e.document], e.span, also);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<StoryDigester>> StoryDigester::Create(const std::string& data_dir) {
  std::unique_ptr<StoryDigester> d(new StoryDigester());
  DEPECHE_ASSIGN_OR_RETURN(d->summarizer_, story::Summarizer::Create(data_dir));
  DEPECHE_ASSIGN_OR_RETURN(d->timeline_, story::TimelineBuilder::Create(data_dir));
  return d;
}

std::string StoryDigester::Key(const StoryDetail& story) {
  core::Hasher h;
  h.Update(kDigestVersion);
  auto field = [&](std::string_view s) {
    h.Update(s);
    h.Update(std::string_view("\x1f", 1));
  };
  field(story.summary.title);
  for (const std::string& t : story.top_terms) field(t);
  for (const std::string& n : story.top_names) field(n);
  for (const StoryArticle& a : story.articles) {
    field(a.id);
    field(a.date);
    field(a.published);
    field(a.lang);
    field(a.original_id);
    field(a.exact_copy ? "1" : "0");
  }
  return core::Hex64(h.Digest());
}

StoryDigest StoryDigester::Digest(const StoryDetail& story, const std::vector<Article>& articles,
                                  const std::string& since) const {
  std::unordered_map<std::string_view, size_t> position;
  for (size_t i = 0; i < story.articles.size(); ++i) position.emplace(story.articles[i].id, i);
  std::vector<Doc> docs;
  std::unordered_map<std::string_view, size_t> doc_of;
  for (const Article& a : articles) {
    auto it = position.find(a.id);
    if (it == position.end()) continue;
    const StoryArticle& meta = story.articles[it->second];
    // An exact copy of an article read is that article again: one more source of its lines.
    if (meta.exact_copy) {
      auto original = doc_of.find(meta.original_id);
      if (original != doc_of.end()) {
        docs[original->second].copies.push_back(&meta);
        doc_of.emplace(a.id, original->second);
        continue;
      }
    }
    doc_of.emplace(a.id, docs.size());
    docs.push_back({&a, &meta, it->second, {}});
  }
  StoryDigest digest;
  if (docs.empty()) return digest;
  const std::string main = MainLanguage(docs, story.summary.title);
  digest.headlines = Headlines(story, docs, main);
  std::vector<size_t> chosen;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].article->lang == main) chosen.push_back(i);
  }
  const std::string headline =
      digest.headlines.empty() ? story.summary.title : digest.headlines.front().title;
  digest.summary_lines = Summary(*summarizer_, docs, chosen, since, headline, kStorySummaryWords);
  for (size_t h = 1; h < digest.headlines.size(); ++h) {
    const StoryHeadline& other = digest.headlines[h];
    std::vector<size_t> in_lang;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (docs[i].article->lang == other.lang) in_lang.push_back(i);
    }
    LanguageSummary summary{other.lang, Summary(*summarizer_, docs, in_lang, since, other.title,
                                                kLanguageSummaryWords)};
    if (!summary.lines.empty()) digest.language_summaries.push_back(std::move(summary));
  }
  digest.timeline = Timeline(*timeline_, docs, chosen, since);
  return digest;
}

}  // namespace depeche::engine
