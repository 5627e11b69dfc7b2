// depeche eval quotes --format polnear --data SPLIT_DIR [--lang en] [--json] [--errors N]:
// depeche's quotation extractor (extract/quotes.h) scored against PolNeAR attributions
// (eval/quote_scorer.h): overlap and exact-span P/R/F1 and speaker accuracy, direct and
// indirect quotes apart and together.
#include <algorithm>
#include <cstdio>
#include <tuple>

#include "cli.h"
#include "depeche/config.h"
#include "eval/polnear_reader.h"
#include "eval/quote_scorer.h"
#include "extract/article_facts.h"
#include "extract/quotes.h"

namespace depeche::cli {
namespace {

struct QuoteEvalFlags {
  std::string data;
  std::string format = "polnear";
  std::string lang = "en";
  bool json = false;
  size_t misses = 0;
};

// Prints up to `limit` gold direct quotes no system direct quote overlaps, and system direct
// quotes no gold direct quote overlaps, with their speakers: for error analysis.
void PrintMisses(const eval::PolnearDocument& d, const std::vector<eval::QuoteItem>& system,
                 size_t* left) {
  const std::vector<eval::QuoteItem> gold = eval::GoldQuoteItems(d.text, d.attributions);
  auto text_of = [&d](const eval::Spans& spans) {
    std::string out;
    for (const auto& [b, e] : spans) {
      if (!out.empty()) out += " | ";
      out += d.text.substr(b, std::min<size_t>(e - b, 90));
    }
    return out;
  };
  auto overlaps = [](const eval::QuoteItem& a, const eval::QuoteItem& b) {
    for (const auto& x : a.content) {
      for (const auto& y : b.content) {
        if (std::max(x.first, y.first) < std::min(x.second, y.second)) return true;
      }
    }
    return false;
  };
  for (const auto& [from, to, label] :
       {std::tuple{&gold, &system, "missed"}, std::tuple{&system, &gold, "spurious"}}) {
    for (const eval::QuoteItem& g : *from) {
      if (!g.direct || *left == 0) continue;
      bool found = false;
      const eval::QuoteItem* other = nullptr;
      for (const eval::QuoteItem& s : *to) {
        if (s.direct && overlaps(g, s) && other == nullptr) other = &s;
      }
      found = other != nullptr;
      if (found && from == &gold) {
        // A matched quote: its speaker right?
        bool right = g.speaker.empty() && other->speaker.empty();
        for (const auto& x : g.speaker) {
          for (const auto& y : other->speaker) {
            right = right || std::max(x.first, y.first) < std::min(x.second, y.second);
          }
        }
        if (!right && *left > 0) {
          --*left;
          std::fprintf(stderr, "speaker %s: [%s] gold [%s] system [%s]\n", d.name.c_str(),
                       text_of(g.content).c_str(), text_of(g.speaker).c_str(),
                       text_of(other->speaker).c_str());
        }
      }
      if (found) continue;
      --*left;
      std::fprintf(stderr, "%s %s: [%s] speaker [%s]\n", label, d.name.c_str(),
                   text_of(g.content).c_str(), text_of(g.speaker).c_str());
    }
  }
}

eval::Spans ToSpans(const std::vector<extract::ByteSpan>& spans) {
  eval::Spans out;
  for (const extract::ByteSpan& s : spans) out.emplace_back(s.begin, s.end);
  return out;
}

std::vector<eval::QuoteItem> ToItems(const std::vector<extract::Quote>& quotes) {
  std::vector<eval::QuoteItem> items;
  for (const extract::Quote& q : quotes) {
    eval::QuoteItem item;
    item.direct = q.kind == extract::QuoteKind::kDirect;
    item.content = ToSpans(q.content);
    if (!q.speaker.empty()) item.speaker.emplace_back(q.speaker.begin, q.speaker.end);
    if (!q.name.empty()) item.speaker.emplace_back(q.name.begin, q.name.end);
    items.push_back(std::move(item));
  }
  return items;
}

nlohmann::json ScoresJson(const eval::QuoteScores& s) {
  auto prf = [](const eval::QuotePrf& p) {
    return nlohmann::json{{"precision", p.precision}, {"recall", p.recall}, {"f1", p.f1}};
  };
  return {{"counts",
           {{"gold", s.counts.gold},
            {"system", s.counts.system},
            {"overlap", s.counts.overlap},
            {"exact", s.counts.exact},
            {"speaker_correct", s.counts.speaker_correct}}},
          {"overlap", prf(s.overlap)},
          {"exact", prf(s.exact)},
          {"speaker_accuracy", s.speaker_accuracy}};
}

nlohmann::json CountsJson(const eval::QuoteCounts& c) {
  return {{"gold", c.gold},
          {"system", c.system},
          {"overlap", c.overlap},
          {"exact", c.exact},
          {"speaker_correct", c.speaker_correct}};
}

void RunQuoteEval(const QuoteEvalFlags& flags, Context& ctx) {
  if (flags.format != "polnear") {
    PrintError("unknown quotation data format '" + flags.format + "' (polnear)");
    ctx.exit_code = kExitUsage;
    return;
  }
  auto docs = eval::ReadPolnear(flags.data);
  if (Failed(docs.status(), ctx)) return;
  auto extractor = extract::QuoteExtractor::Create(DefaultDataDir(), flags.lang);
  if (Failed(extractor.status(), ctx)) return;
  std::vector<std::vector<eval::QuoteItem>> system;
  size_t misses_left = flags.misses;
  for (const eval::PolnearDocument& d : *docs) {
    // As the analyzer reads an article (a wire text's wrapped lines joined; offsets unchanged).
    system.push_back(ToItems((*extractor)->Extract(extract::SoftWrapsAsSpaces(d.text))));
    if (misses_left > 0) PrintMisses(d, system.back(), &misses_left);
  }
  auto report = eval::ScoreQuoteCorpus(*docs, system);
  if (Failed(report.status(), ctx)) return;
  const eval::QuoteEvalReport& r = *report;
  if (flags.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const eval::QuoteDocumentScore& d : r.documents) {
      items.push_back({{"id", d.name},
                       {"direct", CountsJson(d.direct)},
                       {"indirect", CountsJson(d.indirect)},
                       {"all", CountsJson(d.all)}});
    }
    PrintJson({{"task", "quotes"},
               {"data", flags.data},
               {"format", flags.format},
               {"lang", flags.lang},
               {"documents", r.documents.size()},
               {"overall",
                {{"direct", ScoresJson(r.direct)},
                 {"indirect", ScoresJson(r.indirect)},
                 {"all", ScoresJson(r.all)}}},
               {"items", items}});
    return;
  }
  std::printf("depeche's quotation extractor (%s) against %s: %zu documents\n", flags.lang.c_str(),
              flags.data.c_str(), r.documents.size());
  Table t({"kind", "gold", "system", "overlap P", "overlap R", "overlap F1", "exact F1",
           "speaker acc"});
  auto fmt = [](double v) {
    char b[16];
    std::snprintf(b, 16, "%.4f", v);
    return std::string(b);
  };
  for (const auto& [name, s] :
       {std::pair<const char*, const eval::QuoteScores*>{"direct", &r.direct},
        {"indirect", &r.indirect},
        {"all", &r.all}}) {
    t.Add({name, std::to_string(s->counts.gold), std::to_string(s->counts.system),
           fmt(s->overlap.precision), fmt(s->overlap.recall), fmt(s->overlap.f1), fmt(s->exact.f1),
           fmt(s->speaker_accuracy)});
  }
  t.Print(stdout);
}

}  // namespace

void RegisterEvalQuotes(CLI::App& eval, Context& ctx) {
  auto flags = std::make_shared<QuoteEvalFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "quotes",
      "Quotations: span overlap and exact-span P/R/F1 and speaker accuracy of depeche's "
      "quotation extractor against gold attributions, direct and indirect apart");
  cmd->add_option("--data", flags->data,
                  "Gold split folder (PolNeAR: text/ and attributions/, e.g. "
                  "../shared/data/polnear/data/dev)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--format", flags->format, "polnear (the only format)");
  cmd->add_option("--lang", flags->lang, "The texts' language: data/LANG/quotes.txt (default en)");
  cmd->add_option("--misses", flags->misses,
                  "Print up to N missed and spurious direct quotes and wrong speakers on stderr "
                  "(error analysis)");
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunQuoteEval(*flags, ctx); });
}

}  // namespace depeche::cli
