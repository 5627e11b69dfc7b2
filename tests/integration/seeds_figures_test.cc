// The seeds' figures against a hand-checked gold (tests/fixtures/seeds_figures.tsv): each
// figure of the five seed articles with its value, what it counts and its bound. The texts are
// read from ../shared/seeds.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "extract/figures.h"
#include "test_util.h"

namespace depeche {
namespace {

struct GoldFigure {
  std::string file;
  uint32_t begin = 0;
  uint32_t end = 0;
  double value = 0;
  std::string unit;
  std::string bound;
};

std::vector<GoldFigure> ReadGold() {
  std::vector<GoldFigure> out;
  for (const std::vector<std::string>& f : testing_util::FixtureRows("seeds_figures.tsv")) {
    if (f[0][0] == '#') continue;
    if (f.size() < 6) continue;
    out.push_back({f[0], static_cast<uint32_t>(std::stoul(f[1])),
                   static_cast<uint32_t>(std::stoul(f[2])), std::stod(f[3]), f[4], f[5]});
  }
  return out;
}

// Every figure the gold lists must be found (its number inside the gold span) with the gold
// value; most with the gold bound and counted object. Figures the gold leaves out ("les deux"
// as a pronoun...) are reported, not counted against: the gold lists the figures a reader
// would want, the extractor may find a few more.
TEST(SeedsFiguresTest, FiguresValuesAndBoundsMatchTheHandCheckedGold) {
  if (!std::filesystem::exists(testing_util::SeedsDir())) GTEST_SKIP() << "no seeds";
  auto extractor = extract::FigureExtractor::Create(std::string(DEPECHE_SOURCE_DIR) + "/data");
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::vector<GoldFigure> gold = ReadGold();
  ASSERT_EQ(gold.size(), 24u);
  int found = 0, value = 0, bound = 0, unit = 0;
  std::string cached_file;
  std::vector<extract::Figure> figures;
  std::set<const extract::Figure*> used;
  for (const GoldFigure& g : gold) {
    if (g.file != cached_file) {
      figures = (*extractor)->Extract(testing_util::ReadSeed(g.file), "fr");
      cached_file = g.file;
      used.clear();
    }
    // The first figure not yet matched whose span overlaps the gold span.
    const extract::Figure* match = nullptr;
    for (const extract::Figure& f : figures) {
      if (f.span.begin < g.end && g.begin < f.span.end && used.insert(&f).second) {
        match = &f;
        break;
      }
    }
    if (match == nullptr) {
      std::printf("missed %s %u\n", g.file.c_str(), g.begin);
      continue;
    }
    ++found;
    if (std::abs(match->value - g.value) <= 1e-6 * std::max(1.0, std::abs(g.value))) ++value;
    if (extract::FigureBoundName(match->bound) == g.bound) ++bound;
    if (match->unit == g.unit || match->unit + "s" == g.unit || match->unit == g.unit + "s") {
      ++unit;
    }
  }
  const int n = static_cast<int>(gold.size());
  RecordProperty("found", found);
  RecordProperty("value", value);
  RecordProperty("bound", bound);
  RecordProperty("unit", unit);
  // Today (2026-12-07): 22 of 24 found, all with their value; missed "les dizaines de milliers
  // de troupes" (000) and the second of "deux heures et deux heures et demie" (003, read as
  // one); bounds: vague plurals ("des dizaines de milliers") come out exact, not lower; counted
  // objects: "navires de guerre" is "navire", "les quatre" counts "étaient". Floors at today's
  // figures: a change that loses one fails here.
  EXPECT_GE(found, n - 2) << found << " of " << n;
  EXPECT_GE(value, n - 2) << value << " of " << n;
  EXPECT_GE(bound, n - 6) << bound << " of " << n;
  EXPECT_GE(unit, n - 5) << unit << " of " << n;
  std::printf("seeds figures: %d of %d found, value %d, bound %d, unit %d\n", found, n, value,
              bound, unit);
}

}  // namespace
}  // namespace depeche
