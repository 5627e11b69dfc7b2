#include "text/lemmatizer.h"

#include <unicode/ucnv.h>
#include <hunspell/hunspell.hxx>

#include <climits>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include "core/strings.h"

namespace depeche::text {
namespace {

constexpr size_t kMaxCacheEntries = size_t{1} << 18;  // bounds memory on endless streams

// Dictionary file names to try for an ISO 639-1 code, most common installation first.
std::vector<std::string> CandidateLocales(std::string_view lang) {
  std::string code(lang);
  for (char& ch : code) {
    if (ch == '-') ch = '_';
  }
  if (code.find('_') != std::string::npos) return {code};  // "fr_CA": exactly that
  code = core::AsciiLower(code);
  std::string region = code;
  for (char& ch : region) ch = static_cast<char>(ch - 'a' + 'A');
  std::vector<std::string> names = {code + "_" + region};
  if (code == "en") names = {"en_US", "en_GB", "en_CA", "en_AU"};
  if (code == "pt") names = {"pt_PT", "pt_BR"};
  if (code == "de") names = {"de_DE", "de_DE_frami", "de_AT", "de_CH"};
  if (code == "sv") names = {"sv_SE", "sv_FI"};
  if (code == "da") names = {"da_DK"};
  if (code == "el") names = {"el_GR"};
  names.push_back(code);
  return names;
}

bool LangOk(std::string_view lang) {
  if (lang.empty() || lang.size() > 16) return false;
  for (char ch : lang) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '-';
    if (!ok) return false;
  }
  return lang.front() != '_' && lang.front() != '-';
}

// Converts between UTF-8 and a dictionary's legacy charset (ISO8859-x dictionaries exist).
std::string Convert(const char* to, const char* from, std::string_view s) {
  if (s.size() > INT_MAX / 4) return {};
  UErrorCode ec = U_ZERO_ERROR;
  std::string out(s.size() * 4 + 4, '\0');
  const int32_t len = ucnv_convert(to, from, out.data(), static_cast<int32_t>(out.size()), s.data(),
                                   static_cast<int32_t>(s.size()), &ec);
  if (U_FAILURE(ec)) return {};
  out.resize(static_cast<size_t>(len));
  return out;
}

// " st:déclarer po:v1__tnq__a po:ifut po:3sg" -> {déclarer, {v1__tnq__a, ifut, 3sg}}.
LemmaInfo ParseAnalysis(std::string_view analysis) {
  LemmaInfo info;
  size_t i = 0;
  while (i < analysis.size()) {
    const size_t start = analysis.find_first_not_of(" \t", i);
    if (start == std::string_view::npos) break;
    size_t end = analysis.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = analysis.size();
    const std::string_view field = analysis.substr(start, end - start);
    if (field.size() > 3 && field[2] == ':') {
      const std::string_view value = field.substr(3);
      if (field.substr(0, 2) == "st" && info.lemma.empty()) info.lemma = value;
      if (field.substr(0, 2) == "po") info.pos.emplace_back(value);
    }
    i = end;
  }
  return info;
}

std::string SwapApostrophes(std::string_view word) {
  std::string out;
  out.reserve(word.size() + 2);
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\'') {
      out += "\xE2\x80\x99";
    } else if (word.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
    } else {
      out += word[i];
    }
  }
  return out;
}

}  // namespace

struct Lemmatizer::Impl {
  std::unique_ptr<Hunspell> hunspell;
  std::string encoding;  // empty when the dictionary is UTF-8
  std::unordered_map<std::string, std::vector<LemmaInfo>> cache;

  std::vector<LemmaInfo> Lookup(const std::string& word) {
    std::vector<LemmaInfo> result;
    try {
      std::string query = encoding.empty() ? word : Convert(encoding.c_str(), "UTF-8", word);
      if (query.empty()) return result;
      for (const std::string& analysis : hunspell->analyze(query)) {
        LemmaInfo info = ParseAnalysis(FromDict(analysis));
        if (info.lemma.empty()) continue;
        bool duplicate = false;
        for (const LemmaInfo& seen : result) {
          duplicate = duplicate || (seen.lemma == info.lemma && seen.pos == info.pos);
        }
        if (!duplicate) result.push_back(std::move(info));
      }
      if (result.empty()) {  // dictionaries without morphology still give stems
        for (const std::string& stem : hunspell->stem(query)) {
          result.push_back(LemmaInfo{FromDict(stem), {}});
        }
      }
    } catch (...) {  // Hunspell may throw std::bad_alloc; an unknown word is the safe answer
      result.clear();
    }
    return result;
  }

  std::string FromDict(const std::string& s) const {
    return encoding.empty() ? s : Convert("UTF-8", encoding.c_str(), s);
  }
};

Lemmatizer::Lemmatizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lemmatizer::~Lemmatizer() = default;

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Create(std::string_view lang,
                                                       std::string_view dict_dir) {
  if (!LangOk(lang)) {
    return InvalidArgumentError("lemmatizer: bad language '" + std::string(lang) + "'");
  }
  namespace fs = std::filesystem;
  for (const std::string& name : CandidateLocales(lang)) {
    const fs::path aff = fs::path(dict_dir) / (name + ".aff");
    const fs::path dic = fs::path(dict_dir) / (name + ".dic");
    std::error_code ec;
    if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) continue;
    auto impl = std::make_unique<Impl>();
    try {
      impl->hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
      const std::string encoding = impl->hunspell->get_dict_encoding();
      if (encoding != "UTF-8" && encoding != "utf-8" && encoding != "UTF8") {
        impl->encoding = encoding;
      }
    } catch (const std::exception& e) {
      return InternalError("lemmatizer: cannot load " + dic.string() + ": " + e.what());
    }
    return std::unique_ptr<Lemmatizer>(new Lemmatizer(std::move(impl)));
  }
  return NotFoundError("lemmatizer: no Hunspell dictionary for '" + std::string(lang) + "' in " +
                       std::string(dict_dir));
}

const std::vector<LemmaInfo>& Lemmatizer::Analyze(std::string_view word) {
  std::string key(word);
  auto it = impl_->cache.find(key);
  if (it != impl_->cache.end()) return it->second;
  if (impl_->cache.size() >= kMaxCacheEntries) impl_->cache.clear();
  std::vector<LemmaInfo> result;
  if (!word.empty() && word.size() < 256) {  // Hunspell caps words at 100 code units anyway
    result = impl_->Lookup(key);
    const bool has_apostrophe =
        key.find('\'') != std::string::npos || key.find("\xE2\x80\x99") != std::string::npos;
    if (result.empty() && has_apostrophe) result = impl_->Lookup(SwapApostrophes(key));
  }
  return impl_->cache.emplace(std::move(key), std::move(result)).first->second;
}

std::string Lemmatizer::Lemma(std::string_view word) {
  const std::vector<LemmaInfo>& analyses = Analyze(word);
  return analyses.empty() ? std::string(word) : analyses.front().lemma;
}

namespace {
bool HasPos(const std::vector<LemmaInfo>& analyses, std::string_view tag) {
  for (const LemmaInfo& info : analyses) {
    for (const std::string& pos : info.pos) {
      if (pos == tag) return true;
    }
  }
  return false;
}
}  // namespace

bool Lemmatizer::IsFirstName(std::string_view word) { return HasPos(Analyze(word), "prn"); }

bool Lemmatizer::IsSurname(std::string_view word) { return HasPos(Analyze(word), "patr"); }

}  // namespace depeche::text
