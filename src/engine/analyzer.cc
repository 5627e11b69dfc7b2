#include "engine/analyzer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/hash.h"
#include "core/strings.h"
#include "core/time.h"
#include "extract/article_facts.h"
#include "extract/document_dates.h"
#include "ingest/charset.h"
#include "ingest/html_dates.h"
#include "text/normalize.h"
#include "text/sentences.h"
#include "text/stopwords.h"
#include "text/tokenize.h"

namespace depeche::engine {
namespace {

// Languages whose function words mark the start of a paragraph after a run-in headline.
constexpr const char* kHeadlineLanguages[] = {"fr", "en", "es", "de", "it", "pt", "nl"};

// Identification reads at most this much of a long text: plenty for a stable answer.
constexpr size_t kLangIdPrefix = 4096;
// Below this confidence a whole-text guess is checked paragraph by paragraph.
constexpr float kConfidentDocument = 0.9f;
// The declared language (the feed's) gives way to the detector only when its guess is reliable
// and rests on enough text: at least kOverrideLetters letters, or a confidence of at least
// kOverrideConfidence. On shorter headlines a few names or acronyms make the detector sure of
// the wrong language ("An AZ Guide to SXSW 2014" reads as Hungarian at 0.72). Measured on the
// dev half of the language-ID set with every non-English sentence declared "en": the rule keeps
// 2,383 of the 2,396 right overrides (none was wrong) and removes both false ones on the 6,367
// UCI headlines declared "en" (docs/LANGID.md). 20 letters is also where the identifier stops
// scaling its evidence down (LangIdOptions::short_text_letters).
constexpr size_t kOverrideLetters = 20;
constexpr float kOverrideConfidence = 0.8f;

size_t CountLetters(std::string_view s) {
  size_t letters = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && u_isalpha(c)) ++letters;
  }
  return letters;
}

std::string CleanText(std::string_view raw, std::vector<std::string>& warnings) {
  ingest::DecodedText decoded = ingest::DecodeToUtf8(raw);
  if (!decoded.warning.empty()) warnings.push_back(decoded.warning);
  std::string out;
  out.reserve(decoded.text.size());
  // Drop NUL and other C0 controls except tab and newline; CR becomes newline.
  for (size_t i = 0; i < decoded.text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(decoded.text[i]);
    if (c == '\r') {
      if (i + 1 < decoded.text.size() && decoded.text[i + 1] == '\n') continue;
      out.push_back('\n');
    } else if (c >= 0x20 || c == '\n' || c == '\t') {
      out.push_back(static_cast<char>(c));
    }
  }
  return std::string(core::Trim(text::Nfc(out)));
}

// Prefix of `s` of at most `max` bytes, not cutting a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return s.substr(0, max);
}

// The language most of `text` is written in: each paragraph is identified on its own and
// votes with its letter count. A Spanish report quoting Arabic tweets is Spanish even where
// the quotes hold many bytes. Only used when the whole-text guess is doubtful, as it costs one
// identification per paragraph.
text::LangGuess MajorityLanguage(const text::LanguageIdentifier& lid, std::string_view text,
                                 std::string_view hint) {
  std::map<std::string, double> letters;
  double total = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(pos, end - pos);
    pos = end + 1;
    double weight = 0;
    for (unsigned char c : paragraph)
      weight += (c >= 0x80 ? (c >= 0xC0 ? 1 : 0) : std::isalpha(c) != 0);
    if (weight < 20) continue;
    text::LangGuess g = lid.Identify(paragraph, hint);
    if (g.code == "und") continue;
    letters[g.code] += weight;
    total += weight;
  }
  text::LangGuess best;
  for (const auto& [code, weight] : letters) {
    if (weight > best.confidence * total) {
      best.code = code;
      best.confidence = static_cast<float>(weight / total);
    }
  }
  best.reliable = best.confidence >= 0.5f;
  return best;
}

std::string ContentHash(std::string_view text) {
  // Over the folded words only, so the same article re-posted with other spacing, quotes,
  // punctuation or case hashes the same. The word is text::NextWord's (the full-text index's):
  // one pass with a table lookup per character, far cheaper than a word-break iterator.
  std::string folded;
  folded.reserve(text.size());
  text::FoldAppend(text, folded);
  std::string words;
  words.reserve(folded.size());
  for (text::WordRun run = text::NextWord(folded, 0); run.end != 0;
       run = text::NextWord(folded, run.end)) {
    if (!words.empty()) words.push_back(' ');
    words.append(folded, run.begin, run.end - run.begin);
  }
  return core::Hex64(core::Hash64(words));
}

// Sentences minus the boilerplate: a sentence inside a removed range is dropped, one that a
// removed range cuts (a credit at the end of a paragraph) is trimmed to what is left.
std::vector<Span> WithoutBoilerplate(std::string_view text, std::vector<Span> sentences,
                                     const std::vector<BoilerplateSpan>& removed) {
  if (removed.empty()) return sentences;
  std::vector<Span> out;
  out.reserve(sentences.size());
  for (Span s : sentences) {
    for (const BoilerplateSpan& r : removed) {
      if (r.span.end <= s.begin || r.span.begin >= s.end) continue;
      if (r.span.begin <= s.begin) s.begin = std::min(s.end, r.span.end);
      if (r.span.end >= s.end) s.end = std::max(s.begin, r.span.begin);
    }
    while (s.begin < s.end && std::isspace(static_cast<unsigned char>(text[s.begin]))) ++s.begin;
    while (s.end > s.begin && std::isspace(static_cast<unsigned char>(text[s.end - 1]))) --s.end;
    if (s.begin < s.end) out.push_back(s);
  }
  return out;
}

}  // namespace

std::string DeriveTitle(std::string_view first_sentence, size_t max_chars) {
  std::string s = core::CollapseSpaces(first_sentence);
  if (s.size() <= max_chars) return s;
  size_t cut = s.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) cut = Utf8Prefix(s, max_chars).size();
  std::string out(core::Trim(std::string_view(s).substr(0, cut)));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + "…";
}

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const EngineConfig& config) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  text::LangIdOptions lid;
  lid.fasttext_model = config.lid_model.empty() ? DefaultLidModel() : config.lid_model;
  DEPECHE_ASSIGN_OR_RETURN(a->langid_, text::LanguageIdentifier::Create(lid));
  std::string data_dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    std::string lang = entry.path().filename().string();
    if (!std::filesystem::exists(entry.path() / "boilerplate.txt")) continue;
    DEPECHE_ASSIGN_OR_RETURN(a->boilerplate_[lang], ingest::LoadBoilerplateRules(data_dir, lang));
  }
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    if (!std::filesystem::exists(entry.path() / "quotes.txt")) continue;
    std::string lang = entry.path().filename().string();
    DEPECHE_ASSIGN_OR_RETURN(a->quotes_[lang], extract::QuoteExtractor::Create(data_dir, lang));
  }
  DEPECHE_ASSIGN_OR_RETURN(a->figures_, extract::FigureExtractor::Create(data_dir));
  DEPECHE_ASSIGN_OR_RETURN(a->default_rules_, ingest::LoadBoilerplateRules(data_dir, "und"));
  DEPECHE_ASSIGN_OR_RETURN(a->timex_, extract::TimexTagger::Create(data_dir));
  for (const char* lang : kHeadlineLanguages) {
    auto words = text::StopWords::Load(data_dir, lang);
    if (!words.ok()) continue;
    a->starters_.insert(words->words().begin(), words->words().end());
  }
  return a;
}

std::vector<TemporalExpression> Analyzer::TemporalExpressions(const Article& a) const {
  std::vector<TemporalExpression> out;
  // Against the stated day; an undated article keeps relative values ("UNDEF-WEEKDAY-5") until
  // its story dates it (engine::DateStage).
  const std::vector<extract::Timex> found = timex_->Tag(a.text, a.lang, extract::DayOfDate(a.date));
  size_t b = 0;  // boilerplate spans are in order, as the expressions are
  for (const extract::Timex& t : found) {
    while (b < a.boilerplate.size() && a.boilerplate[b].span.end <= t.span.begin) ++b;
    // An embedded post is quoted content: its date line ("– Liz Truss (@trussliz) 20 janvier
    // 2022") says when it was written, which dates the article too. Other junk (related links,
    // credits) tells of other articles.
    if (b < a.boilerplate.size() && a.boilerplate[b].span.begin < t.span.end &&
        a.boilerplate[b].reason != "tweet") {
      continue;
    }
    out.push_back(extract::ToExpression(t));
  }
  return out;
}

const ingest::BoilerplateRules& Analyzer::RulesFor(const std::string& lang) const {
  auto it = boilerplate_.find(lang);
  return it == boilerplate_.end() ? default_rules_ : it->second;
}

std::string RecordKey(const Article& article) {
  if (!article.url.empty()) return "url:" + article.url;
  if (!article.feed_id.empty()) return "feed:" + article.source + '\x1f' + article.feed_id;
  return "file:" + article.origin.path + '\x1f' + article.content_hash;
}

Result<Article> Analyzer::Analyze(ingest::RawArticle raw) const {
  Article a;
  a.warnings = std::move(raw.warnings);
  a.text = CleanText(raw.text, a.warnings);
  a.title = core::CollapseSpaces(CleanText(raw.title, a.warnings));
  // Headline feeds give a title and no text: the title is the article's text. Not for HTML
  // pages, whose <title> without a body is no article.
  const bool title_only = raw.title_origin != "html" && !a.title.empty() &&
                          (a.text.empty() || core::CollapseSpaces(a.text) == a.title);
  if (title_only) a.text = a.title;
  if (a.text.empty()) return InvalidArgumentError("no text left after cleaning");
  a.url = std::string(core::Trim(raw.url));
  a.feed_id = std::string(core::Trim(raw.external_id));
  a.source = core::CollapseSpaces(CleanText(raw.source, a.warnings));
  a.origin = std::move(raw.origin);
  a.metadata_json = std::move(raw.metadata_json);
  a.lang_declared = core::AsciiLower(core::Trim(raw.lang));

  if (!raw.published.empty()) {
    auto date = core::ParseIsoDate(raw.published);
    if (date.ok()) {
      a.published = *date;
      a.published_source = raw.published_source.empty() ? "metadata" : raw.published_source;
    } else {
      a.warnings.push_back("publication date ignored: " + date.status().message());
    }
  }

  // A URL with the day in its path (/2022/01/18/) dates an article whose input did not.
  if (!a.published.known() && !a.url.empty()) {
    PublicationDate from_url = ingest::DateFromUrl(a.url);
    if (from_url.known()) {
      a.published = std::move(from_url);
      a.published_source = "url";
    }
  }
  // Until its story is read (engine::DateStage), the best date is the stated one.
  a.date = extract::StatedDate(a.published, a.published_source);

  std::string sample = a.title;
  if (!title_only) {  // the text of a headline is its title: read it once
    sample += '\n';
    sample += Utf8Prefix(a.text, kLangIdPrefix);
  }
  text::LangGuess guess = langid_->Identify(sample, a.lang_declared);
  bool doubtful = (!a.lang_declared.empty() && guess.code != a.lang_declared) ||
                  guess.confidence < kConfidentDocument;
  if (doubtful && a.text.size() > kLangIdPrefix / 4) {
    text::LangGuess majority =
        MajorityLanguage(*langid_, Utf8Prefix(a.text, 4 * kLangIdPrefix), a.lang_declared);
    if (majority.reliable) guess = majority;
  }
  const bool enough_to_override = guess.reliable && (guess.confidence >= kOverrideConfidence ||
                                                     CountLetters(sample) >= kOverrideLetters);
  if (!a.lang_declared.empty() && (!enough_to_override || guess.code == "und")) {
    a.lang = a.lang_declared;
    a.lang_confidence = guess.code == a.lang_declared ? guess.confidence : 0.0f;
  } else {
    a.lang = guess.code;
    a.lang_confidence = guess.confidence;
    if (!a.lang_declared.empty() && a.lang_declared != guess.code) {
      a.warnings.push_back("declared language '" + a.lang_declared + "' but the text reads as '" +
                           guess.code + "'");
    }
  }

  // A headline is never boilerplate, even one that looks like a credit line ("Video: ...").
  ingest::CleanedText body = title_only ? ingest::CleanedText{a.text, {}}
                                        : ingest::RemoveBoilerplateLines(a.text, RulesFor(a.lang));
  for (ingest::RemovedSpan& r : body.removed) {
    a.boilerplate.push_back(
        {{static_cast<uint32_t>(r.begin), static_cast<uint32_t>(r.end)}, std::move(r.reason)});
  }
  if (core::Trim(body.text).empty())
    return InvalidArgumentError("only boilerplate, no article text");
  a.sentences = WithoutBoilerplate(a.text, text::SplitSentences(a.text, a.lang), a.boilerplate);
  if (a.title.empty()) {
    std::string_view first =
        a.sentences.empty() ? std::string_view(a.text)
                            : std::string_view(a.text).substr(
                                  a.sentences[0].begin, a.sentences[0].end - a.sentences[0].begin);
    a.title = DeriveTitle(first);
    a.title_origin = "derived";
  } else {
    a.title_origin = raw.title_origin.empty() ? "given" : raw.title_origin;
  }
  a.timexes = TemporalExpressions(a);
  if (auto q = quotes_.find(a.lang); q != quotes_.end()) {
    // Wire copy wraps its lines: a line break inside a paragraph is no paragraph's end.
    const std::string unwrapped = extract::SoftWrapsAsSpaces(a.text);
    a.quotes = extract::ArticleQuotes(a.text, q->second->Extract(unwrapped), a.boilerplate);
  }
  a.figures = extract::ArticleFigures(figures_->Extract(a.text, a.lang), a.boilerplate);
  a.content_hash = ContentHash(body.text);
  a.id = core::Hex64(core::Hash64(RecordKey(a)));
  return a;
}

}  // namespace depeche::engine
