// Parse errors in the user's words: "unknown command storys; did you mean stories?".
#include <algorithm>
#include <string>
#include <vector>

#include "cli.h"

namespace depeche::cli {
namespace {

// Weighted optimal string alignment distance from what was typed (`a`) to a candidate (`b`),
// with git's weights for "did you mean": swapping two neighbours costs 0, substituting 2,
// leaving out a character of `a` 4 and adding one of `b` 1 (a character missed is a more
// common typo than one too many), so "storys" is nearer "stories" (3) than "story" (4).
size_t EditDistance(const std::string& a, const std::string& b) {
  constexpr size_t kSwap = 0, kSubstitute = 2, kDelete = 4, kInsert = 1;
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i * kDelete;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j * kInsert;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : kSubstitute;
      d[i][j] = std::min({d[i - 1][j] + kDelete, d[i][j - 1] + kInsert, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + kSwap);
      }
    }
  }
  return d[n][m];
}

// The candidate closest to `word`, if it is close enough to be what was meant (a distance of
// at most 2 + half the word's length); "" when none is.
std::string Closest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::string::npos;
  for (const std::string& c : candidates) {
    size_t distance = EditDistance(word, c);
    if (distance < best_distance) {
      best_distance = distance;
      best = c;
    }
  }
  return best_distance <= 2 + word.size() / 2 ? best : std::string();
}

std::vector<std::string> CommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

// "--limit", "-n", ... of `app` and, since options fall through, of its parents.
std::vector<std::string> OptionNames(const CLI::App* app) {
  std::vector<std::string> names;
  for (; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* opt : app->get_options({})) {
      for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
      for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
    }
  }
  return names;
}

const CLI::Option* FindOption(const CLI::App* app, const std::string& token) {
  std::string name = token.substr(0, token.find('='));
  for (; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* opt : app->get_options({})) {
      if (opt->check_name(name)) return opt;
    }
  }
  return nullptr;
}

std::string Suggestion(const std::string& what, const std::string& word,
                       const std::vector<std::string>& candidates) {
  std::string message = "unknown " + what + " " + word;
  std::string closest = Closest(word, candidates);
  if (!closest.empty()) return message + "; did you mean " + closest + "?";
  std::string list;
  for (const std::string& c : candidates) list += (list.empty() ? "" : ", ") + c;
  return message + " (one of: " + list + ")";
}

}  // namespace

int ReportParseError(CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
  if (error.get_exit_code() == 0) return app.exit(error) == 0 ? kExitOk : kExitUsage;  // --help

  // Walk the words as the parser does: options (and their values) are skipped, a bare word
  // names a subcommand of the current command, or is the first argument of a leaf command.
  const CLI::App* current = &app;
  std::string path = "depeche";
  for (int i = 1; i < argc; ++i) {
    std::string token = argv[i];
    if (token == "--") break;
    if (token.size() > 1 && token[0] == '-') {
      const CLI::Option* opt = FindOption(current, token);
      if (opt == nullptr && token.rfind("--", 0) == 0) {
        PrintError(Suggestion("option", token.substr(0, token.find('=')), OptionNames(current)) +
                   " (see " + path + " --help)");
        return kExitUsage;
      }
      if (opt != nullptr && opt->get_items_expected_min() > 0 &&
          token.find('=') == std::string::npos) {
        ++i;  // its value
      }
      continue;
    }
    std::vector<std::string> commands = CommandNames(*current);
    if (commands.empty()) continue;  // a leaf command's positional argument
    const CLI::App* sub = nullptr;
    for (const CLI::App* s : current->get_subcommands({})) {
      if (s->check_name(token)) sub = s;
    }
    if (sub == nullptr) {
      PrintError(Suggestion("command", token, commands) + " (see " + path + " --help)");
      return kExitUsage;
    }
    current = sub;
    path += " " + sub->get_name();
  }
  if (current->get_subcommands({}).size() > 0 && current->get_require_subcommand_min() > 0) {
    std::string list;
    for (const std::string& c : CommandNames(*current)) list += (list.empty() ? "" : ", ") + c;
    PrintError("give a command: " + list + " (see " + path + " --help)");
    return kExitUsage;
  }
  PrintError(std::string(error.what()) + " (see " + path + " --help)");
  return kExitUsage;
}

}  // namespace depeche::cli
