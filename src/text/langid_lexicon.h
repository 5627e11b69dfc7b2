// Spelling dictionaries as a tie-breaker between close languages in language identification.
//
// fastText and CLD2 both confuse Croatian / Serbian / Bosnian, Danish / Norwegian Bokmål and
// Bulgarian / Russian on sentences (docs/LANGID.md). Their spelling differs in ways a Hunspell
// dictionary captures: Danish "af", "købe", Norwegian "av", "kjøpe"; Russian "ы", "э", Bulgarian
// "ъ" inside words and the postposed article; Serbian ekavian "mleko", "vreme" against Croatian
// and Bosnian ijekavian "mlijeko", "vrijeme". Counting the words of a text that each member's
// dictionary accepts separates them; the identifier adds that count to its pooled scores.
//
// The dictionaries are the Debian packages hunspell-{hr,sr,bs,da,no,bg,ru}
// (scripts/install-deps.sh), read from `dict_dir`. A group with a missing dictionary is switched
// off, nothing fails.
#ifndef DEPECHE_TEXT_LANGID_LEXICON_H_
#define DEPECHE_TEXT_LANGID_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace depeche::text {

struct LexiconCount {
  std::string lang;  // ISO 639-1, as LanguageIdentifier reports it ("no" for Bokmål)
  int known = 0;     // words of the text that this language's dictionaries accept
};

// Thread-safe: dictionaries are loaded on first use of their group (once, under a lock), and
// look-ups hold the group's lock, because Hunspell keeps state while it checks a word. Verdicts
// are cached per word (at most 65,536 words per group). Never prints, never throws.
class ConfusableLexicons {
 public:
  // `dict_dir` holds <locale>.aff / <locale>.dic files (Debian: /usr/share/hunspell).
  explicit ConfusableLexicons(std::string dict_dir);
  ~ConfusableLexicons();
  ConfusableLexicons(const ConfusableLexicons&) = delete;
  ConfusableLexicons& operator=(const ConfusableLexicons&) = delete;

  // The members of the group of close languages holding `lang` (`lang` included), whether or
  // not their dictionaries are installed; empty when `lang` is in no group. Cheap: no
  // dictionary is loaded.
  static std::vector<std::string_view> GroupOf(std::string_view lang);

  // For the group holding `lang`: each member with the number of `words` its dictionary
  // accepts (a word counts for a member when any of its dictionaries accepts it). Empty when
  // `lang` is in no group or one of the group's dictionaries is missing or fails to load.
  // `words` are UTF-8 words in their original case (Hunspell accepts "Opći" for "opći").
  std::vector<LexiconCount> Count(std::string_view lang,
                                  const std::vector<std::string_view>& words) const;

  // Loads every group's dictionaries now (about 1 s and 150 MB for all seven) instead of at
  // first use; for benchmarks and servers that want steady timings.
  void LoadAll() const;

 private:
  struct Group;
  Group* Load(std::string_view lang) const;  // nullptr: no such group, or it is off
  std::string dict_dir_;
  std::vector<std::unique_ptr<Group>> groups_;
};

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_LANGID_LEXICON_H_
