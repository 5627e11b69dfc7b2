// Language identification: CLD2 + fastText lid.176 pooled log-linearly (model in langid.h,
// measurements and the tuning protocol in docs/LANGID.md).
#include "text/langid.h"

// <cstdio> must come before the CLD2 header, which uses FILE without including it.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <fasttext/fasttext.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "text/langid_fasttext.h"
#include "text/langid_lexicon.h"

namespace depeche::text {
namespace {

// Smoothing added to both distributions before taking logs: a language one detector does not
// list is penalised, not vetoed. Tuned together with cld2_weight on the dev half.
constexpr double kEps = 0.01;
// fastText's top 10 above 0.001. The top 5 gives the same answers on the dev half for 3% fewer
// instructions, but higher confidences, which the analyzer's override rule was measured without.
constexpr int32_t kFastTextTopK = 10;
constexpr float kFastTextThreshold = 0.001f;
constexpr std::string_view kLabelPrefix = "__label__";
constexpr float kHintOnlyConfidence = 0.5f;

using Distribution = std::vector<std::pair<std::string, double>>;

// ISO 639-1 where it exists. Detectors and callers use deprecated or private codes: CLD2 says
// "iw", "jw", "zh-Hant", "xx-Latn"; fastText "sh"; HTML lang attributes "fr-FR".
std::string NormalizeCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return "und";
    out.push_back(c);
  }
  if (out.size() < 2 || out.size() > 3) return "und";
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kAliases = {{
      {"iw", "he"},
      {"in", "id"},
      {"ji", "yi"},
      {"jw", "jv"},
      {"nb", "no"},
      {"sh", "hbs"},
      {"mo", "ro"},
      {"un", "und"},
      {"xx", "und"},
      {"xxx", "und"},
      {"zxx", "und"},
      {"mul", "und"},
      // CLD2's joke languages: Bork, Pig Latin, Hacker, Elmer Fudd.
      {"zzb", "und"},
      {"zzp", "und"},
      {"zzh", "und"},
      {"zze", "und"},
  }};
  for (const auto& [from, to] : kAliases) {
    if (out == from) return std::string(to);
  }
  return out;
}

std::string NormalizeFastTextLabel(std::string_view label) {
  if (label.substr(0, kLabelPrefix.size()) == kLabelPrefix)
    label.remove_prefix(kLabelPrefix.size());
  // fastText uses Wikipedia's "als" for Alemannic; in ISO 639-3 "als" is Tosk Albanian.
  if (label == "als") return "gsw";
  return NormalizeCode(label);
}

void AddTo(Distribution& dist, std::string code, double p) {
  for (auto& [c, q] : dist) {
    if (c == code) {
      q += p;
      return;
    }
  }
  dist.emplace_back(std::move(code), p);
}

bool IsNoiseToken(std::string_view token) {
  return token.find("://") != std::string_view::npos || token.substr(0, 4) == "www." ||
         token.find('@') != std::string_view::npos;
}

struct CleanText {
  std::string text;
  size_t letters = 0;
};

// Valid UTF-8, one space between tokens; links, e-mail addresses and @handles dropped since
// they are written in no language. Bytes past max_bytes are ignored (a split code point is
// dropped like any invalid sequence).
CleanText Clean(std::string_view in, size_t max_bytes) {
  CleanText out;
  const auto n = static_cast<int32_t>(std::min(in.size(), max_bytes));
  out.text.reserve(static_cast<size_t>(n));
  std::string token;
  size_t token_letters = 0;
  auto flush = [&] {
    if (!token.empty() && !IsNoiseToken(token)) {
      if (!out.text.empty()) out.text.push_back(' ');
      out.text += token;
      out.letters += token_letters;
    }
    token.clear();
    token_letters = 0;
  };
  int32_t i = 0;
  while (i < n) {
    const auto byte = static_cast<unsigned char>(in[static_cast<size_t>(i)]);
    if (byte < 0x80) {  // ASCII, most of the input: the same answers as ICU's, without the calls
      ++i;
      if (byte <= 0x20 || byte == 0x7F) {
        flush();
      } else {
        token.push_back(static_cast<char>(byte));
        if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') ++token_letters;
      }
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(in.data(), i, n, c);
    if (c < 0 || u_isUWhiteSpace(c) || u_iscntrl(c)) {
      flush();
      continue;
    }
    token.append(in.data() + start, static_cast<size_t>(i - start));
    if (u_isalpha(c)) ++token_letters;
  }
  flush();
  return out;
}

// fastText's input: a lowercased prefix cut at a space, ending in the newline predictLine
// expects (its training lines ended with one, which adds the EOS token).
std::string FastTextInput(std::string_view clean, size_t max_bytes) {
  if (clean.size() > max_bytes) {
    size_t cut = clean.rfind(' ', max_bytes);
    if (cut == std::string_view::npos || cut == 0) {
      cut = max_bytes;
      while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) --cut;
    }
    clean = clean.substr(0, cut);
  }
  std::string out;
  out.reserve(clean.size() + 1);
  const auto n = static_cast<int32_t>(clean.size());
  int32_t i = 0;
  while (i < n) {
    const auto byte = static_cast<unsigned char>(clean[static_cast<size_t>(i)]);
    if (byte < 0x80) {
      ++i;
      out.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte));
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(clean.data(), i, n, c);
    if (c < 0) continue;
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, u_tolower(c), error);
    if (!error) out.append(buf, static_cast<size_t>(len));
  }
  out.push_back('\n');
  return out;
}

// The words of a cleaned text for dictionary look-ups: maximal runs of letters and combining
// marks, at most max_words of them.
std::vector<std::string_view> Words(std::string_view clean, size_t max_words) {
  std::vector<std::string_view> words;
  const auto n = static_cast<int32_t>(clean.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < n && words.size() < max_words) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(clean.data(), i, n, c);
    const bool letter = c >= 0 && (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
    if (letter && start < 0) start = at;
    if (!letter && start >= 0) {
      words.push_back(clean.substr(static_cast<size_t>(start), static_cast<size_t>(at - start)));
      start = -1;
    }
  }
  if (start >= 0 && words.size() < max_words) {
    words.push_back(clean.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return words;
}

struct Cld2Result {
  Distribution shares;  // top-3 languages with their share of the text, 0..1
  std::string top = "und";
  double top_share = 0.0;
  bool reliable = false;
  int text_bytes = 0;
};

Cld2Result RunCld2(std::string_view text, const std::string& hint) {
  Cld2Result r;
  CLD2::CLDHints hints = {hint.empty() ? nullptr : hint.c_str(), nullptr, CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language lang3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                             CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0, 0, 0};
  CLD2::Language top = CLD2::UNKNOWN_LANGUAGE;
  // CLD2 stops at the first byte that is not interchange-valid (e.g. a noncharacter); detect
  // on the valid prefix then.
  for (int attempt = 0; attempt < 2 && !text.empty(); ++attempt) {
    int valid_prefix = 0;
    top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0,
        lang3, percent3, scores3, /*resultchunkvector=*/nullptr, &r.text_bytes, &r.reliable,
        &valid_prefix);
    if (valid_prefix >= static_cast<int>(text.size()) || valid_prefix <= 0) break;
    text = text.substr(0, static_cast<size_t>(valid_prefix));
  }
  r.top = NormalizeCode(CLD2::LanguageCode(top));
  for (int i = 0; i < 3; ++i) {
    std::string code = NormalizeCode(CLD2::LanguageCode(lang3[i]));
    if (code == "und" || percent3[i] <= 0) continue;
    AddTo(r.shares, std::move(code), percent3[i] / 100.0);
  }
  for (const auto& [code, share] : r.shares) {
    if (code == r.top) r.top_share = share;
  }
  if (r.top == "und") r.reliable = false;
  return r;
}

// An istream over a string without copying it (std::istringstream copies).
class ViewStreamBuf : public std::streambuf {
 public:
  explicit ViewStreamBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());  // read only: the get area is never written
    setg(p, p, p + s.size());
  }
};

// fastText's label ids -> our codes, computed once at load ("__label__sh" -> "hbs").
std::vector<std::string> LabelCodes(const fasttext::FastText& model) {
  const auto dict = model.getDictionary();
  std::vector<std::string> codes;
  codes.reserve(static_cast<size_t>(dict->nlabels()));
  for (int32_t i = 0; i < dict->nlabels(); ++i) {
    codes.push_back(NormalizeFastTextLabel(dict->getLabel(i)));
  }
  return codes;
}

Distribution RunFastText(const fasttext::FastText& model, const FastTextTokenizer* tokenizer,
                         const std::vector<std::string>& codes, const std::string& input) {
  std::vector<std::pair<fasttext::real, int32_t>> predictions;
  try {
    std::vector<int32_t> words;
    if (tokenizer != nullptr) {  // the same ids as getLine, at a fraction of the cost
      std::string_view line(input);
      if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
      tokenizer->Ids(line, words);
    } else {
      ViewStreamBuf buf(input);
      std::istream in(&buf);
      std::vector<int32_t> labels;
      model.getDictionary()->getLine(in, words, labels);
    }
    if (words.empty()) return {};
    // Labels under kFastTextThreshold are cut inside the tree search: after smoothing with
    // kEps they weigh almost nothing, and the search is cheaper.
    model.predict(kFastTextTopK, words, predictions, kFastTextThreshold);
  } catch (...) {
    return {};  // predict only throws on a non-supervised model, excluded at load time
  }
  Distribution out;
  out.reserve(predictions.size());
  for (const auto& [log_p, label] : predictions) {
    if (label < 0 || static_cast<size_t>(label) >= codes.size()) continue;
    const std::string& code = codes[static_cast<size_t>(label)];
    if (code != "und") AddTo(out, code, std::exp(static_cast<double>(log_p)));
  }
  return out;
}

template <typename T>
T ReadLe(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

// fastText's loader trusts the file: a damaged one can allocate without bound or loop. Check
// the fixed-size header (magic, version, Args, Dictionary sizes) before handing it over.
Status CheckFastTextHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError("cannot open fastText model " + path);
  constexpr size_t kHeader = 8 + 12 * 4 + 8 + 3 * 4 + 2 * 8;
  std::array<char, kHeader> h{};
  in.read(h.data(), kHeader);
  if (static_cast<size_t>(in.gcount()) != kHeader) {
    return DataLossError(path + ": too short for a fastText model");
  }
  const auto i32 = [&](size_t index) { return ReadLe<int32_t>(h.data() + 4 * index); };
  if (i32(0) != 793712314 || (i32(1) != 11 && i32(1) != 12)) {
    return DataLossError(path + ": not a fastText model (bad magic or version)");
  }
  // Args: dim ws epoch minCount neg wordNgrams loss model bucket minn maxn lrUpdateRate, t.
  const int32_t dim = i32(2), word_ngrams = i32(7), loss = i32(8), model = i32(9);
  const int32_t bucket = i32(10), minn = i32(11), maxn = i32(12);
  const bool args_ok = dim >= 1 && dim <= 4096 && word_ngrams >= 1 && word_ngrams <= 100 &&
                       loss >= 1 && loss <= 4 && bucket >= 0 && bucket <= 100'000'000 &&
                       minn >= 0 && maxn >= minn && maxn <= 64;
  if (!args_ok) return DataLossError(path + ": implausible fastText header");
  if (model != 3) return DataLossError(path + ": not a supervised fastText model");
  const int32_t size = i32(16), nwords = i32(17), nlabels = i32(18);
  const auto ntokens = ReadLe<int64_t>(h.data() + 76);
  const auto pruneidx = ReadLe<int64_t>(h.data() + 84);
  const bool dict_ok = size >= 1 && size <= 100'000'000 && nwords >= 0 && nlabels >= 1 &&
                       nwords + nlabels == size && ntokens >= 0 && pruneidx >= -1 &&
                       pruneidx <= 100'000'000;
  if (!dict_ok) return DataLossError(path + ": implausible fastText dictionary");
  return Status::Ok();
}

Result<std::unique_ptr<fasttext::FastText>> LoadFastText(const std::string& path) {
  DEPECHE_RETURN_IF_ERROR(CheckFastTextHeader(path));
  auto model = std::make_unique<fasttext::FastText>();
  std::string error;
  try {
    model->loadModel(path);
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown error";
  }
  if (!error.empty()) {
    return DataLossError(path + ": " + error.substr(0, error.find('\n')));
  }
  const auto dict = model->getDictionary();
  if (dict->nlabels() < 1 || dict->getLabel(0).rfind(kLabelPrefix, 0) != 0) {
    return DataLossError(path + ": fastText model has no language labels");
  }
  return model;
}

class LanguageIdentifierImpl final : public LanguageIdentifier {
 public:
  LanguageIdentifierImpl(const LangIdOptions& options, std::unique_ptr<fasttext::FastText> model)
      : options_(options),
        fasttext_(std::move(model)),
        label_codes_(fasttext_ == nullptr ? std::vector<std::string>() : LabelCodes(*fasttext_)),
        tokenizer_(fasttext_ == nullptr ? nullptr : FastTextTokenizer::Create(*fasttext_)),
        lexicons_(options.lexicon_dir.empty()
                      ? nullptr
                      : std::make_unique<ConfusableLexicons>(options.lexicon_dir)) {}

  LangGuess Identify(std::string_view text, std::string_view hint) const override;
  bool has_fasttext() const override { return fasttext_ != nullptr; }
  void Warm() const override {
    if (lexicons_ != nullptr && options_.lexicon_weight > 0 && fasttext_ != nullptr &&
        options_.method == LangIdMethod::kCombined) {
      lexicons_->LoadAll();
    }
  }

 private:
  LangGuess Cld2Guess(const Cld2Result& cld2, const std::string& hint) const;
  LangGuess Pool(const Distribution& cld2, Distribution fasttext, const std::string& hint,
                 size_t letters, std::string_view clean) const;
  double EvidenceScale(size_t letters) const;
  bool Cld2CannotChange(const Distribution& fasttext, const std::string& hint,
                        size_t letters) const;

  const LangIdOptions options_;
  const std::unique_ptr<const fasttext::FastText> fasttext_;
  const std::vector<std::string> label_codes_;                // by fastText label id
  const std::unique_ptr<const FastTextTokenizer> tokenizer_;  // nullptr: fastText's getLine
  const std::unique_ptr<const ConfusableLexicons> lexicons_;  // nullptr: off
};

LangGuess LanguageIdentifierImpl::Identify(std::string_view text, std::string_view hint) const {
  const CleanText clean = Clean(text, options_.max_bytes);
  if (clean.letters == 0) return {};
  std::string hint_code = hint.empty() ? std::string() : NormalizeCode(hint);
  if (hint_code == "und") hint_code.clear();

  if (options_.method == LangIdMethod::kFastText) {
    return Pool({},
                RunFastText(*fasttext_, tokenizer_.get(), label_codes_,
                            FastTextInput(clean.text, options_.fasttext_max_bytes)),
                hint_code, clean.letters, clean.text);
  }
  const bool use_fasttext = fasttext_ != nullptr && options_.method == LangIdMethod::kCombined;
  if (!use_fasttext) return Cld2Guess(RunCld2(clean.text, hint_code), hint_code);

  // Sentences and headlines: fastText first, and CLD2 only when its opinion could change the
  // answer. Documents, and texts long enough for the declared language to be confirmed by CLD2
  // alone, take CLD2 first (it is cheaper than fastText on long text and often settles it).
  const bool cld2_first = clean.letters >= static_cast<size_t>(options_.document_bytes) ||
                          (!hint_code.empty() &&
                           clean.text.size() >= static_cast<size_t>(options_.agreeing_hint_bytes));
  if (!cld2_first) {
    Distribution fasttext = RunFastText(*fasttext_, tokenizer_.get(), label_codes_,
                                        FastTextInput(clean.text, options_.fasttext_max_bytes));
    if (Cld2CannotChange(fasttext, hint_code, clean.letters)) {
      return Pool({}, std::move(fasttext), hint_code, clean.letters, clean.text);
    }
    return Pool(RunCld2(clean.text, std::string()).shares, std::move(fasttext), hint_code,
                clean.letters, clean.text);
  }
  // With fastText the hint enters the pool once, as a prior; CLD2 alone uses its own hint.
  const Cld2Result cld2 = RunCld2(clean.text, std::string());
  if (cld2.reliable && cld2.text_bytes >= options_.document_bytes) {
    return {cld2.top, static_cast<float>(cld2.top_share), true};
  }
  // The declared language and a reliable CLD2 agree: two independent signals settle it, and
  // fastText (the costlier half of identification) is skipped.
  if (!hint_code.empty() && cld2.reliable && cld2.top == hint_code &&
      cld2.text_bytes >= options_.agreeing_hint_bytes) {
    return {cld2.top, static_cast<float>(cld2.top_share), true};
  }
  return Pool(cld2.shares,
              RunFastText(*fasttext_, tokenizer_.get(), label_codes_,
                          FastTextInput(clean.text, options_.fasttext_max_bytes)),
              hint_code, clean.letters, clean.text);
}

double LanguageIdentifierImpl::EvidenceScale(size_t letters) const {
  return options_.short_text_letters == 0
             ? 1.0
             : std::min(1.0, static_cast<double>(letters) /
                                 static_cast<double>(options_.short_text_letters));
}

// True when no CLD2 output can change the pooled winner: CLD2 can at most give the winner 0
// and a rival 1, which moves their scores apart by w (ln(1 + eps) - ln(eps)); a rival that is
// the hinted language also has ln(hint_weight). If fastText's lead is larger, CLD2 is skipped
// (the pool then runs with w = 0, so the confidence is fastText's). Not for "hbs", whose mass
// goes to the member of hr / bs / sr that CLD2 favours.
bool LanguageIdentifierImpl::Cld2CannotChange(const Distribution& fasttext, const std::string& hint,
                                              size_t letters) const {
  if (fasttext.empty()) return false;
  size_t top = 0;
  for (size_t i = 1; i < fasttext.size(); ++i) {
    if (fasttext[i].second > fasttext[top].second) top = i;
  }
  double second = 0.0;
  for (size_t i = 0; i < fasttext.size(); ++i) {
    if (fasttext[i].first == "hbs") return false;
    if (i != top) second = std::max(second, fasttext[i].second);
  }
  const double w = options_.cld2_weight;
  const double lead = EvidenceScale(letters) *
                      ((1 - w) * (std::log(fasttext[top].second + kEps) - std::log(second + kEps)) -
                       w * (std::log(1 + kEps) - std::log(kEps)));
  const double needed =
      !hint.empty() && hint != fasttext[top].first ? std::log(options_.hint_weight) : 0.0;
  return lead > needed + 1e-9;
}

LangGuess LanguageIdentifierImpl::Cld2Guess(const Cld2Result& cld2, const std::string& hint) const {
  if (cld2.top != "und") {
    const double confidence = cld2.reliable ? cld2.top_share : cld2.top_share / 2;
    return {cld2.top, static_cast<float>(confidence), cld2.reliable};
  }
  if (!hint.empty()) return {hint, kHintOnlyConfidence, false};
  return {};
}

LangGuess LanguageIdentifierImpl::Pool(const Distribution& cld2, Distribution fasttext,
                                       const std::string& hint, size_t letters,
                                       std::string_view clean) const {
  if (cld2.empty() && fasttext.empty()) return {};
  const double w = cld2.empty() ? 0.0 : options_.cld2_weight;
  // A word or two is weak evidence however peaked fastText's softmax is: scale the evidence
  // down below short_text_letters so that a declared language can decide.
  const double evidence = EvidenceScale(letters);
  const double log_hint = std::log(options_.hint_weight);
  const auto prob = [](const Distribution& d, std::string_view code) {
    for (const auto& [c, p] : d) {
      if (c == code) return p;
    }
    return 0.0;
  };
  const auto score = [&](std::string_view code, double p_fasttext) {
    return evidence *
               ((1 - w) * std::log(p_fasttext + kEps) + w * std::log(prob(cld2, code) + kEps)) +
           (code == hint ? log_hint : 0.0);
  };

  // "hbs" (Serbo-Croatian) is the macrolanguage of hr, bs and sr, which CLD2 reports instead:
  // give its mass to the member the evidence favours.
  const double hbs = prob(fasttext, "hbs");
  if (hbs > 0) {
    std::erase_if(fasttext, [](const auto& e) { return e.first == "hbs"; });
    std::string_view best;
    double best_score = -INFINITY;
    for (std::string_view member : {"hr", "bs", "sr"}) {
      const double s = score(member, prob(fasttext, member));
      if (s > best_score) {
        best = member;
        best_score = s;
      }
    }
    AddTo(fasttext, std::string(best), hbs);
  }

  Distribution candidates = fasttext;  // fastText's order first: deterministic ties
  for (const auto& [code, p] : cld2) AddTo(candidates, code, 0.0);
  if (!hint.empty()) AddTo(candidates, hint, 0.0);
  std::vector<double> scores;
  scores.reserve(candidates.size());
  size_t best = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    scores.push_back(score(candidates[i].first, prob(fasttext, candidates[i].first)));
    if (scores[i] > scores[best]) best = i;
  }

  // Close languages: when a member of the winner's group is a close rival, the spelling
  // dictionaries of the group vote (the only part of identification that knows that "af" is
  // Danish and "av" Norwegian). Skipped when the winner leads by lexicon_margin: the look-ups
  // cost more than both detectors together.
  if (lexicons_ != nullptr && options_.lexicon_weight > 0 &&
      options_.method == LangIdMethod::kCombined) {
    const std::vector<std::string_view> group = ConfusableLexicons::GroupOf(candidates[best].first);
    double rival = -INFINITY;
    for (std::string_view member : group) {
      if (member == candidates[best].first) continue;
      double s = score(member, prob(fasttext, member));
      for (size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].first == member) s = scores[i];
      }
      rival = std::max(rival, s);
    }
    if (!group.empty() && scores[best] - rival <= options_.lexicon_margin) {
      const auto counts =
          lexicons_->Count(candidates[best].first, Words(clean, options_.lexicon_max_words));
      int most = 0;
      for (const auto& c : counts) most = std::max(most, c.known);
      for (const auto& c : counts) {
        size_t i = 0;
        while (i < candidates.size() && candidates[i].first != c.lang) ++i;
        if (i == candidates.size()) {
          candidates.emplace_back(c.lang, 0.0);
          scores.push_back(score(c.lang, prob(fasttext, c.lang)));
        }
        scores[i] += options_.lexicon_weight * (c.known - most);
      }
      // The winner may have lost points: find the maximum again from scratch.
      best = 0;
      for (size_t i = 1; i < candidates.size(); ++i) {
        if (scores[i] > scores[best]) best = i;
      }
    }
  }
  double z = 0;
  for (double s : scores) z += std::exp(s - scores[best]);
  const double confidence = 1.0 / z;
  return {candidates[best].first, static_cast<float>(confidence),
          confidence >= options_.reliable_confidence};
}

Status ValidateOptions(const LangIdOptions& o) {
  if (!(o.cld2_weight >= 0 && o.cld2_weight <= 1)) {
    return InvalidArgumentError("cld2_weight must be in [0, 1]");
  }
  if (!(o.hint_weight >= 1 && std::isfinite(o.hint_weight))) {
    return InvalidArgumentError("hint_weight must be a finite number >= 1");
  }
  if (!(o.reliable_confidence >= 0 && o.reliable_confidence <= 1)) {
    return InvalidArgumentError("reliable_confidence must be in [0, 1]");
  }
  if (o.document_bytes < 0) return InvalidArgumentError("document_bytes must be >= 0");
  if (o.agreeing_hint_bytes < 0) return InvalidArgumentError("agreeing_hint_bytes must be >= 0");
  if (o.fasttext_max_bytes < 16) return InvalidArgumentError("fasttext_max_bytes must be >= 16");
  if (!(o.lexicon_weight >= 0 && std::isfinite(o.lexicon_weight))) {
    return InvalidArgumentError("lexicon_weight must be a finite number >= 0");
  }
  if (!(o.lexicon_margin >= 0)) return InvalidArgumentError("lexicon_margin must be >= 0");
  if (o.max_bytes < 1 || o.max_bytes > (size_t{1} << 30)) {
    return InvalidArgumentError("max_bytes must be in [1, 2^30]");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<LanguageIdentifier>> LanguageIdentifier::Create(
    const LangIdOptions& options) {
  DEPECHE_RETURN_IF_ERROR(ValidateOptions(options));
  std::unique_ptr<fasttext::FastText> model;
  std::error_code ec;
  if (!options.fasttext_model.empty() && std::filesystem::exists(options.fasttext_model, ec) &&
      !ec) {
    DEPECHE_ASSIGN_OR_RETURN(model, LoadFastText(options.fasttext_model));
  }
  if (model == nullptr && options.method == LangIdMethod::kFastText) {
    return NotFoundError("method kFastText needs a fastText model; none at '" +
                         options.fasttext_model + "'");
  }
  return std::unique_ptr<LanguageIdentifier>(
      std::make_unique<LanguageIdentifierImpl>(options, std::move(model)));
}

}  // namespace depeche::text
