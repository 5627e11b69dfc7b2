#include "text/langid_lexicon.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <hunspell/hunspell.hxx>

#include <array>
#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace depeche::text {
namespace {

enum class Script { kLatin, kCyrillic };

struct MemberSpec {
  std::string_view lang;
  // Hunspell locales (Debian file names) and the script each is written in: a word is only
  // looked up in the dictionaries of its own script.
  std::array<std::pair<std::string_view, Script>, 2> dictionaries;
  size_t dictionary_count;
};

struct GroupSpec {
  std::array<MemberSpec, 3> members;
  size_t member_count;
};

// Serbian is written in both scripts, Croatian and Bosnian in Latin only: every Cyrillic word
// counts for Serbian (an empty locale accepts every word of its script), which saves loading the
// Cyrillic dictionary (sr_RS: 0.3 s and 35 MB).
constexpr std::array<GroupSpec, 3> kGroups = {{
    {{{{"hr", {{{"hr_HR", Script::kLatin}, {"", Script::kLatin}}}, 1},
       {"sr", {{{"sr_Latn_RS", Script::kLatin}, {"", Script::kCyrillic}}}, 2},
       {"bs", {{{"bs_BA", Script::kLatin}, {"", Script::kLatin}}}, 1}}},
     3},
    {{{{"da", {{{"da_DK", Script::kLatin}, {"", Script::kLatin}}}, 1},
       {"no", {{{"nb_NO", Script::kLatin}, {"", Script::kLatin}}}, 1},
       {"", {{{"", Script::kLatin}, {"", Script::kLatin}}}, 0}}},
     2},
    {{{{"bg", {{{"bg_BG", Script::kCyrillic}, {"", Script::kLatin}}}, 1},
       {"ru", {{{"ru_RU", Script::kCyrillic}, {"", Script::kLatin}}}, 1},
       {"", {{{"", Script::kLatin}, {"", Script::kLatin}}}, 0}}},
     2},
}};

// The script of a word is that of its first letter; words of other scripts are not looked up.
Script ScriptOf(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0x400 && c <= 0x52F ? Script::kCyrillic : Script::kLatin;
}

class Dictionary {
 public:
  Dictionary(std::unique_ptr<Hunspell> hunspell, UConverter* converter, Script script)
      : hunspell_(std::move(hunspell)), converter_(converter), script_(script) {}
  ~Dictionary() {
    if (converter_ != nullptr) ucnv_close(converter_);
  }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  Script script() const { return script_; }

  // Not thread-safe (Hunspell keeps state while it checks): the group's lock is held.
  bool Accepts(std::string_view word) {
    if (hunspell_ == nullptr) return true;  // the whole script
    try {
      if (converter_ == nullptr) return hunspell_->spell(std::string(word));
      std::string legacy;
      if (!ToLegacy(word, legacy)) return false;  // not representable: not in the dictionary
      return hunspell_->spell(legacy);
    } catch (...) {  // Hunspell may throw std::bad_alloc; an unknown word is the safe answer
      return false;
    }
  }

 private:
  // UTF-8 -> the dictionary's 8-bit charset (nb_NO is ISO8859-1, bs_BA ISO8859-2).
  bool ToLegacy(std::string_view word, std::string& out) {
    std::array<UChar, 128> utf16{};
    int32_t utf16_len = 0;
    UErrorCode ec = U_ZERO_ERROR;
    u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &utf16_len, word.data(),
                  static_cast<int32_t>(word.size()), &ec);
    if (U_FAILURE(ec) || utf16_len > static_cast<int32_t>(utf16.size())) return false;
    std::array<char, 256> bytes{};
    ucnv_reset(converter_);
    const int32_t len = ucnv_fromUChars(
        converter_, bytes.data(), static_cast<int32_t>(bytes.size()), utf16.data(), utf16_len, &ec);
    if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING) return false;
    out.assign(bytes.data(), static_cast<size_t>(len));
    return true;
  }

  const std::unique_ptr<Hunspell> hunspell_;  // nullptr: accepts every word of script_
  UConverter* const converter_;               // nullptr for UTF-8 dictionaries
  const Script script_;
};

std::unique_ptr<Dictionary> LoadDictionary(const std::string& dir, std::string_view locale,
                                           Script script) {
  if (locale.empty()) return std::make_unique<Dictionary>(nullptr, nullptr, script);
  namespace fs = std::filesystem;
  const fs::path aff = fs::path(dir) / (std::string(locale) + ".aff");
  const fs::path dic = fs::path(dir) / (std::string(locale) + ".dic");
  std::error_code ec;
  if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) return nullptr;
  try {
    auto hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    const std::string encoding = hunspell->get_dict_encoding();
    UConverter* converter = nullptr;
    if (encoding != "UTF-8" && encoding != "utf-8" && encoding != "UTF8") {
      UErrorCode status = U_ZERO_ERROR;
      converter = ucnv_open(encoding.c_str(), &status);
      if (U_FAILURE(status)) return nullptr;
      // Characters the charset lacks make the conversion fail instead of becoming '?'.
      ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
      if (U_FAILURE(status)) {
        ucnv_close(converter);
        return nullptr;
      }
    }
    return std::make_unique<Dictionary>(std::move(hunspell), converter, script);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace

// A word's verdicts are cached: Hunspell takes tens of microseconds to reject a word in a
// dictionary with many affix rules (sr_Latn_RS), more than both detectors together, while news
// repeats its words. Bounded: cleared when full.
constexpr size_t kMaxCachedWords = 1 << 16;

struct ConfusableLexicons::Group {
  const GroupSpec* spec = nullptr;
  std::once_flag loaded;
  bool ok = false;   // written once under `loaded`
  std::mutex mutex;  // guards the dictionaries' look-ups and `cache`
  // dictionaries[m]: member m's dictionaries, in spec order.
  std::vector<std::vector<std::unique_ptr<Dictionary>>> dictionaries;
  // word -> bit m set when member m accepts it
  std::unordered_map<std::string, uint32_t> cache;
};

ConfusableLexicons::ConfusableLexicons(std::string dict_dir) : dict_dir_(std::move(dict_dir)) {
  for (const GroupSpec& spec : kGroups) {
    groups_.push_back(std::make_unique<Group>());
    groups_.back()->spec = &spec;
  }
}

ConfusableLexicons::~ConfusableLexicons() = default;

std::vector<std::string_view> ConfusableLexicons::GroupOf(std::string_view lang) {
  for (const GroupSpec& spec : kGroups) {
    for (size_t m = 0; m < spec.member_count; ++m) {
      if (spec.members[m].lang != lang) continue;
      std::vector<std::string_view> members;
      for (size_t i = 0; i < spec.member_count; ++i) members.push_back(spec.members[i].lang);
      return members;
    }
  }
  return {};
}

ConfusableLexicons::Group* ConfusableLexicons::Load(std::string_view lang) const {
  Group* group = nullptr;
  for (const auto& g : groups_) {
    for (size_t m = 0; m < g->spec->member_count; ++m) {
      if (g->spec->members[m].lang == lang) group = g.get();
    }
  }
  if (group == nullptr) return nullptr;
  std::call_once(group->loaded, [&] {
    for (size_t m = 0; m < group->spec->member_count; ++m) {
      const MemberSpec& member = group->spec->members[m];
      group->dictionaries.emplace_back();
      for (size_t d = 0; d < member.dictionary_count; ++d) {
        auto dict =
            LoadDictionary(dict_dir_, member.dictionaries[d].first, member.dictionaries[d].second);
        if (dict == nullptr) return;  // group stays off
        group->dictionaries.back().push_back(std::move(dict));
      }
    }
    group->ok = true;
  });
  return group->ok ? group : nullptr;
}

void ConfusableLexicons::LoadAll() const {
  for (const auto& g : groups_) Load(g->spec->members[0].lang);
}

std::vector<LexiconCount> ConfusableLexicons::Count(
    std::string_view lang, const std::vector<std::string_view>& words) const {
  Group* group = Load(lang);
  if (group == nullptr) return {};
  std::vector<LexiconCount> counts;
  for (size_t m = 0; m < group->spec->member_count; ++m) {
    counts.push_back({std::string(group->spec->members[m].lang), 0});
  }
  std::lock_guard<std::mutex> lock(group->mutex);
  for (std::string_view word : words) {
    if (word.empty() || word.size() > 100) continue;  // Hunspell caps words at 100 code units
    uint32_t accepted = 0;
    if (auto it = group->cache.find(std::string(word)); it != group->cache.end()) {
      accepted = it->second;
    } else {
      const Script script = ScriptOf(word);
      for (size_t m = 0; m < counts.size(); ++m) {
        for (const auto& dict : group->dictionaries[m]) {
          if (dict->script() == script && dict->Accepts(word)) {
            accepted |= uint32_t{1} << m;
            break;
          }
        }
      }
      if (group->cache.size() >= kMaxCachedWords) group->cache.clear();
      group->cache.emplace(word, accepted);
    }
    for (size_t m = 0; m < counts.size(); ++m) {
      if ((accepted >> m) & 1) ++counts[m].known;
    }
  }
  return counts;
}

}  // namespace depeche::text
