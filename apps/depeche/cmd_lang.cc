// depeche lang : identify the language of each stdin line (one ISO 639-1 code per line).
#include <iostream>
#include <string>

#include "cli.h"
#include "text/langid.h"

namespace depeche::cli {

void RegisterLang(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string hint;
    std::string model;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "lang", "Identify the language of each line on stdin; prints one code per line");
  cmd->add_option("--hint", flags->hint, "Expected language, used for short or ambiguous lines");
  cmd->add_option("--model", flags->model, "fastText lid.176.ftz (default: the bundled one)");
  cmd->add_flag("--json", flags->json, "One JSON object per line (code, confidence, reliable)");
  cmd->callback([flags, &ctx] {
    text::LangIdOptions options;
    options.fasttext_model = flags->model.empty() ? DefaultLidModel() : flags->model;
    auto lid = text::LanguageIdentifier::Create(options);
    if (!lid.ok()) {
      PrintError(UserMessage(lid.status()));
      ctx.exit_code = kExitFailure;
      return;
    }
    std::ios::sync_with_stdio(false);
    std::string line;
    std::string out;
    while (std::getline(std::cin, line)) {
      text::LangGuess g = (*lid)->Identify(line, flags->hint);
      if (flags->json) {
        out =
            nlohmann::json{
                {"lang", OrNull(g.code)}, {"confidence", g.confidence}, {"reliable", g.reliable}}
                .dump();
      } else {
        out = g.code;
      }
      out.push_back('\n');
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  });
}

}  // namespace depeche::cli
