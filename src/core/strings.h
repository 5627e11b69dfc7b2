// Small string helpers shared by every module (ASCII-only; Unicode work lives in text/).
#ifndef DEPECHE_CORE_STRINGS_H_
#define DEPECHE_CORE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace depeche::core {

// Strips ASCII whitespace and U+00A0 / U+202F (no-break spaces) at both ends.
std::string_view Trim(std::string_view s);

// Runs of ASCII spaces, tabs and line breaks as one space; none at the ends.
std::string CollapseSpaces(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// Lowercases ASCII letters only.
std::string AsciiLower(std::string_view s);

// Splits on `sep`, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep);

// "1.5 MB", "820 KB", "12 B".
std::string HumanBytes(double bytes);

}  // namespace depeche::core

#endif  // DEPECHE_CORE_STRINGS_H_
