// Shared pieces of the depeche command line: options every command has, engine opening with
// the configuration precedence (defaults < config file < DEPECHE_* environment < flags), exit
// codes, and output helpers.
#ifndef DEPECHE_APPS_CLI_H_
#define DEPECHE_APPS_CLI_H_

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/json.h"
#include "depeche/engine.h"

namespace depeche::cli {

// Exit codes of the depeche command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;  // some inputs failed; the rest was done
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;  // the store or a resource failed

struct Context {
  std::string db_flag;      // --db
  std::string config_file;  // --config
  int exit_code = kExitOk;
  // Set by main for the commands that write (ingest). Every other command opens the database
  // read-only: a missing file is an error, nothing is created or written (EngineConfig).
  bool writes = false;

  // Resolves the configuration and opens the engine (read-only unless `writes`); prints the
  // error and sets exit_code on failure.
  std::unique_ptr<Engine> OpenEngine();
  EngineConfig ResolveConfig(std::string& error) const;
};

// Prints "depeche: <message>" on stderr.
void PrintError(const std::string& message);
// The one place where a Status becomes words for the user: its message, without the code name
// (INVALID_ARGUMENT, ...); an internal error says it is one.
std::string UserMessage(const Status& status);
int ExitCodeFor(const Status& status);
// For a failed `status`: prints UserMessage(status), sets ctx.exit_code and returns true.
bool Failed(const Status& status, Context& ctx);

// A table printed with aligned columns (widths in code points), for people.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print(std::FILE* out, size_t max_width = 60) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Truncates to `max` code points with "…".
std::string Ellipsize(const std::string& s, size_t max);
void PrintJson(const nlohmann::json& j);

// The --json documents and their parts come from src/api (api/json.h), shared with the HTTP
// API; the text printing stays here.
using api::ArticleCharOffsets;
using api::CharOffsets;
using api::JsonArray;
using api::OrNull;
using api::SpanText;
using api::ToJson;
// Dates (dates_output.cc), quotations and figures (facts_output.cc) and a story's digest
// (digest_output.cc) as text lines.
void PrintArticleDates(const Article& a);
void PrintTimexes(const Article& a);
void PrintEventDates(const std::vector<StoryEventDate>& days);
void PrintQuotes(const Article& a);
void PrintFigures(const Article& a);
void PrintStoryQuotes(const std::vector<SpeakerQuotes>& speakers);
void PrintStoryFigures(const std::vector<FigureGroup>& groups);
// Where a fact was read, as people read it ("1a2b3c4d Le Monde 2022-01-21").
std::string FactSourceLine(const FactSource& s);
void PrintHeadlines(const std::vector<StoryHeadline>& headlines);
void PrintSummary(const std::vector<StoryLine>& lines, const std::string& since);
void PrintTimeline(const std::vector<StoryTimelineEntry>& timeline, const std::string& since);
// A figure's value as people read it: "~100 000", ">150 000", "1.5-2", "3.2".
std::string FigureValueText(double value, const std::optional<double>& high,
                            const std::string& bound);
// "Anthony Blinken (3), M. Blinken (2)": the aliases other than the name, with their article
// counts (cmd_entities.cc).
std::string AliasList(const EntitySummary& e);
// "a,b,c".
std::string JoinComma(const std::vector<std::string>& values);
// "ORIGINAL_ID (exact)" or "ORIGINAL_ID (0.83)" for a copy, "" for an original (cmd_stories.cc).
std::string CopyNote(const StoryArticle& a);

void RegisterIngest(CLI::App& app, Context& ctx);
void RegisterArticles(CLI::App& app, Context& ctx);
void RegisterShow(CLI::App& app, Context& ctx);
void RegisterSearch(CLI::App& app, Context& ctx);
void RegisterStats(CLI::App& app, Context& ctx);
void RegisterLang(CLI::App& app, Context& ctx);
void RegisterEval(CLI::App& app, Context& ctx);
// `eval ner` (cmd_eval_ner.cc), added under the `eval` command by RegisterEval.
void RegisterEvalNer(CLI::App& eval, Context& ctx);
// `eval timex` (cmd_eval_timex.cc), added under the `eval` command by RegisterEval.
void RegisterEvalTimex(CLI::App& eval, Context& ctx);
// `eval figures` (cmd_eval_figures.cc), added under the `eval` command by RegisterEval.
void RegisterEvalFigures(CLI::App& eval, Context& ctx);
// `eval quotes` (cmd_eval_quotes.cc), added under the `eval` command by RegisterEval.
void RegisterEvalQuotes(CLI::App& eval, Context& ctx);
void RegisterEvalSummary(CLI::App& eval, Context& ctx);   // `eval summary` (cmd_eval_summary.cc)
void RegisterEvalTimeline(CLI::App& eval, Context& ctx);  // `eval timeline` (cmd_eval_timeline.cc)
// `train ner` (cmd_train.cc).
void RegisterTrain(CLI::App& app, Context& ctx);
// The NER model of `lang` the CLI uses by default: $DEPECHE_NER_MODEL_DIR/ner-<lang>.model, or
// the models the build trains (DEPECHE_TRAIN_MODELS) when the variable is unset.
std::string DefaultNerModel(const std::string& lang);
void RegisterStories(CLI::App& app, Context& ctx);
void RegisterStory(CLI::App& app, Context& ctx);
void RegisterDups(CLI::App& app, Context& ctx);
void RegisterEntities(CLI::App& app, Context& ctx);
void RegisterEntity(CLI::App& app, Context& ctx);
// `depeche watch add|list|matches|remove` (cmd_watch.cc).
void RegisterWatch(CLI::App& app, Context& ctx);
// `depeche serve`: the HTTP JSON API (cmd_serve.cc, src/server).
void RegisterServe(CLI::App& app, Context& ctx);
// `depeche completion bash|zsh`: a completion script derived from `app` (completion.cc).
void RegisterCompletion(CLI::App& app, Context& ctx);

// The search arguments joined by spaces into one query text (cmd_search.cc).
std::string SearchText(const std::vector<std::string>& args);
// `depeche search gox -bankruptcy`: after `search` (and `watch add`), an argument "-word" (a single
// dash and at least two characters) is an exclusion, not an option: it becomes the two arguments
// "NOT" "word" ("NOT" "\"two words\"" for `-"two words"`, whose quotes the shell removed).
// `args[0]` is the program; "--" ends the rewriting.
void RewriteSearchExclusions(std::vector<std::string>& args);

// Parse errors in the user's words, with "did you mean" suggestions for a mistyped command or
// option (typos.cc). Returns the exit code (kExitOk for --help and --version).
int ReportParseError(CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

}  // namespace depeche::cli

#endif  // DEPECHE_APPS_CLI_H_
