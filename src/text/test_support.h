// Helpers shared by the text unit tests: the seed articles and random byte strings.
#ifndef DEPECHE_TEXT_TEST_SUPPORT_H_
#define DEPECHE_TEXT_TEST_SUPPORT_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace depeche::text::testing_support {

// The seed articles (DEPECHE_SHARED_DIR/seeds/*.txt), in file-name order.
inline std::vector<std::string> ReadSeedTexts() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(DEPECHE_SHARED_DIR) / "seeds")) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    texts.push_back(content.str());
  }
  return texts;
}

// Random bytes, biased towards UTF-8 lead/continuation bytes, spaces and punctuation.
inline std::string RandomBytes(std::mt19937& rng, size_t max_len) {
  static const char kPieces[][5] = {
      "a",        "Z",        " ",        ".",           "\n",   "-",    "'",    "\xE2\x80\x99",
      "\xC3\xA9", "\xCC\x81", "\xD0\xB8", "\xC2\xBB",    "\xE2", "\x80", "\xFF", "\xF0\x9F",
      "M.",       "l",        "1",        "\xE4\xB8\xAD"};
  std::uniform_int_distribution<size_t> pick(0, sizeof(kPieces) / sizeof(kPieces[0]) - 1);
  std::uniform_int_distribution<size_t> length(0, max_len);
  std::string s;
  for (size_t n = length(rng); n > 0; --n) s += kPieces[pick(rng)];
  return s;
}

}  // namespace depeche::text::testing_support

#endif  // DEPECHE_TEXT_TEST_SUPPORT_H_
