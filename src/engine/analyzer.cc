#include "engine/analyzer.h"

#include <filesystem>

#include "core/hash.h"
#include "core/strings.h"
#include "core/time.h"
#include "ingest/charset.h"
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

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Prefix of `s` of at most `max` bytes, not cutting a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return s.substr(0, max);
}

std::string ContentHash(std::string_view text, std::string_view lang) {
  // Over folded word tokens only: the same article re-posted with other spacing, quotes,
  // punctuation or case hashes the same.
  core::Hasher hasher;
  std::string folded;
  for (const text::Token& t : text::Tokenize(text, lang)) {
    folded.clear();
    text::FoldAppend(text.substr(t.span.begin, t.span.end - t.span.begin), folded);
    folded.push_back(' ');
    hasher.Update(folded);
  }
  return core::Hex64(hasher.Digest());
}

}  // namespace

std::string DeriveTitle(std::string_view first_sentence, size_t max_chars) {
  std::string s = CollapseSpaces(first_sentence);
  if (s.size() <= max_chars) return s;
  size_t cut = s.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) cut = Utf8Prefix(s, max_chars).size();
  std::string out(core::Trim(std::string_view(s).substr(0, cut)));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
  return out + "…";
}

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const EngineConfig& config) {
  std::unique_ptr<Analyzer> a(new Analyzer());
  text::LangIdOptions lid;
  lid.fasttext_model = config.lid_model.empty() ? DefaultLidModel() : config.lid_model;
  DEPECHE_ASSIGN_OR_RETURN(a->langid_, text::LanguageIdentifier::Create(lid));
  std::string data_dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  for (const char* lang : kHeadlineLanguages) {
    auto words = text::StopWords::Load(data_dir, lang);
    if (!words.ok()) continue;
    a->starters_.insert(words->words().begin(), words->words().end());
  }
  return a;
}

Result<Article> Analyzer::Analyze(ingest::RawArticle raw) const {
  Article a;
  a.warnings = std::move(raw.warnings);
  a.text = CleanText(raw.text, a.warnings);
  if (a.text.empty()) return InvalidArgumentError("no text left after cleaning");
  a.title = CollapseSpaces(CleanText(raw.title, a.warnings));
  a.url = std::string(core::Trim(raw.url));
  a.source = CollapseSpaces(CleanText(raw.source, a.warnings));
  a.origin = std::move(raw.origin);
  a.metadata_json = std::move(raw.metadata_json);
  a.lang_declared = core::AsciiLower(core::Trim(raw.lang));

  if (!raw.published.empty()) {
    auto date = core::ParseIsoDate(raw.published);
    if (date.ok()) {
      a.published = *date;
    } else {
      a.warnings.push_back("publication date ignored: " + date.status().message());
    }
  }

  std::string sample = a.title;
  sample += '\n';
  sample += Utf8Prefix(a.text, kLangIdPrefix);
  text::LangGuess guess = langid_->Identify(sample, a.lang_declared);
  if (!a.lang_declared.empty() && (!guess.reliable || guess.code == "und")) {
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

  a.sentences = text::SplitSentences(a.text, a.lang);
  if (a.title.empty()) {
    std::string_view first = a.sentences.empty()
                                 ? std::string_view(a.text)
                                 : std::string_view(a.text).substr(
                                       a.sentences[0].begin,
                                       a.sentences[0].end - a.sentences[0].begin);
    a.title = DeriveTitle(first);
  }
  a.content_hash = ContentHash(a.text, a.lang);
  a.id = a.url.empty() ? core::Hex64(core::Hash64("content:" + a.content_hash))
                       : core::Hex64(core::Hash64("url:" + a.url));
  return a;
}

}  // namespace depeche::engine
