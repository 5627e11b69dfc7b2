// The seeds' quotations against a hand-checked gold (tests/fixtures/seeds_quotes.tsv): each
// quotation of the five seed articles with its speaker. The texts are read from ../shared/seeds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "extract/quotes.h"
#include "test_util.h"

namespace depeche {
namespace {

struct GoldQuote {
  std::string file;
  size_t begin = 0;
  size_t end = 0;
  std::string kind;
  std::string speaker;
};

std::vector<GoldQuote> ReadGold() {
  std::vector<GoldQuote> out;
  for (const std::vector<std::string>& f : testing_util::FixtureRows("seeds_quotes.tsv")) {
    if (f[0][0] == '#') continue;
    if (f.size() < 5) continue;
    out.push_back({f[0], std::stoul(f[1]), std::stoul(f[2]), f[3], f[4]});
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The words that name the speaker in the text: its name, else its mention; a pronoun's
// antecedent (an earlier quote's speaker, or the name of a clause's subject) or a definite
// description's earlier mention followed.
std::string SpeakerText(const std::string& text, const std::vector<extract::Quote>& quotes,
                        size_t i) {
  for (int hops = 0; hops < 8; ++hops) {
    const extract::Quote& q = quotes[i];
    if (q.speaker_kind == extract::SpeakerKind::kPronoun && !q.name.empty()) {
      // A pronoun whose antecedent is a clause's subject, not an earlier quote's speaker.
      return text.substr(q.name.begin, q.name.end - q.name.begin);
    }
    if (q.speaker_kind == extract::SpeakerKind::kPronoun) {
      if (q.antecedent < 0 || static_cast<size_t>(q.antecedent) >= quotes.size()) return "";
      i = static_cast<size_t>(q.antecedent);
      continue;
    }
    if (q.speaker_kind == extract::SpeakerKind::kDescription && q.antecedent >= 0 &&
        static_cast<size_t>(q.antecedent) < quotes.size()) {
      // "le fonctionnaire" taking up "un haut responsable du département d'État".
      i = static_cast<size_t>(q.antecedent);
      continue;
    }
    const extract::ByteSpan s = q.name.empty() ? q.speaker : q.name;
    return text.substr(s.begin, s.end - s.begin);
  }
  return "";
}

// A speaker is right when the text's words for it hold the gold's last word ("Blinken" in
// "M. Blinken" for Antony Blinken, "Etat"/"État" for an unnamed official of the State
// Department: its description must then be what the extractor found).
bool SameSpeaker(const std::string& gold, const std::string& found) {
  if (found.empty()) return false;
  std::string g = gold;
  if (g.rfind("unnamed: ", 0) == 0) g = g.substr(9);
  const size_t space = g.find_last_of(' ');
  const std::string last = Lower(space == std::string::npos ? g : g.substr(space + 1));
  std::string f = Lower(found);
  if (f.find(last) != std::string::npos) return true;
  // "État" and "Etat" (the seeds write both).
  return last.size() > 3 && f.find(last.substr(last.size() - 3)) != std::string::npos;
}

TEST(SeedsQuotesTest, QuotationsAndSpeakersMatchTheHandCheckedGold) {
  if (!std::filesystem::exists(testing_util::SeedsDir())) GTEST_SKIP() << "no seeds";
  auto extractor = extract::QuoteExtractor::Create(std::string(DEPECHE_SOURCE_DIR) + "/data", "fr");
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::vector<GoldQuote> gold = ReadGold();
  ASSERT_EQ(gold.size(), 69u);
  int direct = 0, direct_found = 0, partial = 0, partial_found = 0, speakers = 0;
  std::string cached_file, text;
  std::vector<extract::Quote> quotes;
  for (const GoldQuote& g : gold) {
    if (g.file != cached_file) {
      text = testing_util::ReadSeed(g.file);
      quotes = (*extractor)->Extract(text);
      cached_file = g.file;
    }
    (g.kind == "partial" ? partial : direct)++;
    std::optional<size_t> match;
    for (size_t i = 0; i < quotes.size() && !match; ++i) {
      std::vector<extract::ByteSpan> spans = quotes[i].content;
      spans.insert(spans.end(), quotes[i].partial.begin(), quotes[i].partial.end());
      for (const extract::ByteSpan& s : spans) {
        if (s.begin < g.end && g.begin < s.end) match = i;
      }
    }
    if (!match) {
      std::printf("missed %s %zu (%s)\n", g.file.c_str(), g.begin, g.kind.c_str());
      continue;
    }
    (g.kind == "partial" ? partial_found : direct_found)++;
    const std::string found = SpeakerText(text, quotes, *match);
    if (SameSpeaker(g.speaker, found)) {
      ++speakers;
    } else {
      std::printf("speaker %s %zu: gold \"%s\", found \"%s\"\n", g.file.c_str(), g.begin,
                  g.speaker.c_str(), found.c_str());
    }
  }
  std::printf("seeds quotes: direct %d of %d found, partial %d of %d, speakers right %d of %d\n",
              direct_found, direct, partial_found, partial, speakers, direct_found + partial_found);
  // Today (2026-12-07): direct 24 of 25 found, partial 41 of 44, speakers right 62 of the 65
  // found (18, 18 and 19 of 36 before the French rules of that day). Floors at today's figures
  // (a change that loses one fails here); what is left: docs/QUALITY.md, "Quotations".
  EXPECT_GE(direct_found, 24);
  EXPECT_GE(partial_found, 41);
  EXPECT_GE(speakers, 62);
}

}  // namespace
}  // namespace depeche
