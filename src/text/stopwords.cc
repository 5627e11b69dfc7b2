#include "text/stopwords.h"

#include <fstream>
#include <sstream>
#include <string>

#include "core/strings.h"
#include "text/normalize.h"

namespace depeche::text {

std::vector<std::string_view> ParseWordList(std::string_view content) {
  std::vector<std::string_view> words;
  for (std::string_view line : core::Split(content, '\n')) {
    line = core::Trim(line);
    if (line.empty() || line.front() == '#') continue;
    words.push_back(line);
  }
  return words;
}

StopWords StopWords::FromText(std::string_view content) {
  StopWords list;
  std::string folded;
  for (std::string_view word : ParseWordList(content)) {
    folded.clear();
    FoldAppend(word, folded);
    if (!folded.empty()) list.words_.insert(folded);
  }
  return list;
}

Result<StopWords> StopWords::Load(std::string_view data_dir, std::string_view lang) {
  // The code becomes a path component: refuse anything but a language code.
  const bool lang_ok = (lang.size() == 2 || lang.size() == 3) &&
                       lang.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == lang.npos;
  if (!lang_ok)
    return InvalidArgumentError("stop words: bad language code '" + std::string(lang) + "'");
  std::string path(data_dir);
  if (!path.empty() && path.back() != '/') path += '/';
  path.append(lang).append("/stopwords.txt");
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("stop words: cannot open " + path);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return UnavailableError("stop words: cannot read " + path);
  return FromText(content.str());
}

bool StopWords::Contains(std::string_view word) const {
  if (words_.empty() || word.empty()) return false;
  std::string folded;  // short words stay in the small-string buffer: no allocation
  FoldAppend(word, folded);
  return words_.count(folded) > 0;
}

}  // namespace depeche::text
